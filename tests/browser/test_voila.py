"""Notebook 01 as a Voila page (the ``present`` extra): explorers render and respond to a drag.

Run: ``python -m pytest -m browser tests/browser/test_voila.py -q -s``. Skipped when ``voila``
is not installed (``pip install -e ".[present]"``) or Chromium / playwright is missing.

What a lecturer types, and what this test starts (plus a free port and a throwaway profile):

    voila notebooks/01_entropy.ipynb --no-browser --port=8866 --Voila.ip=127.0.0.1

Checks: Voila finishes running the notebook (its spinner goes), every explorer of the notebook
shows an ipympl canvas with an image and a readout; no stderr output, no "Error displaying
widget", no page error; dragging the entropy explorer's main slider with the mouse changes the
slider, the readout (which must equal the infolib call it names) and the canvas pixels.
Artifacts: test-artifacts/browser/voila_01_entropy.png (the whole page), voila_01_entropy.log
and voila_01_entropy.browser-log.json.
"""

from __future__ import annotations

import json

import pytest

from tests.browser import lab_harness as H

pytestmark = pytest.mark.browser

NOTEBOOK = H.REPO_ROOT / "notebooks" / "01_entropy.ipynb"
DRAGGED = "entropy"  # the explorer the README shows
SETTLE_S = 60


def _explorer_cells(notebook) -> int:
    """Code cells whose result is an explorer (last line ``explore_...(...)``)."""
    cells = json.loads(notebook.read_text())["cells"]
    count = 0
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        lines = [ln for ln in "".join(cell["source"]).splitlines() if ln.strip()]
        if lines and lines[-1].startswith("explore_") and "(" in lines[-1]:
            count += 1
    return count


@pytest.fixture(scope="module")
def voila(artifacts_dir):
    if not H.voila_available():
        pytest.skip('voila is not installed (pip install -e ".[present]")')
    if not NOTEBOOK.exists():
        pytest.skip(f"{NOTEBOOK} is missing")
    with H.voila_server(NOTEBOOK, keep_log_to=artifacts_dir / "voila_01_entropy.log") as server:
        yield server


def _screenshot_whole_page(page, path) -> None:
    """Voila's lab template scrolls inside #rendered_cells: grow the viewport to show it all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    vp = page.viewport_size
    height = page.evaluate(
        """() => { const c = document.querySelector('#rendered_cells');
                   return c ? c.scrollHeight + 40 : document.body.scrollHeight; }"""
    )
    page.set_viewport_size({"width": vp["width"], "height": int(min(max(height, vp["height"]), 12000))})
    page.wait_for_timeout(500)
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(vp)


def test_voila_renders_explorers_and_a_drag_updates_them(voila, browser, artifacts_dir):
    page = H.NotebookPage(browser, server=None, lab_path=None)
    p = page.page
    try:
        p.goto(voila.url, timeout=H.PAGE_LOAD_TIMEOUT_MS)  # returns once the notebook has run
        p.wait_for_function(
            """() => { const l = document.getElementById('loading');
                       return !l || getComputedStyle(l).display === 'none'; }""",
            timeout=H.PAGE_LOAD_TIMEOUT_MS,
            polling=500,
        )
        expected = _explorer_cells(NOTEBOOK)
        assert expected, "notebook 01 has no explorer cell (explore_...(...) as a cell's last line)"

        def all_drawn():
            names = page.explorer_names()
            return len(names) >= expected and all(page.canvas_has_image(n) for n in names) and names

        names = H.poll(all_drawn, SETTLE_S, page=p)
        assert names, (
            f"Voila showed {page.explorer_names()} with images on "
            f"{[n for n in page.explorer_names() if page.canvas_has_image(n)]}; expected {expected} explorers"
        )
        assert len(set(names)) == len(names), f"explorer names repeat: {names}"
        for name in names:
            info = page.canvas_info(name)
            assert info["found"] and info["visible"] and info["width"] > 0, (name, info)
            values = page.readout_values(name)
            assert values, f"explorer {name!r}: no readout values in Voila"
            bad = H.readout_mismatches(values)
            assert not bad, f"explorer {name!r}: " + "; ".join(bad)

        errors = page.error_outputs()
        assert not errors, "error output in the Voila page:\n" + "\n---\n".join(errors)
        assert not page.widget_display_errors(), "'Error displaying widget' in the Voila page"
        assert not page.page_errors, f"page errors: {page.page_errors}"

        assert DRAGGED in names, f"no {DRAGGED!r} explorer in {names}"
        page.drag_main_slider(DRAGGED, SETTLE_S).check(" in Voila")

        errors = page.error_outputs()
        assert not errors, "error output after the drag:\n" + "\n---\n".join(errors)
        assert not page.widget_display_errors(), "'Error displaying widget' after the drag"
        assert not page.page_errors, f"page errors after the drag: {page.page_errors}"
    finally:
        try:
            _screenshot_whole_page(p, artifacts_dir / "voila_01_entropy.png")
        except Exception as exc:
            print(f"[voila] screenshot failed: {exc}")
        # Voila's lab template asks a CDN for Font Awesome: blocked here (no icons).
        page.write_browser_log(artifacts_dir / "voila_01_entropy.browser-log.json")
        page.close()
