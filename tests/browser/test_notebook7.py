"""Notebook 01 in Jupyter Notebook 7 (``jupyter notebook``): runs, renders, responds to a drag.

Run: ``python -m pytest -m browser tests/browser/test_notebook7.py -q -s``. Skipped when the
``notebook`` package (>= 7) is not installed (``pip install -e ".[test]"``), or Chromium /
playwright is missing.

Notebook 7 is JupyterLab's front end with one document per tab: the same server extensions
(ipywidgets, ipympl) and settings, the notebook at ``/notebooks/<path>``. The server is the
harness's ``NotebookServer`` (127.0.0.1, random port and token, throwaway profile, a temporary
copy of the repo as root, autosave off). Checks: Run > Run All Cells through the menu; every
code cell ran; no stderr output, no "Error displaying widget"; every explorer has a visible
ipympl canvas with an image and a readout equal to its infolib recipe; dragging the entropy
explorer's main slider with the mouse changes the slider, the readout (checked against infolib)
and the canvas; no page error except one that Notebook 7.6.5 throws on every page load.
Artifacts: test-artifacts/browser/notebook7_01_entropy.png, notebook7_01_entropy.browser-log.json
and notebook7.log (the server's log).
"""

from __future__ import annotations

import pytest

from tests.browser import lab_harness as H
from tests.browser.test_voila import _explorer_cells

pytestmark = pytest.mark.browser

NOTEBOOK = H.REPO_ROOT / "notebooks" / "01_entropy.ipynb"
DRAGGED = "entropy"
SETTLE_S = 60
# Notebook 7.6.5's own front end throws this once at page load, with any notebook (a plain
# `1+1` notebook too, and with no user settings at all): its keyboard-shortcuts plugin reads
# `plugins[id].schema` for a settings plugin that is not in the registry (notebook_core.js,
# `t.pluginChanged.connect(...)`). Not infolib's; every other page error fails the test.
KNOWN_NOTEBOOK7_PAGE_ERRORS = ("Cannot read properties of undefined (reading 'schema')",)


def _unexpected_page_errors(page) -> list[str]:
    return [e for e in page.page_errors if e not in KNOWN_NOTEBOOK7_PAGE_ERRORS]


@pytest.fixture(scope="module")
def nb7_page(browser, artifacts_dir):
    if not H.notebook7_available():
        pytest.skip('Jupyter Notebook 7 (the `notebook` package) is not installed (pip install -e ".[test]")')
    if not NOTEBOOK.exists():
        pytest.skip(f"{NOTEBOOK} is missing")
    with (
        H.lab_server(
            [NOTEBOOK], keep_log_to=artifacts_dir / "notebook7.log", server_class=H.NotebookServer
        ) as server,
        H.run_all_page(browser, server, NOTEBOOK, artifacts_dir, f"notebook7_{NOTEBOOK.stem}") as page,
    ):
        yield page


def test_notebook7_runs_and_renders_every_explorer(nb7_page):
    page = nb7_page
    state = page.cell_prompts_and_kernel()
    assert state["prompts"], "no code cell prompts found in the Notebook 7 page"
    unexecuted = page.unexecuted_cells(state["prompts"])
    errors = page.error_outputs()
    assert not errors, "error output after Run All in Notebook 7:\n" + "\n---\n".join(errors)
    assert not unexecuted, f"code cells {unexecuted} did not run (prompts {state['prompts']})"
    assert not page.widget_display_errors(), "'Error displaying widget' in Notebook 7"

    names = page.explorer_names()
    assert all(names) and len(names) == _explorer_cells(NOTEBOOK), f"explorers in Notebook 7: {names}"
    assert len(set(names)) == len(names), f"explorer names repeat: {names}"
    for name in names:
        assert H.poll(lambda n=name: page.canvas_has_image(n), SETTLE_S, page=page.page), (
            f"explorer {name!r}: canvas has no image in Notebook 7 ({page.canvas_info(name)})"
        )
        info = page.canvas_info(name)
        assert info["found"] and info["visible"] and info["width"] > 0 and info["height"] > 0, (name, info)
        values = page.readout_values(name)
        assert values, f"explorer {name!r}: no readout values"
        bad = H.readout_mismatches(values)
        assert not bad, f"explorer {name!r}: " + "; ".join(bad)
    assert not _unexpected_page_errors(page), f"page errors: {page.page_errors}"


def test_notebook7_drag_updates_readout_and_figure(nb7_page):
    page = nb7_page
    assert DRAGGED in page.explorer_names(), page.explorer_names()
    assert H.poll(lambda: page.canvas_has_image(DRAGGED), SETTLE_S, page=page.page)
    page.drag_main_slider(DRAGGED, SETTLE_S).check(" in Notebook 7")
    errors = page.error_outputs()
    assert not errors, "error output after the drag:\n" + "\n---\n".join(errors)
    assert not page.widget_display_errors(), "'Error displaying widget' after the drag"
    assert not _unexpected_page_errors(page), f"page errors after the drag: {page.page_errors}"
