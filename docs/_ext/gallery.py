"""Sphinx extension: the gallery of body maps, one picture per muscle, drawn at build time.

When the builder starts, every muscle of the packaged data is drawn with
:func:`triggerpoints.draw_muscle` into ``docs/_gallery/`` (not kept in git); the line
``<!-- gallery -->`` of a page becomes the pictures, grouped by body area. The pictures
that the body-maps guide shows (:data:`MAPS`, ``_gallery/maps-*.svg``) are drawn there
too, from the same calls as the guide's examples.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import triggerpoints as tp

MARK = "<!-- gallery -->"
FOLDER = "_gallery"


#: The body-maps guide's pictures: file name (without ``maps-`` and ``.svg``) to drawing.
MAPS: dict[str, Callable[[], str]] = {
    "trigger-point": lambda: tp.draw_trigger_point("gluteus minimus anterior", scale=0.5),
    "left-side": lambda: tp.draw_trigger_point("glute max TrP2", side="left", views=["posterior"], scale=0.5),
    "regions": lambda: tp.draw_regions(["sits bone", "lateral leg"], scale=0.5),
    "ranking": lambda: tp.draw_ranking(tp.rank(["outside of thigh", "outside of lower leg", "ankle"]), top=3),
    "heatmap": lambda: tp.draw_ranking(
        tp.rank(["outside of thigh", "outside of lower leg", "ankle"]), top=5, mode="heatmap"
    ),
    "chest": lambda: tp.draw_muscle("pectoralis major", views=["anterior"], scale=0.5),
}


def _slug(muscle_id: str) -> str:
    return muscle_id.split(":", 1)[1]


def _draw(app: Any) -> None:
    out = Path(app.srcdir) / FOLDER
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    for muscle in tp.load().muscles:
        (out / f"{_slug(muscle.id)}.svg").write_text(tp.draw_muscle(muscle.id, scale=0.5), encoding="utf-8")
    for name, draw in MAPS.items():
        (out / f"maps-{name}.svg").write_text(draw(), encoding="utf-8")


def gallery_markdown(atlas: tp.Atlas) -> str:
    """Return the gallery's pictures, grouped by body area, as MyST Markdown."""
    lines: list[str] = []
    for area in tp.BodyArea:
        muscles = [m for m in atlas.muscles if m.body_area is area]
        if not muscles:
            continue
        lines += [f"## {area.value.replace('-', ' ').capitalize()}", ""]
        for muscle in muscles:
            labels = ", ".join(point.label for point in atlas.trigger_points_of(muscle.id))
            lines += [
                f"### {muscle.name}",
                "",
                f"```{{figure}} {FOLDER}/{_slug(muscle.id)}.svg",
                f":alt: {muscle.name}: trigger points and referred pain zones",
                "",
                f"{muscle.name}: {labels}.",
                "```",
                "",
            ]
    return "\n".join(lines)


def _fill(app: Any, docname: str, source: list[str]) -> None:
    del app, docname
    if MARK in source[0]:
        source[0] = source[0].replace(MARK, gallery_markdown(tp.load()))


def setup(app: Any) -> dict[str, Any]:
    """Register the extension with Sphinx."""
    app.connect("builder-inited", _draw)
    app.connect("source-read", _fill)
    return {"version": tp.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
