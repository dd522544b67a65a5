"""Rule-based extraction of casualty figures from news-style reports, for analyst review.

This package owns the step from raw report text (``seeds/*.txt``) to *proposals*:

* ``candidates.csv`` — one row per casualty figure found in a report, with its sentence,
  the character offsets of its evidence, victim category, outcome, bounds, whether it is a
  party's claim, a nearby place and the victims' home province (:func:`extract_figures`);
* a draft ``incidents.csv`` in the native log format and a draft ``victims.csv``
  (:func:`draft_incidents`, :func:`draft_victims`), for the analyst to check and copy into
  ``data/raw/``;
* ``unread.csv`` — every count of people in a casualty sentence that is not a proposed
  figure, with the reason it was set aside (:func:`unread_counts`), so that a figure the
  rules miss is in front of the reviewer all the same;
* the scorer used by ``make eval-extract`` (:func:`evaluate`).

Nothing is downloaded. The rules are stdlib ``re`` over word lists
(:mod:`.lexicon`), numbers are read by :mod:`sitrep.counts`, places by the project's offline
gazetteer. The same text always gives the same rows. Modules, one job each: ``sentences``
(splitting with offsets), ``lexicon`` (words), ``patterns`` (the patterns several rules
share), ``mentions`` and ``nouns`` (numbers of people and their nouns), ``figures`` (the
order of the rules, one module each: ``outcomes``, ``labels``, ``sharing``, ``subsets``,
``categories``, ``claims``, ``background``, ``updates``), ``where`` (places), ``candidates``
(the table), ``drafts`` (the log drafts), ``unread`` (the counts set aside), ``scoring``
(evaluation), ``texts`` (the SEEDS folder, and each report's source from its header block or
``SEEDS/sources.csv``) and ``run`` (files in and out). The subpackage ``review`` takes the
reviewed candidates into the incident log and the training store (``make extract-apply``).
Since issue 18 the rules are the candidate generator of a learned re-labeller, the subpackage
``learn`` (logistic regressions kept as JSON weights in ``learn/model.json``, built by
``make train-extract``): :func:`extract_figures` and :func:`run_extract` use it when the model
is present; :func:`rule_figures` gives the rules alone.
"""

from sitrep.extract.candidates import extract_figures, rule_figures
from sitrep.extract.drafts import draft_incidents, draft_victims
from sitrep.extract.run import run_extract
from sitrep.extract.scoring import evaluate, evaluate_folder
from sitrep.extract.unread import unread_counts
from sitrep.schema import (CANDIDATE_COLUMNS, GOLD_COLUMNS, UNREAD_COLUMNS, VICTIM_COLUMNS)
from sitrep.schema import DRAFT_INCIDENT_COLUMNS as INCIDENT_COLUMNS

__all__ = [
    "CANDIDATE_COLUMNS", "INCIDENT_COLUMNS", "VICTIM_COLUMNS", "GOLD_COLUMNS", "UNREAD_COLUMNS",
    "extract_figures", "rule_figures", "draft_incidents", "draft_victims", "unread_counts",
    "run_extract",
    "evaluate", "evaluate_folder",
]
