"""Stage 3, tables -> briefing: the sections as HTML, charts, the map, the computed narrative,
and the renderer that makes the HTML and the PDF."""
