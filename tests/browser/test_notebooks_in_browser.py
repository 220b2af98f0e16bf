"""Run the course notebooks in JupyterLab in headless Chromium and use their explorers.

Run: ``python -m pytest -m browser tests/browser -x -q -s``
(``INFOLIB_BROWSER_FIXTURES=1`` adds the demo notebook in tests/browser/fixtures/;
``INFOLIB_ENFORCE_FPS=1`` makes the frame-rate test fail below the 20 fps target;
``INFOLIB_FPS_SECONDS`` sets the drag length, default 3.)

Per notebook: Run All through the menu, then no "Error displaying widget", no stderr/traceback
output, every explorer shows a non-empty canvas; dragging each explorer's main slider with the
mouse changes its state, its readout (which must equal the infolib call it names) and its
canvas pixels; last, each main slider is flung past both ends of its track and the explorer
must still show a right readout (inf allowed where infolib gives inf), a drawn canvas and no
error. Screenshots and logs land in test-artifacts/browser/, frame rates in
test-artifacts/browser_fps.json.
"""

from __future__ import annotations

import contextlib
import json
import math
import os

import pytest

from tests.browser import lab_harness as H

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
        _check_readout(name, page.readout_values(name))  # the initial readout must be right too
        drag = page.drag_main_slider(name, SETTLE_S)
        drag.check()
        old = {v["quantity"]: v["value"] for v in drag.before_values}
        changed = [v["quantity"] for v in drag.after_values if old.get(v["quantity"]) != v["value"]]
        assert changed, (
            f"explorer {name!r}: no data-value changed: {drag.before_values} -> {drag.after_values}"
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


def _check_extreme_readout(name: str, end: str, values: list[dict]) -> None:
    """Every readout value is a number (``inf`` only where infolib's own result is ``inf``, never
    NaN), equals its recipe, and its text shows no 'nan'."""
    assert values, f"explorer {name!r} at its {end}: no .infolib-value span left in the readout"
    for v in values:
        assert v["value"] and v["value"].lower() not in ("nan", "-nan"), (
            f"explorer {name!r} at its {end}: {v['quantity']} has data-value {v['value']!r}"
        )
        assert "nan" not in (v["text"] or "").lower(), (
            f"explorer {name!r} at its {end}: {v['quantity']} shows {v['text']!r}"
        )
        expected = H.expected_value(v["expectedFrom"])
        assert not math.isnan(expected), (name, end, v)
        if math.isinf(float(v["value"])) or math.isinf(expected):
            assert float(v["value"]) == expected, (
                f"explorer {name!r} at its {end}: {v['quantity']} shows {v['value']!r}, "
                f"infolib gives {expected!r} for {v['expectedFrom']}"
            )
    _check_readout(f"{name} at its {end}", values)


# Last in the module on purpose: it leaves every main slider at its maximum, so the tests above
# (which expect the notebook's starting state, or at least a slider away from the ends) run first.
def test_main_slider_extremes(executed, notebook, artifacts_dir):
    """Issue requirement: every explorer survives its main control at both ends with a sensible
    display and no warning. Each main slider is dragged with the mouse past the track's minimum
    end, then past its maximum end; after each, with the kernel quiet and the figure settled:
    the handle sits at that end, no stderr output / "Error displaying widget" / page error, the
    readout equals infolib's result for its recipe (``inf`` allowed where infolib gives ``inf``),
    and the canvas is visible with an image. Element screenshots: ``<notebook>.<explorer>.<end>.png``.
    """
    page = executed
    names = _explorers(page)
    if not names:
        pytest.skip("no explorers in this notebook")
    for name in names:
        recipes = {}
        for end in ("min", "max"):
            page_errors_before = len(page.page_errors)
            page.drag_slider_beyond(name, end)
            assert page.wait_kernel_quiet(quiet_s=1.0, timeout_s=SETTLE_S), (
                f"explorer {name!r}: kernel still busy {SETTLE_S} s after the drag to its {end}"
            )
            assert page.wait_canvas_settled(name, quiet_s=1.0, timeout_s=SETTLE_S), (
                f"explorer {name!r}: canvas still changing {SETTLE_S} s after the drag to its {end}"
            )
            with contextlib.suppress(Exception):
                page.page.locator(page.explorer_selector(name)).first.screenshot(
                    path=str(artifacts_dir / f"{notebook.stem}.{name}.{end}.png")
                )

            aria = page.slider_aria(name)
            assert aria is not None, f"explorer {name!r}: main slider handle vanished"
            assert math.isclose(aria["now"], aria[end], rel_tol=0, abs_tol=1e-9), (
                f"explorer {name!r}: slider not at its {end} after dragging past it: {aria}"
            )
            errors = page.error_outputs()
            assert not errors, f"explorer {name!r} at its {end}: error output:\n" + "\n---\n".join(errors)
            assert not page.widget_display_errors(), (
                f"explorer {name!r} at its {end}: 'Error displaying widget'"
            )
            new_page_errors = page.page_errors[page_errors_before:]
            assert not new_page_errors, f"explorer {name!r} at its {end}: page errors {new_page_errors}"

            values = page.readout_values(name)
            _check_extreme_readout(name, end, values)
            recipes[end] = [v["expectedFrom"] for v in values]

            info = page.canvas_info(name)
            assert info.get("found") and info["visible"] and info["width"] > 0 and info["height"] > 0, (
                f"explorer {name!r} at its {end}: canvas missing or hidden: {info}"
            )
            assert page.canvas_has_image(name), f"explorer {name!r} at its {end}: canvas is blank"
        assert recipes["min"] != recipes["max"], (
            f"explorer {name!r}: same readout recipe at both ends (did the kernel get the drags?): "
            f"{recipes['min']}"
        )
