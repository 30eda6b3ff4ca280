"""Strict JSON decoding for dataset files: every problem becomes a DatasetError with its path.

Python's :mod:`json` accepts NaN and Infinity, keeps the last of two equal keys
silently and raises :class:`RecursionError` on deep nesting; :func:`decode` refuses
all three with a clear problem, and accepts a UTF-8 byte-order mark.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from triggerpoints.exceptions import DatasetError, Problem

__all__ = ["decode", "json_type"]


def json_type(value: object) -> str:
    """How a message names the JSON type of a decoded value ("a string", "a list", ...)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "a number too large to represent"
    if isinstance(value, float):
        return "a number with a fraction" if value != int(value) else "a number written with a decimal point"
    names = {str: "a string", bool: "a boolean", int: "a number"}
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return "null" if value is None else names.get(type(value), type(value).__name__)


class _Object(dict[str, Any]):
    """A decoded JSON object that remembers the keys it had more than once."""

    duplicates: tuple[str, ...] = ()


def _object_hook(found: list[bool]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """A JSON object hook: plain dicts, or an _Object naming its repeated keys (and noted in ``found``)."""

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        counts = Counter(key for key, _ in pairs)
        marked = _Object(pairs)
        marked.duplicates = tuple(key for key, count in counts.items() if count > 1)
        found.append(True)
        return marked

    return hook


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _duplicate_keys(value: Any, path: str) -> Iterator[Problem]:
    """Every key written twice in one object, with the object's path."""
    if isinstance(value, dict):
        for key in getattr(value, "duplicates", ()):
            yield Problem(f"{path}.{key}", f"duplicate key {key!r}: JSON keeps only the last value")
        for key, item in value.items():
            yield from _duplicate_keys(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _duplicate_keys(item, f"{path}[{index}]")


def decode(text: str, origin: str) -> Any:
    """Decode JSON strictly: no NaN or Infinity, no key written twice, no runaway nesting."""
    found: list[bool] = []
    try:
        document = json.loads(
            text.removeprefix("\ufeff"), object_pairs_hook=_object_hook(found), parse_constant=_no_constant
        )
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        raise DatasetError(origin, [Problem("$", message)]) from None
    except ValueError as error:
        raise DatasetError(origin, [Problem("$", f"not valid JSON: {error}")]) from None
    except RecursionError:
        raise DatasetError(origin, [Problem("$", "cannot read: the JSON is nested too deeply")]) from None
    if found:  # walk the document for paths only when some object repeated a key
        raise DatasetError(origin, list(_duplicate_keys(document, "$")))
    return document
