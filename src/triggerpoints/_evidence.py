"""What ranking and tracing share: the model's weights, and how specific a referral is.

A referral explains pain in an asked-for region when it names that region
(``"exact"``), a region inside it (``"subregion"``) or a region around it
(``"broader"``); :func:`specificity` says which, and its weight, for both
:func:`~triggerpoints.rank` and :func:`~triggerpoints.trace`. Ranking also lets a
referral to a region in another branch of the region tree that overlaps the asked-for
one on the body explain it in part (``"overlap"``).
"""

from __future__ import annotations

import math
from typing import Literal

import attrs

from triggerpoints._atlas import Atlas
from triggerpoints.exceptions import ArgumentError

__all__ = ["DEFAULT_WEIGHTS", "Specificity", "Weights", "specificity"]

#: How a referral's region sits relative to the asked-for region.
Specificity = Literal["exact", "subregion", "broader", "overlap"]

# Weights that are probabilities or shares (at most 1), and those that may be 0 (a term switched off).
_AT_MOST_ONE = (
    "essential",
    "spillover",
    "exact",
    "subregion",
    "broader",
    "overlap",
    "least_overlap",
    "coverage",
    "sensitivity",
)
_MAY_BE_ZERO = ("prior", "unreported", "least_overlap")


@attrs.frozen(kw_only=True)
class Weights:
    """Every weight of the ranking model, with its default. See :func:`~triggerpoints.rank`.

    Tracing uses ``essential``, ``spillover``, ``subregion`` and ``broader`` too.

    Raises:
        ArgumentError: A weight is not a positive number (``prior`` may be 0), or a
            probability or share is over 1, or ``absent_weight`` or ``unreported`` is 1
            while ``sensitivity`` and ``essential`` are 1 too: then one pain-free or
            unreported essential zone would rule a muscle out (a chance of 0, whose
            logarithm is minus infinity), which no single observation can do in this model.

    Examples:
        >>> import triggerpoints as tp
        >>> tp.Weights().spillover
        0.4
    """

    essential: float = 1.0
    spillover: float = 0.4
    exact: float = 1.0
    subregion: float = 1.0
    broader: float = 0.5
    overlap: float = 0.5
    least_overlap: float = 0.1
    coverage: float = 0.5
    sensitivity: float = 0.9
    leak: float = 0.05
    activity_lr: float = 3.0
    symptom_lr: float = 3.0
    absent_weight: float = 0.8
    unreported: float = 0.1
    prior: float = 0.0

    def __repr__(self) -> str:
        return f"Weights({', '.join(f'{field.name}={getattr(self, field.name)!r}' for field in attrs.fields(Weights))})"

    def __attrs_post_init__(self) -> None:
        for field in attrs.fields(Weights):
            value = getattr(self, field.name)
            lowest_ok = field.name in _MAY_BE_ZERO and value == 0
            if isinstance(value, bool) or not (
                isinstance(value, (int, float)) and math.isfinite(value) and (value > 0 or lowest_ok)
            ):
                raise ArgumentError(
                    field.name, value, "a positive number" + (" or 0" if field.name in _MAY_BE_ZERO else "")
                )
        for name in (*_AT_MOST_ONE, "absent_weight", "unreported"):
            if getattr(self, name) > 1:
                raise ArgumentError(name, getattr(self, name), "a number above 0 and at most 1")
        for name in ("absent_weight", "unreported"):  # each is the factor of a ln(1 - x) term
            if getattr(self, name) * self.sensitivity * self.essential >= 1:
                raise ArgumentError(
                    name,
                    getattr(self, name),
                    "below 1 while sensitivity and essential are 1 (ln 0 would rule muscles out)",
                )

    def specificity(self, atlas: Atlas, referred: str, asked: str) -> tuple[float, Specificity] | None:
        """How a referral to ``referred`` explains pain in ``asked``: weight and kind, or ``None``.

        Only the region tree is read here (``"overlap"`` needs the body maps; see
        :func:`~triggerpoints.rank`).

        Examples:
            >>> import triggerpoints as tp
            >>> tp.Weights().specificity(tp.load(), "region:ischial-tuberosity", "region:buttock")
            (1.0, 'subregion')
        """
        return specificity(atlas, referred, asked, self)


#: The default weights; keyword defaults of :func:`~triggerpoints.rank` and
#: :func:`~triggerpoints.trace` are read from here.
DEFAULT_WEIGHTS = Weights()


def specificity(atlas: Atlas, referred: str, asked: str, weights: Weights) -> tuple[float, Specificity] | None:
    """How a referral to ``referred`` explains pain in ``asked``, in the region tree, as a weight and a kind.

    Args:
        atlas: The atlas whose region hierarchy decides.
        referred: The referral's region id.
        asked: The asked-for region id.
        weights: The weights of ``exact``, ``subregion`` and ``broader``.

    Returns:
        ``(weight, kind)``, or ``None`` when neither region lies inside the other.
    """
    placement = atlas.compare_regions(referred, asked)
    if placement == "same":
        return weights.exact, "exact"
    if placement == "inside":
        return weights.subregion, "subregion"
    if placement == "around":
        return weights.broader, "broader"
    return None
