"""What a record is: frozen attrs value classes and ID types.

Records never hold other records: they refer to each other by ID (``"muscle:gluteus-
minimus"``). The :class:`~triggerpoints.Atlas` resolves IDs and the graph links them.
Every record is immutable, hashable and compared by value.

Invariants that a single record can check on its own (ID format, non-empty names,
at least one source for every fact) are enforced here, when the record is made (see
:mod:`triggerpoints._checks`); everything that needs the whole dataset (references,
duplicates, cycles) is checked when a dataset is loaded.

The table of record kinds, and the whole :class:`~triggerpoints.Dataset`, are in
:mod:`triggerpoints._kinds`; the :class:`Source` of citations is in
:mod:`triggerpoints._sources`.
"""

from __future__ import annotations

from typing import NewType

import attrs

from triggerpoints import _checks as checks
from triggerpoints._display import record_html, record_repr
from triggerpoints._enums import (
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
from triggerpoints._sources import Source, SourceId
from triggerpoints.exceptions import InvariantError

__all__ = [
    "BodyArea",
    "Condition",
    "ConditionId",
    "Factor",
    "FactorCategory",
    "FactorId",
    "FactorKind",
    "Laterality",
    "Link",
    "LinkedRecord",
    "Muscle",
    "MuscleId",
    "Prevalence",
    "Record",
    "RecordId",
    "Referral",
    "Region",
    "RegionId",
    "Relation",
    "RelationId",
    "RelationKind",
    "Source",
    "SourceConcern",
    "SourceId",
    "SourceKind",
    "SourceTier",
    "Spared",
    "SplitOrigin",
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

RegionId = NewType("RegionId", str)
MuscleId = NewType("MuscleId", str)
TriggerPointId = NewType("TriggerPointId", str)
RelationId = NewType("RelationId", str)
FactorId = NewType("FactorId", str)
SymptomId = NewType("SymptomId", str)
ConditionId = NewType("ConditionId", str)
TreatmentId = NewType("TreatmentId", str)
#: The id of a record of any kind.
RecordId = (
    SourceId | RegionId | MuscleId | TriggerPointId | RelationId | FactorId | SymptomId | ConditionId | TreatmentId
)


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

    __repr__ = record_repr
    _repr_html_ = record_html

    id: RegionId = attrs.field(validator=checks.id_of("region"))
    name: str = attrs.field(validator=checks.non_blank)
    parent: RegionId | None = attrs.field(validator=attrs.validators.optional(checks.id_of("region")))
    views: tuple[View, ...] = attrs.field(validator=[checks.not_empty, checks.members(View), checks.distinct])
    sided: bool
    aliases: tuple[str, ...] = checks.ALIASES
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
        curation: How the record was established (not shown to end users).
        sources: Where the facts about it come from.
    """

    __repr__ = record_repr
    _repr_html_ = record_html

    id: MuscleId = attrs.field(validator=checks.id_of("muscle"))
    name: str = attrs.field(validator=checks.non_blank)
    body_area: BodyArea = attrs.field(validator=checks.member(BodyArea))
    aliases: tuple[str, ...] = checks.ALIASES
    location: str = ""
    action: str = ""
    xrefs: tuple[str, ...] = attrs.field(default=(), validator=[checks.xrefs, checks.distinct])
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


@attrs.frozen(kw_only=True)
class Referral:
    """One region a trigger point refers pain to.

    Attributes:
        region: Where the pain is felt.
        zone: Essential or spillover.
        laterality: The side, relative to the trigger point.
        split: Who made the referral essential or spillover: a cited source, or
            the curator where the sources name the area without the split.
        note: Where exactly, and how it feels, for the reader.
        curation: How the referral was established: sources read, disagreements
            between them, the curator's choices (not shown to end users).
        sources: Where this referral is stated.
    """

    __repr__ = record_repr

    region: RegionId = attrs.field(validator=checks.id_of("region"))
    zone: Zone = attrs.field(validator=checks.member(Zone))
    laterality: Laterality = attrs.field(default=Laterality.IPSILATERAL, validator=checks.member(Laterality))
    split: SplitOrigin = attrs.field(default=SplitOrigin.SOURCE, validator=checks.member(SplitOrigin))
    note: str = ""
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


@attrs.frozen(kw_only=True)
class Spared:
    """A region that a trigger point's pattern skips, where a source says so.

    Attributes:
        region: The region the pain does not reach.
        note: How the source puts it.
        curation: How this was established (not shown to end users).
        sources: Where this is stated.
    """

    __repr__ = record_repr

    region: RegionId = attrs.field(validator=checks.id_of("region"))
    note: str = ""
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


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
        curation: How the record was established: sources read, disagreements,
            the curator's choices (not shown to end users).
        sources: Where it is described.
    """

    __repr__ = record_repr
    _repr_html_ = record_html

    id: TriggerPointId = attrs.field(validator=checks.id_of("tp"))
    muscle: MuscleId = attrs.field(validator=checks.id_of("muscle"))
    label: str = attrs.field(validator=checks.non_blank)
    aliases: tuple[str, ...] = checks.ALIASES
    location: str = ""
    palpation: str = ""
    referrals: tuple[Referral, ...] = attrs.field(validator=checks.not_empty)
    spared: tuple[Spared, ...] = ()
    note: str = ""
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


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
        curation: How the relation was established (not shown to end users).
        sources: Where it is stated. (Named ``sources`` like every other record's
            citations; the driving end is :attr:`source`.)
    """

    __repr__ = record_repr
    _repr_html_ = record_html

    id: RelationId = attrs.field(validator=checks.id_of("relation"))
    kind: RelationKind = attrs.field(validator=checks.member(RelationKind))
    source: str = attrs.field(validator=checks.id_of("muscle", "tp"))
    target: str = attrs.field(validator=checks.id_of("muscle", "tp"))
    mechanism: str = attrs.field(validator=checks.non_blank)
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


@attrs.frozen(kw_only=True)
class Link:
    """The tie between a factor, symptom, condition or treatment and a muscle.

    Attributes:
        muscle: The muscle concerned.
        trigger_points: Narrows the link to some of the muscle's trigger points.
        note: Qualifications.
        curation: How the link was established (not shown to end users).
        sources: Where the tie is stated.
    """

    __repr__ = record_repr

    muscle: MuscleId = attrs.field(validator=checks.id_of("muscle"))
    trigger_points: tuple[TriggerPointId, ...] = attrs.field(
        default=(), validator=[checks.ids_of("tp"), checks.distinct]
    )
    note: str = ""
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


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
        curation: How the record was established (not shown to end users).
        sources: Where the factor itself is described.
    """

    __repr__ = record_repr
    _repr_html_ = record_html

    id: FactorId = attrs.field(validator=checks.id_of("factor"))
    kind: FactorKind = attrs.field(validator=checks.member(FactorKind))
    name: str = attrs.field(validator=checks.non_blank)
    category: FactorCategory | None = attrs.field(
        default=None, validator=attrs.validators.optional(checks.member(FactorCategory))
    )
    aliases: tuple[str, ...] = checks.ALIASES
    description: str = attrs.field(validator=checks.non_blank)
    general: bool = False
    muscles: tuple[Link, ...]
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES

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
        curation: How the record was established (not shown to end users).
        sources: Where it is described.
    """

    __repr__ = record_repr
    _repr_html_ = record_html

    id: SymptomId = attrs.field(validator=checks.id_of("symptom"))
    name: str = attrs.field(validator=checks.non_blank)
    aliases: tuple[str, ...] = checks.ALIASES
    description: str = attrs.field(validator=checks.non_blank)
    muscles: tuple[Link, ...] = checks.LINKS
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


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
        curation: How the record was established (not shown to end users).
        sources: Where it is described.
    """

    __repr__ = record_repr
    _repr_html_ = record_html

    id: ConditionId = attrs.field(validator=checks.id_of("condition"))
    name: str = attrs.field(validator=checks.non_blank)
    aliases: tuple[str, ...] = checks.ALIASES
    description: str = attrs.field(validator=checks.non_blank)
    caution: str | None = None
    muscles: tuple[Link, ...] = checks.LINKS
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


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
        curation: How the record was established (not shown to end users).
        sources: Where it is described.
    """

    __repr__ = record_repr
    _repr_html_ = record_html

    id: TreatmentId = attrs.field(validator=checks.id_of("treatment"))
    kind: TreatmentKind = attrs.field(validator=checks.member(TreatmentKind))
    name: str = attrs.field(validator=checks.non_blank)
    aliases: tuple[str, ...] = checks.ALIASES
    description: str = attrs.field(validator=checks.non_blank)
    caution: str | None = None
    muscles: tuple[Link, ...] = checks.LINKS
    curation: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


@attrs.frozen(kw_only=True)
class Prevalence:
    """How often a study found trigger points in a muscle among people with one complaint.

    A cited prior for ranking (see :func:`~triggerpoints.rank`'s ``prior``): it is read
    from independent studies of people with the complaint, never from the pain guides.

    Attributes:
        id: ``prevalence:...``.
        name: Display name ("Quadratus lumborum in low back pain").
        muscle: The muscle examined.
        region: The region of the complaint.
        complaint: The complaint as the study names it.
        population: Who was examined: how many people, and where.
        share: The share of those people with trigger points in the muscle, from 0 to 1
            (the low end when the study gives a range).
        share_high: The high end of a range, if the study gives one.
        active_only: ``True`` if the figure counts active trigger points only; ``False``
            if it counts active and latent ones together (or does not say).
        note: Qualifications.
        sources: The study (a peer-reviewed article), as a cited source.
    """

    __repr__ = record_repr
    _repr_html_ = record_html

    id: str = attrs.field(validator=checks.id_of("prevalence"))
    name: str = attrs.field(validator=checks.non_blank)
    muscle: MuscleId = attrs.field(validator=checks.id_of("muscle"))
    region: RegionId = attrs.field(validator=checks.id_of("region"))
    complaint: str = attrs.field(validator=checks.non_blank)
    population: str = attrs.field(validator=checks.non_blank)
    share: float = attrs.field(validator=attrs.validators.and_(attrs.validators.ge(0.0), attrs.validators.le(1.0)))
    share_high: float | None = attrs.field(
        default=None,
        validator=attrs.validators.optional([attrs.validators.ge(0.0), attrs.validators.le(1.0)]),
    )
    active_only: bool = True
    note: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES

    def __attrs_post_init__(self) -> None:
        if self.share_high is not None and self.share_high < self.share:
            raise InvariantError("share_high", "the high end of the range is below its low end")


#: Any record that has an ``id``.
Record = Source | Region | Muscle | TriggerPoint | Relation | Factor | Symptom | Condition | Treatment | Prevalence
#: The records that link to muscles through :class:`Link` entries.
LinkedRecord = Factor | Symptom | Condition | Treatment
