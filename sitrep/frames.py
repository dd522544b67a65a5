"""Small DataFrame helpers that the counting modules share.

pandas 3 keeps text as Arrow strings, and ``Series.isin`` then converts every value of its
argument to an Arrow scalar in Python, paid several times per run on a large export. ``isin``
here asks Arrow directly, an order of magnitude faster.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def isin(series: pd.Series, values: Iterable) -> pd.Series:
    """``series.isin(values)`` for text columns, computed by Arrow; missing values are False."""
    values = list(values)
    if not isinstance(series.dtype, pd.StringDtype) or not all(
            isinstance(v, str) for v in values):
        return series.isin(values)
    found = pc.is_in(pa.array(series.array), value_set=pa.array(values, type=pa.string()))
    return pd.Series(found.fill_null(False).to_numpy(zero_copy_only=False), index=series.index,
                     dtype=bool)
