"""The packaged data keeps curation notes apart from the text users read (issue 16).

Every user-facing text field (names, descriptions, locations, palpation, notes,
mechanisms, cautions) of every packaged record is searched for words that belong to
how a fact was established: the seed text, the curator, retrieval, pages and sites,
sources read, zones chosen, records kept or left out. Such remarks go in ``curation``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import triggerpoints as tp
from triggerpoints._enums import SplitOrigin

#: Words and phrases of curation, each with an example of what it caught when the
#: data was first split (data 0.5).
CURATION_WORDS = (
    r"\bseed\b",  # "the seed page (knowledge-builders.org) says ..."
    r"\bcurat\w*",  # "zone assigned by the curator"
    r"\bretriev\w*",  # "that page was not retrieved"
    r"\bthis page\b|\bthat page\b|\bthe page\b|\bpages?\b",  # "one page only"
    r"\bflashcards?\b",  # "from a flashcard summary of the manual only"
    r"\bexcerpts?\b",  # "the excerpt read was cut off"
    r"\bunconfirmed\b|\bconfirm\w*",  # "not confirmed in the manual's text by us"
    r"\bour\b|\bours\b|\bwe\b|\bus\b",  # "spillover is our choice", "the label is ours"
    r"\bround[- ]?\d\b",  # "split out in round 2"
    r"\b(?:sources?|pages?|text|material) read\b",  # "the sources read do not split ..."
    r"\bnot seen\b",  # "the manual's own wording was not seen"
    r"\bpublic (?:material|text|pages?|sources?)\b",  # "public material did not give ..."
    r"\bthe sources?\b|\bsources (?:say|give|disagree|differ|describe)\b",  # "the sources name the area ..."
    r"\bzones? (?:assigned|chosen|set|decided)\b|\bchosen by\b|\bassigned by\b",  # "zone chosen by us"
    r"\bnot recorded\b|\bis recorded\b|\bleft out\b|\bthe record\b|\bthis record\b|\bmodell?ed\b",  # "so it is left out"
    r"\bid\b|\b(?:tp|region|muscle|source|relation):[a-z]",  # "(id kept from round 1)", "see tp:..."
    r"\bclinic (?:page|post|blog)\b|\bblog\b|\bweb ?sites?\b",  # "from a clinic page only"
    r"\b\w[\w-]*\.(?:com|org|net|ca|se|tv|co\.uk|info)\b",  # "painfreehealth.ca", "fitness-vip.com"
    r"\bmirror\b|\bcaption\b|\bpubmed\b|\bdataset\b",  # "the 1st-edition caption gives ..."
    r"\bwebmanmed\b|\bnamtpt\b|\bmedlink\b|\bniel[- ]?asher\b|\btriggerpoints3d\b",  # "NAMTPT says as far as the elbow"
)
_CURATION = re.compile("|".join(CURATION_WORDS), re.IGNORECASE)

#: The fields users read; ``curation`` and citation fields (titles, urls) are not among them.
USER_FIELDS = (
    "name",
    "label",
    "aliases",
    "description",
    "location",
    "action",
    "palpation",
    "note",
    "mechanism",
    "caution",
)


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every user-facing text in a record and its parts, with a readable path."""
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        where = f"{path}.{field.name}"
        if field.name in USER_FIELDS and isinstance(item, str) and item:
            yield where, item
        elif field.name in USER_FIELDS and isinstance(item, tuple):
            yield from ((f"{where}[{number}]", text) for number, text in enumerate(item) if isinstance(text, str))
        elif isinstance(item, tuple):
            for number, part in enumerate(item):
                if attrs.has(type(part)):
                    yield from _texts(part, f"{where}[{number}]")


def _user_texts(atlas: tp.Atlas) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for kind in tp.KINDS:
        if kind.name == "source":
            continue  # a source is shown as its citation; its note is checked below
        for record in getattr(atlas.dataset, kind.section):
            texts.extend(_texts(record, record.id))
    texts.extend((f"{source.id}.note", source.note) for source in atlas.sources if source.note)
    return texts


@pytest.fixture(scope="module")
def atlas() -> tp.Atlas:
    """The packaged atlas."""
    return tp.load()


def test_no_user_facing_text_carries_curation_words(atlas: tp.Atlas) -> None:
    """No name, description, location, palpation, note, mechanism or caution mentions how a fact was established."""
    found = [
        f"{path}: {sorted({match.group(0).lower() for match in _CURATION.finditer(text)})}"
        for path, text in _user_texts(atlas)
        if _CURATION.search(text)
    ]
    assert [] == found


def test_the_walk_reaches_every_kind_of_user_text(atlas: tp.Atlas) -> None:
    """The check reads referral notes, locations, palpation, mechanisms, link notes and descriptions."""
    fields = {path.rsplit(".", 1)[-1].split("[")[0] for path, _ in _user_texts(atlas)}
    assert {"note", "location", "palpation", "mechanism", "description", "caution", "name", "label"} <= fields
    assert any(".referrals[" in path for path, _ in _user_texts(atlas))
    assert any(".muscles[" in path for path, _ in _user_texts(atlas))


@pytest.mark.parametrize(
    "text",
    [
        "Zone assigned by curator.",
        "The seed page says so.",
        "From a clinic page only.",
        "Spillover is our choice.",
        "That page was not retrieved.",
        "painfreehealth.ca gives the calf.",
        "See tp:gluteus-minimus-anterior.",
    ],
)
def test_the_word_list_catches_typical_curation_remarks(text: str) -> None:
    """Remarks of the kinds moved out in data 0.5 are caught."""
    assert _CURATION.search(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Crescent-shaped band of pain along the buttock crease.",
        "The manual says TrP2 pain does not reach the coccyx.",
        "The most common muscular source of groin pain.",
        "Trigger point sites follow the end-plate zones.",
    ],
)
def test_the_word_list_leaves_ordinary_descriptions_alone(text: str) -> None:
    """Plain descriptions of pain, and what the manual says, are user text."""
    assert _CURATION.search(text) is None


def test_curation_notes_are_kept_in_the_data(atlas: tp.Atlas) -> None:
    """The moved remarks are not lost: hundreds of referrals and every source note carry curation text."""
    referrals = [referral for point in atlas.trigger_points for referral in point.referrals]
    assert 300 <= sum(1 for referral in referrals if referral.curation)
    assert 200 <= sum(1 for source in atlas.sources if source.curation)
    assert all(relation.mechanism.strip() for relation in atlas.relations)


def test_curator_splits_are_a_field_and_match_their_notes(atlas: tp.Atlas) -> None:
    """About 300 referrals have their zone chosen by the curator; each says why in its curation note."""
    curator = [r for p in atlas.trigger_points for r in p.referrals if r.split is SplitOrigin.CURATOR]
    assert 250 <= len(curator)
    unexplained = [
        (point.id, referral.region)
        for point in atlas.trigger_points
        for referral in point.referrals
        if referral.split is SplitOrigin.CURATOR and not (referral.curation or point.curation)
    ]
    assert [] == unexplained


def test_the_glute_min_relation_reads_without_working_notes(atlas: tp.Atlas) -> None:
    """The example of the issue: the QL -> gluteus minimus relation no longer talks of the seed or retrieval."""
    relation = atlas.get("relation:quadratus-lumborum-satellite-gluteus-minimus")
    assert isinstance(relation, tp.Relation)
    assert "seed" not in relation.mechanism
    assert "retrieved" in relation.curation


def test_show_prints_citations_and_never_curation_notes(atlas: tp.Atlas) -> None:
    """`show` text gives each source's citation, not its id, and neither text nor JSON carries curation notes."""
    from triggerpoints import _show  # noqa: PLC0415 - the command line's own formatting

    point = atlas.trigger_point("tp:gluteus-minimus-anterior")
    text = "\n".join(_show.point_text(atlas, point) + _show.muscle_text(atlas, atlas.muscle("gluteus minimus")))
    assert atlas.source(point.sources[0]).citation() in text
    assert "source:" not in text
    curation = [r.curation for r in point.referrals if r.curation]
    assert curation
    assert not any(note in text for note in curation)
    data = _show.show_data(atlas, point)
    assert "curation" not in json_keys(data)


def json_keys(value: Any) -> set[str]:
    """Every key of every object in a JSON-ready value."""
    if isinstance(value, dict):
        return set(value).union(*(json_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(json_keys(item) for item in value))
    return set()
