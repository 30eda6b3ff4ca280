"""Tests of fact support (triggerpoints._support) and the min_support= filters, on the mini dataset.

In the mini dataset the book is a textbook and the page a practitioner's page, so
tp:alpha-lower -> region:shin (book and page) has two independent sources and every
other referral one (see tests/conftest.py for the graph).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import triggerpoints as tp
from triggerpoints._enums import SourceTier, SplitOrigin
from triggerpoints._support import MinSupport, Support, filter_referrals, min_support_of


def test_a_referral_citing_the_book_and_the_page_has_two_sources_best_textbook(mini: tp.Atlas) -> None:
    """alpha-lower -> shin: two publishers (the book's author, the page's host), best tier textbook, split by a source."""
    hit = next(hit for hit in mini.referrals_of("tp:alpha-lower") if hit.region == "region:shin")
    expected = Support(
        sources=2, tier=SourceTier.TEXTBOOK, split=SplitOrigin.SOURCE, publishers=("Author", "example.org")
    )
    assert expected == hit.support
    assert hit.support == mini.support_of(hit.referral) == mini.support_of(hit)


def test_relations_and_links_have_support_without_a_split(mini: tp.Atlas) -> None:
    """The satellite relation cites the book; the ball treatment's link the page."""
    assert Support(sources=1, tier=SourceTier.TEXTBOOK, publishers=("Author",)) == mini.support_of(
        "relation:alpha-satellite-beta"
    )
    link = mini.treatment("treatment:ball").muscles[0]
    assert (1, SourceTier.PRACTITIONER, None) == (
        mini.support_of(link).sources,
        mini.support_of(link).tier,
        mini.support_of(link).split,
    )


def test_support_of_refuses_records_that_are_not_one_fact(mini: tp.Atlas) -> None:
    """A muscle is not a fact with its own citations: ArgumentError; an unknown id: UnknownIdError."""
    with pytest.raises(tp.ArgumentError, match="a referral, spared region, relation or muscle link"):
        mini.support_of("muscle:alpha")
    with pytest.raises(tp.UnknownIdError):
        mini.support_of("relation:nothing")


def _load_changed(mini_copy: dict[str, Any], tmp_path: Path) -> tp.Atlas:
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(mini_copy), encoding="utf-8")
    return tp.load(path)


def test_sources_of_one_publisher_count_once_and_flagged_ones_not_at_all(
    mini_copy: dict[str, Any], tmp_path: Path
) -> None:
    """With the page published by the book's author it adds nothing; flagged as spam it is left out and listed as weak."""
    mini_copy["sources"][1]["publisher"] = "AUTHOR"
    same = _load_changed(mini_copy, tmp_path)
    hit = next(hit for hit in same.referrals_of("tp:alpha-lower") if hit.region == "region:shin")
    assert 1 == hit.support.sources
    mini_copy["sources"][1]["concern"] = "spam"
    flagged = _load_changed(mini_copy, tmp_path)
    link = flagged.treatment("treatment:ball").muscles[0]
    assert Support(sources=0, tier=None, weak=("source:page",)) == flagged.support_of(link)


def test_a_curator_split_is_part_of_the_support(mini_copy: dict[str, Any], tmp_path: Path) -> None:
    """A referral stored with split 'curator' reports it in its support and its text form."""
    mini_copy["trigger_points"][2]["referrals"][0]["split"] = "curator"
    atlas = _load_changed(mini_copy, tmp_path)
    support = atlas.referrals_of("tp:beta-1")[0].support
    assert SplitOrigin.CURATOR == support.split
    assert "1 source, best textbook; split by the curator" == str(support)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (0, MinSupport(sources=0)),
        (2, MinSupport(sources=2)),
        ("peer-reviewed", MinSupport(sources=0, tier=SourceTier.PEER_REVIEWED)),
        ("Professional summary", MinSupport(sources=0, tier=SourceTier.PROFESSIONAL_SUMMARY)),
        (SourceTier.TEXTBOOK, MinSupport(sources=0, tier=SourceTier.TEXTBOOK)),
        ((2, "practitioner"), MinSupport(sources=2, tier=SourceTier.PRACTITIONER)),
        (MinSupport(sources=3), MinSupport(sources=3)),
    ],
)
def test_min_support_reads_a_count_a_tier_both_or_a_min_support(value: Any, expected: MinSupport | None) -> None:
    """min_support= takes a count, a tier (member or text), a (count, tier) pair or a MinSupport."""
    assert expected == min_support_of(value)


@pytest.mark.parametrize("value", [-1, True, "best", 2.0, (2,), (2, "best"), ("2", "textbook"), [2]])
def test_a_bad_min_support_is_refused_with_what_would_do(value: Any) -> None:
    """Anything else is an ArgumentError naming the argument and the accepted forms."""
    with pytest.raises(tp.ArgumentError, match=r"invalid min_support .*: expected a whole number"):
        min_support_of(value)


def test_a_tier_threshold_admits_that_tier_and_better() -> None:
    """'professional-summary' admits textbooks and articles, not practitioner pages or facts with no source."""
    needed = MinSupport(sources=0, tier=SourceTier.PROFESSIONAL_SUMMARY)
    admitted = [tier for tier in SourceTier if needed.admits(Support(sources=1, tier=tier))]
    assert [SourceTier.TEXTBOOK, SourceTier.PEER_REVIEWED, SourceTier.PROFESSIONAL_SUMMARY] == admitted
    assert not needed.admits(Support(sources=0, tier=None))


def test_queries_filter_referrals_by_min_support(mini: tp.Atlas) -> None:
    """Two sources leave only alpha-lower -> shin; 'practitioner' with 2 keeps it; 'textbook' keeps all four."""
    assert [("tp:alpha-lower", "region:shin")] == [
        (hit.trigger_point, hit.region) for hit in mini.referrals_of("alpha", min_support=2)
    ]
    assert ["tp:alpha-lower"] == [
        hit.trigger_point for hit in mini.referrals_to("shin", min_support=(2, "practitioner"))
    ]
    assert 4 == len(mini.referrals_to("body", min_support="textbook"))
    assert ["muscle:alpha"] == [m.id for m in mini.muscles_referring_to("shin", min_support=2)]


def test_relation_queries_filter_by_min_support(mini: tp.Atlas) -> None:
    """The satellite relation (one textbook source) passes a textbook threshold and fails a two-source one."""
    assert 1 == len(mini.relations_of("alpha", min_support="textbook"))
    assert () == mini.relations_of("alpha", min_support=2)
    assert () == mini.satellites_of("alpha", min_support=2)
    assert 1 == len(mini.keys_of("beta", min_support=1))


def test_queries_check_min_support_even_with_nothing_to_filter(mini: tp.Atlas) -> None:
    """A bad min_support is refused by every query that takes one."""
    for query in (mini.referrals_of, mini.referrals_to, mini.muscles_referring_to, mini.relations_of, mini.keys_of):
        with pytest.raises(tp.ArgumentError):
            query("alpha" if query in (mini.referrals_of, mini.relations_of, mini.keys_of) else "shin", min_support=-1)


def test_filter_referrals_keeps_pairs_in_order(mini: tp.Atlas) -> None:
    """The function rank can reuse: (point, referral) pairs filtered by support, order kept, bad values refused."""
    pairs = list(mini.referral_pairs("region:leg"))
    assert [("tp:alpha-lower", "region:shin")] == [(p.id, r.region) for p, r in filter_referrals(mini, pairs, 2)]
    assert tuple(pairs) == filter_referrals(mini, pairs, None)
    with pytest.raises(tp.ArgumentError):
        filter_referrals(mini, [], "best")


def test_every_packaged_fact_has_support_and_every_source_a_tier() -> None:
    """Each packaged referral, relation and link has a support; the distribution adds up."""
    atlas = tp.load()
    assert all(isinstance(source.tier, SourceTier) for source in atlas.sources)
    referrals = [hit for point in atlas.trigger_points for hit in atlas.referrals_of(point.id)]
    assert len(referrals) == sum(len(point.referrals) for point in atlas.trigger_points)
    assert all(hit.support.sources == len(hit.support.publishers) for hit in referrals)
