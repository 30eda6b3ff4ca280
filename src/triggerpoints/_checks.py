"""The rules a single record checks on its own, as attrs validators.

Every rule raises :class:`~triggerpoints.InvariantError` naming the field. Rules that
need the whole dataset (references, duplicates, cycles) live in the dataset checks.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import Any

import attrs

from triggerpoints.exceptions import InvariantError

__all__ = [
    "ALIASES",
    "LINKS",
    "SOURCES",
    "Validator",
    "cited",
    "date",
    "distinct",
    "id_of",
    "ids_of",
    "member",
    "members",
    "non_blank",
    "non_blank_items",
    "not_empty",
    "positive",
    "xrefs",
]

#: An attrs validator: called with the instance, the attribute and the value.
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_ID = re.compile(rf"(?P<prefix>[a-z]+):{_SLUG}")
_XREF = re.compile(r"(?:UBERON|FMA|NCIT):[A-Za-z0-9]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def id_of(*prefixes: str) -> Validator:
    """Return an attrs validator: the value is an ID with one of ``prefixes``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
        match = _ID.fullmatch(value)
        if match is None or match["prefix"] not in prefixes:
            wanted = " or ".join(f"'{prefix}:lower-kebab-case'" for prefix in prefixes)
            raise InvariantError(attribute.name, f"malformed id {value!r}; expected {wanted}")

    return check


def ids_of(*prefixes: str) -> Validator:
    """Return an attrs validator: every item is an ID with one of ``prefixes``."""
    single = id_of(*prefixes)

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        for item in value:
            single(instance, attribute, item)

    return check


def non_blank(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str):
        raise InvariantError(attribute.name, f"{attribute.name} must be text, not {type(value).__name__}")
    if not value.strip():
        raise InvariantError(attribute.name, f"{attribute.name} must not be blank")


def non_blank_items(_instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        raise InvariantError(attribute.name, f"{attribute.name} must be a tuple of text")
    if any(not item.strip() for item in value):
        raise InvariantError(attribute.name, f"{attribute.name} must not contain blank text")


def cited(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not isinstance(value, tuple):
        raise InvariantError(attribute.name, f"{attribute.name} must be a tuple of source ids")
    if not value:
        raise InvariantError(attribute.name, "a fact without a source: cite at least one source")
    ids_of("source")(instance, attribute, value)


def xrefs(_instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        if _XREF.fullmatch(item) is None:
            raise InvariantError(attribute.name, f"malformed cross-reference {item!r}; expected UBERON:, FMA: or NCIT:")


def date(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    import datetime  # noqa: PLC0415 - only checked records need it, not the packaged data's

    try:
        valid = _DATE.fullmatch(value) is not None and datetime.date.fromisoformat(value) is not None
    except ValueError:
        valid = False
    if not valid:
        raise InvariantError(attribute.name, f"malformed date {value!r}; expected a real date as YYYY-MM-DD")


def positive(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not 1 <= value <= 9999:
        raise InvariantError(attribute.name, f"{attribute.name} must be a whole number from 1 to 9999")


def distinct(_instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    seen: set[Any] = set()
    twice: set[str] = set()
    for item in value:  # one pass: a record with thousands of aliases is checked in linear time
        if item in seen:
            twice.add(str(getattr(item, "value", item)))
        seen.add(item)
    repeated = sorted(twice)
    if repeated:
        raise InvariantError(attribute.name, f"{attribute.name} lists {', '.join(map(repr, repeated))} more than once")


def not_empty(_instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not value:
        raise InvariantError(attribute.name, f"{attribute.name} must not be empty")


def member(kind: type[enum.Enum]) -> Validator:
    """Return an attrs validator: the value is a member of ``kind`` (not its text)."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvariantError(attribute.name, f"{attribute.name} must be a {kind.__name__}, not {value!r}")

    return check


def members(kind: type[enum.Enum]) -> Validator:
    """Return an attrs validator: every item is a member of ``kind``."""
    single = member(kind)

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        for item in value:
            single(instance, attribute, item)

    return check


#: Field definitions shared by several record classes.
ALIASES: Any = attrs.field(default=(), validator=[non_blank_items, distinct])
SOURCES: Any = attrs.field(validator=[cited, distinct])
LINKS: Any = attrs.field(validator=not_empty)
