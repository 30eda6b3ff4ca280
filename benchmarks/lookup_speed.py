"""Measure warm lookups on the packaged atlas and print them against their targets.

Targets, per call once the atlas is loaded:

- ``atlas.search("glute")``: at most 3 ms;
- ``tp.trace("quadratus lumborum", "lateral leg")``: at most 0.2 ms; the same from one
  of its trigger points by id is printed too (not a target);
- ``atlas.muscle`` with a known alias, and with a misspelling that raises ``UnknownIdError``
  (caught, its message never read): printed, not targets;
- ``tp.rank(["buttock", "xyzzy"], strict=False)``: at most twice ``tp.rank(["buttock"])``,
  i.e. a phrase that names nothing costs at most one more rank.

Here ``atlas = tp.load()``, the packaged atlas: lookups by name are its methods (the
package no longer has module-level ``tp.search`` and ``tp.muscle``).

How: in one process, each call is run once to warm up and then timed with ``timeit``,
best of 5 repeats, with enough calls per repeat to take a fraction of a second. Figures
vary with the machine and its load; run it on a quiet machine.
"""

from __future__ import annotations

import contextlib
import timeit
from collections.abc import Callable

import triggerpoints as tp

REPEATS = 5


def per_call(function: Callable[[], object], number: int) -> float:
    """Best-of-REPEATS seconds per call of ``function``, after one warm-up call."""
    function()
    return min(timeit.repeat(function, number=number, repeat=REPEATS)) / number


def misspelt_muscle(atlas: tp.Atlas) -> None:
    """Look up a muscle by a misspelling in ``atlas`` and swallow the error unread."""
    with contextlib.suppress(tp.UnknownIdError):
        atlas.muscle("gluteus maximu")


def verdict(value: float, target: float) -> str:
    """Whether a measured figure is within its target."""
    return "met" if value <= target else "NOT met"


def main() -> None:
    """Measure and print."""
    atlas = tp.load()
    point = atlas.trigger_points_of("quadratus lumborum")[0].id
    rows: list[tuple[str, Callable[[], object], int, float | None]] = [
        ('atlas.search("glute")', lambda: atlas.search("glute"), 200, 3.0),
        (
            'tp.trace("quadratus lumborum", "lateral leg")',
            lambda: tp.trace("quadratus lumborum", "lateral leg"),
            2000,
            0.2,
        ),
        (f'tp.trace("{point}", "lateral leg")', lambda: tp.trace(point, "lateral leg"), 2000, None),
        ('atlas.muscle("glute max")', lambda: atlas.muscle("glute max"), 20000, None),
        ('atlas.muscle("gluteus maximu") -> UnknownIdError', lambda: misspelt_muscle(atlas), 500, None),
    ]
    print(f"warm calls (best of {REPEATS}):")
    for label, function, number, target in rows:
        milliseconds = per_call(function, number) * 1000
        goal = "" if target is None else f"  (target <= {target:g} ms: {verdict(milliseconds, target)})"
        print(f"  {label:66} {milliseconds:8.4f} ms{goal}")
    single_label, lenient_label = 'tp.rank(["buttock"])', 'tp.rank(["buttock", "xyzzy"], strict=False)'
    single = per_call(lambda: tp.rank(["buttock"]), 200)
    lenient = per_call(lambda: tp.rank(["buttock", "xyzzy"], strict=False), 200)
    print(f"  {single_label:66} {single * 1000:8.4f} ms")
    print(f"  {lenient_label:66} {lenient * 1000:8.4f} ms")
    print(f"  ratio {lenient / single:.2f} (target <= 2: {verdict(lenient / single, 2)})")


if __name__ == "__main__":
    main()
