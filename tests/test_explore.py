"""The explorer's server: its JSON API over a real server on 127.0.0.1, its files, its errors and its command."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest

import triggerpoints as tp
from triggerpoints import _explore_api as api
from triggerpoints._explore import HOST, Explorer
from triggerpoints.cli import main

GLUTE_MIN_PAIN = ["region:lateral-thigh", "region:lateral-leg", "region:ankle"]
TIMEOUT = 20  # seconds any one request may take


@pytest.fixture(scope="module")
def explorer() -> Iterator[Explorer]:
    """One explorer for the module, on a free port of 127.0.0.1, stopped afterwards."""
    with Explorer(port=0) as server:
        yield server


def _get(explorer: Explorer, path: str, method: str = "GET") -> tuple[int, str, bytes]:
    """The status, content type and body of one bounded request, sent as written (no path clean-up)."""
    port = int(explorer.url.rsplit(":", 1)[1].strip("/"))
    connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


def _json(explorer: Explorer, path: str) -> tuple[int, Any]:
    status, kind, body = _get(explorer, path)
    assert "application/json; charset=utf-8" == kind
    return status, json.loads(body)


def _rank(explorer: Explorer, **query: Any) -> Any:
    status, answer = _json(explorer, "/api/rank?" + urlencode(query, doseq=True))
    assert 200 == status, answer
    return answer


# --- ranking ----------------------------------------------------------------------------------


def test_outer_thigh_lower_leg_and_ankle_put_gluteus_minimus_first(explorer: Explorer) -> None:
    """Pain on the outer thigh, outer lower leg and ankle ranks gluteus minimus first, with its evidence in words."""
    answer = _rank(explorer, pain=GLUTE_MIN_PAIN)
    first, shown = answer["ranking"]["candidates"][0], answer["shown"][0]
    assert "muscle:gluteus-minimus" == first["muscle"]["id"]
    assert "1" == shown["rank"]
    assert shown["evidence"].startswith("Gluteus minimus (score")
    assert "refers pain to the Lateral thigh" in shown["evidence"]


def test_the_ranking_is_the_librarys_own(explorer: Explorer) -> None:
    """The answer's ranking is exactly Ranking.to_dict() of the same query (ten candidates), through JSON."""
    answer = _rank(explorer, pain=GLUTE_MIN_PAIN, absent=["region:foot"], side="left")
    expected = tp.rank(GLUTE_MIN_PAIN, absent=["region:foot"], limit=10).to_dict()
    assert json.loads(json.dumps(expected)) == answer["ranking"]
    assert "left" == answer["side"]
    assert {"region:lateral-thigh": "Lateral thigh", "region:foot": "Foot"}.items() <= answer["names"].items()


def test_each_candidate_has_sources_links_and_a_picture(explorer: Explorer) -> None:
    """Each candidate shown has citations of real sources, links into the docs and a picture address."""
    answer = _rank(explorer, pain=GLUTE_MIN_PAIN, side="right")
    atlas = tp.load()
    shown = answer["shown"][0]
    assert shown["sources"]
    for source in shown["sources"]:
        assert atlas.source(source["id"]).citation() == source["citation"]
    area = atlas.muscle("gluteus minimus").body_area.value  # the reference's section ids are the areas' values
    assert {
        "gallery": api.DOCS + "gallery.html#gluteus-minimus",
        "reference": api.DOCS + "reference.html#" + area,
    } == shown["links"]
    assert "/api/picture.svg?trigger_point=tp%3Agluteus-minimus-anterior&side=right" == shown["picture"]


def test_a_pain_free_region_changes_the_ranking(explorer: Explorer) -> None:
    """Marking the ankle pain-free instead of painful changes the candidates' scores."""
    pain = _rank(explorer, pain=GLUTE_MIN_PAIN)
    free = _rank(explorer, pain=GLUTE_MIN_PAIN[:2], absent=["region:ankle"])
    assert ["region:ankle"] == free["ranking"]["absent"]
    scores = [(c["muscle"]["id"], c["score"]) for c in pain["ranking"]["candidates"]]
    assert scores != [(c["muscle"]["id"], c["score"]) for c in free["ranking"]["candidates"]]


def test_cautions_come_once_per_answer_and_not_in_each_candidate(explorer: Explorer) -> None:
    """A chest region's caution is listed once for the answer and left out of every candidate's evidence."""
    answer = _rank(explorer, pain=["region:sternum"])
    atlas = tp.load()
    expected = [{"region": r, "name": atlas.name_of(r), "caution": c} for r, c in atlas.cautions_for("sternum")]
    assert expected == answer["cautions"]
    assert len(answer["shown"]) > 1
    assert all("Caution" not in shown["evidence"] for shown in answer["shown"])


def test_activities_and_symptoms_are_passed_to_the_ranking(explorer: Explorer) -> None:
    """An activity and a symptom chosen on the page reach tp.rank and come back by id and name."""
    activity = tp.load().factor("factor:sitting-on-a-wallet")
    answer = _rank(explorer, pain=["region:buttock"], activity=[activity.id])
    assert [activity.id] == answer["ranking"]["activities"]
    assert activity.name == answer["names"][activity.id]


def test_shared_places_are_computed_from_equal_scores() -> None:
    """Without places from the ranking, equal scores share the best place among them: 1, =2, =2, 4."""
    candidates = [{"score": 3.0}, {"score": 2.0}, {"score": 2.0}, {"score": 1.0}]
    assert ["1", "=2", "=2", "4"] == api._ranks(candidates)


def test_places_given_by_the_ranking_are_used_as_given() -> None:
    """A ranking whose candidates carry their rank and whether it is tied is shown with those places."""
    candidates = [
        {"score": 2.0, "rank": 1, "tied": True},
        {"score": 2.0, "rank": 1, "tied": True},
        {"score": 1.0, "rank": 3, "tied": False},
    ]
    assert ["=1", "=1", "3"] == api._ranks(candidates)


def test_a_tie_in_the_packaged_data_is_shown_as_a_shared_place(explorer: Explorer) -> None:
    """A region whose ranking ties candidates on score answers with the library's shared places ("=n")."""
    region = next(r.id for r in tp.load().regions if any(c.tied for c in tp.rank([r.id], limit=10)))
    answer = _rank(explorer, pain=[region])
    expected = [candidate.place for candidate in tp.rank([region], limit=10)]
    assert expected == [shown["rank"] for shown in answer["shown"]]
    assert any(place.startswith("=") for place in expected)


# --- a muscle, lists and pictures -----------------------------------------------------------------


def test_the_muscle_view_has_points_patterns_relations_cautions_and_sources(explorer: Explorer) -> None:
    """The muscle view of 'glute min' gives its trigger points with zones, its relations and cited sources."""
    status, view = _json(explorer, "/api/muscle?" + urlencode({"id": "glute min"}))
    atlas = tp.load()
    assert 200 == status
    assert "muscle:gluteus-minimus" == view["id"]
    assert [p.id for p in atlas.trigger_points_of("gluteus minimus")] == [p["id"] for p in view["trigger_points"]]
    zones = {(r["region"], r["zone"]) for p in view["trigger_points"] for r in p["referrals"]}
    assert ("region:lateral-thigh", "essential") in zones
    assert len(atlas.relations_of("gluteus minimus")) == len(view["relations"])
    assert all(atlas.source(s["id"]).citation() == s["citation"] for s in view["sources"])
    assert "curation" not in json.dumps(view)


def test_a_calf_muscle_view_carries_the_calf_caution_once(explorer: Explorer) -> None:
    """Soleus refers pain to the calf, so its view lists the calf's caution, once."""
    _, view = _json(explorer, "/api/muscle?id=soleus")
    texts = [caution["caution"] for caution in view["cautions"]]
    assert texts
    assert len(set(texts)) == len(texts)


def test_options_list_regions_activities_and_symptoms(explorer: Explorer) -> None:
    """The page's lists: every region, the factors of kind activity and every symptom."""
    _, options = _json(explorer, "/api/options")
    atlas = tp.load()
    assert {r.id for r in atlas.regions} == {r["id"] for r in options["regions"]}
    expected = {f.id for f in atlas.factors if f.kind is tp.FactorKind.ACTIVITY}
    assert expected == {a["id"] for a in options["activities"]}
    assert {s.id for s in atlas.symptoms} == {s["id"] for s in options["symptoms"]}
    assert tp.MODEL_VERSION == options["model_version"]


def test_the_body_map_has_every_zone_once_with_its_region_and_name(explorer: Explorer) -> None:
    """The map to click on: unique ids, a region id and a <title> on every zone."""
    status, kind, body = _get(explorer, "/api/map.svg")
    svg = body.decode("utf-8")
    zones = re.findall(r'id="([^"]+)" data-region="([^"]+)" data-side="([^"]+)"><title>([^<]+)</title>', svg)
    assert (200, "image/svg+xml") == (status, kind)
    assert len(zones) == svg.count("data-region=")
    assert len({ident for ident, *_ in zones}) == len(zones)
    assert ("tp-anterior-lateral-thigh-left", "region:lateral-thigh", "left", "Lateral thigh (left)") in zones


def test_pictures_are_svg(explorer: Explorer) -> None:
    """A muscle's and a trigger point's pictures come as SVG documents."""
    for query in ("muscle=gluteus+minimus&side=left", "trigger_point=tp%3Agluteus-minimus-anterior"):
        status, kind, body = _get(explorer, "/api/picture.svg?" + query)
        assert (200, "image/svg+xml") == (status, kind)
        assert body.startswith(b"<svg")


# --- bad input ------------------------------------------------------------------------------------


def _library_message(call: Any) -> str:
    with pytest.raises(tp.TriggerPointsError) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize(
    ("path", "call"),
    [
        ("/api/rank?pain=zqx+nowhere", lambda: tp.rank(["zqx nowhere"])),
        ("/api/rank?pain=buttock&absent=nowhere", lambda: tp.rank(["buttock"], absent=["nowhere"])),
        ("/api/rank?pain=buttock&activity=juggling", lambda: tp.rank(["buttock"], activities=["juggling"])),
        ("/api/muscle?id=glute+mni", lambda: tp.load().muscle("glute mni")),
        ("/api/picture.svg?muscle=piriformiss", lambda: tp.draw_muscle("piriformiss")),
    ],
)
def test_unknown_names_get_a_400_with_the_librarys_message(explorer: Explorer, path: str, call: Any) -> None:
    """An unknown region, activity or muscle answers 400 in JSON with the library's own message."""
    status, answer = _json(explorer, path)
    assert 400 == status
    assert _library_message(call) == answer["error"]
    assert "UnknownIdError" == answer["type"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/rank?pain=buttock&side=middle", "invalid side 'middle': expected 'left', 'right' or 'both'"),
        ("/api/rank?pain=buttock&limit=0", "invalid limit '0': expected a whole number from 1 to 50"),
        ("/api/rank?pain=buttock&side=left&side=right", "invalid side ['left', 'right']: expected one value"),
        (
            "/api/rank?pains=buttock",
            "invalid parameter 'pains': expected one of 'pain', 'absent', 'activity', 'symptom', 'side', 'limit'",
        ),
        ("/api/options?x=1", "invalid parameter 'x': expected no parameters"),
        (
            "/api/picture.svg?side=left",
            "invalid picture ['side']: expected one of 'muscle' or 'trigger_point', with an optional 'side'",
        ),
    ],
)
def test_bad_values_get_a_400_saying_what_is_expected(explorer: Explorer, path: str, message: str) -> None:
    """Bad sides, limits and parameter names answer 400 in JSON with an ArgumentError's message."""
    status, answer = _json(explorer, path)
    assert (400, message, "ArgumentError") == (status, answer["error"], answer["type"])


@pytest.mark.parametrize("path", ["/api/rank?pain", "/api/rank?%zz=1&&", "/api/rank?pain=a;b"])
def test_a_query_string_that_is_not_one_gets_a_400(explorer: Explorer, path: str) -> None:
    """A malformed query string answers 400 in JSON, never a traceback page."""
    status, kind, body = _get(explorer, path)
    assert (400, "application/json; charset=utf-8") == (status, kind)
    assert b"Traceback" not in body


def test_methods_other_than_get_are_refused_in_json(explorer: Explorer) -> None:
    """POST answers 405 in JSON."""
    status, kind, body = _get(explorer, "/api/rank", method="POST")
    assert (405, "application/json; charset=utf-8") == (status, kind)
    assert "MethodNotAllowed" == json.loads(body)["type"]


# --- files -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/", "text/html; charset=utf-8"),
        ("/static/index.html", "text/html; charset=utf-8"),
        ("/static/explorer.js", "text/javascript; charset=utf-8"),
        ("/static/explorer.css", "text/css; charset=utf-8"),
    ],
)
def test_the_page_files_are_served_with_their_content_type(explorer: Explorer, path: str, kind: str) -> None:
    """The page, its script and its styles come with the right content type and a nosniff header."""
    status, given, body = _get(explorer, path)
    assert (200, kind) == (status, given)
    assert body


def test_the_page_loads_nothing_from_elsewhere(explorer: Explorer) -> None:
    """Every file, script, style, picture and request the page loads is the local server's (or inline data)."""
    _, _, page = _get(explorer, "/")
    _, _, script = _get(explorer, "/static/explorer.js")
    _, _, style = _get(explorer, "/static/explorer.css")
    loaded = [
        *re.findall(r'\ssrc="([^"]*)"', page.decode()),
        *re.findall(r'<link [^>]*href="([^"]*)"', page.decode()),
        *re.findall(r"fetch\(([^,)]*)", script.decode()),
        *re.findall(r"url\(([^)]*)\)", style.decode()),
        *re.findall(r"@import", style.decode()),
    ]
    assert loaded
    outside = [url for url in loaded if not url.strip("\"'`").startswith(("/", "data:", "#", "path"))]
    assert [] == outside
    assert b"not a diagnosis" in page


@pytest.mark.parametrize(
    "path",
    [
        "/static/../__init__.py",
        "/static/..%2f__init__.py",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/../../../../../../etc/passwd",
        "/../pyproject.toml",
        "/static/",
        "/static",
        "/static/explorer.js/../../_explore.py",
        "/static//etc/passwd",
        "//etc/passwd",
        "/static/explorer.js%00.py",
        "/api/../static/explorer.js",
        "/_explore.py",
        "/data/triggerpoints.json",
    ],
)
def test_nothing_outside_the_pages_files_is_served(explorer: Explorer, path: str) -> None:
    """Paths that climb out of the page's folder, or name other files, answer 404 in JSON."""
    status, kind, body = _get(explorer, path)
    assert (404, "application/json; charset=utf-8") == (status, kind)
    assert b"import" not in body
    assert b"root:" not in body


def test_the_server_listens_on_the_loopback_address_only(explorer: Explorer) -> None:
    """The explorer binds 127.0.0.1, so no other computer can reach it."""
    assert explorer.url.startswith("http://127.0.0.1:")
    assert "127.0.0.1" == HOST


@pytest.mark.parametrize("port", [-1, 65536, "80", True, 1.5])
def test_a_bad_port_is_an_argument_error(port: Any) -> None:
    """A port that is not a whole number from 0 to 65535 raises ArgumentError before anything listens."""
    with pytest.raises(tp.ArgumentError) as caught:
        Explorer(port=port)
    assert "port" == caught.value.argument


# --- the command -----------------------------------------------------------------------------------


def test_the_command_prints_the_address_serves_and_stops_on_ctrl_c() -> None:
    """`triggerpoints explore --no-browser` prints its address, serves the page and exits 0 on Ctrl-C."""
    code = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from triggerpoints.cli import main; sys.exit(main(['explore', '--no-browser']))"
    )
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as child:
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            url = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            assert url is not None, line
            connection = http.client.HTTPConnection(HOST, int(url.group(1)), timeout=TIMEOUT)
            try:
                connection.request("GET", "/")
                response = connection.getresponse()
                assert (200, True) == (response.status, b"explorer.js" in response.read())
            finally:
                connection.close()
            child.send_signal(signal.SIGINT)
            out, err = child.communicate(timeout=TIMEOUT)
        finally:
            if child.poll() is None:
                child.kill()
                child.communicate()
    assert 0 == child.returncode, err
    assert "stopped" in out


@pytest.mark.parametrize("port", ["-1", "65536", "http"])
def test_the_command_refuses_a_bad_port(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`explore --port` takes 0 to 65535; anything else is a usage error (exit 2)."""
    assert 2 == main(["explore", "--port", port])
    assert "not a port number" in capsys.readouterr().err


def test_the_command_refuses_json() -> None:
    """`explore` has no --json: argparse refuses it rather than ignoring it."""
    assert 2 == main(["explore", "--json"])
