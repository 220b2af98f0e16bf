"""The live layer every explorer shares: one render per change, a persistent figure,
blitting after the first full draw, the readout and widget contracts, lecture mode,
the saved-notebook PNG, closing and re-running a cell.

Headless: ``explorer.live.canvas.draw()`` stands in for the browser's first draw.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from PIL import Image

import infolib
import infolib.explorers.base
from infolib.explorers import (
    CoinExplorer,
    EntropyExplorer,
    Explorer,
    SoftmaxExplorer,
    SurprisalExplorer,
    UniformExplorer,
)
from infolib.live import LiveFigure, encode_diff_frame
from infolib.plots import new_figure
from infolib.style import COLORS, lecture_mode

#: Each explorer with its main control and a sweep of values for it (each differs from the last).
SWEEPS = {
    SurprisalExplorer: ("p", [0.9, 0.5, 0.1, 0.01, 0.0, 1.0, 0.3]),
    EntropyExplorer: ("w1", [0.9, 0.5, 0.05, 0.0, 0.7, 1.0]),
    CoinExplorer: ("p", [0.9, 0.1, 0.0, 1.0, 0.42]),
    UniformExplorer: ("n", [1, 2, 7, 32, 16]),
    SoftmaxExplorer: ("temperature", [0.05, 0.5, 2.0, 20.0, 1.5]),
}
EXPLORERS = list(SWEEPS)
IDS = [cls.__name__ for cls in EXPLORERS]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def lecture():
    lecture_mode(True)
    try:
        yield
    finally:
        lecture_mode(False)


@pytest.fixture
def live():
    """A LiveFigure with one animated line (interactive=False: Agg canvas)."""
    figure, (ax,) = new_figure(3, 2)
    ax.plot([0, 1], [0, 1])  # a static line, part of the background
    (moving,) = ax.plot([0.5], [0.5], "o")
    live = LiveFigure(figure, [moving], interactive=False)
    yield live, moving
    live.close()


def artist_ids(figure: Figure) -> list[int]:
    """The figure's artists down to each axes' children (lines, bars, texts, axis objects)."""
    found = list(figure.get_children())
    for ax in figure.axes:
        found.extend(ax.get_children())
    return [id(artist) for artist in found]


def pixels(explorer) -> np.ndarray:
    return np.asarray(explorer.live.canvas.get_renderer().buffer_rgba()).copy()


# --- LiveFigure on its own ---------------------------------------------------------------------


def test_live_render_without_background_is_a_full_render(live):
    lf, _ = live
    lf.render()
    assert (lf.render_count, lf.full_render_count) == (1, 1)


def test_live_render_after_full_draw_blits(live):
    lf, moving = live
    lf.canvas.draw()
    moving.set_data([0.2], [0.8])
    lf.render()
    assert (lf.render_count, lf.full_render_count) == (1, 0)


def test_live_invalidate_makes_the_next_render_full(live):
    lf, _ = live
    lf.canvas.draw()
    lf.invalidate()
    lf.render()
    lf.render()  # Agg draws at once, so the background is cached again
    assert (lf.render_count, lf.full_render_count) == (2, 1)


def test_live_png_leaves_moving_artists_animated(live):
    lf, moving = live
    lf.png()
    assert moving.get_animated()


def test_live_close_clears_figure_and_animated_list(live):
    lf, _ = live
    lf.close()
    assert lf.figure.axes == [] and lf.animated == []


# --- one render per change --------------------------------------------------------------------------


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_each_main_control_change_renders_exactly_once(make, cls):
    ex = make(cls)
    name, values = SWEEPS[cls]
    counts = []
    for value in values:
        before = ex.live.render_count
        ex.controls[name].value = value
        counts.append(ex.live.render_count - before)
    assert counts == [1] * len(values)


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_unit_change_renders_exactly_once(make, cls):
    ex = make(cls)
    ex.controls["unit"].value = math.e
    assert ex.live.render_count == 1


def test_preset_moving_many_sliders_renders_exactly_once(make):
    ex = make(EntropyExplorer, (0.1, 0.2, 0.3, 0.4))
    ex.controls["preset"].value = "fair die"  # six sliders and the outcome count move
    assert ex.live.render_count == 1


def test_reset_renders_exactly_once(make):
    ex = make(EntropyExplorer, (0.1, 0.2, 0.3, 0.4))
    ex.controls["preset"].value = "fair die"
    ex.controls["reset"].click()
    assert ex.live.render_count == 2


def test_softmax_logits_change_renders_exactly_once(make):
    ex = make(SoftmaxExplorer)
    ex.controls["logits"].value = "logits (2, 1, 0, -1)"
    assert ex.live.render_count == 1


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_dragging_after_first_draw_never_redraws_the_whole_figure(make, cls):
    ex = make(cls)
    ex.live.canvas.draw()  # the browser's first draw
    name, values = SWEEPS[cls]
    for value in values:
        ex.controls[name].value = value
    assert (ex.live.render_count, ex.live.full_render_count) == (len(values), 0)


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_unit_change_after_first_draw_is_a_full_render(make, cls):
    ex = make(cls)
    ex.live.canvas.draw()
    ex.controls["unit"].value = math.e
    assert ex.live.full_render_count == 1


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_blitted_frame_equals_a_full_redraw(make, cls):
    ex = make(cls)
    ex.live.canvas.draw()
    name, values = SWEEPS[cls]
    for value in values:
        ex.controls[name].value = value
    blitted = pixels(ex)
    ex.live.canvas.draw()
    np.testing.assert_array_equal(blitted, pixels(ex))


# --- a persistent figure -------------------------------------------------------------------------


def drive(ex, cls):
    """Sweep the main control, switch units twice, and use the explorer's menus."""
    name, values = SWEEPS[cls]
    for value in values * 3:
        ex.controls[name].value = value
    ex.controls["unit"].value = math.e
    ex.controls["unit"].value = 10.0
    if cls is EntropyExplorer:
        ex.controls["preset"].value = "fair die"
        ex.controls["outcomes"].value = 3
        ex.controls["reset"].click()
    if cls is SoftmaxExplorer:
        ex.controls["logits"].value = "logits (2, 1, 0, -1)"


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_figure_object_is_kept_across_changes(make, cls):
    ex = make(cls)
    figure = ex.live.figure
    drive(ex, cls)
    assert ex.live.figure is figure and ex.figure is figure


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_artist_objects_are_kept_across_changes(make, cls):
    ex = make(cls)
    before = artist_ids(ex.figure)
    named = dict(ex.artists)
    drive(ex, cls)
    assert artist_ids(ex.figure) == before
    assert all(ex.artists[key] is artist for key, artist in named.items())


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_number_of_artists_per_axes_is_unchanged(make, cls):
    ex = make(cls)

    def census():
        return [(len(ax.lines), len(ax.patches), len(ax.texts), len(ax.collections)) for ax in ex.figure.axes]

    before = census()
    drive(ex, cls)
    assert census() == before


# --- readout HTML contract ----------------------------------------------------------------------------

SPAN = re.compile(
    r"<span class='infolib-value' data-quantity='(?P<key>[^']*)' data-value='(?P<value>[^']*)' "
    r"data-expected-from='(?P<recipe>[^']*)'>"
)


def readout_spans(ex):
    return [m.groupdict() for m in SPAN.finditer(ex.readout.widget.value)]


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_readout_spans_carry_every_value(make, cls):
    ex = make(cls)
    ex.controls[SWEEPS[cls][0]].value = SWEEPS[cls][1][1]
    shown = {span["key"]: float(span["value"]) for span in readout_spans(ex)}
    assert shown == ex.readout.values


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_readout_recipes_recompute_the_values_with_infolib(make, cls):
    ex = make(cls)
    ex.controls["unit"].value = math.e
    name, values = SWEEPS[cls]
    for value in values:
        ex.controls[name].value = value
        spans = readout_spans(ex)
        assert spans
        for span in spans:
            recipe = json.loads(html.unescape(span["recipe"]))
            recomputed = getattr(infolib, recipe["function"])(*recipe["args"], **recipe["kwargs"])
            assert recomputed == pytest.approx(ex.readout.values[span["key"]], rel=1e-12, abs=1e-15)


def test_readout_shows_infinity_as_inf(make):
    ex = make(SurprisalExplorer, 0.0)
    spans = {span["key"]: span for span in readout_spans(ex)}
    assert spans["heads"]["value"] == "inf"
    assert "<b>∞ bits</b>" in ex.readout.widget.value


# --- widget contract ---------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_widget_has_explorer_css_classes(make, cls):
    ex = make(cls)
    classes = ex.widget._dom_classes
    assert "infolib-explorer" in classes and f"infolib-explorer-{cls.name}" in classes
    assert "infolib-lecture" not in classes


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_main_control_has_css_class(make, cls):
    ex = make(cls)
    assert cls.main_control == SWEEPS[cls][0]
    assert "infolib-main-control" in ex.controls[cls.main_control]._dom_classes


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_widget_contains_canvas_and_readout(make, cls):
    ex = make(cls)
    assert ex.live.widget in ex.widget.children and ex.readout.widget in ex.widget.children


# --- lecture mode --------------------------------------------------------------------------------------


def label_sizes(ex):
    return [ax.xaxis.label.get_fontsize() for ax in ex.figure.axes] + [
        ax.yaxis.label.get_fontsize() for ax in ex.figure.axes
    ]


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_lecture_mode_makes_a_bigger_figure(make, cls, lecture):
    big = make(cls)
    lecture_mode(False)
    normal = make(cls)
    assert np.all(big.figure.get_size_inches() > normal.figure.get_size_inches())


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_lecture_mode_makes_bigger_axis_labels_and_ticks(make, cls, lecture):
    big = make(cls)
    lecture_mode(False)
    normal = make(cls)
    assert all(b > n for b, n in zip(label_sizes(big), label_sizes(normal), strict=True))
    big_tick = big.figure.axes[0].get_xticklabels()[0].get_fontsize()
    assert big_tick > normal.figure.axes[0].get_xticklabels()[0].get_fontsize()


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_lecture_mode_adds_css_class(make, cls, lecture):
    assert "infolib-lecture" in make(cls).widget._dom_classes


def test_lecture_mode_fixture_leaves_normal_mode(make):
    assert not infolib.style.is_lecture_mode()


# --- the saved-notebook image --------------------------------------------------------------------------


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_mimebundle_has_png_text_and_widget_view(make, cls):
    bundle = make(cls)._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]).startswith(PNG_SIGNATURE)
    assert bundle["text/plain"].startswith(cls.title)
    assert "model_id" in bundle["application/vnd.jupyter.widget-view+json"]


def test_png_includes_the_animated_artists(make):
    ex = make(CoinExplorer, 0.9)
    image = Image.open(io.BytesIO(ex.live.png())).convert("RGB")
    # Where the marker is (data -> pixels; PNG rows count from the top), after png() laid it out.
    x, y = ex.artists["left"].transData.transform((0.9, ex.readout.values["entropy"]))
    pixel = image.getpixel((round(x), round(image.height - y)))
    assert pixel == tuple(round(255 * c) for c in mcolors.to_rgb(COLORS["highlight"]))


def test_png_changes_when_the_marker_moves(make):
    ex = make(CoinExplorer, 0.9)
    before = ex.live.png()
    ex.controls["p"].value = 0.2
    assert ex.live.png() != before


def test_png_does_not_break_blitting(make):
    ex = make(CoinExplorer, 0.9)
    ex.live.canvas.draw()
    ex.live.png()
    ex.live.canvas.draw()  # the browser redraws after the full render png() asked for
    ex.controls["p"].value = 0.3
    blitted = pixels(ex)
    ex.live.canvas.draw()
    np.testing.assert_array_equal(blitted, pixels(ex))


# --- closing and re-running a cell -----------------------------------------------------------------------


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_close_clears_the_figure(cls):
    ex = cls()
    ex.close()
    assert ex.live.figure.axes == []


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_close_closes_every_widget(cls):
    ex = cls()
    controls = list(ex.controls.values())
    ex.close()
    assert ex.widget.comm is None and ex.live.canvas.comm is None and ex.readout.widget.comm is None
    assert all(control.comm is None for control in controls)


@pytest.fixture
def cell_1(monkeypatch):
    """Pretend explorers are made by notebook cell "cell-1"; ``rerun()`` runs it again."""
    run = {"id": 1}
    monkeypatch.setattr(infolib.explorers.base, "_current_cell_run", lambda: ("cell-1", f"run-{run['id']}"))
    monkeypatch.setattr(Explorer, "_by_cell", {})

    def rerun():
        run["id"] += 1

    return rerun


def test_rerunning_a_cell_closes_the_previous_explorer(make, cell_1):
    first = make(CoinExplorer, 0.5)
    cell_1()
    second = make(CoinExplorer, 0.7)
    assert first.widget.comm is None and first.live.figure.axes == []
    assert second.widget.comm is not None and second.live.figure.axes != []


def test_rerunning_a_cell_registers_only_the_new_explorers(make, cell_1):
    make(CoinExplorer, 0.5)
    cell_1()
    second = make(CoinExplorer, 0.7)
    assert Explorer._by_cell == {"cell-1": ("run-2", [second])}


def test_explorers_made_by_one_run_of_a_cell_all_stay(make, cell_1):
    coins = [make(CoinExplorer, 0.2), make(CoinExplorer, 0.8)]
    uniform = make(UniformExplorer)
    assert all(e.widget.comm is not None for e in [*coins, uniform])
    cell_1()
    make(CoinExplorer)
    assert all(e.widget.comm is None for e in [*coins, uniform])


def test_no_explorer_goes_through_pyplot(make):
    for cls in EXPLORERS:
        make(cls)
    assert plt.get_fignums() == []


def test_creating_an_explorer_leaves_pyplots_backend_alone():
    # A fresh interpreter: importing ipympl (first explorer) must not switch pyplot to it.
    code = (
        "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt\n"
        "from infolib.explorers import CoinExplorer\n"
        "CoinExplorer().close(); print(matplotlib.get_backend())"
    )
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[1], timeout=120)
    assert result.stdout.strip() == "Agg"


# --- frames sent to the browser ----------------------------------------------------------------


def decode(png: bytes) -> np.ndarray:
    """A PNG frame as uint32 RGBA pixels (rows, columns)."""
    rgba = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))
    return np.ascontiguousarray(rgba).view(np.uint32).squeeze(2)


def composite(previous: np.ndarray, diff: np.ndarray) -> np.ndarray:
    """What ipympl's page shows: the diff frame drawn at the top-left corner over the previous
    frame, its transparent pixels (0) leaving the previous frame visible."""
    shown = previous.copy()
    rows, cols = diff.shape
    region = shown[:rows, :cols]
    region[diff != 0] = diff[diff != 0]
    return shown


@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=0, max_value=2**32 - 1),
    st.floats(min_value=0.0, max_value=1.0),
)
@settings(max_examples=60, deadline=None)
def test_diff_frame_over_the_previous_frame_shows_the_new_frame(rows, cols, seed, share):
    rng = np.random.default_rng(seed)
    # Opaque pixels, as a matplotlib figure has (alpha 255): never 0, like real frames.
    previous = (rng.integers(0, 2**24, size=(rows, cols), dtype=np.uint32) | np.uint32(0xFF000000))
    current = previous.copy()
    changed = rng.random((rows, cols)) < share
    current[changed] = rng.integers(0, 2**24, size=changed.sum(), dtype=np.uint32) | np.uint32(0xFF000000)
    diff = decode(encode_diff_frame(current, previous))
    np.testing.assert_array_equal(composite(previous, diff), current)


def test_diff_frame_stops_after_the_last_changed_row_and_column():
    previous = np.full((50, 80), 0xFFFFFFFF, dtype=np.uint32)
    current = previous.copy()
    current[10:20, 5:30] = 0xFF0000FF
    assert decode(encode_diff_frame(current, previous)).shape == (20, 30)
    assert decode(encode_diff_frame(previous, previous)).shape == (1, 1)  # nothing changed


@pytest.mark.parametrize("cls", EXPLORERS, ids=IDS)
def test_frames_an_explorer_sends_rebuild_what_it_drew(make, cls):
    # The ipympl canvas's frames, decoded and drawn as the page does, equal the kernel's bitmap.
    ex = make(cls)
    canvas = ex.live.canvas
    sent = []  # (image mode, PNG) for each frame the canvas hands to its comm
    canvas.send_binary = lambda png: sent.append((canvas._current_image_mode, png))
    canvas.draw()  # the first full draw, as the browser asks for it
    assert [mode for mode, _ in sent] == ["full"]
    shown = decode(sent[0][1])
    name, values = SWEEPS[cls]
    for value in values:
        ex.controls[name].value = value  # one blit: one diff frame
        mode, png = sent[-1]
        assert mode == "diff"
        shown = composite(shown, decode(png))
        np.testing.assert_array_equal(shown, pixels(ex).view(np.uint32).squeeze(2))
    assert len(sent) == 1 + len(values)
