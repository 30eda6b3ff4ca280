"""The one table of record kinds, and the dataset document that holds them.

:data:`KINDS` is the one definition of the kinds of record: validation, indexes, the
graph, exports, the coverage report, the command line, the tools and the docs iterate
it. Adding a kind is one :class:`KindInfo` entry, its record class (in
:mod:`triggerpoints._models`), and its section field on :class:`Dataset` (a test checks
that the table and the fields agree).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

import attrs

from triggerpoints import _checks as checks
from triggerpoints._display import record_repr
from triggerpoints._models import (
    Condition,
    Factor,
    Muscle,
    Prevalence,
    Region,
    Relation,
    Source,
    SourceId,
    Symptom,
    Treatment,
    TriggerPoint,
)

__all__ = ["KINDS", "SCALARS", "AliasPatch", "Dataset", "Kind", "KindInfo", "kind_info", "kind_of"]

#: The name of a kind of record, as queries take it (``kind="trigger_point"``).
Kind = Literal[
    "source",
    "region",
    "muscle",
    "trigger_point",
    "relation",
    "factor",
    "symptom",
    "condition",
    "treatment",
    "prevalence",
]


@attrs.frozen(kw_only=True)
class KindInfo:
    """One kind of record: its names, its JSON section and how queries treat it.

    Attributes:
        name: The kind as queries take it (``"trigger_point"``).
        prefix: The prefix of its ids (``"tp"``).
        section: The dataset section that holds its records (``"trigger_points"``).
        record_class: The attrs class of its records.
        label: How messages and people name one record (``"trigger point"``).
        plural: How they name several (``"trigger points"``).
        searchable: Whether kind-less :meth:`~triggerpoints.Atlas.lookup` and
            :meth:`~triggerpoints.Atlas.search` consider it (source titles repeat
            muscle names and relation ids are not words people type, so not those).
        linked: Whether its records link to muscles through :class:`Link` entries.
        order: Where its records come in search results with equal scores.
        unique_names: Whether loading requires each word that names a record to name
            no other record of the kind (sources may share a title: two sites can
            call their pages "Gluteus Minimus"; looking such a title up is ambiguous).
    """

    __repr__ = record_repr

    name: Kind
    prefix: str
    section: str
    record_class: type[Any]
    label: str
    plural: str
    searchable: bool
    linked: bool
    order: int
    unique_names: bool = True


#: Every kind of record, in the order of the dataset's sections.
KINDS: tuple[KindInfo, ...] = (
    KindInfo(name="source", prefix="source", section="sources", record_class=Source, label="source",
             plural="sources", searchable=False, linked=False, order=8, unique_names=False),
    KindInfo(name="region", prefix="region", section="regions", record_class=Region, label="region",
             plural="regions", searchable=True, linked=False, order=2),
    KindInfo(name="muscle", prefix="muscle", section="muscles", record_class=Muscle, label="muscle",
             plural="muscles", searchable=True, linked=False, order=0),
    KindInfo(name="trigger_point", prefix="tp", section="trigger_points", record_class=TriggerPoint,
             label="trigger point", plural="trigger points", searchable=True, linked=False, order=1),
    KindInfo(name="relation", prefix="relation", section="relations", record_class=Relation, label="relation",
             plural="relations", searchable=False, linked=False, order=7),
    KindInfo(name="factor", prefix="factor", section="factors", record_class=Factor, label="factor",
             plural="factors", searchable=True, linked=True, order=5),
    KindInfo(name="symptom", prefix="symptom", section="symptoms", record_class=Symptom, label="symptom",
             plural="symptoms", searchable=True, linked=True, order=4),
    KindInfo(name="condition", prefix="condition", section="conditions", record_class=Condition,
             label="condition", plural="conditions", searchable=True, linked=True, order=3),
    KindInfo(name="treatment", prefix="treatment", section="treatments", record_class=Treatment,
             label="treatment", plural="treatments", searchable=True, linked=True, order=6),
    KindInfo(name="prevalence", prefix="prevalence", section="prevalence", record_class=Prevalence,
             label="prevalence record", plural="prevalence records", searchable=False, linked=False, order=9),
)  # fmt: skip

_BY_NAME: Mapping[str, KindInfo] = MappingProxyType({kind.name: kind for kind in KINDS})
_BY_PREFIX: Mapping[str, KindInfo] = MappingProxyType({kind.prefix: kind for kind in KINDS})


def kind_info(name: str) -> KindInfo:
    """The kind called ``name`` (``"trigger_point"``).

    Raises:
        ArgumentError: No kind is called so.

    Examples:
        >>> from triggerpoints._kinds import kind_info
        >>> kind_info("trigger_point").prefix
        'tp'
    """
    found = _BY_NAME.get(name) if isinstance(name, str) else None
    if found is None:
        from triggerpoints.exceptions import ArgumentError  # noqa: PLC0415 - rare path

        raise ArgumentError("kind", name, f"one of {', '.join(sorted(_BY_NAME))}")
    return found


def kind_of(record_id: str) -> KindInfo | None:
    """The kind a record id's prefix names, or ``None`` (``"tp:x"`` -> trigger point).

    Examples:
        >>> from triggerpoints._kinds import kind_of
        >>> kind_of("tp:gluteus-minimus-anterior").name, kind_of("nothing")
        ('trigger_point', None)
    """
    prefix, colon, _ = record_id.partition(":")
    return _BY_PREFIX.get(prefix) if colon else None


@attrs.frozen(kw_only=True)
class AliasPatch:
    """Extra aliases for a record defined elsewhere (used by extension files).

    Attributes:
        record: The ID of the record that gets the aliases.
        aliases: The new aliases.
        sources: Optional citations for the new names.
    """

    __repr__ = record_repr

    record: str = attrs.field(validator=checks.id_of(*(kind.prefix for kind in KINDS)))
    aliases: tuple[str, ...] = attrs.field(validator=[checks.not_empty, checks.non_blank_items, checks.distinct])
    sources: tuple[SourceId, ...] = attrs.field(default=(), validator=[checks.ids_of("source"), checks.distinct])


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
        prevalence: How often studies found trigger points in a muscle in a complaint.
        extra_aliases: Aliases added to records defined elsewhere.
    """

    __repr__ = record_repr

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
    prevalence: tuple[Prevalence, ...] = ()
    extra_aliases: tuple[AliasPatch, ...] = ()


#: The dataset's fields that are not record sections (versions, title, licence).
SCALARS: tuple[str, ...] = tuple(
    field.name
    for field in attrs.fields(Dataset)
    if field.name != "extra_aliases" and field.name not in {kind.section for kind in KINDS}
)
