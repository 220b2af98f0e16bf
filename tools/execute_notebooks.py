"""Regenerate the notebooks' stored outputs: ``python tools/execute_notebooks.py [notebook ...]``.

Each notebook (default: all of ``notebooks/*.ipynb``) is run top to bottom in a
fresh kernel, from the ``notebooks/`` folder, exactly as
``jupyter nbconvert --execute --inplace`` would, and written back in place.
Two things are then left out of what is stored, so that a notebook opened
without running it (on GitHub, nbviewer, or in JupyterLab before Run All)
shows every explorer as the static PNG its output carries, never a broken
widget ("Error displaying widget: model not found", or controls with no figure):

* the widget-view part of an output that also carries an image, and
* the saved widget state in the notebook's metadata, and
* the execution timestamps nbclient writes into each cell's metadata (they
  change on every run and say nothing about the notebook).

Consecutive prints to the same stream are also stored as one output: how the
kernel happened to flush them depends on the machine's load, not on the code.

Running the notebook brings the live widgets back. nbval does not compare the
widget-view part of outputs, so the stored text outputs are still checked.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def static_outputs(notebook: nbformat.NotebookNode) -> int:
    """Drop widget views that have an image beside them; return how many were dropped."""
    dropped = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and "image/png" in data:
                del data[WIDGET_VIEW]
                dropped += 1
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
        if "outputs" in cell:
            cell.outputs = merge_streams(cell.outputs)
    return dropped


def merge_streams(outputs: list) -> list:
    """Join each run of stream outputs to the same stream (stdout, stderr) into one output."""
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
        else:
            merged.append(output)
    return merged


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    dropped = static_outputs(notebook)
    nbformat.write(notebook, path)
    print(f"{path.name}: executed, {dropped} explorer outputs stored as static images")


def main(args: list[str]) -> int:
    paths = [Path(a).resolve() for a in args] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        execute(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
