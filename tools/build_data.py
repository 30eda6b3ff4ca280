"""Check the packaged dataset and write its ready-to-load form (run at build time).

Reads ``src/triggerpoints/data/triggerpoints.json`` through every check a user's file
gets, then writes ``src/triggerpoints/data/triggerpoints.prebuilt.json``, which
``tp.load()`` reads at run time without checking it again (see
``src/triggerpoints/_prebuilt.py``). Run it after every change to the data or to the
record classes; the test suite runs it with ``--check``.

Usage::

    python tools/build_data.py           # check the data and write the prebuilt file
    python tools/build_data.py --check   # exit 1 if the prebuilt file is missing or stale
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from triggerpoints import _dataset, _prebuilt  # noqa: E402 - after sys.path is set
from triggerpoints.exceptions import DatasetError  # noqa: E402

DATA = ROOT / "src" / "triggerpoints" / "data"
SOURCE = DATA / "triggerpoints.json"
TARGET = DATA / _prebuilt.FILE


def build(source: Path = SOURCE) -> str:
    """The prebuilt text of a dataset file, after every check."""
    raw = source.read_bytes()
    dataset = _dataset.read(source)
    return _prebuilt.encode(dataset, source_digest=hashlib.sha256(raw).hexdigest())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the file on disk; write nothing")
    args = parser.parse_args(argv)
    try:
        text = build()
    except DatasetError as error:
        print(error, file=sys.stderr)
        return 1
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run python tools/build_data.py", file=sys.stderr)
            return 1
        print(f"{TARGET.relative_to(ROOT)} is up to date")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
