"""sitrep.brief.render: an executed notebook -> self-contained HTML -> PDF.

A tiny notebook built here (code, a stream, an error, HTML output, markdown with and without the
"briefing" tag) renders to HTML with its outputs only (no code, prompts, streams or errors) and
to a PDF whose text pdftotext reads back; the URL fetcher refuses every URL, so a remote image in
the HTML is never fetched (no socket is opened), and does not break the render.
"""

from __future__ import annotations

import socket

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from conftest import pdf_text
from sitrep.brief import render

BODY = "<h1>Fixture briefing</h1><p>People killed: 1,234 (best estimate)</p>"


def notebook(path, html: str = BODY):
    cell = new_code_cell(
        source="SECRET_CODE = 42\nprint('stream text')\nshow(SECRET_CODE)",
        execution_count=7,
        outputs=[
            new_output("stream", name="stdout", text="stream text\n"),
            new_output("display_data", data={"text/html": html,
                                             "text/plain": "<plain fallback>"}),
            new_output("error", ename="ValueError", evalue="boom-error",
                       traceback=["Traceback: boom-error"]),
        ])
    nb = new_notebook(cells=[
        new_markdown_cell("Untagged notes for the analyst"),
        cell,
        new_markdown_cell("Prose the analyst *added*", metadata={"tags": ["briefing"]}),
    ])
    nbformat.write(nb, path)
    return path


def test_html_has_the_outputs_and_no_code_or_prompts(tmp_path):
    html = render.to_html(notebook(tmp_path / "b.ipynb"), "Casualties <in> Kalat")
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert BODY in html                                    # the HTML output, as it is
    assert "<title>Casualties &lt;in&gt; Kalat</title>" in html  # the title, escaped
    assert "Prose the analyst <em>added</em>" in html     # a markdown cell tagged "briefing"
    for leak in ("SECRET_CODE", "show(", "stream text", "boom-error", "Traceback",
                 "<plain fallback>", "&lt;plain fallback&gt;", "Untagged notes",
                 "In&nbsp;[", "In [", "Out[", "[7]:", "jp-InputPrompt", "jp-OutputPrompt"):
        assert leak not in html, leak


def test_html_is_self_contained(tmp_path):
    html = render.to_html(notebook(tmp_path / "b.ipynb"), "t")
    # The print CSS is inline; nothing links to a stylesheet or script elsewhere.
    assert "<style>" in html and "@page" in html and "size: A4" in html
    assert "<link" not in html and "<script" not in html


def test_pdf_text_reads_back(tmp_path):
    html = render.to_html(notebook(tmp_path / "b.ipynb"), "Fixture briefing")
    pdf = tmp_path / "b.pdf"
    render.to_pdf(html, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf, layout=False)
    assert "Fixture briefing" in text
    assert "People killed: 1,234 (best estimate)" in text
    assert "Prose the analyst added" in text
    assert "Page 1 of 1" in text  # the print CSS's page counter
    assert "SECRET_CODE" not in text and "stream text" not in text


def test_the_url_fetcher_refuses_everything():
    for url in ("https://example.com/logo.png", "file:///etc/passwd", "data:,x"):
        with pytest.raises(ValueError, match="may not load"):
            render._no_network(url)


REMOTE = "https://example.com/tracker.png"


@pytest.fixture
def no_sockets(monkeypatch):
    """Every socket connection the code under test attempts (each refused)."""
    connects: list[object] = []

    def no_connect(self, address, *args):
        connects.append(address)
        raise OSError("the test forbids network access")

    monkeypatch.setattr(socket.socket, "connect", no_connect)
    return connects


def remote_image_html(tmp_path) -> str:
    page = BODY + f'<img src="{REMOTE}" alt="remote">'
    return render.to_html(notebook(tmp_path / "b.ipynb", page), "Fixture briefing")


def test_a_remote_image_is_never_fetched(tmp_path, monkeypatch, no_sockets):
    asked: list[str] = []
    original = render._no_network

    def recording(url, *args, **kwargs):
        asked.append(url)
        return original(url, *args, **kwargs)  # refuses, as the real fetcher does

    monkeypatch.setattr(render, "_no_network", recording)
    try:
        render.to_pdf(remote_image_html(tmp_path), tmp_path / "b.pdf")
    except Exception:  # whether the render survives is the next test's (see its xfail)
        pass
    # WeasyPrint asked the refusing fetcher for the image, and nothing opened a socket.
    assert asked == [REMOTE]
    assert no_sockets == []


def test_a_remote_image_does_not_break_the_render(tmp_path, no_sockets):
    pdf = tmp_path / "b.pdf"
    render.to_pdf(remote_image_html(tmp_path), pdf)
    assert no_sockets == []
    assert "People killed: 1,234 (best estimate)" in pdf_text(pdf, layout=False)


def test_warm_renders_a_one_line_notebook(tmp_path):
    work = tmp_path / "nested" / "warm"
    render.warm(work)  # creates the folder
    assert (work / "warm.ipynb").exists()
    assert (work / "warm.pdf").read_bytes().startswith(b"%PDF")
