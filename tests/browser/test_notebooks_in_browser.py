"""Run the course notebooks in JupyterLab in headless Chromium and use their explorers.

Run: ``python -m pytest -m browser tests/browser -x -q -s``
(``INFOLIB_BROWSER_FIXTURES=1`` adds the demo notebook in tests/browser/fixtures/;
``INFOLIB_ENFORCE_FPS=1`` makes the frame-rate test fail below the 15 fps target;
``INFOLIB_FPS_SECONDS`` sets the drag length, default 3.)

Per notebook: Run All through the menu, then no "Error displaying widget", no stderr/traceback
output, every explorer shows a non-empty canvas; dragging each explorer's main slider with the
mouse changes its state, its readout (which must equal the infolib call it names) and its
canvas pixels. Screenshots and logs land in test-artifacts/browser/, frame rates in
test-artifacts/browser_fps.json.
"""

from __future__ import annotations

import json
import math
import os

import lab_harness as H
import pytest

pytestmark = pytest.mark.browser

SETTLE_S = 60  # generous: a 2-core CI box runs server, kernel and Chromium at once


def _explorers(page) -> list[str]:
    names = page.explorer_names()
    assert all(names), f"an .infolib-explorer lacks its infolib-explorer-<name> class: {names}"
    assert len(set(names)) == len(names), f"explorer names repeat: {names}"
    return names


def test_runs_without_errors(executed):
    page = executed
    state = page.cell_prompts_and_kernel()
    unexecuted = page.unexecuted_cells(state["prompts"])
    errors = page.error_outputs()
    assert not errors, "error output after Run All:\n" + "\n---\n".join(errors)
    assert not unexecuted, f"code cells {unexecuted} did not run (prompts {state['prompts']})"
    assert not page.widget_display_errors(), "'Error displaying widget' in the notebook"


def test_explorers_render_a_canvas(executed):
    page = executed
    for name in _explorers(page):
        info = H.poll(
            lambda n=name: (i := page.canvas_info(n))["found"] and i["width"] > 0 and i["height"] > 0 and i,
            SETTLE_S,
            page=page.page,
        )
        assert info, f"explorer {name!r}: no ipympl canvas with a size: {page.canvas_info(name)}"
        assert info["visible"], f"explorer {name!r}: canvas not visible: {info}"
        assert info["cssWidth"] > 0 and info["cssHeight"] > 0, info
        assert page.canvas_data_url(name), f"explorer {name!r}: canvas has no image"
        values = page.readout_values(name)
        assert values, f"explorer {name!r}: no .infolib-readout .infolib-value span"
        for v in values:
            assert v["quantity"] and v["value"] and v["expectedFrom"], (name, v)


def _check_readout(name: str, values: list[dict]) -> None:
    for v in values:
        recipe = json.loads(v["expectedFrom"])
        expected = H.expected_value(v["expectedFrom"])
        shown = float(v["value"])
        assert math.isclose(shown, expected, rel_tol=1e-9, abs_tol=1e-12), (
            f"explorer {name!r}: {v['quantity']} shows {shown!r} but "
            f"infolib.{recipe['function']}(*{recipe.get('args')}, **{recipe.get('kwargs')})"
            f" = {expected!r}"
        )


def test_dragging_main_slider_updates_readout_and_figure(executed):
    page = executed
    names = _explorers(page)
    for name in names:
        before_state = page.slider_state(name)
        before_values = page.readout_values(name)
        _check_readout(name, before_values)  # the initial readout must be right too
        before_canvas = page.canvas_data_url(name)

        _, handle, track = page.handle_and_track(name)
        at = (handle["x"] + handle["width"] / 2 - track["x"]) / track["width"]
        page.drag_slider(name, 0.8 if at < 0.5 else 0.2)

        after_values = H.poll(
            lambda n=name, old=before_values: (
                (v := page.readout_values(n)) and [a["value"] for a in v] != [b["value"] for b in old] and v
            ),
            SETTLE_S,
            page=page.page,
        )
        assert after_values, f"explorer {name!r}: readout did not change after the drag"
        # The figure follows the readout; let it settle (same image for 1 s) before comparing.
        H.poll(lambda n=name, old=before_canvas: page.canvas_data_url(n) != old, SETTLE_S, page=page.page)
        page.wait_canvas_settled(name, quiet_s=1.0, timeout_s=SETTLE_S)
        after_values = page.readout_values(name)  # final values, after the last update landed

        assert page.slider_state(name) != before_state, f"explorer {name!r}: slider did not move"
        assert [v["expectedFrom"] for v in after_values] != [v["expectedFrom"] for v in before_values], (
            f"explorer {name!r}: the readout's recipe (the explorer's state) did not change"
        )
        _check_readout(name, after_values)
        old = {v["quantity"]: v["value"] for v in before_values}
        changed = [v["quantity"] for v in after_values if old.get(v["quantity"]) != v["value"]]
        assert changed, f"explorer {name!r}: no data-value changed: {before_values} -> {after_values}"
        assert page.canvas_data_url(name) != before_canvas, (
            f"explorer {name!r}: canvas pixels did not change after the drag"
        )

    errors = page.error_outputs()
    assert not errors, "error output after dragging:\n" + "\n---\n".join(errors)
    assert not page.widget_display_errors(), "'Error displaying widget' after dragging"


def test_drag_frame_rate(executed, notebook):
    page = executed
    seconds = float(os.environ.get("INFOLIB_FPS_SECONDS", "3"))
    results = []
    for name in _explorers(page):
        page.page.wait_for_timeout(1000)  # let the previous explorer's backlog drain
        r = page.measure_drag_fps(name, duration_s=seconds)
        r["notebook"] = H.lab_relative_path(notebook)
        results.append(r)
    if not results:
        pytest.skip("no explorers in this notebook")
    path = H.write_fps_results(results)
    print(f"\n[browser fps] ({path})\n" + H.fps_table(results))
    for r in results:
        assert r["fps"] > 0, f"explorer {r['explorer']!r}: no new frame during a {seconds} s drag"
    if os.environ.get("INFOLIB_ENFORCE_FPS") == "1":
        slow = [r for r in results if r["fps"] < H.FPS_TARGET]
        assert not slow, f"below {H.FPS_TARGET} fps: {slow}"
