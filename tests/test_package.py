"""The package as a learner installs and imports it."""

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_import_infolib_loads_neither_matplotlib_nor_ipywidgets():
    loaded = _modules_after("import infolib")
    assert "numpy" in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"matplotlib", "ipywidgets", "ipympl"}}

