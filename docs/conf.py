"""Sphinx configuration for the triggerpoints documentation.

Build: ``sphinx-build -n -W --keep-going docs docs/_build/html`` (nitpicky, warnings are
errors). Needs the ``docs`` extra: ``pip install -e '.[docs]'``.
"""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "triggerpoints"
author = "The triggerpoints developers"
copyright = "2026, the triggerpoints developers. Code MIT; data CC BY 4.0"  # noqa: A001 - Sphinx's name
release = _version("triggerpoints")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "dataset_reference",
    "gallery",
    "public_names",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_inventories", "_ext", "_gallery", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"triggerpoints {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_type_aliases = {}
autodoc_default_options = {"exclude-members": "__init__, __new__"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

nitpicky = True

# The build machines reach only package registries, not the documentation sites, so
# intersphinx reads inventories kept in docs/_inventories (made by
# tools/make_inventories.py from the *.txt lists beside them). They hold only the
# objects these docs refer to; the links point at the real documentation.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(HERE / "_inventories" / "python.inv")),
    "networkx": ("https://networkx.org/documentation/stable", str(HERE / "_inventories" / "networkx.inv")),
    "attrs": ("https://www.attrs.org/en/stable", str(HERE / "_inventories" / "attrs.inv")),
}
