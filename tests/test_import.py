"""Tests that importing the package stays cheap (triggerpoints/__init__.py)."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest

import triggerpoints as tp


def _fresh(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_import_loads_no_data_and_no_networkx() -> None:
    """A fresh `import triggerpoints` imports neither networkx nor the dataset."""
    code = "import sys, triggerpoints; print('networkx' in sys.modules, 'triggerpoints._prebuilt' in sys.modules)"
    assert "False False" == _fresh(code)


def test_lookups_do_not_import_networkx_but_the_graph_does() -> None:
    """Loading and looking up stay clear of networkx; the first graph use imports it."""
    code = (
        "import sys, triggerpoints as tp; tp.load().muscle('glute max'); tp.load().referrals_to('buttock');"
        "print('networkx' in sys.modules, end=' '); tp.load().graph; print('networkx' in sys.modules)"
    )
    assert "False True" == _fresh(code)


def test_public_names_are_unique_and_exist() -> None:
    """__all__ names every public name once (ruff's RUF022 keeps it sorted)."""
    assert len(set(tp.__all__)) == len(tp.__all__)
    assert all(hasattr(tp, name) for name in tp.__all__)


def test_version_comes_from_the_installed_metadata() -> None:
    """__version__ is the installed distribution's version."""
    assert version("triggerpoints") == tp.__version__


def test_ranking_imports_only_what_it_needs() -> None:
    """A rank imports neither drawing, export, tracing, networkx, cattrs nor pathlib or hashing."""
    code = (
        "import sys, triggerpoints as tp; tp.rank(['buttock']); tp.rank(['buttock']);"
        "print(sorted(m for m in ('triggerpoints._draw', 'triggerpoints._export', 'triggerpoints._trace',"
        " 'triggerpoints._report', 'networkx', 'cattrs', 'pathlib', 'hashlib', 'difflib', 'pickle')"
        " if m in sys.modules))"
    )
    assert "[]" == _fresh(code)


def test_names_imported_on_first_use_are_the_real_objects() -> None:
    """Drawing, export, report and tracing names resolve on first use, to the objects of their modules."""
    from triggerpoints import _draw, _export, _report, _trace  # noqa: PLC0415 - the point of the test

    assert (_draw.draw_muscle, _export.tables, _report.coverage, _trace.trace, _trace.Path) == (
        tp.draw_muscle,
        tp.tables,
        tp.coverage,
        tp.trace,
        tp.Path,
    )
    assert {"draw_muscle", "tables", "coverage", "trace", "Path", "load"} <= set(dir(tp))


def test_an_unknown_attribute_is_still_an_attribute_error() -> None:
    """Asking the package for a name it does not have raises AttributeError naming it."""
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = tp.no_such_name
