"""The package as a learner installs and imports it."""

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


#: Installed with the course, but never needed by the numeric core.
HEAVY = {"matplotlib", "ipywidgets", "ipympl", "scipy", "sklearn", "IPython"}


def test_import_infolib_loads_neither_matplotlib_nor_ipywidgets():
    loaded = _modules_after("import infolib")
    assert "numpy" in loaded
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_every_numeric_module_stays_numpy_only():
    # Each module the notebooks add to the core (codes, channels, estimators, ...) is importable
    # without plotting or widget libraries: import every infolib/*.py module, not just the package.
    import pathlib

    import infolib

    # The presentation modules beside the core (figure style, live figure, widgets) and the
    # Jupyter Server extension, which only the server imports.
    presentation = {"__init__", "style", "live", "controls", "server_extension"}
    modules = pathlib.Path(infolib.__file__).parent.glob("*.py")
    names = sorted(p.stem for p in modules if p.stem not in presentation)
    loaded = _modules_after("; ".join(f"import infolib.{name}" for name in names))
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}, names


def test_layers_import_one_way():
    # plots never import the widget layer; explorers of one notebook never import another's.
    loaded = _modules_after("import infolib.plots")
    assert not {m for m in loaded if m.split(".")[0] in {"ipywidgets", "ipympl"}}
    assert "infolib.explorers" not in loaded and "infolib.controls" not in loaded

