"""Tests for the indexed atlas and its queries (triggerpoints._atlas), on the mini fixture."""

from __future__ import annotations

import threading

import attrs
import pytest

import triggerpoints as tp


def test_lookup_by_id_name_alias_is_case_accent_and_punctuation_blind(mini: tp.Atlas) -> None:
    """Ids, bare slugs, names and aliases all resolve, however they are written."""
    for key in ("muscle:alpha", "alpha", "Alpha muscle", "ALPHA-MUSCLE", "älpha", "  alpha  "):
        assert "muscle:alpha" == mini.muscle(key).id
    assert "region:low-back" == mini.region("Belt-Line").id
    assert "tp:alpha-lower" == mini.trigger_point("alpha lower").id
    assert "tp:beta-1" == mini.trigger_point("Beta muscle TrP1").id


def test_an_unknown_key_suggests_close_matches(mini: tp.Atlas) -> None:
    """A typo raises UnknownIdError (a LookupError) that names what it may have meant."""
    with pytest.raises(LookupError) as caught:
        mini.region("belt lin")
    error = caught.value
    assert isinstance(error, tp.UnknownIdError)
    assert ("region", "belt lin") == (error.kind, error.key)
    assert "belt line" == error.suggestions[0]
    assert "unknown region 'belt lin'; did you mean 'belt line'?" == str(error)


def test_an_unknown_key_with_nothing_close_has_no_suggestion(mini: tp.Atlas) -> None:
    """Nothing close: the message just says unknown."""
    with pytest.raises(tp.UnknownIdError) as caught:
        mini.muscle("zzzzzz")
    assert () == caught.value.suggestions
    assert "unknown muscle 'zzzzzz'" == str(caught.value)


def test_kind_specific_lookup_does_not_cross_kinds(mini: tp.Atlas) -> None:
    """A region word is not a muscle."""
    with pytest.raises(tp.UnknownIdError):
        mini.muscle("belt line")


def test_lookup_finds_any_kind_and_reports_ambiguity(mini: tp.Atlas) -> None:
    """lookup() searches every kind; a word naming two kinds raises AmbiguousKeyError listing both."""
    assert "treatment:ball" == mini.lookup("ball pressure").id
    assert "region:shin" == mini.lookup("shin", kind="region").id
    with pytest.raises(tp.UnknownIdError) as caught:
        mini.lookup("lumbagoo")
    assert "Lumbago" in caught.value.suggestions
    with pytest.raises(tp.ArgumentError, match="invalid kind 'bone'"):
        mini.lookup("alpha", kind="bone")  # type: ignore[arg-type]


def test_a_shared_word_across_kinds_is_ambiguous(mini: tp.Atlas, tmp_path: object) -> None:
    """Muscle 'beta' and a region aliased 'beta' make lookup('beta') ambiguous, listing both."""
    regions = tuple(
        attrs.evolve(region, aliases=(*region.aliases, "beta")) if region.id == "region:knee" else region
        for region in mini.regions
    )
    atlas = tp.Atlas(attrs.evolve(mini.dataset, regions=regions))
    with pytest.raises(tp.AmbiguousKeyError) as caught:
        atlas.lookup("beta")
    assert ("muscle:beta", "region:knee") == caught.value.matches
    assert "muscle:beta" == atlas.muscle("beta").id


def test_search_ranks_and_never_raises(mini: tp.Atlas) -> None:
    """search() returns ranked matches, exact first, and an empty list for nonsense."""
    matches = mini.search("alpha")
    assert "muscle:alpha" == matches[0].id
    assert 1.0 == matches[0].score
    assert () == mini.search("qqqq")
    assert () == mini.search("")
    assert 1 == len(mini.search("a", limit=1))
    assert ["tp:alpha-lower", "tp:alpha-upper"] == [m.id for m in mini.search("alpha", kind="trigger_point")]


def test_search_is_deterministic_with_a_total_order(mini: tp.Atlas) -> None:
    """The same query gives the same list, sorted by score, kind and name."""
    first = mini.search("e", limit=None)
    assert first == mini.search("e", limit=None)
    keys = [(-m.score, m.kind, m.name) for m in first]
    assert len(set(keys)) == len(keys) or keys == sorted(keys, key=lambda k: k[0])


def test_trigger_points_and_referrals_of_a_muscle(mini: tp.Atlas) -> None:
    """A muscle's trigger points, and their referrals filtered by zone."""
    assert ["tp:alpha-upper", "tp:alpha-lower"] == [p.id for p in mini.trigger_points_of("alpha")]
    essential = mini.referrals_of("alpha", zone="essential")
    assert [("tp:alpha-upper", "region:low-back"), ("tp:alpha-lower", "region:thigh")] == [
        (hit.trigger_point, hit.region) for hit in essential
    ]
    assert ["region:shin"] == [hit.region for hit in mini.referrals_of("tp:alpha-lower", zone=tp.Zone.SPILLOVER)]


def test_referrals_to_a_region_include_its_subregions(mini: tp.Atlas) -> None:
    """Asking for the leg finds referrals to the thigh and shin, marked as sub-region matches."""
    hits = mini.referrals_to("leg")
    assert {
        ("tp:alpha-lower", "region:thigh", "subregion"),
        ("tp:alpha-lower", "region:shin", "subregion"),
        ("tp:beta-1", "region:shin", "subregion"),
    } == {(hit.trigger_point, hit.region, hit.match) for hit in hits}
    assert () == mini.referrals_to("leg", include_subregions=False)
    assert ["Alpha muscle", "Beta muscle"] == [m.name for m in mini.muscles_referring_to("shin")]
    assert ["Beta muscle"] == [m.name for m in mini.muscles_referring_to("shin", zone="essential")]
    assert ["Alpha muscle"] == [m.name for m in mini.muscles_referring_to("shin", zone="spillover")]


def test_exact_matches_come_before_subregion_matches(mini: tp.Atlas) -> None:
    """referrals_to orders exact matches first."""
    hits = mini.referrals_to("back")
    assert ["subregion"] == [hit.match for hit in hits]
    assert ["exact"] == [hit.match for hit in mini.referrals_to("low back")]


def test_relations_satellites_and_keys(mini: tp.Atlas) -> None:
    """The satellite relation shows from both ends."""
    assert ["relation:alpha-satellite-beta"] == [r.id for r in mini.satellites_of("alpha")]
    assert ["relation:alpha-satellite-beta"] == [r.id for r in mini.keys_of("beta")]
    assert () == mini.satellites_of("beta")
    assert ["relation:alpha-satellite-beta"] == [r.id for r in mini.relations_of("tp:beta-1", direction="in")]
    with pytest.raises(ValueError, match="direction"):
        mini.relations_of("alpha", direction="sideways")  # type: ignore[arg-type]


def test_factors_symptoms_conditions_treatments_of_a_muscle(mini: tp.Atlas) -> None:
    """Links resolve in both directions; general factors only when asked."""
    assert ["factor:lifting"] == [f.id for f in mini.factors_of("alpha")]
    assert ["factor:lifting", "factor:vitamin-lack"] == [f.id for f in mini.factors_of("alpha", include_general=True)]
    assert ["factor:vitamin-lack"] == [f.id for f in mini.factors_of("beta", include_general=True, kind="perpetuating")]
    assert ["symptom:stiffness"] == [s.id for s in mini.symptoms_of("alpha")]
    assert ["condition:lumbago"] == [c.id for c in mini.conditions_of("alpha")]
    assert ["treatment:ball"] == [t.id for t in mini.treatments_of("beta")]
    assert ["muscle:beta"] == [m.id for m in mini.muscles_of("ball pressure")]
    with pytest.raises(tp.ArgumentError, match="expected a factor"):
        mini.muscles_of("shin")


def test_region_hierarchy_queries(mini: tp.Atlas) -> None:
    """Children, ancestors, descendants and inherited cautions."""
    assert ["region:thigh", "region:shin", "region:knee"] == [r.id for r in mini.children_of("leg")]
    assert ["region:back", "region:body"] == [r.id for r in mini.ancestors_of("belt line")]
    assert (
        "region:back",
        "region:low-back",
        "region:leg",
        "region:thigh",
        "region:shin",
        "region:knee",
    ) == tuple(region.id for region in mini.descendants_of("body"))
    assert ("region:low-back",) == tuple(region for region, _ in mini.cautions_for("low back"))
    assert () == mini.cautions_for("shin")


def test_the_atlas_is_immutable(mini: tp.Atlas) -> None:
    """No attribute of a loaded atlas, its indexes or its records can be set."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        mini.indexes = mini.indexes  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        mini.indexes.by_id = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        mini.indexes.by_id["x"] = mini.muscles[0]  # type: ignore[index]
    with pytest.raises(TypeError):
        mini.indexes.names["muscle"]["x"] = frozenset()  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        mini.muscles[0].name = "x"  # type: ignore[misc]


def test_an_atlas_made_from_an_invalid_dataset_is_refused(mini: tp.Atlas) -> None:
    """Atlas(dataset) checks a dataset built in Python like a file: one DatasetError, no atlas."""
    points = (
        *mini.trigger_points,
        attrs.evolve(
            mini.trigger_points[0], id=tp.TriggerPointId("tp:orphan"), muscle=tp.MuscleId("muscle:gone"), label="x"
        ),
    )
    with pytest.raises(tp.DatasetError) as caught:
        tp.Atlas(attrs.evolve(mini.dataset, trigger_points=points))
    assert ["$.trigger_points[3].muscle"] == [problem.path for problem in caught.value.problems]


def test_the_atlas_cannot_lose_attributes(mini: tp.Atlas) -> None:
    """Deleting an attribute is refused too, so the cached atlas stays whole."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del mini.indexes


def test_empty_or_punctuation_keys_name_nothing(mini: tp.Atlas) -> None:
    """An empty key after normalization matches no record."""
    for key in ("", "?", "!!!"):
        with pytest.raises(tp.UnknownIdError):
            mini.lookup(key)
        assert () == mini.search(key)


def test_sources_are_not_in_kindless_lookup() -> None:
    """A source titled like a muscle does not make the muscle's name ambiguous."""
    atlas = tp.load()
    assert "muscle:gluteus-minimus" == atlas.lookup("gluteus minimus muscle").id
    assert "muscle:quadratus-lumborum" == tp.load().lookup("quadratus lumborum").id
    assert atlas.lookup("source:ts-vol2-ch9", kind="source").id == "source:ts-vol2-ch9"


def test_suggestions_rank_prefixes_before_spelling() -> None:
    """'heat' suggests the treatment it starts, not a word that merely looks alike."""
    with pytest.raises(tp.UnknownIdError) as caught:
        tp.load().lookup("heat")
    assert "Heat after stretching" == caught.value.suggestions[0]


def test_queries_over_the_length_limit_are_refused_and_find_never_raises(mini: tp.Atlas) -> None:
    """search() and lookup() refuse text over the query limit with InputTooLargeError; find() just finds nothing."""
    from triggerpoints._limits import MAX_QUERY_LENGTH  # noqa: PLC0415 - the limit under test

    assert () == mini.search("z" * MAX_QUERY_LENGTH)
    for call in (mini.search, mini.lookup, mini.muscle):
        with pytest.raises(tp.InputTooLargeError):
            call("z" * 100_000)
    assert () == mini.find("z" * 100_000)


def test_get_and_name_of(mini: tp.Atlas) -> None:
    """Exact-id access, display names, membership and size."""
    assert "Alpha muscle lower" == mini.name_of("tp:alpha-lower")
    assert "tp:alpha-lower" in mini
    assert 20 == len(mini)
    with pytest.raises(tp.UnknownIdError) as caught:
        mini.get("muscle:alpah")
    assert "muscle:alpha" in caught.value.suggestions


def test_the_packaged_atlas_is_cached_and_shared_between_threads() -> None:
    """load() returns one object, also when many threads ask at once."""
    seen: list[tp.Atlas] = []
    threads = [threading.Thread(target=lambda: seen.append(tp.load())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 1 == len({id(atlas) for atlas in seen})
    assert seen[0] is tp.load()
