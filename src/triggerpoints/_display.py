"""How records and results show themselves: short reprs, and HTML tables for notebooks.

A record's ``repr`` names its class and its first fields (the id and the name come
first in every record), each value cut to a few dozen characters, and stops at about
two hundred characters with ``...``: enough to tell records apart in a list, never a
screenful. The whole record is :func:`~triggerpoints.to_dict` away. Notebooks (Jupyter,
VS Code) call ``_repr_html_`` and get a small table of the non-empty fields, without
curation notes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from triggerpoints._shapes import CautionDict

__all__ = [
    "brief",
    "caution_dicts",
    "cautions_html",
    "cut",
    "escape",
    "html_table",
    "names_of",
    "record_html",
    "record_repr",
]

#: About how long a record's repr may grow before the rest is left out.
REPR_BUDGET = 200
#: How long one value may be in a repr.
VALUE_BUDGET = 48
#: How long one value may be in an HTML cell.
CELL_BUDGET = 400


def brief(value: object, budget: int = VALUE_BUDGET) -> str:
    """The repr of a value, cut to ``budget`` characters (enums as their member name).

    Examples:
        >>> from triggerpoints._display import brief
        >>> brief("x" * 100, 12)
        "'xxxxxxx...'"
        >>> brief(("a", "b", "c"), 12)
        '(3 items)'
    """
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, tuple) and value and attrs.has(type(value[0])):
        return f"({len(value)} {type(value[0]).__name__.lower()}s)"
    text = repr(value)
    if len(text) <= budget:
        return text
    if isinstance(value, str):
        return repr(value[: budget - 5]).removesuffix("'") + "...'"
    if isinstance(value, tuple):
        return f"({len(value)} items)"
    return text[: budget - 3] + "..."


def escape(text: str) -> str:
    """Text made safe for HTML (the ``html`` module is imported only when a notebook asks)."""
    import html  # noqa: PLC0415 - only for notebook display

    return html.escape(text)


def cut(text: str, budget: int) -> str:
    """Text cut to ``budget`` characters, ending with ``...`` when cut."""
    return text if len(text) <= budget else text[: budget - 3] + "..."


def cautions_html(cautions: Sequence[tuple[str, str]], names: Mapping[str, str]) -> str:
    """Caution notes as HTML paragraphs, each naming its region."""
    return "".join(
        f"<p><b>Caution ({escape(names.get(region, region))}):</b> {escape(text)}</p>" for region, text in cautions
    )


def _shown(instance: Any) -> Iterable[tuple[str, object]]:
    """The fields worth showing: not empty, not curation notes."""
    for field in attrs.fields(type(instance)):
        value = getattr(instance, field.name)
        if field.name == "curation" or field.repr is False or value is None or value in ("", ()):
            continue
        yield field.name, value


def record_repr(self: object) -> str:
    """A short repr for an attrs record: its first non-empty fields, cut to about 200 characters."""
    parts: list[str] = []
    used = len(type(self).__name__) + 2
    fields = list(_shown(self))
    for name, value in fields:
        part = f"{name}={brief(value)}"
        if parts and used + len(part) > REPR_BUDGET:
            parts.append("...")
            break
        parts.append(part)
        used += len(part) + 2
    return f"{type(self).__name__}({', '.join(parts)})"


def _cell(value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, tuple):
        if value and attrs.has(type(value[0])):
            return "<br>".join(_part(item) for item in value)
        return escape(", ".join(str(item) for item in value))
    text = str(value)
    return escape(text if len(text) <= CELL_BUDGET else text[: CELL_BUDGET - 3] + "...")


def _part(item: object) -> str:
    """One part of a record (a referral, a link) in a cell: what it names, and its zone."""
    named = getattr(item, "region", None) or getattr(item, "muscle", None)
    if named is None:
        return escape(record_repr(item))
    zone = getattr(item, "zone", None)
    return escape(f"{named} ({zone.value})" if isinstance(zone, enum.Enum) else str(named))


def html_table(rows: Sequence[Sequence[str]], *, header: Sequence[str] = (), caption: str = "") -> str:
    """An HTML table of already escaped cells, with an optional header row and caption."""
    head = "<tr>" + "".join(f"<th>{cell}</th>" for cell in header) + "</tr>" if header else ""
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    title = f"<caption>{caption}</caption>" if caption else ""
    return f"<table>{title}{head}{body}</table>"


def record_html(self: object) -> str:
    """An HTML table of an attrs record's non-empty fields, for notebooks (no curation notes)."""
    rows = [(f"<b>{escape(name)}</b>", _cell(value)) for name, value in _shown(self)]
    return html_table(rows, caption=escape(type(self).__name__))


def names_of(ids: Iterable[str], names: Mapping[str, str]) -> dict[str, str]:
    """Each id once, with its display name (the id itself where ``names`` has none)."""
    return {key: names.get(key, key) for key in dict.fromkeys(ids)}


def caution_dicts(cautions: Iterable[tuple[str, str]], names: Mapping[str, str]) -> list[CautionDict]:
    """``(region, caution)`` pairs as data, with each region's display name."""
    return [{"region": region, "region_name": names.get(region, region), "caution": text} for region, text in cautions]
