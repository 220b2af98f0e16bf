"""Re-running an explorer's cell leaves one working explorer (issue requirement: "a re-run of a
cell (a learner pressing Shift-Enter twice) leaves one working explorer, not two fighting
figures").

Run: ``python -m pytest -m browser tests/browser/test_rerun_cell.py -q -s``

Notebook 01 is opened in JupyterLab in a page (and kernel) of its own, all cells are run through
the menu, then the learner clicks into the ``explore_surprisal(...)`` cell and presses Shift-Enter,
clicks into it again and presses Shift-Enter again. With the kernel idle: exactly one
``.infolib-explorer-surprisal`` is in the page, its canvas has an image, dragging its main slider
changes its readout to the value infolib computes from the readout's recipe, and there is no
stderr output, "Error displaying widget" or page error. From the kernel side (a scratch cell
appended in the page only; the notebook is a temporary copy and is never saved): exactly one
``SurprisalExplorer`` with open widgets is alive, and one open ``infolib-explorer-surprisal`` box.
Artifacts: test-artifacts/browser/01_entropy.rerun.png and 01_entropy.rerun.browser-log.json.
"""

from __future__ import annotations

import json

import pytest

from tests.browser import lab_harness as H
from tests.browser.conftest import SELECTED

pytestmark = pytest.mark.browser

NOTEBOOK = H.REPO_ROOT / "notebooks" / "01_entropy.ipynb"
CELL_TEXT = "explore_surprisal("
NAME = "surprisal"
SETTLE_S = 60

# Run in the kernel after the re-runs: how many surprisal explorers / surprisal boxes still have open
# widgets (a closed widget's comm is None). Earlier explorers may still be referenced (Out[n],
# _), so they are counted by whether they are open, not by whether they exist.
KERNEL_CHECK = """\
import gc, json
from ipywidgets.widgets.widget import _instances
from infolib.explorers import SurprisalExplorer
print(json.dumps({
    "open_surprisal_explorers": sum(1 for o in gc.get_objects()
                               if isinstance(o, SurprisalExplorer) and o.widget.comm is not None),
    "open_surprisal_boxes": sum(1 for w in list(_instances.values())
                           if "infolib-explorer-surprisal" in getattr(w, "_dom_classes", ())),
}))
"""


@pytest.fixture(scope="module")
def rerun_page(lab, browser, artifacts_dir):
    if NOTEBOOK not in SELECTED:
        pytest.skip(f"{H.lab_relative_path(NOTEBOOK)} is not among the selected notebooks")
    with H.run_all_page(browser, lab, NOTEBOOK, artifacts_dir, f"{NOTEBOOK.stem}.rerun") as page:
        yield page


def test_rerunning_the_surprisal_cell_twice_leaves_one_working_explorer(rerun_page):
    page = rerun_page
    assert not page.error_outputs(), page.error_outputs()
    assert page.explorer_names().count(NAME) == 1, page.explorer_names()
    index = page.cell_index(CELL_TEXT)
    assert index is not None, f"no code cell with {CELL_TEXT!r} in {NOTEBOOK.name}"
    count_before = page.cell_execution_count(index)
    page_errors_before = len(page.page_errors)

    # A learner: click into the cell, Shift-Enter (which moves on to the next cell), click back
    # into it, Shift-Enter again, without waiting in between.
    page.shift_enter_cell(index)
    H.poll(lambda: page.cell_execution_count(index) != count_before, 30, page=page.page)
    page.shift_enter_cell(index)
    page.wait_until_executed()
    assert page.wait_kernel_quiet(quiet_s=1.0, timeout_s=SETTLE_S), "kernel still busy after the re-runs"
    count_after = page.cell_execution_count(index)
    assert count_after is not None and count_before is not None and count_after >= count_before + 2, (
        f"the cell did not run twice more: execution count {count_before} -> {count_after}"
    )

    names = page.explorer_names()
    assert names.count(NAME) == 1, (
        f"{names.count(NAME)} surprisal explorers in the page after two re-runs: {names}"
    )
    assert sorted(names) == sorted(set(names)), f"explorer names repeat: {names}"
    boxes = page.page.locator(page.explorer_selector(NAME))
    assert boxes.count() == 1
    # ...and it is the one in the re-run cell's output.
    in_cell = (
        page.page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell")
        .nth(index)
        .locator(page.explorer_selector(NAME))
    )
    assert in_cell.count() == 1, "the surprisal explorer is not in the re-run cell's output"
    canvases = page.page.locator(f"{page.explorer_selector(NAME)} .jupyter-matplotlib-canvas-div")
    assert canvases.count() == 1, f"{canvases.count()} ipympl canvases in the surprisal explorer"

    assert H.poll(lambda: page.canvas_has_image(NAME), SETTLE_S, page=page.page), "surprisal canvas is blank"
    info = page.canvas_info(NAME)
    assert info["found"] and info["visible"] and info["width"] > 0 and info["height"] > 0, info
    before_values = page.readout_values(NAME)
    assert before_values, "surprisal explorer: no readout values"
    bad = H.readout_mismatches(before_values)
    assert not bad, "before the drag: " + "; ".join(bad)

    page.drag_main_slider(NAME, SETTLE_S).check(" (is the live explorer the shown one?)")

    errors = page.error_outputs()
    assert not errors, "error output after the re-runs:\n" + "\n---\n".join(errors)
    assert not page.widget_display_errors(), "'Error displaying widget' after the re-runs"
    new_page_errors = page.page_errors[page_errors_before:]
    assert not new_page_errors, f"page errors after the re-runs: {new_page_errors}"

    # Kernel side: only one surprisal explorer (and one surprisal box) still has open widgets.
    text = page.append_and_run_cell(KERNEL_CHECK)
    lines = [ln for ln in text.splitlines() if ln.strip().startswith("{")]
    assert lines, f"the kernel check printed no JSON: {text!r}"
    alive = json.loads(lines[-1])
    assert alive == {"open_surprisal_explorers": 1, "open_surprisal_boxes": 1}, alive
    assert not page.error_outputs(), page.error_outputs()
