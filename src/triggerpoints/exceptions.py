"""Every exception the library raises, and how each one reads.

All errors derive from :class:`TriggerPointsError`. Each subclass also inherits the
builtin exception that fits it, so ``except LookupError`` or ``except ValueError``
keep working in code that does not know this library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

__all__ = [
    "AmbiguousKeyError",
    "ArgumentError",
    "DatasetError",
    "InputTooLargeError",
    "InvariantError",
    "MissingDependencyError",
    "Problem",
    "TriggerPointsError",
    "UnknownIdError",
]


class TriggerPointsError(Exception):
    """The root of every exception raised by triggerpoints."""


def _quoted(items: Iterable[str]) -> str:
    return ", ".join(repr(item) for item in items)


def _either(items: Sequence[str]) -> str:
    """Join quoted items as ``'a', 'b' or 'c'``."""
    quoted = [repr(item) for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} or {quoted[-1]}"


class UnknownIdError(TriggerPointsError, LookupError):
    """A name, alias or id that matches no record.

    Attributes:
        kind: The record kind that was searched (``"muscle"``, ``"region"``, ...),
            or ``"record"`` when every kind was searched.
        key: The text that was looked up, as given.
        suggestions: Close matches (display names), best first; may be empty.

    Examples:
        >>> import triggerpoints as tp
        >>> try:
        ...     tp.load().region("sits bon")
        ... except tp.UnknownIdError as error:
        ...     print(error)
        unknown region 'sits bon'; did you mean 'sits bone'?
    """

    def __init__(self, kind: str, key: str, suggestions: Sequence[str] | Callable[[], Sequence[str]] = ()) -> None:
        self.kind = kind
        self.key = key
        # Finding close names costs far more than raising; many callers catch the error
        # and never read it, so a callable is only asked when the suggestions are read.
        self._suggestions: tuple[str, ...] | Callable[[], Sequence[str]] = (
            suggestions if callable(suggestions) else tuple(suggestions)
        )
        super().__init__(kind, key)

    @property
    def suggestions(self) -> tuple[str, ...]:
        """Close matches (display names), best first; computed when first read."""
        if callable(self._suggestions):
            self._suggestions = tuple(self._suggestions())
        return self._suggestions

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.kind, self.key, self.suggestions))

    def __str__(self) -> str:
        message = f"unknown {self.kind} {self.key!r}"
        if self.suggestions:
            message += f"; did you mean {_either(self.suggestions[:3])}?"
        return message


class ArgumentError(TriggerPointsError, ValueError):
    """An argument value that a function or command cannot use.

    Attributes:
        argument: The parameter's name (``"limit"``, ``"kind"``, ``"scale"``).
        value: The value given.
        expected: What would have been accepted, in a few words.

    Examples:
        >>> import triggerpoints as tp
        >>> try:
        ...     tp.load().search("glute", limit=-1)
        ... except tp.ArgumentError as error:
        ...     print(error)
        invalid limit -1: expected a whole number of at least 0, or None
    """

    def __init__(self, argument: str, value: object, expected: str) -> None:
        self.argument = argument
        self.value = value
        self.expected = expected
        super().__init__(argument, value, expected)

    def __str__(self) -> str:
        return f"invalid {self.argument} {self.value!r}: expected {self.expected}"


class InputTooLargeError(TriggerPointsError, ValueError):
    """An input over one of the library's stated limits: a file, its nesting, a text or a count.

    The limits keep one input from holding a process for long or filling its memory;
    they are far above real use (see the dataset and lookup docs for each one).

    Attributes:
        what: What was too large (``"pain phrase"``, ``"dataset file data.json"``).
        limit: The largest size allowed, in ``unit``.
        size: The size found, in ``unit``; with ``at_least``, a lower bound (reading
            stopped there).
        unit: What the sizes count (``"characters"``, ``"bytes"``, ``"phrases"``).
        at_least: Whether ``size`` is only a lower bound.

    Examples:
        >>> import triggerpoints as tp
        >>> from triggerpoints.exceptions import InputTooLargeError
        >>> try:
        ...     tp.resolve_place("thigh " * 1000)
        ... except InputTooLargeError as error:
        ...     print(error.limit, "-", error)
        1000 - pain phrase too large: 6,000 characters, over the limit of 1,000
    """

    def __init__(self, what: str, limit: int, size: int, unit: str, *, at_least: bool = False) -> None:
        self.what = what
        self.limit = limit
        self.size = size
        self.unit = unit
        self.at_least = at_least
        super().__init__(what, limit, size, unit)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_too_large, (self.what, self.limit, self.size, self.unit, self.at_least))

    def __str__(self) -> str:
        size = f"{'at least ' if self.at_least else ''}{self.size:,} {self.unit}"
        return f"{self.what} too large: {size}, over the limit of {self.limit:,}"


def _too_large(what: str, limit: int, size: int, unit: str, at_least: bool) -> InputTooLargeError:  # noqa: FBT001
    """Remake an :class:`InputTooLargeError` (for pickling, which passes arguments by position)."""
    return InputTooLargeError(what, limit, size, unit, at_least=at_least)


class InvariantError(TriggerPointsError, ValueError):
    """A record field whose value breaks one of the record's own rules.

    Raised when a record is made in Python with a bad value; loading a file reports
    the same rules as :class:`DatasetError` problems with their JSON paths.

    Attributes:
        field: The name of the offending field.

    Examples:
        >>> import triggerpoints as tp
        >>> try:
        ...     tp.Spared(region="lateral leg", sources=("source:ts-vol2-ch9",))
        ... except tp.InvariantError as error:
        ...     print(error.field, "-", error)
        region - malformed id 'lateral leg'; expected 'region:lower-kebab-case'
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, str(self)))


class MissingDependencyError(TriggerPointsError, ImportError):
    """An optional package that a feature needs is not installed.

    Attributes:
        package: The distribution to install (``"anatomapa"``).
        extra: The triggerpoints extra that brings it (``"maps"``).
        feature: What needs it, in a few words.

    Examples:
        >>> import triggerpoints as tp
        >>> print(tp.MissingDependencyError("resvg-py", "png", "PNG output"))
        PNG output needs the optional package 'resvg-py'; install it with: pip install 'triggerpoints[png]'
    """

    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package = package
        self.extra = extra
        self.feature = feature
        super().__init__(f"{package} is not installed")

    def __str__(self) -> str:
        return (
            f"{self.feature} needs the optional package {self.package!r}; "
            f"install it with: pip install 'triggerpoints[{self.extra}]'"
        )


class AmbiguousKeyError(TriggerPointsError, LookupError):
    """A name or alias that matches more than one record.

    Raised by :meth:`triggerpoints.Atlas.lookup` when the same word names records of
    different kinds (a region and a muscle, say). Ask the kind-specific method, or
    pass ``kind=``.

    Attributes:
        key: The text that was looked up.
        matches: The ids of every record it matches, sorted.
    """

    def __init__(self, key: str, matches: Sequence[str]) -> None:
        self.key = key
        self.matches = tuple(sorted(matches))
        super().__init__(key, self.matches)

    def __str__(self) -> str:
        return f"{self.key!r} is ambiguous: it names {_quoted(self.matches)}; pass kind= or use the id"


class Problem(tuple[str, str]):
    """One problem found in a dataset: a JSON path and a message.

    A ``(path, message)`` pair; ``str(problem)`` reads ``message @ path``.
    """

    __slots__ = ()

    def __new__(cls, path: str, message: str) -> Problem:
        """Make a problem from its JSON path and its message."""
        return super().__new__(cls, (path, message))

    @property
    def path(self) -> str:
        """The JSON path of the offending value, such as ``$.muscles[2].sources``."""
        return self[0]

    @property
    def message(self) -> str:
        """What is wrong there."""
        return self[1]

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.message!r})"


class DatasetError(TriggerPointsError, ValueError):
    """A dataset that cannot be loaded, with every problem found in it.

    Loading never returns a partly valid atlas: either every record is valid and
    every reference resolves, or this error lists all the problems at once.

    Attributes:
        source: Where the data came from (a file path or ``"<packaged>"``).
        problems: Every problem found, in document order.
    """

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(source, self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"invalid dataset {self.source}: {count} {noun}"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)
