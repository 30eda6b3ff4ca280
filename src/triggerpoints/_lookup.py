"""Resolving human words ("sits bone", "glute max") to records, on the packaged atlas.

Each function here is the module-level twin of the :class:`~triggerpoints.Atlas`
method of the same name, run on :func:`triggerpoints.load`'s packaged atlas. Use the
methods of an atlas you loaded yourself to ask your own data.
"""

from __future__ import annotations

from triggerpoints._atlas import Match, load
from triggerpoints._models import Muscle, Record, Region, TriggerPoint

__all__ = ["lookup", "muscle", "region", "search", "trigger_point"]


def lookup(text: str, *, kind: str | None = None) -> Record:
    """Return the one record, of any kind, that ``text`` names.

    Args:
        text: An id, a name or an alias.
        kind: Restrict to one kind (``"muscle"``, ``"trigger_point"``, ``"region"``,
            ``"factor"``, ``"symptom"``, ``"condition"``, ``"treatment"``,
            ``"source"``, ``"relation"``).

    Returns:
        The record.

    Raises:
        UnknownIdError: Nothing is named so (with suggestions).
        AmbiguousKeyError: Records of different kinds share the word.

    See Also:
        :meth:`triggerpoints.Atlas.lookup`.

    Examples:
        >>> import triggerpoints as tp
        >>> tp.lookup("sits bone").name
        'Ischial tuberosity'
        >>> tp.lookup("glute med").id
        'muscle:gluteus-medius'
    """
    return load().lookup(text, kind=kind)


def search(text: str, *, kind: str | None = None, limit: int | None = 10) -> list[Match]:
    """Return records whose names or aliases match ``text``, best first; never raises on text.

    See Also:
        :meth:`triggerpoints.Atlas.search` for the scoring and the order.

    Examples:
        >>> import triggerpoints as tp
        >>> best = tp.search("piriformis")[0]
        >>> (best.kind, best.name, best.score)
        ('muscle', 'Piriformis', 1.0)
        >>> tp.search("xyzzy")
        []
    """
    return load().search(text, kind=kind, limit=limit)


def muscle(key: str) -> Muscle:
    """Return a packaged muscle by id, name or alias.

    Examples:
        >>> import triggerpoints as tp
        >>> tp.muscle("glute min").name
        'Gluteus minimus'
    """
    return load().muscle(key)


def trigger_point(key: str) -> TriggerPoint:
    """Return a packaged trigger point by id, alias, or muscle name plus label.

    Examples:
        >>> import triggerpoints as tp
        >>> tp.trigger_point("gluteus maximus TrP1").muscle
        'muscle:gluteus-maximus'
    """
    return load().trigger_point(key)


def region(key: str) -> Region:
    """Return a packaged region by id, name or the words people use.

    Examples:
        >>> import triggerpoints as tp
        >>> tp.region("tailbone").id
        'region:coccyx'
    """
    return load().region(key)
