"""Executed briefing notebook -> self-contained HTML (nbconvert, our template) -> PDF (WeasyPrint).

The HTML carries its CSS inline and its figures as inline SVG, so it loads nothing from the
network; WeasyPrint is given a URL fetcher that refuses every request to make sure of it.
"""

from __future__ import annotations

from pathlib import Path

from sitrep.paths import TEMPLATES



def to_html(notebook: Path, title: str) -> str:
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook, as_version=4)
    exporter = HTMLExporter(template_name="briefing", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    css = (TEMPLATES / "briefing" / "briefing.css").read_text(encoding="utf-8")
    html, _ = exporter.from_notebook_node(
        nb, resources={"briefing_title": title, "briefing_css": css})
    return html


def _no_network(url: str, *args, **kwargs):
    raise ValueError(f"the briefing may not load {url}: everything must be embedded")


def to_pdf(html: str, pdf: Path) -> None:
    from weasyprint import HTML

    HTML(string=html, base_url=str(TEMPLATES), url_fetcher=_refusing_fetcher()).write_pdf(pdf)


def _refusing_fetcher():
    """A WeasyPrint fetcher that refuses every URL: WeasyPrint then skips the resource (an
    image's alt text stays), where a plain function made it fail on its own error handling."""
    from weasyprint.urls import URLFetcher

    class Refusing(URLFetcher):
        def fetch(self, url, *args, **kwargs):
            return _no_network(url, *args, **kwargs)

    return Refusing()


def warm(work: Path) -> None:
    """Render a one-line notebook to HTML and PDF in ``work``, so that the briefing's own
    rendering finds the exporter's templates compiled and the fonts loaded, off the critical
    path (``make report`` calls this while the later notebooks run)."""
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook

    work.mkdir(parents=True, exist_ok=True)
    nbformat.write(new_notebook(cells=[new_markdown_cell("warm-up")]), work / "warm.ipynb")
    to_pdf(to_html(work / "warm.ipynb", "warm-up"), work / "warm.pdf")

