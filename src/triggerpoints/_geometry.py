"""Where regions lie on the body: their areas and overlaps, read from ``data/overlap.json``.

The region tree gives each region one parent, so regions that overlap on the body can
sit in different branches (the angle of the neck under the shoulder, the eyebrow under
the face and the forehead under the head). ``tools/make_overlap.py`` measures, on the
body-map zones, each region's area and the area each pair of regions in different
branches shares (per view, in pixels of the body-map frame); this module reads that file
once and answers for one atlas. A region counts only if its id and parent are those the
file was made from, so a dataset with regions of its own is read by its tree alone.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from triggerpoints._atlas import Atlas

__all__ = ["Geometry", "geometry"]

_EMPTY: Mapping[str, float] = MappingProxyType({})


class Geometry:
    """Areas, overlaps and trigger point sites of the regions one atlas shares with the body maps.

    Examples:
        >>> import triggerpoints as tp
        >>> from triggerpoints._geometry import geometry
        >>> shape = geometry(tp.load())
        >>> shape.fraction("region:eyebrow", "region:forehead") > 0
        True
    """

    __slots__ = ("_area", "_hidden", "_overlaps", "_sites")

    def __init__(self, document: Mapping[str, Any], atlas: Atlas) -> None:
        by_id = atlas.indexes.by_id
        known = {
            region: sum(entry["area"].values())
            for region, entry in document["regions"].items()
            if getattr(by_id.get(region), "parent", 0) == entry["parent"]
        }
        overlaps: dict[str, dict[str, float]] = {}
        for pairs in document["shared"].values():
            for first, second, pixels in pairs:
                if first in known and second in known:
                    overlaps.setdefault(first, {})[second] = overlaps.get(first, {}).get(second, 0) + pixels
                    overlaps.setdefault(second, {})[first] = overlaps[first][second]
        self._area: Mapping[str, float] = known
        self._overlaps = {region: MappingProxyType(found) for region, found in overlaps.items()}
        self._sites: Mapping[str, str] = {p: r for p, r in document["sites"].items() if p in by_id and r in known}
        self._hidden: Mapping[str, str] = {r: why for r, why in document["hidden"].items() if r in by_id}

    def area(self, region: str) -> float:
        """The region's area on the body maps (pixels, all views), or 0 if unknown."""
        return self._area.get(region, 0.0)

    def overlaps(self, region: str) -> Mapping[str, float]:
        """The regions in other branches of the tree that share area with ``region``, and how much."""
        return self._overlaps.get(region, _EMPTY)

    def fraction(self, first: str, second: str) -> float:
        """The share of ``first``'s area that lies in ``second``, for regions in different branches (0 to 1)."""
        shared = self._overlaps.get(first, _EMPTY).get(second, 0.0)
        return min(1.0, shared / self._area[first]) if shared else 0.0

    def touches(self, first: str, second: str) -> bool | None:
        """Whether two regions share area on the body maps; ``None`` if either is not drawn."""
        if first not in self._area or second not in self._area:
            return None
        return second in self._overlaps.get(first, _EMPTY)

    def site(self, trigger_point: str) -> str | None:
        """The smallest region drawn under a trigger point's marker, if any."""
        return self._sites.get(trigger_point)

    def hidden(self, region: str) -> str | None:
        """Why the body maps cannot show a region (so its overlaps are unknown), if they cannot."""
        return self._hidden.get(region)


_LOCK = threading.Lock()
_DOCUMENT: list[Mapping[str, Any]] = []
_CACHE: dict[int, tuple[Atlas, Geometry]] = {}
_KEEP = 8


def _read() -> Mapping[str, Any]:
    """The overlap file, read as ``tp.load()`` reads the packaged data (pkgutil: no pathlib at run time).

    Without it (a broken install), no region has a known shape and ranking uses the tree alone.
    """
    import pkgutil  # noqa: PLC0415 - only the first ranking needs it

    try:
        data = pkgutil.get_data("triggerpoints", "data/overlap.json")
    except OSError:
        data = None
    if data is None:
        return {"regions": {}, "shared": {}, "sites": {}, "hidden": {}}
    document: Mapping[str, Any] = json.loads(data.decode("utf-8"))
    return document


def geometry(atlas: Atlas) -> Geometry:
    """The geometry of the regions ``atlas`` shares with the body maps, made once per atlas.

    Args:
        atlas: The atlas whose regions are measured.

    Returns:
        Its :class:`Geometry` (empty for regions the body maps do not know).
    """
    found = _CACHE.get(id(atlas))
    if found is not None and found[0] is atlas:
        return found[1]
    with _LOCK:
        if not _DOCUMENT:
            _DOCUMENT.append(_read())
        made = Geometry(_DOCUMENT[0], atlas)
        if len(_CACHE) >= _KEEP:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[id(atlas)] = (atlas, made)
    return made
