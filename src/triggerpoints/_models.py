"""What a record is: frozen attrs value classes, ID types and their invariants.

Records never hold other records: they refer to each other by ID (``"muscle:gluteus-
minimus"``). The :class:`~triggerpoints.Atlas` resolves IDs and the graph links them.
Every record is immutable, hashable and compared by value.

Invariants that a single record can check on its own (ID format, non-empty names,
at least one source for every fact) are enforced here, when the record is made;
everything that needs the whole dataset (references, duplicates, cycles) is checked
when a dataset is loaded.
"""

from __future__ import annotations

import datetime
import enum
import re
from typing import Any, NewType

import attrs

__all__ = [
    "AliasPatch",
    "BodyArea",
    "Condition",
    "ConditionId",
    "Dataset",
    "Factor",
    "FactorCategory",
    "FactorId",
    "FactorKind",
    "InvariantError",
    "Laterality",
    "Link",
    "Muscle",
    "MuscleId",
    "Record",
    "Referral",
    "Region",
    "RegionId",
    "Relation",
    "RelationId",
    "RelationKind",
    "Source",
    "SourceId",
    "SourceKind",
    "Spared",
    "Symptom",
    "SymptomId",
    "Treatment",
    "TreatmentId",
    "TreatmentKind",
    "TriggerPoint",
    "TriggerPointId",
    "View",
    "Zone",
]

SourceId = NewType("SourceId", str)
RegionId = NewType("RegionId", str)
MuscleId = NewType("MuscleId", str)
TriggerPointId = NewType("TriggerPointId", str)
RelationId = NewType("RelationId", str)
FactorId = NewType("FactorId", str)
SymptomId = NewType("SymptomId", str)
ConditionId = NewType("ConditionId", str)
TreatmentId = NewType("TreatmentId", str)

#: The prefix of each kind's IDs, and the kind's name in messages.
PREFIXES: dict[str, str] = {
    "source": "source",
    "region": "region",
    "muscle": "muscle",
    "tp": "trigger point",
    "relation": "relation",
    "factor": "factor",
    "symptom": "symptom",
    "condition": "condition",
    "treatment": "treatment",
}

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_ID = re.compile(rf"(?P<prefix>[a-z]+):{_SLUG}")
_XREF = re.compile(r"(?:UBERON|FMA|NCIT):[A-Za-z0-9]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class InvariantError(ValueError):
    """A record field whose value breaks one of the record's own rules.

    Attributes:
        field: The name of the offending field.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


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


# --- validators -----------------------------------------------------------------


def _id_of(*prefixes: str) -> Any:
    """Return an attrs validator: the value is an ID with one of ``prefixes``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
        match = _ID.fullmatch(value)
        if match is None or match["prefix"] not in prefixes:
            wanted = " or ".join(f"'{prefix}:lower-kebab-case'" for prefix in prefixes)
            raise InvariantError(attribute.name, f"malformed id {value!r}; expected {wanted}")

    return check


def _ids_of(*prefixes: str) -> Any:
    """Return an attrs validator: every item is an ID with one of ``prefixes``."""
    single = _id_of(*prefixes)

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        for item in value:
            single(instance, attribute, item)

    return check


def _non_blank(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str):
        raise InvariantError(attribute.name, f"{attribute.name} must be text, not {type(value).__name__}")
    if not value.strip():
        raise InvariantError(attribute.name, f"{attribute.name} must not be blank")


def _non_blank_items(_instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        raise InvariantError(attribute.name, f"{attribute.name} must be a tuple of text")
    if any(not item.strip() for item in value):
        raise InvariantError(attribute.name, f"{attribute.name} must not contain blank text")


def _cited(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not isinstance(value, tuple):
        raise InvariantError(attribute.name, f"{attribute.name} must be a tuple of source ids")
    if not value:
        raise InvariantError(attribute.name, "a fact without a source: cite at least one source")
    _ids_of("source")(instance, attribute, value)


def _xrefs(_instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        if _XREF.fullmatch(item) is None:
            raise InvariantError(attribute.name, f"malformed cross-reference {item!r}; expected UBERON:, FMA: or NCIT:")


def _date(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    try:
        valid = _DATE.fullmatch(value) is not None and datetime.date.fromisoformat(value) is not None
    except ValueError:
        valid = False
    if not valid:
        raise InvariantError(attribute.name, f"malformed date {value!r}; expected a real date as YYYY-MM-DD")


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not 1 <= value <= 9999:
        raise InvariantError(attribute.name, f"{attribute.name} must be a whole number from 1 to 9999")


def _distinct(_instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    repeated = sorted({str(getattr(item, "value", item)) for item in value if value.count(item) > 1})
    if repeated:
        raise InvariantError(attribute.name, f"{attribute.name} lists {', '.join(map(repr, repeated))} more than once")


def _not_empty(_instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not value:
        raise InvariantError(attribute.name, f"{attribute.name} must not be empty")


def _member(kind: type[enum.Enum]) -> Any:
    """Return an attrs validator: the value is a member of ``kind`` (not its text)."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvariantError(attribute.name, f"{attribute.name} must be a {kind.__name__}, not {value!r}")

    return check


def _members(kind: type[enum.Enum]) -> Any:
    """Return an attrs validator: every item is a member of ``kind``."""
    single = _member(kind)

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        for item in value:
            single(instance, attribute, item)

    return check


_ALIASES = attrs.field(default=(), validator=[_non_blank_items, _distinct])
_SOURCES = attrs.field(validator=[_cited, _distinct])
_LINKS = attrs.field(validator=_not_empty)


# --- records ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Source:
    """A citation that facts point to: a book chapter, a book or a public page.

    Attributes:
        id: ``source:...``.
        kind: What the source is.
        title: The chapter's or page's title.
        work: The book's title, or the site's name.
        authors: Authors, in the source's order.
        year: Year of publication, if known.
        volume: The book's volume, if any.
        chapter: The chapter number, if any.
        edition: The edition (``"1st"``), if it matters.
        url: The page address, for public pages.
        accessed: The date the page was checked (``YYYY-MM-DD``).
        note: Anything a reader should know about this source.
    """

    id: SourceId = attrs.field(validator=_id_of("source"))
    kind: SourceKind = attrs.field(validator=_member(SourceKind))
    title: str = attrs.field(validator=_non_blank)
    work: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = attrs.field(default=None, validator=_positive)
    volume: int | None = attrs.field(default=None, validator=_positive)
    chapter: int | None = attrs.field(default=None, validator=_positive)
    edition: str | None = None
    url: str | None = None
    accessed: str | None = attrs.field(default=None, validator=_date)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if self.kind is SourceKind.WEB_PAGE and not (self.url or "").strip():
            raise InvariantError("url", "a web page source needs its url")

    def citation(self) -> str:
        """Return a one-line human citation.

        Examples:
            >>> import triggerpoints as tp
            >>> source = tp.load().source("source:ts-vol2")
            >>> source.citation().startswith("Travell")
            True
        """
        parts: list[str] = []
        if self.authors:
            surnames = [author.split()[-1] for author in self.authors]
            parts.append(" & ".join(surnames))
        if self.kind is SourceKind.BOOK_CHAPTER and self.work:
            parts.append(self.work)
        else:
            parts.append(self.title)
        if self.volume is not None:
            parts.append(f"vol. {self.volume}")
        if self.chapter is not None:
            parts.append(f"ch. {self.chapter} ({self.title})")
        if self.year is not None:
            parts.append(str(self.year))
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)


@attrs.frozen(kw_only=True)
class Region:
    """A body-surface region where pain is felt, in one whole-body hierarchy.

    Attributes:
        id: ``region:...``.
        name: Display name.
        parent: The enclosing region; ``None`` only for the root (``region:body``).
        views: The standard views in which the region is visible.
        sided: ``True`` if the region has a left and a right.
        aliases: The words people use for it ("sits bone").
        description: One sentence saying where it is.
        caution: A caution to show wherever pain here is reported, for areas where
            pain can signal a medical emergency; it also applies to sub-regions.
    """

    id: RegionId = attrs.field(validator=_id_of("region"))
    name: str = attrs.field(validator=_non_blank)
    parent: RegionId | None = attrs.field(validator=attrs.validators.optional(_id_of("region")))
    views: tuple[View, ...] = attrs.field(validator=[_not_empty, _members(View), _distinct])
    sided: bool
    aliases: tuple[str, ...] = _ALIASES
    description: str = ""
    caution: str | None = None


@attrs.frozen(kw_only=True)
class Muscle:
    """A muscle, or a group of muscles as the manual treats it.

    Attributes:
        id: ``muscle:...``.
        name: Display name (``"Gluteus minimus"``).
        body_area: The manual's pain area the muscle is filed under.
        aliases: Names and abbreviations people type ("glute min", "QL").
        location: Where it lies, in a sentence or two.
        action: What it does.
        xrefs: Ontology cross-references (``UBERON:``, ``FMA:``, ``NCIT:``).
        sources: Where the facts about it come from.
    """

    id: MuscleId = attrs.field(validator=_id_of("muscle"))
    name: str = attrs.field(validator=_non_blank)
    body_area: BodyArea = attrs.field(validator=_member(BodyArea))
    aliases: tuple[str, ...] = _ALIASES
    location: str = ""
    action: str = ""
    xrefs: tuple[str, ...] = attrs.field(default=(), validator=[_xrefs, _distinct])
    sources: tuple[SourceId, ...] = _SOURCES


@attrs.frozen(kw_only=True)
class Referral:
    """One region a trigger point refers pain to.

    Attributes:
        region: Where the pain is felt.
        zone: Essential or spillover.
        laterality: The side, relative to the trigger point.
        note: Qualifications and disagreements between sources.
        sources: Where this referral is stated.
    """

    region: RegionId = attrs.field(validator=_id_of("region"))
    zone: Zone = attrs.field(validator=_member(Zone))
    laterality: Laterality = attrs.field(default=Laterality.IPSILATERAL, validator=_member(Laterality))
    note: str = ""
    sources: tuple[SourceId, ...] = _SOURCES


@attrs.frozen(kw_only=True)
class Spared:
    """A region that a trigger point's pattern skips, where a source says so.

    Attributes:
        region: The region the pain does not reach.
        note: How the source puts it.
        sources: Where this is stated.
    """

    region: RegionId = attrs.field(validator=_id_of("region"))
    note: str = ""
    sources: tuple[SourceId, ...] = _SOURCES


@attrs.frozen(kw_only=True)
class TriggerPoint:
    """A trigger point of a muscle, with its own referral pattern.

    Attributes:
        id: ``tp:...``.
        muscle: The muscle it lies in.
        label: The manual's label (``"TrP1"``, ``"anterior"``).
        aliases: Other names for it.
        location: Where it lies.
        palpation: How to find it.
        referrals: Where it refers pain, essential and spillover.
        spared: Regions its pattern skips.
        note: Anything else a source says of it (how often it is the active one, ...).
        sources: Where it is described.
    """

    id: TriggerPointId = attrs.field(validator=_id_of("tp"))
    muscle: MuscleId = attrs.field(validator=_id_of("muscle"))
    label: str = attrs.field(validator=_non_blank)
    aliases: tuple[str, ...] = _ALIASES
    location: str = ""
    palpation: str = ""
    referrals: tuple[Referral, ...] = attrs.field(validator=_not_empty)
    spared: tuple[Spared, ...] = ()
    note: str = ""
    sources: tuple[SourceId, ...] = _SOURCES


@attrs.frozen(kw_only=True)
class Relation:
    """A directed, typed relation between two muscles or trigger points.

    The source drives the target: it is the one to treat first.

    Attributes:
        id: ``relation:...``.
        kind: How the source acts on the target.
        source: A muscle or trigger point ID.
        target: A muscle or trigger point ID.
        mechanism: Why, in a sentence.
        sources: Where it is stated. (Named ``sources`` like every other record's
            citations; the driving end is :attr:`source`.)
    """

    id: RelationId = attrs.field(validator=_id_of("relation"))
    kind: RelationKind = attrs.field(validator=_member(RelationKind))
    source: str = attrs.field(validator=_id_of("muscle", "tp"))
    target: str = attrs.field(validator=_id_of("muscle", "tp"))
    mechanism: str = attrs.field(validator=_non_blank)
    sources: tuple[SourceId, ...] = _SOURCES


@attrs.frozen(kw_only=True)
class Link:
    """The tie between a factor, symptom, condition or treatment and a muscle.

    Attributes:
        muscle: The muscle concerned.
        trigger_points: Narrows the link to some of the muscle's trigger points.
        note: Qualifications.
        sources: Where the tie is stated.
    """

    muscle: MuscleId = attrs.field(validator=_id_of("muscle"))
    trigger_points: tuple[TriggerPointId, ...] = attrs.field(default=(), validator=[_ids_of("tp"), _distinct])
    note: str = ""
    sources: tuple[SourceId, ...] = _SOURCES


@attrs.frozen(kw_only=True)
class Factor:
    """Something that activates, overloads or perpetuates trigger points.

    Attributes:
        id: ``factor:...``.
        kind: Activity, overload mechanism or perpetuating factor.
        name: Display name.
        category: A coarse grouping, for filtering.
        aliases: Other names.
        description: What it is, in a sentence or two.
        general: ``True`` if it applies to trigger points in any muscle.
        muscles: The muscles it is tied to.
        sources: Where the factor itself is described.
    """

    id: FactorId = attrs.field(validator=_id_of("factor"))
    kind: FactorKind = attrs.field(validator=_member(FactorKind))
    name: str = attrs.field(validator=_non_blank)
    category: FactorCategory | None = attrs.field(
        default=None, validator=attrs.validators.optional(_member(FactorCategory))
    )
    aliases: tuple[str, ...] = _ALIASES
    description: str = attrs.field(validator=_non_blank)
    general: bool = False
    muscles: tuple[Link, ...]
    sources: tuple[SourceId, ...] = _SOURCES

    def __attrs_post_init__(self) -> None:
        if not self.muscles and not self.general:
            raise InvariantError("muscles", "link at least one muscle, or mark the factor general")


@attrs.frozen(kw_only=True)
class Symptom:
    """A symptom or finding beyond pain (restricted motion, weakness, ...).

    Attributes:
        id: ``symptom:...``.
        name: Display name.
        aliases: Other names.
        description: What it is.
        muscles: The muscles whose trigger points produce it.
        sources: Where it is described.
    """

    id: SymptomId = attrs.field(validator=_id_of("symptom"))
    name: str = attrs.field(validator=_non_blank)
    aliases: tuple[str, ...] = _ALIASES
    description: str = attrs.field(validator=_non_blank)
    muscles: tuple[Link, ...] = _LINKS
    sources: tuple[SourceId, ...] = _SOURCES


@attrs.frozen(kw_only=True)
class Condition:
    """A condition that a muscle's trigger point pattern can be mistaken for.

    Attributes:
        id: ``condition:...``.
        name: Display name.
        aliases: Other names.
        description: What it is.
        caution: When to see a clinician rather than assume trigger points.
        muscles: The muscles whose patterns mimic it.
        sources: Where it is described.
    """

    id: ConditionId = attrs.field(validator=_id_of("condition"))
    name: str = attrs.field(validator=_non_blank)
    aliases: tuple[str, ...] = _ALIASES
    description: str = attrs.field(validator=_non_blank)
    caution: str | None = None
    muscles: tuple[Link, ...] = _LINKS
    sources: tuple[SourceId, ...] = _SOURCES


@attrs.frozen(kw_only=True)
class Treatment:
    """A treatment for a muscle's trigger points: a self-treatment unless its kind is clinical.

    Attributes:
        id: ``treatment:...``.
        kind: Pressure, stretch, heat, tool, ..., or clinical (done by a clinician).
        name: Display name.
        aliases: Other names.
        description: How it is done.
        caution: When not to do it, or to stop.
        muscles: The muscles it is used for.
        sources: Where it is described.
    """

    id: TreatmentId = attrs.field(validator=_id_of("treatment"))
    kind: TreatmentKind = attrs.field(validator=_member(TreatmentKind))
    name: str = attrs.field(validator=_non_blank)
    aliases: tuple[str, ...] = _ALIASES
    description: str = attrs.field(validator=_non_blank)
    caution: str | None = None
    muscles: tuple[Link, ...] = _LINKS
    sources: tuple[SourceId, ...] = _SOURCES


@attrs.frozen(kw_only=True)
class AliasPatch:
    """Extra aliases for a record defined elsewhere (used by extension files).

    Attributes:
        record: The ID of the record that gets the aliases.
        aliases: The new aliases.
        sources: Optional citations for the new names.
    """

    record: str = attrs.field(validator=_id_of(*PREFIXES))
    aliases: tuple[str, ...] = attrs.field(validator=[_not_empty, _non_blank_items, _distinct])
    sources: tuple[SourceId, ...] = attrs.field(default=(), validator=[_ids_of("source"), _distinct])


#: Any record that has an ``id``.
Record = Source | Region | Muscle | TriggerPoint | Relation | Factor | Symptom | Condition | Treatment

#: The dataset sections that hold records, in document order, with their classes.
SECTIONS: dict[str, type[Any]] = {
    "sources": Source,
    "regions": Region,
    "muscles": Muscle,
    "trigger_points": TriggerPoint,
    "relations": Relation,
    "factors": Factor,
    "symptoms": Symptom,
    "conditions": Condition,
    "treatments": Treatment,
}


@attrs.frozen(kw_only=True)
class Dataset:
    """A whole dataset document, as read from JSON and before indexing.

    Attributes:
        schema_version: The format version (``"1.0"``).
        dataset_version: The content version.
        title: The dataset's title.
        license: The data licence.
        attribution: Credits to ship with the data.
        sources: Citation records.
        regions: The region hierarchy.
        muscles: Muscles.
        trigger_points: Trigger points with their referrals.
        relations: Satellite, key and overload relations.
        factors: Activating, overload and perpetuating factors.
        symptoms: Symptoms beyond pain.
        conditions: Look-alike conditions.
        treatments: Self-treatments.
        extra_aliases: Aliases added to records defined elsewhere.
    """

    schema_version: str
    dataset_version: str = ""
    title: str = ""
    license: str = ""
    attribution: str = ""
    sources: tuple[Source, ...] = ()
    regions: tuple[Region, ...] = ()
    muscles: tuple[Muscle, ...] = ()
    trigger_points: tuple[TriggerPoint, ...] = ()
    relations: tuple[Relation, ...] = ()
    factors: tuple[Factor, ...] = ()
    symptoms: tuple[Symptom, ...] = ()
    conditions: tuple[Condition, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    extra_aliases: tuple[AliasPatch, ...] = ()
