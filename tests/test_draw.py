"""Body maps: the packaged zones and markers, the SVG pictures, PNG output and the draw command."""

from __future__ import annotations

import json
import math
import re
import struct
import subprocess
import sys
import zlib
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

import triggerpoints as tp
from triggerpoints import _canvas, _draw
from triggerpoints.cli import main
from triggerpoints.exceptions import ArgumentError

ROOT = Path(__file__).resolve().parent.parent
BODYMAP: dict[str, Any] = json.loads((files("triggerpoints") / "data" / "bodymap.json").read_text(encoding="utf-8"))
ATLAS = tp.load()
UNTYPED: Any = tp  # the package without its annotations, to pass values they forbid on purpose
TITLE_H = _canvas.TITLE_HEIGHT  # the picture's title band above the views


def _polygon(d: str) -> list[tuple[float, float]]:
    """The points of the first polygon of some path data ("M x y L x y ... Z")."""
    first = d.split("Z", maxsplit=1)[0]
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", first)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def _centre(d: str) -> tuple[float, float]:
    points = _polygon(d)
    return sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points)


def _drawable(region: str, view: str | None = None) -> bool:
    views = [view] if view else list(tp.VIEWS)
    ids = (region, *(inner.id for inner in ATLAS.descendants_of(region)))
    return any(r in BODYMAP["views"][v] for v in views for r in ids)


def _png_pixels(data: bytes) -> tuple[int, list[bytes]]:
    """Decode an 8-bit RGBA PNG (what resvg writes): width and rows of RGBA bytes."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 6)
        elif kind == b"IDAT":
            chunks += body
    raw, stride, rows, previous = zlib.decompress(chunks), width * 4, [], bytearray(width * 4)
    for y in range(height):
        method, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - 4] if x >= 4 else 0
            b = previous[x]
            c = previous[x - 4] if x >= 4 else 0
            if method == 1:
                line[x] = (line[x] + a) & 255
            elif method == 2:
                line[x] = (line[x] + b) & 255
            elif method == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif method == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, rows


# --- the packaged body map ------------------------------------------------------------------


def test_every_referred_region_has_a_zone_or_is_marked_not_drawable() -> None:
    """Each region a referral names is drawn in some view (itself or its sub-regions), or listed as not drawable."""
    used = {referral.region for point in ATLAS.trigger_points for referral in point.referrals}
    missing = sorted(r for r in used if not _drawable(r) and r not in BODYMAP["not_drawable"])
    assert [] == missing


def test_not_drawable_regions_exist_have_reasons_and_no_zones() -> None:
    """The regions marked not drawable are real regions with a reason, and no view draws them."""
    for region, reason in BODYMAP["not_drawable"].items():
        assert ATLAS.region(region).id == region
        assert reason.strip()
        assert all(region not in BODYMAP["views"][view] for view in tp.VIEWS)


def test_zones_name_real_regions_with_the_right_sides() -> None:
    """Each zone belongs to a region; sided regions have a left and a right zone, the others one centre zone."""
    for view in tp.VIEWS:
        for region, zone in BODYMAP["views"][view].items():
            expected = {"left", "right"} if ATLAS.region(region).sided else {"center"}
            assert expected == set(zone), (view, region)
            for d in zone.values():
                assert all(0 <= x <= 540 and 0 <= y <= 960 for x, y in _polygon(d)), (view, region)


def test_left_and_right_zones_mirror_each_other() -> None:
    """A sided zone's left and right shapes are mirror images about the body's midline."""
    zone = BODYMAP["views"]["posterior"]["region:lateral-leg"]
    left, right = _polygon(zone["left"]), _polygon(zone["right"])
    assert sorted((round(540 - x, 1), y) for x, y in left) == sorted(right)


def test_every_trigger_point_has_a_marker_in_the_frame() -> None:
    """Each trigger point has an X position in one view, on both sides, inside the frame."""
    assert {p.id for p in ATLAS.trigger_points} == set(BODYMAP["markers"])
    for marker in BODYMAP["markers"].values():
        assert marker["view"] in tp.VIEWS
        (lx, ly), (rx, ry) = marker["left"], marker["right"]
        assert ly == ry
        assert 540 == pytest.approx(lx + rx)
        assert 0 < lx < 540
        assert 0 < ly < 960


def test_the_packaged_body_map_is_what_the_build_script_makes() -> None:
    """tools/make_bodymap.py --check passes: the checked-in file matches the data and the script."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_bodymap.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == done.returncode, done.stderr


# --- pictures -----------------------------------------------------------------------------------


def test_every_muscle_can_be_drawn_with_its_trigger_points() -> None:
    """The gallery's pictures: each muscle draws, with one X per trigger point (two strokes each)."""
    for muscle in ATLAS.muscles:
        svg = tp.draw_muscle(muscle.id)
        assert svg.startswith("<svg")
        assert svg.endswith("</svg>\n")
        points = ATLAS.trigger_points_of(muscle.id)
        crosses = svg.count('stroke-linecap="round"') // 2 - 1  # minus the legend's X
        assert len(points) == crosses, muscle.id


def test_pictures_are_deterministic() -> None:
    """The same call gives the same bytes."""
    assert tp.draw_muscle("piriformis") == tp.draw_muscle("piriformis")
    ranking = tp.rank(["sits bone", "lateral leg"])
    assert tp.draw_ranking(ranking, mode="heatmap") == tp.draw_ranking(ranking, mode="heatmap")


def test_gluteus_maximus_picture_is_the_manuals_pattern() -> None:
    """Gluteus maximus, back view: its three X in the buttock; sacrum, buttock and coccyx zones painted."""
    svg = tp.draw_muscle("gluteus maximus", views=["posterior"])
    zones = BODYMAP["views"]["posterior"]
    for region, key in [("region:sacrum", "center"), ("region:coccyx", "center"), ("region:lower-buttock", "right")]:
        assert zones[region][key] in svg, region
    buttock = [p for r in ("upper-buttock", "lower-buttock") for p in _polygon(zones[f"region:{r}"]["right"])]
    for point in ATLAS.trigger_points_of("gluteus maximus"):
        x, y = BODYMAP["markers"][point.id]["right"]
        assert min(p[0] for p in buttock) <= x <= max(p[0] for p in buttock)
        assert min(p[1] for p in buttock) <= y <= max(p[1] for p in buttock)


def test_gluteus_minimus_picture_shows_the_leg_band() -> None:
    """Gluteus minimus: an X in the buttock (back view) and the band down the back and side of the leg."""
    svg = tp.draw_muscle("gluteus minimus")
    back, front = BODYMAP["views"]["posterior"], BODYMAP["views"]["anterior"]
    assert back["region:posterior-thigh"]["right"] in svg
    assert back["region:posterior-leg"]["right"] in svg
    assert front["region:lateral-leg"]["right"] in svg
    x, y = BODYMAP["markers"]["tp:gluteus-minimus-posterior"]["right"]
    assert 380 < y < 490
    assert 270 < x < 360  # the right buttock, seen from behind


def test_side_chooses_the_zones() -> None:
    """side='left' paints the left zone of a sided region and not the right one."""
    zone = BODYMAP["views"]["posterior"]["region:ischial-tuberosity"]
    svg = tp.draw_trigger_point("glute max TrP2", side="left")
    assert zone["left"] in svg
    assert zone["right"] not in svg


def test_bilateral_referrals_are_drawn_on_both_sides() -> None:
    """A bilateral referral (rectus abdominis to the mid back) paints both sides whatever the trigger point's side."""
    zone = BODYMAP["views"]["posterior"]["region:mid-back"]
    svg = tp.draw_trigger_point("tp:rectus-abdominis-upper", side="right")
    assert zone["left"] in svg
    assert zone["right"] in svg


def test_internal_regions_and_cautions_go_in_the_legend() -> None:
    """Regions no view shows are named in the legend with the reason; red-flag regions bring their caution."""
    svg = tp.draw_muscle("levator ani")
    assert "not drawn" in svg
    assert "inside the pelvis" in svg
    chest = tp.draw_regions(["sternum"])
    assert "Caution:" in chest


def test_regions_without_zones_are_listed_not_dropped(mini: tp.Atlas) -> None:
    """An atlas with regions the body map does not know still draws, and names them as not drawn."""
    svg = tp.draw_muscle("muscle:alpha", atlas=mini)
    assert "not drawn" in svg
    assert "no zone in these views" in svg


def test_ranking_pictures() -> None:
    """A ranking draws a pain row and one row per candidate, or one heatmap row."""
    ranking = tp.rank(["outside of thigh", "outside of lower leg", "ankle"])
    svg = tp.draw_ranking(ranking, top=2)
    assert "1. Gluteus minimus" in svg
    assert 3 * 2 == svg.count('font-size="16"')  # one view label per panel: 3 rows of 2
    heat = tp.draw_ranking(ranking, mode="heatmap")
    assert 2 == heat.count('font-size="16"')
    assert "Colour: the share" in heat


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: UNTYPED.draw_muscle("piriformis", side="middle"), "side"),
        (lambda: tp.draw_muscle("piriformis", views=["lateral"]), "views"),
        (lambda: tp.draw_regions({"buttock": "hot"}), "style"),
        (lambda: tp.draw_ranking(tp.rank(["buttock"]), top=0), "top"),
        (lambda: UNTYPED.draw_ranking(tp.rank(["buttock"]), mode="bars"), "mode"),
    ],
)
def test_bad_arguments_raise_argument_error(call: Any, argument: str) -> None:
    """Bad sides, views, styles, counts and modes raise ArgumentError, a ValueError, naming the argument."""
    with pytest.raises(ValueError, match="expected") as caught:
        call()
    assert ArgumentError is type(caught.value)
    assert argument == caught.value.argument


def test_argument_error_says_what_was_given_and_what_is_allowed() -> None:
    """The message names the argument, repeats the value and lists what would do."""
    with pytest.raises(ArgumentError) as caught:
        UNTYPED.draw_muscle("piriformis", side="middle")
    assert "invalid side 'middle': expected 'left', 'right' or 'both'" == str(caught.value)


BAD_SCALES = [-1, 0, -0.0, math.nan, math.inf, -math.inf, "2", None, True, 1j]


@pytest.mark.parametrize("scale", BAD_SCALES)
def test_to_png_rejects_scales_that_are_not_finite_positive_numbers(scale: Any) -> None:
    """to_png with a zero, negative, NaN, infinite or non-number scale raises ArgumentError before rendering."""
    with pytest.raises(ArgumentError) as caught:
        tp.to_png(tp.draw_muscle("piriformis"), scale=scale)
    assert "scale" == caught.value.argument
    assert scale is caught.value.value


@pytest.mark.parametrize("scale", [*BAD_SCALES, 101, 1e300])
@pytest.mark.parametrize(
    "draw",
    [
        lambda scale: tp.draw_trigger_point("glute max TrP1", scale=scale),
        lambda scale: tp.draw_muscle("piriformis", scale=scale),
        lambda scale: tp.draw_regions(["sacrum"], scale=scale),
        lambda scale: tp.draw_ranking(tp.rank(["buttock"]), scale=scale),
    ],
)
def test_draw_functions_reject_bad_scales(draw: Any, scale: Any) -> None:
    """Every draw function takes a scale above 0 and at most 100, and raises ArgumentError for anything else."""
    with pytest.raises(ArgumentError) as caught:
        draw(scale)
    assert "scale" == caught.value.argument


def test_to_png_rejects_a_zoom_too_large_or_too_small_for_the_picture() -> None:
    """A zoom that would need more than 64 million pixels (resvg would abort) or under one pixel raises ArgumentError."""
    svg = tp.draw_muscle("piriformis")
    for scale in (1000, 1e-9):
        with pytest.raises(ArgumentError, match="pixels") as caught:
            tp.to_png(svg, scale=scale)
        assert "scale" == caught.value.argument
    assert b"\x89PNG" == tp.to_png(svg, scale=0.1)[:4]


@pytest.mark.parametrize("svg", ["", "not an svg", "<svg", b"<svg/>", None])
def test_to_png_rejects_what_is_not_a_renderable_svg(svg: Any) -> None:
    """Text resvg cannot parse, or a value that is not text, raises ArgumentError about the svg."""
    with pytest.raises(ArgumentError) as caught:
        tp.to_png(svg)
    assert "svg" == caught.value.argument


def test_to_png_checks_its_arguments_before_looking_for_resvg(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without resvg-py a bad scale is still reported as a bad scale, not as the missing package."""
    monkeypatch.setitem(sys.modules, "resvg_py", None)
    with pytest.raises(ArgumentError):
        tp.to_png("<svg/>", scale=-1)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: UNTYPED.draw_muscle("piriformis", views=[]), "views"),
        (lambda: UNTYPED.draw_muscle("piriformis", views=5), "views"),
        (lambda: UNTYPED.draw_muscle("piriformis", views=[["anterior"]]), "views"),
        (lambda: UNTYPED.draw_muscle("piriformis", side=None), "side"),
        (lambda: UNTYPED.draw_muscle("piriformis", side=["left"]), "side"),
        (lambda: UNTYPED.draw_muscle("piriformis", atlas="packaged"), "atlas"),
        (lambda: UNTYPED.draw_regions(5), "regions"),
        (lambda: UNTYPED.draw_regions([["sacrum"]]), "regions"),
        (lambda: UNTYPED.draw_regions({"sacrum": ["pain"]}), "style"),
        (lambda: UNTYPED.draw_regions({5: "pain"}), "regions"),
        (lambda: UNTYPED.draw_regions(["sacrum"], title=None), "title"),
        (lambda: UNTYPED.draw_ranking("sits bone"), "ranking"),
        (lambda: UNTYPED.draw_ranking(tp.rank(["buttock"]), top=1.5), "top"),
        (lambda: UNTYPED.draw_ranking(tp.rank(["buttock"]), top="2"), "top"),
        (lambda: UNTYPED.draw_ranking(tp.rank(["buttock"]), top=True), "top"),
        (lambda: UNTYPED.draw_ranking(tp.rank(["buttock"]), side="middle"), "side"),
        (lambda: UNTYPED.draw_ranking(tp.rank(["buttock"]), mode=None), "mode"),
    ],
)
def test_values_of_the_wrong_kind_raise_argument_error(call: Any, argument: str) -> None:
    """Values that used to fail deep inside (TypeError, AttributeError) raise ArgumentError naming the argument."""
    with pytest.raises(ArgumentError) as caught:
        call()
    assert argument == caught.value.argument


def test_arguments_are_checked_before_names_are_looked_up() -> None:
    """A bad option is reported even when the name is unknown too: the checks come before any work."""
    with pytest.raises(ArgumentError):
        tp.draw_muscle("no such muscle", scale=0)
    with pytest.raises(ArgumentError):
        tp.draw_regions(["no such region"], views=["lateral"])


def test_views_may_be_one_name_or_any_iterable_in_view_order() -> None:
    """The views argument takes one name, a list, a tuple or a generator, and draws them front then back."""
    expected = tp.draw_muscle("gluteus minimus", views=["anterior", "posterior"])
    assert expected == tp.draw_muscle("gluteus minimus", views=("posterior", "anterior"))
    assert expected == tp.draw_muscle("gluteus minimus", views=iter(["posterior", "anterior"]))
    assert tp.draw_muscle("gluteus minimus", views=["anterior"]) == tp.draw_muscle("gluteus minimus", views="anterior")


def test_a_single_region_name_is_one_region() -> None:
    """draw_regions("sternum") draws the sternum, as draw_regions(["sternum"]) does, not one region per letter."""
    assert tp.draw_regions(["sternum"]) == tp.draw_regions("sternum")


def test_text_that_xml_cannot_hold_is_replaced() -> None:
    """Control characters in a title become U+FFFD, so the SVG stays well-formed and renders."""
    svg = tp.draw_regions(["sacrum"], title="pain\x00 & <ache>")
    assert "pain\ufffd &amp; &lt;ache&gt;" in svg
    assert b"\x89PNG" == tp.to_png(svg)[:4]


def test_unknown_names_get_suggestions() -> None:
    """An unknown muscle name raises UnknownIdError with close names."""
    with pytest.raises(tp.UnknownIdError, match="did you mean"):
        tp.draw_muscle("glute mni")


def test_missing_outline_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without anatomapa, drawing raises MissingDependencyError naming the maps extra."""
    real = _canvas.read

    def no_anatomapa(package: str, *parts: str) -> str:
        if package == "anatomapa":
            raise ModuleNotFoundError(package)
        return real(package, *parts)

    _canvas.outline.cache_clear()
    monkeypatch.setattr(_canvas, "read", no_anatomapa)
    with pytest.raises(tp.MissingDependencyError, match=r"triggerpoints\[maps\]") as caught:
        tp.draw_muscle("piriformis")
    assert ("anatomapa", "maps") == (caught.value.package, caught.value.extra)
    _canvas.outline.cache_clear()


def test_missing_png_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without resvg-py, to_png raises MissingDependencyError naming the png extra."""
    monkeypatch.setitem(sys.modules, "resvg_py", None)
    with pytest.raises(tp.MissingDependencyError, match=r"triggerpoints\[png\]"):
        tp.to_png("<svg/>")


# --- clickable zones -----------------------------------------------------------------------------

_ZONE = re.compile(
    r'<path d="([^"]+)" [^>]*?id="([^"]+)" data-region="([^"]+)" data-side="([^"]+)"><title>([^<]*)</title></path>'
)


def test_every_zone_carries_an_id_its_region_its_side_and_its_name() -> None:
    """In a ranking picture (the same zones in several rows) each zone has a unique id, its region, side and a <title>."""
    svg = tp.draw_ranking(tp.rank(["outside of thigh", "outside of lower leg", "ankle"]), top=3)
    zones = _ZONE.findall(svg)
    assert svg.count("data-region=") == len(zones) > 0
    assert len(zones) == len({ident for _, ident, *_ in zones})
    for d, _, region, side, title in zones:
        view = next(v for v in tp.VIEWS if region in BODYMAP["views"][v] and BODYMAP["views"][v][region].get(side) == d)
        name = ATLAS.region(region).name
        assert (name if side == "center" else f"{name} ({side})") == title, view


def test_zone_ids_say_view_region_and_side() -> None:
    """A zone's id is tp-<view>-<region>-<side>, numbered from -2 when the picture repeats it."""
    svg = tp.draw_ranking(tp.rank(["lateral leg"]), top=2)
    ids = [
        ident for _, ident, region, side, _ in _ZONE.findall(svg) if (region, side) == ("region:lateral-leg", "right")
    ]
    assert {
        "tp-anterior-lateral-leg-right",
        "tp-anterior-lateral-leg-right-2",
        "tp-posterior-lateral-leg-right",
    } <= set(ids)


def test_the_body_map_to_click_draws_every_zone_once() -> None:
    """draw_body_map: every zone of both views once, neutral, with nested zones after the zones around them."""
    from triggerpoints._draw import draw_body_map  # noqa: PLC0415 - not public: the explorer's map

    svg = draw_body_map()
    zones = _ZONE.findall(svg)
    expected = {(region, side) for view in tp.VIEWS for region, zone in BODYMAP["views"][view].items() for side in zone}
    assert expected == {(region, side) for _, _, region, side, _ in zones}
    assert sum(len(zone) for view in tp.VIEWS for zone in BODYMAP["views"][view].values()) == len(zones)
    order = [region for _, _, region, _, _ in zones]
    assert order.index("region:jaw") < order.index("region:chin")
    assert svg == draw_body_map()
    with pytest.raises(ArgumentError):
        draw_body_map(scale=0)


# --- PNG ------------------------------------------------------------------------------------------


def test_png_paints_the_essential_zone_and_not_an_unrelated_one() -> None:
    """Rendered to PNG, a pixel inside an essential zone is red; pixels in unrelated zones stay white."""
    svg = tp.draw_trigger_point("glute max TrP2", side="right", views=["posterior"])
    width, rows = _png_pixels(tp.to_png(svg))
    assert 540 == width

    def pixel(view_point: tuple[float, float]) -> tuple[int, ...]:
        x, y = round(view_point[0]), round(view_point[1] + TITLE_H)
        return tuple(rows[y][4 * x : 4 * x + 3])

    zones = BODYMAP["views"]["posterior"]
    red = pixel(_centre(zones["region:ischial-tuberosity"]["right"]))
    assert red[0] > 180, red
    assert max(red[1], red[2]) < 100, red
    for unrelated in (zones["region:ischial-tuberosity"]["left"], zones["region:occiput"]["center"]):
        assert (255, 255, 255) == pixel(_centre(unrelated))


@pytest.mark.skipif(_draw._sans_serif_family() is None, reason="no common sans-serif font on this system")
def test_png_has_the_pictures_text() -> None:
    """The title is drawn in the PNG: its band has ink, and is blank when the SVG's text is taken out."""
    svg = tp.draw_trigger_point("glute max TrP2", side="right", views=["posterior"])

    def ink_in_title_band(picture: str) -> int:
        _, rows = _png_pixels(tp.to_png(picture))
        return sum(1 for row in rows[:TITLE_H] for x in range(0, len(row), 4) if row[x] < 128)

    assert 0 == ink_in_title_band(re.sub(r"<text[^>]*>.*?</text>", "", svg))
    assert 200 < ink_in_title_band(svg)


@pytest.mark.skipif(_draw._sans_serif_family() is None, reason="no common sans-serif font on this system")
def test_png_of_a_muscle_paints_its_title_and_its_caution_line() -> None:
    """Gluteus minimus as PNG: the title band and the calf caution's line have ink, which goes with their text."""
    svg = tp.draw_muscle("glute min")
    caution = re.search(r'<text x="[0-9.]+" y="([0-9.]+)"[^>]*>Caution: Calf pain[^<]*</text>', svg)
    assert caution is not None
    baseline = round(float(caution.group(1)))

    def ink(picture: str, top: int, bottom: int) -> int:
        """Dark pixels between two rows of the rendered picture (left half: where the text starts)."""
        width, rows = _png_pixels(tp.to_png(picture))
        return sum(1 for row in rows[top:bottom] for x in range(0, 2 * width, 4) if row[x] < 128)

    without_caution = svg.replace(caution.group(0), "")
    assert 0 == ink(without_caution, baseline - 11, baseline + 3)
    assert 300 < ink(svg, baseline - 11, baseline + 3)
    assert 200 < ink(svg, 0, TITLE_H)


def test_pictures_are_strings_that_notebooks_show_as_svg() -> None:
    """A drawing is a str (a tp.Picture) whose _repr_svg_ is the SVG itself."""
    svg = tp.draw_trigger_point("glute max TrP1")
    assert isinstance(svg, str)
    assert isinstance(svg, tp.Picture)
    assert svg == svg._repr_svg_()
    assert str(svg) == svg


# --- the command line -----------------------------------------------------------------------------


def test_cli_draws_svg_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    """`triggerpoints draw "glute min"` prints the SVG."""
    assert 0 == main(["draw", "glute min", "--view", "posterior"])
    out = capsys.readouterr().out
    assert out.startswith("<svg")
    assert out == tp.draw_muscle("glute min", views=["posterior"])


def test_cli_writes_png_and_svg_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o FILE.png writes a PNG, -o FILE.svg an SVG; --json reports what was written."""
    assert 0 == main(["draw", "glute max TrP1", "-o", str(tmp_path / "x.png")])
    assert (tmp_path / "x.png").read_bytes()[:4] == b"\x89PNG"
    assert 0 == main(["draw", "sits bone", "--rank", "--heatmap", "-o", str(tmp_path / "r.svg"), "--json"])
    report = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert "svg" == report["format"]
    assert (tmp_path / "r.svg").read_text(encoding="utf-8").startswith("<svg")


def test_cli_draw_json_without_a_file_prints_the_svg_inside_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`draw --json` with no -o prints {"format": "svg", "svg": ...}, the same picture."""
    assert 0 == main(["draw", "glute min", "--view", "posterior", "--json"])
    assert {"format": "svg", "svg": tp.draw_muscle("glute min", views=["posterior"])} == json.loads(
        capsys.readouterr().out
    )


@pytest.mark.parametrize("name", ["x.pdf", "x.jpg", "x"])
def test_cli_refuses_picture_files_it_cannot_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    """-o FILE.pdf, .jpg or no extension: a usage error naming the file, and nothing written."""
    assert 2 == main(["draw", "glute min", "-o", str(tmp_path / name)])
    assert "can write .svg or .png files only" in capsys.readouterr().err
    assert [] == list(tmp_path.iterdir())


def test_cli_draws_regions_and_reports_unknown_names(capsys: pytest.CaptureFixture[str]) -> None:
    """Several names are regions; an unknown name exits 1 with a suggestion."""
    assert 0 == main(["draw", "sits bone", "lateral leg", "--side", "left"])
    assert "posterior (left side)" in capsys.readouterr().out
    assert 1 == main(["draw", "glute mni"])
    assert "did you mean" in capsys.readouterr().err
