"""Stage 1, raw -> clean events: readers, cell checks, filters, the counting rule.

``from sitrep import clean`` gives the stage's steps (``clean.read``, ``clean.enforce``,
``clean.count``, ``clean.run_info``, ``clean.write``: see :mod:`sitrep.clean.stage`), loaded on
first use, so that importing a light module of the stage (``sitrep.clean.filters``, which the
pipeline checks before any kernel starts) does not import pandas.
"""

import importlib

STEPS = ("read", "enforce", "count", "run_info", "write", "previous", "write_previous",
         "make_filters")


def __getattr__(name: str):
    if name in STEPS:
        return getattr(importlib.import_module("sitrep.clean.stage"), name)
    raise AttributeError(f"module 'sitrep.clean' has no attribute {name!r}")
