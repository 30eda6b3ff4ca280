"""Write the intersphinx inventories the documentation build reads offline.

Each ``docs/_inventories/<project>.txt`` lists, one per line, ``name domain:role uri``
(``$`` at the end of a uri stands for the name, as in Sphinx inventories); this script
writes ``<project>.inv`` beside it in Sphinx's inventory format (version 2). Lines
starting with ``#`` are comments; the first comment line names the project and version
(``# Python 3``).

Usage: ``python tools/make_inventories.py``
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "_inventories"


def build(listing: Path) -> bytes:
    lines = listing.read_text(encoding="utf-8").splitlines()
    project, _, project_version = lines[0].lstrip("# ").partition(" ")
    entries = []
    for line in lines[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        name, role, uri = line.split()
        entries.append(f"{name} {role} 1 {uri} -\n")
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {project_version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    return header.encode() + zlib.compress("".join(sorted(entries)).encode())


def main() -> int:
    for listing in sorted(FOLDER.glob("*.txt")):
        target = listing.with_suffix(".inv")
        target.write_bytes(build(listing))
        print(f"wrote {target.relative_to(FOLDER.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
