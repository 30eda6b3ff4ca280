"""Body-map pictures: trigger points, muscles, pain regions and rankings drawn as SVG.

The pictures are painted by :mod:`triggerpoints._canvas` (the body outline from the
optional ``anatomapa`` package, the zones and markers from the packaged
``bodymap.json``); this module checks the arguments, all of them before any drawing,
and chooses what to paint. Pictures are plain SVG strings, the same bytes for the same
input; :func:`to_png` turns one into PNG through the optional ``resvg-py``.
"""

from __future__ import annotations

import functools
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from triggerpoints._atlas import Atlas
from triggerpoints._candidates import Candidate, Ranking
from triggerpoints._canvas import (
    STYLES,
    VIEWS,
    Canvas,
    Paint,
    Picture,
    Side,
    caption,
    compose,
    heat,
    heat_legend,
    notes,
    outlined,
    pattern_panels,
    side_words,
    sides,
    zone_map,
)
from triggerpoints._load import load
from triggerpoints._models import Zone
from triggerpoints.exceptions import ArgumentError, MissingDependencyError

__all__ = [
    "VIEWS",
    "Picture",
    "draw_body_map",
    "draw_muscle",
    "draw_ranking",
    "draw_regions",
    "draw_trigger_point",
    "to_png",
]

_SIDES = ("left", "right", "both")
_MODES = ("patterns", "heatmap")
_MAX_SCALE = 100.0
_MAX_PIXELS = 64_000_000  # a PNG of 256 MB in memory; resvg aborts the process when it cannot allocate
_SANS_SERIF = ("Arial", "Helvetica", "DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans")


# --- checking arguments -------------------------------------------------------------------


def _one_of(choices: Sequence[str]) -> str:
    quoted = [repr(choice) for choice in choices]
    return f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _check_choice(argument: str, value: object, choices: Sequence[str]) -> None:
    if not isinstance(value, str) or value not in choices:
        raise ArgumentError(argument, value, _one_of(choices))


def _check_views(views: object) -> tuple[str, ...] | None:
    """The views asked for, in :data:`VIEWS` order; ``None`` for the default."""
    if views is None:
        return None
    given = (views,) if isinstance(views, str) else tuple(views) if isinstance(views, Iterable) else None
    if not given or any(view not in VIEWS for view in given):
        shown = views if given is None or isinstance(views, str | Sequence) else given
        raise ArgumentError("views", shown, "'anterior' and/or 'posterior' (a name or a list of them)")
    return tuple(view for view in VIEWS if view in given)


def _check_scale(scale: object, *, most: float, expected: str) -> float:
    """The scale as a float, if it is a finite number above 0 and at most ``most``."""
    value = math.nan if isinstance(scale, bool) or not isinstance(scale, numbers.Real) else float(scale)
    if not (math.isfinite(value) and 0 < value <= most):
        raise ArgumentError("scale", scale, expected)
    return value


def _check_top(top: object) -> int:
    if isinstance(top, bool) or not isinstance(top, numbers.Integral) or top < 1:
        raise ArgumentError("top", top, "a whole number of at least 1")
    return int(top)


def _check_atlas(atlas: object) -> Atlas:
    """The atlas given, or the packaged one: call it last, as loading is work."""
    if atlas is None:
        return load()
    if not isinstance(atlas, Atlas):
        raise ArgumentError("atlas", atlas, "an Atlas, as triggerpoints.load() returns")
    return atlas


def _check_picture(
    side: object, views: object, scale: object, atlas: object
) -> tuple[tuple[str, ...] | None, float, Atlas]:
    """The options every picture of a record or region shares: views, scale and atlas, checked."""
    _check_choice("side", side, _SIDES)
    chosen = _check_views(views)
    size = _check_scale(scale, most=_MAX_SCALE, expected=f"a number above 0 and at most {_MAX_SCALE:g}")
    return chosen, size, _check_atlas(atlas)


def _check_regions(regions: object) -> dict[str, str]:
    """Each region name and its style's name, from names (painted as pain) or a mapping."""
    expected = "region names, or a mapping from region names to 'essential', 'spillover' or 'pain'"
    given: Mapping[object, object]
    if isinstance(regions, str):
        given = {regions: "pain"}
    elif isinstance(regions, Mapping):
        given = regions
    elif isinstance(regions, Iterable):
        try:
            given = dict.fromkeys(regions, "pain")
        except TypeError:  # an unhashable item
            raise ArgumentError("regions", regions, expected) from None
    else:
        raise ArgumentError("regions", regions, expected)
    styles: dict[str, str] = {}
    for key, style in given.items():
        if not isinstance(key, str):
            raise ArgumentError("regions", regions, expected)
        value = style.value if isinstance(style, Zone) else style
        if not isinstance(value, str) or value not in STYLES:
            raise ArgumentError("style", style, _one_of(tuple(STYLES)))
        styles[key] = value
    return styles


# --- pictures -------------------------------------------------------------------------------


def draw_trigger_point(
    trigger_point: str,
    *,
    side: Side = "right",
    views: Iterable[str] | None = None,
    scale: float = 1.0,
    atlas: Atlas | None = None,
) -> Picture:
    """Draw a trigger point's referral pattern on the body outline, as SVG.

    An X marks where the trigger point lies; its essential zones are solid, its
    spillover zones stippled. Referrals to the other side (contralateral) or to both
    sides (bilateral) are drawn there. Regions no view can show (inside the pelvis, the
    tongue) and caution notes for red-flag areas are listed in the legend.

    Args:
        trigger_point: Its id, alias, or muscle name plus label ("glute max TrP1").
        side: The side of the body the trigger point is on: ``"right"``, ``"left"``
            or ``"both"``.
        views: ``"anterior"`` and/or ``"posterior"`` (one name or several); by
            default the views in which something of the pattern shows.
        scale: Size of each view relative to the 540 x 960 frame, above 0 and at
            most 100.
        atlas: The atlas to draw from (default: the packaged one).

    Returns:
        An SVG document (a :class:`Picture`, which is a ``str``); the same arguments give
        the same bytes.

    Raises:
        UnknownIdError: No trigger point has that name.
        ArgumentError: A side, view, scale or atlas that cannot be used.
        MissingDependencyError: The ``anatomapa`` package (extra ``maps``) is missing.

    Examples:
        >>> import triggerpoints as tp
        >>> svg = tp.draw_trigger_point("gluteus minimus anterior")
        >>> svg.startswith("<svg") and "Gluteus minimus, anterior" in svg
        True
    """
    chosen, scale, atlas = _check_picture(side, views, scale, atlas)
    point = atlas.trigger_point(trigger_point)
    canvas = Canvas(atlas)
    panels, regions = pattern_panels(canvas, (point,), side, chosen, side_words(side))
    title = f"{atlas.name_of(point.muscle)}, {point.label}"
    return compose([panels], title, notes(canvas, regions), scale=scale)


def draw_muscle(
    muscle: str,
    *,
    side: Side = "right",
    views: Iterable[str] | None = None,
    scale: float = 1.0,
    atlas: Atlas | None = None,
) -> Picture:
    """Draw all of a muscle's trigger points and their combined referral pattern, as SVG.

    A region is drawn essential if it is essential for any of the trigger points.

    Args:
        muscle: Its id, name or alias.
        side: The side of the body: ``"right"``, ``"left"`` or ``"both"``.
        views: ``"anterior"`` and/or ``"posterior"`` (one name or several); by
            default those in which something shows.
        scale: Size of each view relative to the 540 x 960 frame, above 0 and at
            most 100.
        atlas: The atlas to draw from (default: the packaged one).

    Returns:
        An SVG document (a :class:`Picture`, which is a ``str``); the same arguments give
        the same bytes.

    Raises:
        UnknownIdError: No muscle has that name.
        ArgumentError: A side, view, scale or atlas that cannot be used.
        MissingDependencyError: The ``anatomapa`` package (extra ``maps``) is missing.

    Examples:
        >>> import triggerpoints as tp
        >>> svg = tp.draw_muscle("glute max", views=["posterior"])
        >>> ("posterior (right side)" in svg, "anterior (right side)" in svg)
        (True, False)
    """
    chosen, scale, atlas = _check_picture(side, views, scale, atlas)
    record = atlas.muscle(muscle)
    canvas = Canvas(atlas)
    points = atlas.trigger_points_of(record.id)
    panels, regions = pattern_panels(canvas, points, side, chosen, side_words(side))
    labels = ", ".join(point.label for point in points)
    return compose([panels], f"{record.name} ({labels})", notes(canvas, regions), scale=scale)


def draw_regions(
    regions: str | Iterable[str] | Mapping[str, Zone | str],
    *,
    side: Side = "both",
    views: Iterable[str] | None = None,
    title: str = "Pain regions",
    scale: float = 1.0,
    atlas: Atlas | None = None,
) -> Picture:
    """Draw regions on the body outline, as SVG: the places where someone has pain, say.

    Args:
        regions: Region ids, names or aliases (or just one), painted as pain (blue);
            or a mapping from each region to ``"essential"``, ``"spillover"`` or
            ``"pain"``.
        side: ``"right"``, ``"left"`` or ``"both"`` (for regions that have sides).
        views: ``"anterior"`` and/or ``"posterior"`` (one name or several); by
            default those in which something shows.
        title: The picture's title.
        scale: Size of each view relative to the 540 x 960 frame, above 0 and at
            most 100.
        atlas: The atlas to resolve names against (default: the packaged one).

    Returns:
        An SVG document (a :class:`Picture`, which is a ``str``); the same arguments give
        the same bytes.

    Raises:
        UnknownIdError: A name that matches no region.
        ArgumentError: Regions, a style, side, view, title, scale or atlas that
            cannot be used.
        MissingDependencyError: The ``anatomapa`` package (extra ``maps``) is missing.

    Examples:
        >>> import triggerpoints as tp
        >>> svg = tp.draw_regions(["sits bone", "lateral leg"], side="left")
        >>> "posterior (left side)" in svg
        True
    """
    styles = _check_regions(regions)
    if not isinstance(title, str):
        raise ArgumentError("title", title, "a string")
    chosen, scale, atlas = _check_picture(side, views, scale, atlas)
    paints = [Paint(atlas.region(key).id, style, sides(side)) for key, style in styles.items()]
    paints.sort(key=lambda p: ({"pain": 0, "spillover": 1, "essential": 2}[p.style], p.region))
    canvas = Canvas(atlas)
    views_ = chosen or (tuple(v for v in VIEWS if any(canvas.shapes(v, p.region, p.sides) for p in paints)) or VIEWS)
    panels = [canvas.panel(v, paints, (), v + side_words(side)) for v in views_]
    return compose([panels], title, notes(canvas, [p.region for p in paints]), scale=scale)


def draw_ranking(
    ranking: Ranking,
    *,
    top: int = 3,
    mode: Literal["patterns", "heatmap"] = "patterns",
    side: Side | None = None,
    scale: float = 0.5,
    atlas: Atlas | None = None,
) -> Picture:
    """Draw a ranking: the queried pain beside the top candidates' patterns, as SVG.

    ``mode="patterns"`` draws a row for the pain (blue) and one for each of the ``top``
    candidates (the trigger points in its evidence, their essential and spillover
    zones). ``mode="heatmap"`` draws one row in which each zone's colour is the share
    of the top candidates' score that refers there (essential counting fully,
    spillover half), with the pain outlined in blue.

    Args:
        ranking: A result of :func:`triggerpoints.rank`.
        top: How many candidates to draw, at least 1.
        mode: ``"patterns"`` or ``"heatmap"``.
        side: The side to draw; by default the side the pain phrases named, else both.
        scale: Size of each view relative to the 540 x 960 frame, above 0 and at
            most 100.
        atlas: The atlas the ranking was made on (default: the packaged one).

    Returns:
        An SVG document (a :class:`Picture`, which is a ``str``); the same ranking gives
        the same bytes.

    Raises:
        ArgumentError: Not a ranking, or a ``top``, mode, side, scale or atlas that
            cannot be used.
        MissingDependencyError: The ``anatomapa`` package (extra ``maps``) is missing.

    Examples:
        >>> import triggerpoints as tp
        >>> ranking = tp.rank(["sits bone"])
        >>> svg = tp.draw_ranking(ranking, top=2)
        >>> f"1. {ranking[0].muscle.name}" in svg, f"2. {ranking[1].muscle.name}" in svg
        (True, True)
    """
    if not isinstance(ranking, Ranking):
        raise ArgumentError("ranking", ranking, "a Ranking, as triggerpoints.rank() returns")
    top = _check_top(top)
    _check_choice("mode", mode, _MODES)
    if side is not None:
        _check_choice("side", side, _SIDES)
    scale = _check_scale(scale, most=_MAX_SCALE, expected=f"a number above 0 and at most {_MAX_SCALE:g}")
    canvas = Canvas(_check_atlas(atlas))
    if side is None:
        named = {place.side for place in ranking.places if place.side}
        side = named.pop() if len(named) == 1 else "both"
    pain = [Paint(region, "pain", sides(side)) for region in sorted(set(ranking.regions))]
    candidates = list(ranking)[:top]
    legend = notes(canvas, ranking.regions)
    title = "Where the pain may come from: " + ", ".join(place.phrase for place in ranking.places)
    if mode == "heatmap":
        rows = [[canvas.panel(v, heat(candidates, side) + outlined(pain), (), v) for v in VIEWS]]
        return compose(rows, title, [heat_legend(candidates), *legend], scale=scale)
    rows = [[canvas.panel(v, pain, (), f"pain: {v}") for v in VIEWS]]
    rows += _candidate_rows(canvas, candidates, side)
    return compose(rows, title, legend, scale=scale)


def draw_body_map(*, scale: float = 0.5, atlas: Atlas | None = None) -> Picture:
    """Draw every zone of the body map, front and back, in one neutral colour: a map to click on.

    Each zone is drawn once and carries its region id (``data-region``), its side
    (``data-side``), an id unique in the picture and its region's name as a
    ``<title>``, so that a page can make the zones clickable and screen readers can
    name them (``triggerpoints explore`` does). Zones inside other zones are drawn
    after them, on top.

    Args:
        scale: Size of each view relative to the 540 x 960 frame, above 0 and at
            most 100.
        atlas: The atlas whose regions are drawn (default: the packaged one); zones of
            regions it does not have are left out.

    Returns:
        An SVG document (a :class:`Picture`, which is a ``str``); the same arguments give
        the same bytes.

    Raises:
        ArgumentError: A scale or atlas that cannot be used.
        MissingDependencyError: The ``anatomapa`` package (extra ``maps``) is missing.

    Examples:
        >>> from triggerpoints._draw import draw_body_map
        >>> svg = draw_body_map()
        >>> 'data-region="region:lateral-thigh"' in svg and "<title>Lateral thigh (left)</title>" in svg
        True
    """
    scale = _check_scale(scale, most=_MAX_SCALE, expected=f"a number above 0 and at most {_MAX_SCALE:g}")
    return zone_map(Canvas(_check_atlas(atlas)), scale=scale)


def _candidate_rows(canvas: Canvas, candidates: Sequence[Candidate], side: Side) -> list[list[str]]:
    """A row of captioned pattern panels (both views) for each candidate, in rank order."""
    rows = []
    for rank, candidate in enumerate(candidates, start=1):
        panels, _ = pattern_panels(canvas, candidate.trigger_points, side, VIEWS, "")
        name = f"{rank}. {candidate.muscle.name} (score {candidate.score:.2f})"
        rows.append([caption(body, name) for body in panels])
    return rows


# --- PNG ------------------------------------------------------------------------------------

_ROOT = re.compile(r"<svg\b[^>]*>")
_ATTRIBUTE = re.compile(r"""\s(width|height|viewBox)\s*=\s*["']([^"']*)["']""")
_NUMBER = re.compile(r"\+?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _pixels(length: str | None) -> float | None:
    """A plain length (``"540"``, ``"540px"``) as a number, else ``None``."""
    length = (length or "").strip().removesuffix("px")
    return float(length) if _NUMBER.fullmatch(length) else None


def _size(svg: str) -> tuple[float, float] | None:
    """The width and height an SVG document's root asks for, if it says so plainly."""
    root = _ROOT.search(svg)
    if root is None:
        return None
    found = dict(_ATTRIBUTE.findall(root.group()))
    box = found.get("viewBox", "").replace(",", " ").split()
    width = _pixels(found.get("width")) or (_pixels(box[2]) if len(box) == 4 else None)
    height = _pixels(found.get("height")) or (_pixels(box[3]) if len(box) == 4 else None)
    return None if width is None or height is None else (width, height)


def _check_zoom(svg: str, scale: object) -> float:
    """The zoom, if a finite number above 0 at which the picture has 1 to 64 million pixels."""
    zoom = _check_scale(scale, most=math.inf, expected="a finite number above 0")
    size = _size(svg)
    if size is not None:
        width, height = size[0] * zoom, size[1] * zoom
        if not (width >= 1 and height >= 1 and width * height <= _MAX_PIXELS):
            expected = f"a zoom giving this {size[0]:g} x {size[1]:g} picture 1 to {_MAX_PIXELS:,} pixels"
            raise ArgumentError("scale", scale, expected)
    return zoom


@functools.cache
def _sans_serif_family() -> str | None:
    """The first of a few common sans-serif families the system has, found by drawing a letter in each."""
    import resvg_py  # noqa: PLC0415 - optional, only when asked

    def drawn(family: str | None) -> bytes:
        letter = f'<text x="2" y="18" font-family="{family}" font-size="16">H</text>' if family else ""
        svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24">{letter}</svg>'
        return bytes(resvg_py.svg_to_bytes(svg_string=svg))

    blank = drawn(None)
    return next((family for family in _SANS_SERIF if drawn(family) != blank), None)


def to_png(svg: str, *, scale: float = 1.0) -> bytes:
    r"""Render an SVG picture (from the ``draw_*`` functions) to PNG.

    Args:
        svg: An SVG document.
        scale: Zoom factor (2.0 doubles the pixel size): a finite number above 0 at
            which the picture has at least 1 and at most 64 million pixels.

    Returns:
        The PNG file's bytes. Text is drawn in the first of Arial, Helvetica, DejaVu
        Sans, Liberation Sans, Noto Sans and FreeSans that the system has (with none
        of them, in resvg's default font, if the system has that).

    Raises:
        ArgumentError: A scale that cannot be used, or an SVG that cannot be
            rendered (its ``value`` is then the start of the SVG).
        MissingDependencyError: The ``resvg-py`` package (extra ``png``) is missing.

    Examples:
        >>> import triggerpoints as tp
        >>> tp.to_png(tp.draw_trigger_point("glute max TrP1"))[:8]
        b'\x89PNG\r\n\x1a\n'
    """
    if not isinstance(svg, str):
        raise ArgumentError("svg", svg, "an SVG document, as a string")
    zoom = _check_zoom(svg, scale)
    try:
        import resvg_py  # noqa: PLC0415 - optional, only when asked
    except ModuleNotFoundError:
        raise MissingDependencyError("resvg-py", "png", "PNG output") from None
    family = _sans_serif_family()
    try:
        png = resvg_py.svg_to_bytes(svg_string=svg, zoom=zoom, background="white", sans_serif_family=family)
    except ValueError as error:  # resvg's only error: an SVG it cannot parse or render
        start = svg if len(svg) <= 60 else svg[:57] + "..."
        raise ArgumentError("svg", start, f"an SVG document that resvg can render ({error})") from None
    return bytes(png)
