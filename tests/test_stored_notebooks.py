"""What the committed notebooks show before anyone runs them (GitHub, nbviewer, a fresh JupyterLab)."""

import itertools
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return notebook, [o for c in notebook["cells"] for o in c.get("outputs", [])]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_explorer_outputs_are_stored_as_static_images(path):
    # A stored widget view without its kernel renders as a broken widget; the PNG always renders.
    # Regenerate outputs with tools/execute_notebooks.py, which stores them this way.
    notebook, outputs = _outputs(path)
    assert "widgets" not in notebook["metadata"]
    assert not [o for o in outputs if WIDGET_VIEW in o.get("data", {})]
    explorers = [o for o in outputs if "interactive: run the notebook" in "".join(
        o.get("data", {}).get("text/plain", ""))]
    assert explorers and all("image/png" in o["data"] for o in explorers)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_execution_timestamps_are_stored(path):
    # nbclient records when each cell ran; tools/execute_notebooks.py drops it (a diff per run).
    notebook, _ = _outputs(path)
    assert not [i for i, c in enumerate(notebook["cells"]) if "execution" in c.get("metadata", {})]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_prints_of_one_cell_are_stored_as_one_stream_output(path):
    # How the kernel flushed stdout depends on load; tools/execute_notebooks.py joins the pieces.
    notebook, _ = _outputs(path)
    for index, cell in enumerate(notebook["cells"]):
        kinds = [(o["output_type"], o.get("name")) for o in cell.get("outputs", [])]
        assert all(a != b or a[0] != "stream" for a, b in itertools.pairwise(kinds)), index
