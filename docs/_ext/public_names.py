"""Sphinx extension: resolve references to where readers find things.

Type annotations name classes where they are defined (``triggerpoints._models.MuscleId``)
or under an import alias (``nx.MultiDiGraph``); the documentation shows them under their
public names (``triggerpoints.MuscleId``, ``networkx.MultiDiGraph``). A reference that
does not resolve is retried under the public name; if that fails too, the build warns as
usual (the build is nitpicky, so it fails). pandas types (``pd.DataFrame``, in the
optional :func:`triggerpoints.frames`) are shown as text without a link: the docs keep no
pandas inventory.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.ext import intersphinx

import triggerpoints as tp

_PRIVATE = re.compile(r"^triggerpoints\._\w+\.(\w+)$")


def _public(target: str) -> str | None:
    match = _PRIVATE.match(target)
    if match and match.group(1) in tp.__all__:
        return f"triggerpoints.{match.group(1)}"
    if target.startswith("nx."):
        return "networkx." + target.removeprefix("nx.")
    return None


def _retry(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py":
        return None
    if node["reftarget"].startswith(("pd.", "pandas.")):
        return contnode
    public = _public(node["reftarget"])
    if public is None:
        return None
    node["reftarget"] = public
    domain = env.get_domain("py")
    found = domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], public, node, contnode)
    return found if found is not None else intersphinx.missing_reference(app, env, node, contnode)


def setup(app: Any) -> dict[str, Any]:
    """Register the extension with Sphinx."""
    app.connect("missing-reference", _retry)
    return {"version": tp.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
