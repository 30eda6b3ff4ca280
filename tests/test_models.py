"""Tests for the record classes and their invariants (triggerpoints._models)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import triggerpoints as tp
from triggerpoints._dataset import _CONVERTER
from triggerpoints._enums import SourceConcern, SourceTier, SplitOrigin

_slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
_text = st.text(min_size=1, max_size=20).filter(lambda text: text.strip() != "")
_sources = st.lists(_slug.map(lambda slug: f"source:{slug}"), min_size=1, max_size=3, unique=True).map(tuple)
_aliases = st.lists(_text, max_size=3, unique=True).map(tuple)


def _ids(prefix: str) -> st.SearchStrategy[str]:
    return _slug.map(lambda slug: f"{prefix}:{slug}")


_referrals = st.builds(
    tp.Referral,
    region=_ids("region"),
    zone=st.sampled_from(tp.Zone),
    laterality=st.sampled_from(tp.Laterality),
    split=st.sampled_from(SplitOrigin),
    note=st.text(max_size=10),
    curation=st.text(max_size=10),
    sources=_sources,
)
_link = st.builds(
    tp.Link,
    muscle=_ids("muscle"),
    trigger_points=st.lists(_ids("tp"), max_size=2, unique=True).map(tuple),
    curation=st.text(max_size=10),
    sources=_sources,
)

RECORDS: dict[type[Any], st.SearchStrategy[Any]] = {
    tp.Region: st.builds(
        tp.Region,
        id=_ids("region"),
        name=_text,
        parent=st.none() | _ids("region"),
        views=st.lists(st.sampled_from(tp.View), min_size=1, unique=True).map(tuple),
        sided=st.booleans(),
        aliases=_aliases,
        caution=st.none() | _text,
    ),
    tp.Muscle: st.builds(
        tp.Muscle,
        id=_ids("muscle"),
        name=_text,
        body_area=st.sampled_from(tp.BodyArea),
        aliases=_aliases,
        xrefs=st.lists(st.from_regex(r"(UBERON|FMA|NCIT):[0-9A-Z]{1,7}", fullmatch=True), unique=True, max_size=3).map(
            tuple
        ),
        sources=_sources,
    ),
    tp.TriggerPoint: st.builds(
        tp.TriggerPoint,
        id=_ids("tp"),
        muscle=_ids("muscle"),
        label=_text,
        referrals=st.lists(_referrals, min_size=1, max_size=3).map(tuple),
        spared=st.lists(st.builds(tp.Spared, region=_ids("region"), sources=_sources), max_size=2).map(tuple),
        sources=_sources,
    ),
    tp.Relation: st.builds(
        tp.Relation,
        id=_ids("relation"),
        kind=st.sampled_from(tp.RelationKind),
        source=_ids("muscle"),
        target=_ids("tp"),
        mechanism=_text,
        sources=_sources,
    ),
    tp.Factor: st.builds(
        tp.Factor,
        id=_ids("factor"),
        kind=st.sampled_from(tp.FactorKind),
        category=st.none() | st.sampled_from(tp.FactorCategory),
        name=_text,
        description=_text,
        muscles=st.lists(_link, min_size=1, max_size=2).map(tuple),
        sources=_sources,
    ),
    tp.Source: st.builds(
        tp.Source,
        id=_ids("source"),
        kind=st.sampled_from([tp.SourceKind.BOOK, tp.SourceKind.BOOK_CHAPTER, tp.SourceKind.ARTICLE]),
        tier=st.sampled_from(SourceTier),
        title=_text,
        publisher=st.none() | _text,
        concern=st.none() | st.sampled_from(SourceConcern),
        curation=st.text(max_size=10),
        year=st.none() | st.integers(1, 2100),
        volume=st.none() | st.integers(1, 3),
        chapter=st.none() | st.integers(1, 70),
    ),
}


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_structure_of_unstructure_round_trips(cls: type[Any], data: st.DataObject) -> None:
    """Every record survives the converter's trip to JSON-ready data and back."""
    record = data.draw(RECORDS[cls])
    assert record == _CONVERTER.structure(_CONVERTER.unstructure(record), cls)


def test_records_are_frozen_and_hashable() -> None:
    """Records cannot change and can go in sets."""
    region = tp.Region(id=tp.RegionId("region:x"), name="X", parent=None, views=(tp.View.ANTERIOR,), sided=False)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        region.name = "Y"  # type: ignore[misc]
    assert {region} == {
        tp.Region(id=tp.RegionId("region:x"), name="X", parent=None, views=(tp.View.ANTERIOR,), sided=False)
    }


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (
            lambda: tp.Muscle(id=tp.MuscleId("muscle:x"), name="X", body_area=tp.BodyArea.LOWER_TORSO, sources=()),
            "sources",
        ),
        (
            lambda: tp.Muscle(
                id=tp.MuscleId("muscles:x"),
                name="X",
                body_area=tp.BodyArea.LOWER_TORSO,
                sources=(tp.SourceId("source:a"),),
            ),
            "id",
        ),
        (
            lambda: tp.Muscle(
                id=tp.MuscleId("muscle:x"),
                name=" ",
                body_area=tp.BodyArea.LOWER_TORSO,
                sources=(tp.SourceId("source:a"),),
            ),
            "name",
        ),
        (
            lambda: tp.TriggerPoint(
                id=tp.TriggerPointId("tp:x"),
                muscle=tp.MuscleId("muscle:x"),
                label="1",
                referrals=(),
                sources=(tp.SourceId("source:a"),),
            ),
            "referrals",
        ),
        (
            lambda: tp.Source(
                id=tp.SourceId("source:x"), kind=tp.SourceKind.WEB_PAGE, tier=SourceTier.PRACTITIONER, title="T"
            ),
            "url",
        ),
        (
            lambda: tp.Source(
                id=tp.SourceId("source:x"),
                kind=tp.SourceKind.BOOK,
                tier="textbook",  # type: ignore[arg-type] # the text, not the member: refused
                title="T",
            ),
            "tier",
        ),
        (
            lambda: tp.Region(
                id=tp.RegionId("region:x"),
                name="X",
                parent=None,
                views=(tp.View.ANTERIOR, tp.View.ANTERIOR),
                sided=True,
            ),
            "views",
        ),
    ],
)
def test_invariants_are_checked_when_a_record_is_made(make: Any, field: str) -> None:
    """A record that breaks its own rules cannot be made; the error names the field."""
    with pytest.raises(ValueError, match=r".") as caught:
        make()
    assert field == getattr(caught.value, "field", None)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": 5}, "name"),
        ({"aliases": ["a"]}, "aliases"),
        ({"sources": ["source:a"]}, "sources"),
        ({"body_area": "lower-torso"}, "body_area"),
    ],
)
def test_records_made_in_python_refuse_wrong_types(changes: dict[str, Any], field: str) -> None:
    """Lists where tuples belong, or numbers where text belongs, raise InvariantError naming the field."""
    arguments: dict[str, Any] = {
        "id": tp.MuscleId("muscle:x"),
        "name": "X",
        "body_area": tp.BodyArea.LOWER_TORSO,
        "sources": (tp.SourceId("source:a"),),
    }
    with pytest.raises(ValueError, match=field) as caught:
        tp.Muscle(**{**arguments, **changes})
    assert field == getattr(caught.value, "field", None)


def test_body_area_knows_its_half() -> None:
    """The first four areas are the upper half (volume 1), the rest the lower."""
    assert "upper" == tp.BodyArea.HEAD_AND_NECK.half
    assert "lower" == tp.BodyArea.LEG_ANKLE_AND_FOOT.half


def test_citation_reads_like_a_reference() -> None:
    """A book chapter cites authors, work, volume and chapter."""
    source = tp.Source(
        id=tp.SourceId("source:ts-vol2-ch9"),
        kind=tp.SourceKind.BOOK_CHAPTER,
        tier=SourceTier.TEXTBOOK,
        title="Gluteus Minimus Muscle",
        work="Myofascial Pain and Dysfunction: The Trigger Point Manual",
        authors=("Janet G. Travell", "David G. Simons"),
        year=1992,
        volume=2,
        chapter=9,
    )
    expected = "Travell & Simons, Myofascial Pain and Dysfunction: The Trigger Point Manual, vol. 2, ch. 9 (Gluteus Minimus Muscle), 1992"
    assert expected == source.citation()


def _source(**changes: Any) -> tp.Source:
    """A source with the given fields changed from a plain web page."""
    fields: dict[str, Any] = {
        "id": tp.SourceId("source:x"),
        "kind": tp.SourceKind.WEB_PAGE,
        "tier": SourceTier.PRACTITIONER,
        "title": "T",
        "url": "https://www.example.org/page",
    }
    return tp.Source(**{**fields, **changes})


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "example.org"),
        ({"url": "http://Clinic.Example.COM:8080/a"}, "clinic.example.com"),
        ({"publisher": "NAMTPT"}, "NAMTPT"),
        ({"kind": tp.SourceKind.ARTICLE, "authors": ("Masahiro Kameda",)}, "Kameda"),
        ({"kind": tp.SourceKind.ARTICLE, "authors": ("A. Alyanak", "B. Dede")}, "Alyanak et al."),
        ({"kind": tp.SourceKind.BOOK_CHAPTER, "url": None, "work": "The Manual", "authors": ("J. T",)}, "The Manual"),
        ({"kind": tp.SourceKind.BOOK, "url": None, "authors": ("Janet Travell", "David Simons")}, "Travell & Simons"),
        ({"kind": tp.SourceKind.BOOK, "url": None}, "T"),
    ],
)
def test_the_publisher_is_stored_or_derived_from_the_citation(changes: dict[str, Any], expected: str) -> None:
    """A stored publisher wins; else a page's host without www, an article's first author, a book's work or authors."""
    assert expected == _source(**changes).publisher_name()


def test_tiers_rank_best_first() -> None:
    """The tiers' rank follows their order: textbook 0 to practitioner 3."""
    assert [0, 1, 2, 3] == [tier.rank for tier in SourceTier]
    assert ["textbook", "peer-reviewed", "professional-summary", "practitioner"] == [tier.value for tier in SourceTier]


def test_a_referral_split_defaults_to_the_source() -> None:
    """A referral made without a split origin has its split from a source, and no curation note."""
    referral = tp.Referral(region=tp.RegionId("region:a"), zone=tp.Zone.ESSENTIAL, sources=(tp.SourceId("source:a"),))
    assert (SplitOrigin.SOURCE, "") == (referral.split, referral.curation)
