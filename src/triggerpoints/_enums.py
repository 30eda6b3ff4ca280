"""The closed vocabularies of the data: views, zones, sides, kinds of relation, factor and source, tiers of evidence.

Each is a ``str`` enum, so a member compares equal to its text in the JSON.
"""

from __future__ import annotations

import enum

__all__ = [
    "ENUMS",
    "BodyArea",
    "FactorCategory",
    "FactorKind",
    "Laterality",
    "RelationKind",
    "SourceConcern",
    "SourceKind",
    "SourceTier",
    "SplitOrigin",
    "TreatmentKind",
    "View",
    "Zone",
]


class View(str, enum.Enum):
    """A standard view of the body in which a region can be seen."""

    ANTERIOR = "anterior"
    POSTERIOR = "posterior"
    LATERAL = "lateral"
    MEDIAL = "medial"


class Zone(str, enum.Enum):
    """How reliably a trigger point refers pain to a region (the manual's terms).

    ``ESSENTIAL`` zones are felt by nearly everyone with an active trigger point;
    ``SPILLOVER`` zones only by some, usually when the trigger point is very active.
    """

    ESSENTIAL = "essential"
    SPILLOVER = "spillover"


class Laterality(str, enum.Enum):
    """Which side a referral reaches, relative to the trigger point."""

    IPSILATERAL = "ipsilateral"
    CONTRALATERAL = "contralateral"
    BILATERAL = "bilateral"


class RelationKind(str, enum.Enum):
    """How one muscle or trigger point acts on another.

    Every relation points from the one that drives to the one that is driven: the
    source is the one to treat first.
    """

    SATELLITE = "satellite"
    """The target develops satellite trigger points in the source's referral zone."""
    KEY = "key"
    """The source's trigger points keep the target's active; treat the source first."""
    SYNERGIST_OVERLOAD = "synergist-overload"
    """The target is overloaded doing the work of a dysfunctional source."""
    ANTAGONIST_OVERLOAD = "antagonist-overload"
    """The target is overloaded by working against the source."""
    ASSOCIATED = "associated"
    """Trigger points in the two are commonly found together."""


class FactorKind(str, enum.Enum):
    """The part a factor plays in trigger point activity."""

    ACTIVITY = "activity"
    """An event or activity that activates or reactivates trigger points."""
    MECHANISM = "mechanism"
    """A way in which a muscle becomes overloaded."""
    PERPETUATING = "perpetuating"
    """Something that keeps trigger points active once they exist."""


class FactorCategory(str, enum.Enum):
    """A coarse grouping of factors, for filtering."""

    TRAUMA = "trauma"
    SPORT = "sport"
    OCCUPATIONAL = "occupational"
    POSTURAL = "postural"
    MEDICAL = "medical"
    NUTRITIONAL = "nutritional"
    METABOLIC = "metabolic"
    PSYCHOLOGICAL = "psychological"
    MECHANICAL = "mechanical"
    OVERLOAD = "overload"
    OTHER = "other"


class TreatmentKind(str, enum.Enum):
    """The kind of a self-treatment."""

    PRESSURE = "pressure"
    STRETCH = "stretch"
    HEAT = "heat"
    TOOL = "tool"
    EXERCISE = "exercise"
    POSTURE = "posture"
    CLINICAL = "clinical"
    """Done by a clinician (dry needling, injection), not a self-treatment."""
    OTHER = "other"


class BodyArea(str, enum.Enum):
    """The manual's grouping of muscles by the pain areas they serve.

    The first four belong to the manual's first volume (upper half of the body), the
    last three to its second volume (lower half).
    """

    HEAD_AND_NECK = "head-and-neck"
    UPPER_BACK_SHOULDER_AND_ARM = "upper-back-shoulder-and-arm"
    ELBOW_TO_FINGER = "elbow-to-finger"
    UPPER_TORSO = "upper-torso"
    LOWER_TORSO = "lower-torso"
    HIP_THIGH_AND_KNEE = "hip-thigh-and-knee"
    LEG_ANKLE_AND_FOOT = "leg-ankle-and-foot"

    @property
    def half(self) -> str:
        """``"upper"`` or ``"lower"``: the half of the body (the manual's volume)."""
        upper = {"head-and-neck", "upper-back-shoulder-and-arm", "elbow-to-finger", "upper-torso"}
        return "upper" if self.value in upper else "lower"


class SourceKind(str, enum.Enum):
    """What a cited source is."""

    BOOK = "book"
    BOOK_CHAPTER = "book-chapter"
    WEB_PAGE = "web-page"
    ARTICLE = "article"


class SourceTier(str, enum.Enum):
    """How much weight a source carries, best first.

    The order of the members is the order of strength: compare tiers with
    :attr:`rank` (0 is the best), never by their text.
    """

    TEXTBOOK = "textbook"
    """The manual, or another reference textbook."""
    PEER_REVIEWED = "peer-reviewed"
    """An article in a peer-reviewed journal (a referral-pattern study, a case report)."""
    PROFESSIONAL_SUMMARY = "professional-summary"
    """A professional body's or an educational summary of the manual (NAMTPT's symptom
    checker, MedLink's figure captions, a university course page)."""
    PRACTITIONER = "practitioner"
    """A practitioner's, clinic's or other web page."""

    @property
    def rank(self) -> int:
        """0 for the best tier (textbook), 3 for the weakest (practitioner)."""
        return _TIER_ORDER.index(self)


_TIER_ORDER = tuple(SourceTier)


class SourceConcern(str, enum.Enum):
    """Why a cited source is weak and waits for a replacement.

    A source with a concern stays cited (the record still says where the fact came
    from) but does not count towards a fact's support.
    """

    NOT_FOUND = "not-found"
    """The page could not be found again (no stored copy, no live page)."""
    SPAM = "spam"
    """The page looks like spam or scraped text."""
    MIRROR = "mirror"
    """A copy of someone else's text or video (a video mirror, a re-upload)."""
    CONTENT_FARM = "content-farm"
    """Generated or aggregated text without an author who stands behind it (a content farm)."""


class SplitOrigin(str, enum.Enum):
    """Who split a referral into essential or spillover."""

    SOURCE = "source"
    """A cited source marks the zone as essential or spillover."""
    CURATOR = "curator"
    """The sources name the area without the split; the curator chose the zone."""


#: Every vocabulary above: the converter and the prebuilt reader iterate this one list.
ENUMS: tuple[type[enum.Enum], ...] = (
    BodyArea,
    FactorCategory,
    FactorKind,
    Laterality,
    RelationKind,
    SourceConcern,
    SourceKind,
    SourceTier,
    SplitOrigin,
    TreatmentKind,
    View,
    Zone,
)
