"""Strict JSON decoding for dataset files: every problem becomes a DatasetError with its path.

Python's :mod:`json` accepts NaN and Infinity, keeps the last of two equal keys
silently and raises :class:`RecursionError` on deep nesting; :func:`decode` refuses
all three with a clear problem (nesting deeper than
``MAX_JSON_DEPTH`` is refused before decoding), and accepts
a UTF-8 byte-order mark. :func:`text_problems` finds text that no output format can
carry: lone surrogates, control characters other than tab and newline, and the two
non-characters U+FFFE and U+FFFF.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from triggerpoints._limits import check_depth
from triggerpoints.exceptions import DatasetError, Problem

__all__ = ["decode", "json_type", "text_problems"]

# Characters no output may hold: C0 controls but tab and newline (a carriage return
# does not survive CSV and XML round trips), DEL and the C1 controls (terminal escapes),
# lone surrogates (not Unicode) and U+FFFE/U+FFFF (not characters; XML refuses them).
_BAD_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


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


def _what(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate {code} (not valid Unicode)"
    if char in "\ufffe\uffff":
        return f"{code}, which is not a character"
    named = {"\r": " (carriage return: write line breaks as \\n)", "\x1b": " (escape)", "\x00": " (null)"}
    return f"the control character {code}{named.get(char, '')}"


def _text_problem(text: str, path: str, what: str) -> Problem | None:
    found = _BAD_TEXT.search(text)
    if found is None:
        return None
    where = f"at character {found.start()}" if len(text) > 1 else ""
    message = f"{what} holds {_what(found.group())} {where}".rstrip()
    return Problem(path, f"{message}; only tab and newline are allowed among control characters")


def text_problems(document: Any) -> list[Problem]:
    r"""Every string (value or key) of a decoded document that an output format could not carry.

    One problem per string, with its JSON path, in document order.

    Examples:
        >>> from triggerpoints._json import text_problems
        >>> text_problems({"muscles": [{"name": "Glute\rmax"}]})  # doctest: +ELLIPSIS
        [Problem('$.muscles[0].name', 'text holds the control character U+000D (carriage ...) at character 5; ...')]
    """
    problems: list[Problem] = []
    stack: list[tuple[Any, str]] = [(document, "$")]
    while stack:  # depth first, children pushed in reverse: document order
        value, path = stack.pop()
        if isinstance(value, str):
            found = _text_problem(value, path, "text")
            if found is not None:
                problems.append(found)
        elif isinstance(value, dict):
            children = []
            for key, item in value.items():
                found = _text_problem(key, path, f"the key {key!r}") if isinstance(key, str) else None
                if found is not None:
                    problems.append(found)
                    continue  # the key is unusable in a path; its value is not looked at
                children.append((item, f"{path}.{key}"))
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(reversed([(item, f"{path}[{number}]") for number, item in enumerate(value)]))
    return problems


def decode(text: str, origin: str) -> Any:
    """Decode JSON strictly: no NaN or Infinity, no key written twice, no runaway nesting.

    Raises:
        DatasetError: The text is not JSON, or repeats a key in an object.
        InputTooLargeError: Arrays and objects nest deeper than the limit.
    """
    check_depth(text, f"dataset {origin}")
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
