"""The limits on what the library reads: dataset files, query text and phrase counts.

Every limit is a documented constant here, in one place, and every check raises
:class:`~triggerpoints.exceptions.InputTooLargeError` naming what was too large, by how
much and the limit. The limits keep one hostile or careless input from holding a
process for long or filling its memory; each is far above what real use needs (see
``docs/dataset.md`` and ``docs/lookup.md``).

Examples:
    >>> from triggerpoints._limits import MAX_QUERY_LENGTH, check_text
    >>> MAX_QUERY_LENGTH
    1000
    >>> check_text("pain phrase", "sits bone")
    >>> check_text("pain phrase", "x" * 1001)
    Traceback (most recent call last):
    ...
    triggerpoints.exceptions.InputTooLargeError: pain phrase too large: 1,001 characters, over the limit of 1,000
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Final

from triggerpoints.exceptions import InputTooLargeError

if TYPE_CHECKING:  # ranking imports this module; it must not pay for pathlib
    from pathlib import Path

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_PHRASES",
    "MAX_QUERY_LENGTH",
    "MAX_TRACE_DEPTH",
    "check_count",
    "check_depth",
    "check_text",
    "read_bounded",
]

#: The largest dataset file read, in bytes (128 MiB: about 100 times the packaged
#: dataset). A file is read up to this many bytes and one more, never further.
MAX_FILE_BYTES: Final = 128 * 1024 * 1024

#: The deepest nesting of JSON arrays and objects in a dataset file. The format needs
#: 6 levels (the top object, a section, a record, its referrals, a referral, its sources).
MAX_JSON_DEPTH: Final = 32

#: The longest query text, in characters: a pain phrase, an activity or symptom
#: phrase, a trace source or target. Longer text is refused, never cut: a cut phrase
#: could be read as another place.
MAX_QUERY_LENGTH: Final = 1000

#: The most phrases one :func:`~triggerpoints.rank` call reads: pain, activities,
#: symptoms and pain-free places together.
MAX_PHRASES: Final = 100

#: The most relations a :func:`~triggerpoints.trace` path may follow.
MAX_TRACE_DEPTH: Final = 10

_CHUNK = 1024 * 1024
# What is not structure in JSON text: strings (with their escapes), then the brackets.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_PAIRS = str.maketrans("[]{}", "()()")


def check_text(what: str, text: object) -> None:
    """Refuse query text longer than :data:`MAX_QUERY_LENGTH` characters (anything else passes).

    Raises:
        InputTooLargeError: ``text`` is a string over the limit.
    """
    if isinstance(text, str) and len(text) > MAX_QUERY_LENGTH:
        raise InputTooLargeError(what, MAX_QUERY_LENGTH, len(text), "characters")


def check_count(
    what: str, count: int, limit: int = MAX_PHRASES, unit: str = "phrases", *, at_least: bool = False
) -> None:
    """Refuse more than ``limit`` items (:data:`MAX_PHRASES` phrases by default).

    ``at_least`` says that counting stopped early, so ``count`` is a lower bound.

    Raises:
        InputTooLargeError: ``count`` is over ``limit``.
    """
    if count > limit:
        raise InputTooLargeError(what, limit, count, unit, at_least=at_least)


def check_depth(text: str, what: str) -> None:
    """Refuse JSON text whose arrays and objects nest deeper than :data:`MAX_JSON_DEPTH`.

    Brackets inside strings do not count. Malformed text is measured as well as it can
    be; the JSON decoder then reports what is wrong with it.

    Raises:
        InputTooLargeError: The nesting is too deep.
    """
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return  # too few brackets to nest too deeply
    # Each pass takes out every innermost pair, one level of nesting; what is left after
    # the limit's number of passes nests deeper. Each pass runs in C over a shrinking text.
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text)).translate(_PAIRS)
    for _level in range(MAX_JSON_DEPTH):
        if not brackets:
            return
        brackets = brackets.replace("()", "")
    if "()" in brackets:
        raise InputTooLargeError(what, MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, "levels of nesting", at_least=True)


def read_bounded(path: str | Path) -> bytes:
    """Read a file of at most :data:`MAX_FILE_BYTES` bytes, never more than one byte past it.

    A regular file over the limit is refused by its size before it is read. A pipe or
    device (``/dev/stdin``, a FIFO, ``/dev/zero``) is read up to the limit and one byte
    more; a FIFO that no program writes to reads as empty instead of blocking.

    Raises:
        InputTooLargeError: The file is larger than the limit.
        OSError: The file cannot be opened or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if status.st_size > MAX_FILE_BYTES:
            raise InputTooLargeError(f"dataset file {path}", MAX_FILE_BYTES, status.st_size, "bytes")
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_FILE_BYTES:
            chunk = os.read(descriptor, min(_CHUNK, MAX_FILE_BYTES + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
        raise InputTooLargeError(f"dataset file {path}", MAX_FILE_BYTES, total, "bytes", at_least=True)
    finally:
        os.close(descriptor)
