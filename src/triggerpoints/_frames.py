"""The dataset's tables as typed pandas DataFrames (the optional ``frames`` extra)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from triggerpoints._atlas import Atlas
from triggerpoints._export import Row, rows
from triggerpoints.exceptions import MissingDependencyError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["frames"]

#: Columns whose values may all be missing in some dataset, and what they hold when present.
_NUMBERS = {"year": "Int64", "volume": "Int64", "chapter": "Int64", "share_high": "Float64", "general": "boolean"}


def frames(*, atlas: Atlas | None = None) -> dict[str, pd.DataFrame]:
    """Return the dataset as typed pandas DataFrames, one per table of :func:`tables`.

    The tables and columns are those of :func:`tables` (:data:`TABLES`: muscles,
    trigger points, referrals, spared regions, relations, regions, links, sources,
    factors, symptoms, conditions, treatments and prevalence), typed instead of text:
    counts are ``Int64`` columns, flags ``boolean``, shares ``Float64``, text
    ``string``, missing values ``pd.NA``, and lists (aliases, sources, ancestors) are
    Python lists in ``object`` columns. A table with no rows has no columns.

    Args:
        atlas: The atlas to flatten; the packaged one by default.

    Returns:
        Table name to DataFrame, in :data:`TABLES` order.

    Raises:
        MissingDependencyError: pandas (the ``frames`` extra) is not installed.

    Examples:
        >>> import triggerpoints as tp
        >>> frames = tp.frames()
        >>> str(frames["regions"]["depth"].dtype), str(frames["regions"]["sided"].dtype)
        ('Int64', 'boolean')
        >>> frames["sources"].set_index("id").loc["source:ts-vol2", "tier"]
        'textbook'
        >>> frames["regions"].set_index("id").loc["region:ischial-tuberosity", "ancestors"][:2]
        ['region:body', 'region:trunk']
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional, only when asked
    except ModuleNotFoundError:
        raise MissingDependencyError("pandas", "frames", "Data frames") from None
    return {name: _frame(pd.DataFrame(table), table) for name, table in rows(atlas=atlas).items()}


def _frame(frame: pd.DataFrame, table: list[Row]) -> pd.DataFrame:
    types = {column: _dtype(column, [row[column] for row in table]) for column in frame.columns}
    return frame.astype({column: dtype for column, dtype in types.items() if dtype != "object"})


def _dtype(column: str, values: list[object]) -> str:
    present = [value for value in values if value is not None]
    if not present:
        return _NUMBERS.get(column, "string")
    if all(isinstance(value, bool) for value in present):
        return "boolean"
    if all(isinstance(value, int) and not isinstance(value, bool) for value in present):
        return "Int64"
    if all(isinstance(value, (int, float)) and not isinstance(value, bool) for value in present):
        return "Float64"
    if all(isinstance(value, str) for value in present):
        return "string"
    return "object"
