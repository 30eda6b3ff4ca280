"""The built distributions, checked as users get them.

Data and py.typed inside, metadata valid, and a wheel that works installed on its own in
a fresh virtual environment.

Slow (it builds, creates a virtual environment and installs the dependencies from the
package index), so it is marked ``distribution`` and left out of a plain ``pytest`` run;
``.ci/run`` runs it with ``pytest -m distribution``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.distribution


def _run(*argv: str | Path, cwd: Path | None = None) -> str:
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    done = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert 0 == done.returncode, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An sdist and a wheel built from the source tree."""
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    return out


def test_the_wheel_carries_the_data_schema_and_py_typed(dist: Path) -> None:
    """The wheel holds the dataset, its prebuilt form, its schema, the explorer's page and py.typed, and a console script."""
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    assert {
        "triggerpoints/data/triggerpoints.json",
        "triggerpoints/data/triggerpoints.prebuilt.json",
        "triggerpoints/data/triggerpoints.schema.json",
        "triggerpoints/data/schemas/results.schema.json",
        "triggerpoints/explorer/index.html",
        "triggerpoints/explorer/explorer.js",
        "triggerpoints/explorer/explorer.css",
        "triggerpoints/py.typed",
    } <= names
    assert "triggerpoints = triggerpoints.cli:main" in scripts


def test_twine_accepts_the_metadata(dist: Path) -> None:
    """``twine check`` passes on both distributions (the README renders on PyPI)."""
    files = sorted(dist.iterdir())
    assert 2 == len(files)
    _run(sys.executable, "-m", "twine", "check", "--strict", *files)


def test_the_installed_wheel_answers_from_its_own_data(dist: Path, tmp_path: Path) -> None:
    """Installed alone in a fresh venv, the package finds its data through importlib.resources."""
    (wheel,) = dist.glob("*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    _run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel)
    query = (
        "import json, triggerpoints as tp\n"
        "from importlib.resources import files\n"
        "atlas = tp.load()\n"
        "print(json.dumps({'file': tp.__file__, 'data': str(files('triggerpoints') / 'data'),\n"
        "    'muscle': tp.load().muscle('glute max').name, 'sits': [m.id for m in atlas.muscles_referring_to('sits bone')]}))\n"
    )
    answer = json.loads(_run(python, "-c", query, cwd=tmp_path))
    assert str(venv) in answer["file"]
    assert str(venv) in answer["data"]
    assert "Gluteus maximus" == answer["muscle"]
    assert "muscle:gluteus-maximus" in answer["sits"]
    script = venv / ("Scripts" if os.name == "nt" else "bin") / "triggerpoints"
    assert _run(script, "--version", cwd=tmp_path).startswith("triggerpoints ")
