"""How the command line reads its arguments and writes to a terminal or a spreadsheet.

Argument types that refuse bad values with a usage error, a text stream that keeps
terminal escape codes in data from acting on the terminal, and the rule that makes a
CSV cell inert where a spreadsheet would run it as a formula.
"""

from __future__ import annotations

import argparse
import re
from typing import Any, TextIO

__all__ = ["CONTROL", "FORMULA_STARTS", "Clean", "inert", "not_negative", "picture_file", "port", "positive", "scale"]


#: What a spreadsheet takes for the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made inert with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def port(text: str) -> int:
    if not (text.isascii() and text.isdigit() and int(text) <= 65535):
        raise argparse.ArgumentTypeError(f"not a port number from 0 to 65535: {text!r}")
    return int(text)


def _at_least(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be at least {minimum}: {text!r}")
    return value


def positive(text: str) -> int:
    """A whole number of at least 1."""
    return _at_least(text, 1)


def not_negative(text: str) -> int:
    """A whole number of at least 0."""
    return _at_least(text, 0)


def scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 20:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 20: {text!r}")
    return value


def picture_file(text: str) -> str:
    if not text.lower().endswith((".svg", ".png")):
        raise argparse.ArgumentTypeError(f"can write .svg or .png files only, not {text!r}")
    return text


class Clean:
    """A text stream that writes control characters (terminal escape codes) as U+FFFD.

    Data can carry text from anywhere; a terminal would act on the escape sequences in it.
    Tab and newline pass; JSON output escapes control characters itself.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(CONTROL.sub("\ufffd", text))

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


#: Control characters a terminal may act on (all but tab and newline).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
