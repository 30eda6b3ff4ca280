"""What a record is: frozen attrs value classes and ID types.

Records never hold other records: they refer to each other by ID (``"muscle:gluteus-
minimus"``). The :class:`~triggerpoints.Atlas` resolves IDs and the graph links them.
Every record is immutable, hashable and compared by value.

Invariants that a single record can check on its own (ID format, non-empty names,
at least one source for every fact) are enforced here, when the record is made (see
:mod:`triggerpoints._checks`); everything that needs the whole dataset (references,
duplicates, cycles) is checked when a dataset is loaded.

The table of record kinds, and the whole :class:`~triggerpoints.Dataset`, are in
:mod:`triggerpoints._kinds`.
"""

from __future__ import annotations

from typing import NewType

import attrs

from triggerpoints import _checks as checks
from triggerpoints._enums import (
    BodyArea,
    FactorCategory,
    FactorKind,
    Laterality,
    RelationKind,
    SourceKind,
    TreatmentKind,
    View,
    Zone,
)
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
    "Record",
    "RecordId",
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
#: The id of a record of any kind.
RecordId = (
    SourceId | RegionId | MuscleId | TriggerPointId | RelationId | FactorId | SymptomId | ConditionId | TreatmentId
)


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

    id: SourceId = attrs.field(validator=checks.id_of("source"))
    kind: SourceKind = attrs.field(validator=checks.member(SourceKind))
    title: str = attrs.field(validator=checks.non_blank)
    work: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = attrs.field(default=None, validator=checks.positive)
    volume: int | None = attrs.field(default=None, validator=checks.positive)
    chapter: int | None = attrs.field(default=None, validator=checks.positive)
    edition: str | None = None
    url: str | None = None
    accessed: str | None = attrs.field(default=None, validator=checks.date)
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
        sources: Where the facts about it come from.
    """

    id: MuscleId = attrs.field(validator=checks.id_of("muscle"))
    name: str = attrs.field(validator=checks.non_blank)
    body_area: BodyArea = attrs.field(validator=checks.member(BodyArea))
    aliases: tuple[str, ...] = checks.ALIASES
    location: str = ""
    action: str = ""
    xrefs: tuple[str, ...] = attrs.field(default=(), validator=[checks.xrefs, checks.distinct])
    sources: tuple[SourceId, ...] = checks.SOURCES


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

    region: RegionId = attrs.field(validator=checks.id_of("region"))
    zone: Zone = attrs.field(validator=checks.member(Zone))
    laterality: Laterality = attrs.field(default=Laterality.IPSILATERAL, validator=checks.member(Laterality))
    note: str = ""
    sources: tuple[SourceId, ...] = checks.SOURCES


@attrs.frozen(kw_only=True)
class Spared:
    """A region that a trigger point's pattern skips, where a source says so.

    Attributes:
        region: The region the pain does not reach.
        note: How the source puts it.
        sources: Where this is stated.
    """

    region: RegionId = attrs.field(validator=checks.id_of("region"))
    note: str = ""
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
        sources: Where it is described.
    """

    id: TriggerPointId = attrs.field(validator=checks.id_of("tp"))
    muscle: MuscleId = attrs.field(validator=checks.id_of("muscle"))
    label: str = attrs.field(validator=checks.non_blank)
    aliases: tuple[str, ...] = checks.ALIASES
    location: str = ""
    palpation: str = ""
    referrals: tuple[Referral, ...] = attrs.field(validator=checks.not_empty)
    spared: tuple[Spared, ...] = ()
    note: str = ""
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
        sources: Where it is stated. (Named ``sources`` like every other record's
            citations; the driving end is :attr:`source`.)
    """

    id: RelationId = attrs.field(validator=checks.id_of("relation"))
    kind: RelationKind = attrs.field(validator=checks.member(RelationKind))
    source: str = attrs.field(validator=checks.id_of("muscle", "tp"))
    target: str = attrs.field(validator=checks.id_of("muscle", "tp"))
    mechanism: str = attrs.field(validator=checks.non_blank)
    sources: tuple[SourceId, ...] = checks.SOURCES


@attrs.frozen(kw_only=True)
class Link:
    """The tie between a factor, symptom, condition or treatment and a muscle.

    Attributes:
        muscle: The muscle concerned.
        trigger_points: Narrows the link to some of the muscle's trigger points.
        note: Qualifications.
        sources: Where the tie is stated.
    """

    muscle: MuscleId = attrs.field(validator=checks.id_of("muscle"))
    trigger_points: tuple[TriggerPointId, ...] = attrs.field(
        default=(), validator=[checks.ids_of("tp"), checks.distinct]
    )
    note: str = ""
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
        sources: Where the factor itself is described.
    """

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
        sources: Where it is described.
    """

    id: SymptomId = attrs.field(validator=checks.id_of("symptom"))
    name: str = attrs.field(validator=checks.non_blank)
    aliases: tuple[str, ...] = checks.ALIASES
    description: str = attrs.field(validator=checks.non_blank)
    muscles: tuple[Link, ...] = checks.LINKS
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
        sources: Where it is described.
    """

    id: ConditionId = attrs.field(validator=checks.id_of("condition"))
    name: str = attrs.field(validator=checks.non_blank)
    aliases: tuple[str, ...] = checks.ALIASES
    description: str = attrs.field(validator=checks.non_blank)
    caution: str | None = None
    muscles: tuple[Link, ...] = checks.LINKS
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
        sources: Where it is described.
    """

    id: TreatmentId = attrs.field(validator=checks.id_of("treatment"))
    kind: TreatmentKind = attrs.field(validator=checks.member(TreatmentKind))
    name: str = attrs.field(validator=checks.non_blank)
    aliases: tuple[str, ...] = checks.ALIASES
    description: str = attrs.field(validator=checks.non_blank)
    caution: str | None = None
    muscles: tuple[Link, ...] = checks.LINKS
    sources: tuple[SourceId, ...] = checks.SOURCES


#: Any record that has an ``id``.
Record = Source | Region | Muscle | TriggerPoint | Relation | Factor | Symptom | Condition | Treatment
#: The records that link to muscles through :class:`Link` entries.
LinkedRecord = Factor | Symptom | Condition | Treatment
