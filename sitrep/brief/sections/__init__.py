"""The briefing's sections, one module each, in the order a reader meets them: front (title,
key figures, summary), places (province, district, map), period (by day or month), people
(victims' home provinces, perpetrator claims), method, sources, quality (the appendix). Each
function takes the :class:`sitrep.brief.briefing.Briefing` and returns an HTML fragment."""
