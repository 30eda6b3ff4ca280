"""How one pain phrase was read: :class:`Place`, what :func:`triggerpoints.resolve_place` returns.

The reader itself is in :mod:`triggerpoints._reading`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

import attrs

from triggerpoints._display import record_repr

if TYPE_CHECKING:
    from triggerpoints._shapes import PlaceDict

__all__ = ["Place", "Side"]

#: The side of the body a phrase names.
Side = Literal["left", "right", "both"]


@attrs.frozen(kw_only=True)
class Place:
    """How one pain phrase was read.

    Attributes:
        phrase: The phrase as given.
        regions: The regions where it hurts, in the order the phrase names them.
        side: ``"left"``, ``"right"`` or ``"both"`` if the phrase says so.
        absent: Regions the phrase says are free of pain ("not into the foot").
        used: The words of the phrase the reading rests on.
        ignored: Words that named no region and were left out ("front" in "front
            teeth": no region is finer than the teeth).
        warnings: What a reader of the result should know: the phrase names the whole
            body or a broad area, names a muscle rather than a place, and the like.
        names: Display names of the regions, for :meth:`~triggerpoints.Place.describe`.
    """

    phrase: str
    regions: tuple[str, ...]
    side: Side | None = None
    absent: tuple[str, ...] = ()
    used: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    names: Mapping[str, str] = attrs.field(factory=lambda: MappingProxyType({}), eq=False, repr=False)

    __repr__ = record_repr

    @property
    def leftover(self) -> tuple[str, ...]:
        """The ignored words (the name model 1.0 gave them)."""
        return self.ignored

    def describe(self) -> str:
        """Return one line saying how the phrase was read.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.resolve_place("back molar").describe()
            "read 'back molar' as Teeth; ignored 'back'"
        """
        name = self.names.get
        text = f"read {self.phrase!r} as {', '.join(name(r, r) for r in self.regions) or 'no painful place'}"
        if self.side:
            text += f" ({self.side} side)" if self.side != "both" else " (both sides)"
        if self.absent:
            text += f"; free of pain: {', '.join(name(r, r) for r in self.absent)}"
        if self.ignored:
            text += "; ignored " + ", ".join(repr(word) for word in self.ignored)
        return "".join([text, *(f"; {warning}" for warning in self.warnings)])

    def to_dict(self) -> PlaceDict:
        """Return the reading as JSON-ready data, with the display names of its regions.

        Examples:
            >>> import triggerpoints as tp
            >>> data = tp.resolve_place("left butt cheek").to_dict()
            >>> data["regions"], data["side"], data["names"]
            (['region:buttock'], 'left', {'region:buttock': 'Buttock'})
        """
        return {
            "phrase": self.phrase,
            "regions": list(self.regions),
            "side": self.side,
            "absent": list(self.absent),
            "used": list(self.used),
            "ignored": list(self.ignored),
            "warnings": list(self.warnings),
            "text": self.describe(),
            "names": {key: self.names.get(key, key) for key in (*self.regions, *self.absent)},
        }
