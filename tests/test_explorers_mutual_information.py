"""Notebook 04's explorers, headless: artists and readouts against values computed by hand.

Entropies are computed here with ``math`` from the cells of each table; every
explorer a test creates is closed by the ``make`` fixture.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import infolib
from infolib.explorers import (
    TABLE_PRESETS,
    TRUE_TABLES,
    ChannelExplorer,
    DependenceExplorer,
    EstimationExplorer,
    JointTableExplorer,
)


def h(p, log=math.log2):
    return -sum(v * log(v) for v in np.ravel(p) if v > 0)


def by_hand(table, log=math.log2):
    """Every readout of a table from its cells: H(X), H(Y), H(X,Y), conditionals, I, KL."""
    table = np.asarray(table, dtype=float)
    hx, hy, hxy = h(table.sum(axis=1), log), h(table.sum(axis=0), log), h(table, log)
    mi = hx + hy - hxy
    return {"hx": hx, "hy": hy, "hxy": hxy, "hx_given_y": hxy - hy, "hy_given_x": hxy - hx,
            "mi": mi, "kl": mi}


def diagram(ex):
    """The information diagram's segments as (start, width), by row and part."""
    return {tuple(k.split(":")[1:]): (r.get_x(), r.get_width())
            for k, r in ex.artists.items() if k.startswith("diagram:")}


def heat_texts(ex, rows, cols):
    return [[ex.artists[f"cell:{i}:{j}"].get_text() for j in range(cols)] for i in range(rows)]


def readout_recipes(ex):
    """(value shown, value recomputed from its recipe) for every quantity, read from the HTML."""
    import html
    import json
    import re

    pairs = []
    for value, recipe in re.findall(r"data-value='([^']*)' data-expected-from='([^']*)'",
                                    ex.readout.widget.value):
        r = json.loads(html.unescape(recipe))
        pairs.append((float(value), float(getattr(infolib, r["function"])(*r["args"], **r["kwargs"]))))
    return pairs


# --- DependenceExplorer ------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "t"), [(0.5, 0.5, 0.5), (0.3, 0.6, -0.7), (0.2, 0.9, 1.0)])
def test_dependence_readout_matches_entropies_of_the_table_by_hand(make, a, b, t):
    ex = make(DependenceExplorer, 0.5, 0.5, 0.0)
    ex.controls["px1"].value, ex.controls["py1"].value, ex.controls["dependence"].value = a, b, t
    assert ex.readout.values == pytest.approx(by_hand(ex.table), abs=1e-12)


def test_dependence_table_keeps_the_marginals_set_by_the_sliders(make):
    ex = make(DependenceExplorer, 0.3, 0.6, 0.8)
    np.testing.assert_allclose(ex.table.sum(axis=1), [0.7, 0.3], atol=1e-15)
    np.testing.assert_allclose(ex.table.sum(axis=0), [0.4, 0.6], atol=1e-15)
    heights = [r.get_height() for r in ex.artists["bars"].patches]
    np.testing.assert_allclose(heights, [0.7, 0.3, 0.4, 0.6], atol=1e-15)


def test_dependence_zero_is_independence_with_additive_entropies(make):
    ex = make(DependenceExplorer, 0.3, 0.6, 0.9)
    ex.controls["dependence"].value = 0.0
    v = ex.readout.values
    assert v["mi"] == pytest.approx(0.0, abs=1e-15)
    assert v["hxy"] == pytest.approx(h([0.7, 0.3]) + h([0.4, 0.6]), rel=1e-14)


def test_dependence_one_with_equal_fair_marginals_is_a_copy(make):
    ex = make(DependenceExplorer, 0.5, 0.5, 0.0)
    ex.controls["dependence"].value = 1.0
    assert ex.readout.values["mi"] == ex.readout.values["hx"] == ex.readout.values["hy"] == 1.0
    assert heat_texts(ex, 2, 2) == [["0.500", "0.000"], ["0.000", "0.500"]]


def test_dependence_diagram_segments_are_the_conditionals_and_i(make):
    ex = make(DependenceExplorer, 0.3, 0.6, 0.6)
    v = by_hand(ex.table)
    d = diagram(ex)
    assert d["joint", "x_given_y"] == pytest.approx((0.0, v["hx_given_y"]), abs=1e-12)
    assert d["joint", "shared"] == pytest.approx((v["hx_given_y"], v["mi"]), abs=1e-12)
    assert d["joint", "y_given_x"] == pytest.approx((v["hx_given_y"] + v["mi"], v["hy_given_x"]), abs=1e-12)
    # The H(X) bar ends at H(X); the H(Y) bar starts at H(X|Y) and ends at H(X, Y).
    assert d["x", "shared"][0] + d["x", "shared"][1] == pytest.approx(v["hx"], abs=1e-12)
    assert d["y", "y_given_x"][0] + d["y", "y_given_x"][1] == pytest.approx(v["hxy"], abs=1e-12)


def test_dependence_in_nats_converts_every_value_and_the_axis(make):
    ex = make(DependenceExplorer, 0.3, 0.6, 0.6)
    ex.controls["unit"].value = math.e
    assert ex.readout.values == pytest.approx(by_hand(ex.table, log=math.log), abs=1e-12)
    assert ex.artists["diagram_ax"].get_xlabel() == "nats"


def test_dependence_recipes_reproduce_the_readout_exactly(make):
    ex = make(DependenceExplorer, 0.37, 0.61, -0.42)
    pairs = readout_recipes(ex)
    assert len(pairs) == 7
    assert all(shown == again for shown, again in pairs)


def test_dependence_one_render_per_change(make):
    ex = make(DependenceExplorer)
    before = ex.live.render_count
    ex.controls["dependence"].value = -0.3
    ex.controls["px1"].value = 0.2
    assert ex.live.render_count == before + 2


@pytest.mark.parametrize("control", ["px1", "py1"])
@pytest.mark.parametrize("value", [0.0, 1.0])
def test_dependence_certain_marginal_gives_zero_information(make, control, value):
    ex = make(DependenceExplorer, 0.5, 0.5, 1.0)
    ex.controls[control].value = value
    assert ex.readout.values["mi"] == 0.0
    assert all(math.isfinite(v) for v in ex.readout.values.values())


# --- JointTableExplorer ------------------------------------------------------------------------


@pytest.mark.parametrize("preset", list(TABLE_PRESETS))
def test_table_presets_give_the_entropies_of_their_tables(make, preset):
    ex = make(JointTableExplorer)
    ex.controls["preset"].value = preset
    table = np.asarray(TABLE_PRESETS[preset], dtype=float)
    table /= table.sum()
    np.testing.assert_allclose(ex.table, table, rtol=1e-12)
    assert ex.readout.values == pytest.approx(by_hand(table), abs=1e-12)


def test_table_copy_preset_has_i_equal_to_both_entropies(make):
    ex = make(JointTableExplorer)
    ex.controls["preset"].value = "Y is a copy of X (4 values)"
    assert ex.readout.values["mi"] == ex.readout.values["hx"] == 2.0
    assert ex.readout.values["hy_given_x"] == 0.0


def test_table_uncorrelated_preset_still_shares_information(make):
    ex = make(JointTableExplorer)
    ex.controls["preset"].value = "Y = X² for X in {-1, 0, 1}: uncorrelated"
    x, y = np.array([-1, 0, 1]), np.array([0, 1])
    t = ex.table
    cov = (t * np.outer(x, y)).sum() - (t.sum(axis=1) @ x) * (t.sum(axis=0) @ y)
    assert cov == pytest.approx(0.0, abs=1e-15)
    assert ex.readout.values["mi"] == pytest.approx(h([1 / 3, 2 / 3]), rel=1e-12)


def test_table_a_preset_renders_once(make):
    ex = make(JointTableExplorer)
    before = ex.live.render_count
    ex.controls["preset"].value = "noisy copy (3 values)"
    assert ex.live.render_count == before + 1


def test_table_dragging_a_cell_renormalises_and_renders_once(make):
    ex = make(JointTableExplorer, ((1, 1), (1, 1)))
    before = ex.live.render_count
    ex.controls["w11"].value = 0.0
    assert ex.live.render_count == before + 1
    np.testing.assert_allclose(ex.table, [[0, 1 / 3], [1 / 3, 1 / 3]], rtol=1e-15)
    assert heat_texts(ex, 2, 2) == [["0.000", "0.333"], ["0.333", "0.333"]]
    assert ex.readout.values == pytest.approx(by_hand(ex.table), abs=1e-12)


def test_table_marginal_bars_are_row_and_column_sums(make):
    ex = make(JointTableExplorer, ((0.3, 0.1, 0.1), (0.05, 0.3, 0.15)))
    heights = [r.get_height() for r in ex.artists["bars"].patches]
    np.testing.assert_allclose(heights, [0.5, 0.5, 0, 0, 0.35, 0.4, 0.25, 0], atol=1e-15)


def test_table_cells_outside_the_size_are_blank_and_hidden(make):
    ex = make(JointTableExplorer, ((0.5, 0.5), (0.5, 0.5)))
    assert ex.artists["cell:2:0"].get_text() == "" and ex.artists["cell:0:3"].get_text() == ""
    assert ex.controls["w13"].layout.visibility == "hidden"
    ex.controls["cols"].value = 3
    assert ex.controls["w13"].layout.visibility is None


def test_table_all_weights_zero_keeps_the_last_table_and_says_so(make):
    ex = make(JointTableExplorer, ((1, 0), (0, 0)))
    ex.controls["w11"].value = 0.0
    assert "All weights are zero" in ex.status.value
    np.testing.assert_array_equal(ex.table, [[1.0, 0.0], [0.0, 0.0]])
    assert ex.readout.values["mi"] == 0.0


def test_table_reset_restores_the_starting_table(make):
    ex = make(JointTableExplorer, ((0.3, 0.1), (0.1, 0.5)))
    ex.controls["preset"].value = "independent fair coins"
    ex.controls["reset"].click()
    np.testing.assert_allclose(ex.table, [[0.3, 0.1], [0.1, 0.5]], rtol=1e-12)
    assert ex.controls["preset"].value == "(your own)"


def test_table_recipes_reproduce_the_readout_exactly(make):
    ex = make(JointTableExplorer)
    ex.controls["w12"].value = 0.77
    assert all(shown == again for shown, again in readout_recipes(ex))


# --- ChannelExplorer ---------------------------------------------------------------------------


def bsc_info(e, a):
    """I(X;Y) of a BSC with P(X=1) = a, by hand: H(Y) - h(e)."""
    py1 = a * (1 - e) + (1 - a) * e
    return h([py1, 1 - py1]) - h([e, 1 - e])


@pytest.mark.parametrize("e", [0.0, 0.11, 0.3, 0.5, 0.8, 1.0])
def test_channel_bsc_capacity_point_sits_on_one_minus_h(make, e):
    ex = make(ChannelExplorer, 0.2)
    ex.controls["e"].value = e
    c = 1 - h([e, 1 - e])
    assert ex.readout.values["capacity"] == pytest.approx(c, abs=1e-12)
    assert ex.artists["capacity_point"].get_data()[1][0] == pytest.approx(c, abs=1e-12)


@pytest.mark.parametrize(("e", "a"), [(0.1, 0.5), (0.1, 0.2), (0.35, 0.9)])
def test_channel_bsc_information_at_a_biased_input(make, e, a):
    ex = make(ChannelExplorer, 0.2, 0.5)
    ex.controls["bias"].value, ex.controls["e"].value = a, e
    assert ex.readout.values["mi"] == pytest.approx(bsc_info(e, a), abs=1e-12)
    assert ex.readout.values["mi"] <= ex.readout.values["capacity"] + 1e-15


def test_channel_information_curve_follows_the_bias(make):
    ex = make(ChannelExplorer, 0.2, 0.5)
    ex.controls["bias"].value = 0.2
    x, y = ex.artists["info_curve"].get_data()
    np.testing.assert_allclose(y, [bsc_info(e, 0.2) for e in x], atol=1e-12)


@pytest.mark.parametrize(("e", "expected"), [(0.0, 1.0), (0.5, 0.0), (1.0, 1.0)])
def test_channel_bsc_edges_are_exact(make, e, expected):
    ex = make(ChannelExplorer, 0.2)
    ex.controls["e"].value = e
    assert ex.readout.values["mi"] == expected and ex.readout.values["capacity"] == expected


def test_channel_certain_input_carries_nothing(make):
    ex = make(ChannelExplorer, 0.2)
    ex.controls["bias"].value = 1.0
    assert ex.readout.values["mi"] == 0.0 and ex.readout.values["hx"] == 0.0


@pytest.mark.parametrize("e", [0.0, 0.25, 1.0])
def test_channel_erasure_capacity_is_one_minus_e_and_i_is_that_times_h_of_bias(make, e):
    ex = make(ChannelExplorer, 0.2, 0.3, channel="erasure (losses)")
    ex.controls["e"].value = e
    assert ex.readout.values["capacity"] == pytest.approx(1 - e, abs=1e-12)
    assert ex.readout.values["mi"] == pytest.approx((1 - e) * h([0.3, 0.7]), abs=1e-12)
    curve = ex.artists["capacity"].get_ydata()
    np.testing.assert_allclose(curve, 1 - ex.E_GRID, atol=1e-15)


def test_channel_recipes_reproduce_the_readout_exactly_and_one_render_per_change(make):
    ex = make(ChannelExplorer, 0.2)
    before = ex.live.render_count
    ex.controls["e"].value = 0.37
    ex.controls["bias"].value = 0.8
    assert ex.live.render_count == before + 2
    assert all(shown == again for shown, again in readout_recipes(ex))


@pytest.mark.parametrize(("e", "e2"), [(0.1, 0.0), (0.1, 0.1), (0.3, 0.45), (0.0, 0.5)])
def test_channel_second_bsc_never_adds_information(make, e, e2):
    ex = make(ChannelExplorer, 0.2, 0.5)
    ex.controls["e2"].value, ex.controls["e"].value = e2, e
    net = e * (1 - e2) + (1 - e) * e2  # exactly one of the two flips happens
    assert ex.readout.values["chain"] == pytest.approx(bsc_info(net, 0.5), abs=1e-12)
    assert ex.readout.values["chain"] <= ex.readout.values["mi"] + 1e-15


def test_channel_second_erasure_multiplies_what_gets_through(make):
    ex = make(ChannelExplorer, 0.2, 0.5, channel="erasure (losses)")
    ex.controls["e2"].value = 0.5
    assert ex.readout.values["chain"] == pytest.approx(0.8 * 0.5, abs=1e-12)
    assert ex.artists["chain_point"].get_data()[1][0] == pytest.approx(0.4, abs=1e-12)


# --- EstimationExplorer -----------------------------------------------------------------------


def counts_of_first(ex, n):
    x, y = infolib.sample_pairs(TRUE_TABLES[ex.controls["truth"].value], ex.MAX_N, seed=ex.seed)
    return np.bincount(x[:n] * 4 + y[:n], minlength=16).reshape(4, 4)


@pytest.mark.parametrize("n", [10, 100, 1000, 4000])
def test_estimation_plug_in_is_the_mi_of_the_first_n_samples(make, n):
    ex = make(EstimationExplorer, 50)
    ex.controls["n"].value = n
    counts = counts_of_first(ex, n)
    assert ex.readout.values["plug_in"] == pytest.approx(by_hand(counts / n)["mi"], abs=1e-12)
    occupied = np.count_nonzero(counts)
    rows, cols = np.count_nonzero(counts.sum(axis=1)), np.count_nonzero(counts.sum(axis=0))
    correction = (occupied - rows - cols + 1) / (2 * n * math.log(2))
    assert ex.readout.values["miller_madow"] == pytest.approx(by_hand(counts / n)["mi"] - correction,
                                                              abs=1e-12)
    assert ex.readout.values["bias"] == pytest.approx(9 / (2 * n * math.log(2)), rel=1e-14)


def test_estimation_marker_moves_without_redrawing_the_curves(make):
    ex = make(EstimationExplorer, 50, interactive=False)  # Agg draws at once
    ex.controls["n"].value = 60  # the first render draws everything and keeps a background
    full = ex.live.full_render_count
    curve = ex.artists["plug_in_curve"].get_ydata().copy()
    ex.controls["n"].value = 2000
    assert ex.artists["plug_point"].get_data()[0][0] == 2000
    np.testing.assert_array_equal(ex.artists["plug_in_curve"].get_ydata(), curve)
    assert ex.live.full_render_count == full


def test_estimation_true_value_of_each_truth(make):
    ex = make(EstimationExplorer)
    for truth, table in TRUE_TABLES.items():
        ex.controls["truth"].value = truth
        assert ex.readout.values["true"] == pytest.approx(by_hand(table)["mi"], abs=1e-12)


def test_estimation_redraw_is_a_new_seeded_sample_and_one_render(make):
    ex = make(EstimationExplorer, 200)
    first = ex.readout.values["plug_in"]
    before = ex.live.render_count
    ex.controls["redraw"].click()
    assert ex.live.render_count == before + 1 and ex.seed == 1
    assert ex.readout.values["plug_in"] != first
    again = make(EstimationExplorer, 200, seed=1)
    assert again.readout.values == ex.readout.values


def test_estimation_recipes_reproduce_the_readout_exactly(make):
    ex = make(EstimationExplorer, 330, truth="weak dependence")
    pairs = readout_recipes(ex)
    assert len(pairs) == 4 and all(shown == again for shown, again in pairs)


# --- extremes of every main control: no warning, no NaN --------------------------------------

EXTREMES = [(DependenceExplorer, -1.0), (DependenceExplorer, 1.0), (JointTableExplorer, 0.0),
            (JointTableExplorer, 1.0), (ChannelExplorer, 0.0), (ChannelExplorer, 1.0),
            (EstimationExplorer, 10), (EstimationExplorer, 4000)]


@pytest.mark.parametrize(("cls", "value"), EXTREMES, ids=[f"{c.__name__}-{v}" for c, v in EXTREMES])
def test_main_control_extremes_give_finite_values_and_matching_recipes(make, cls, value):
    ex = make(cls)
    ex.controls[ex.main_control].value = value
    assert ex.controls[ex.main_control].value == value
    assert all(not math.isnan(v) for v in ex.readout.values.values())
    assert all(shown == again for shown, again in readout_recipes(ex))


# --- blitting: a drag redraws only the moving artists, and the result equals a full redraw -----

SWEEPS = {
    DependenceExplorer: [("dependence", [0.9, -0.4, 0.0, -1.0, 1.0]), ("px1", [0.2, 0.0, 0.7])],
    JointTableExplorer: [("w11", [0.9, 0.0, 0.4, 1.0]), ("preset", ["noisy copy (3 values)"])],
    ChannelExplorer: [("e", [0.3, 0.0, 1.0, 0.5]), ("bias", [0.1, 1.0, 0.4]), ("e2", [0.2, 0.6])],
    EstimationExplorer: [("n", [20, 4000, 10, 700])],
}


def pixels(explorer) -> np.ndarray:
    return np.asarray(explorer.live.canvas.get_renderer().buffer_rgba()).copy()


@pytest.mark.parametrize("cls", list(SWEEPS), ids=[c.__name__ for c in SWEEPS])
def test_dragging_after_first_draw_never_redraws_the_whole_figure(make, cls):
    ex = make(cls)
    ex.live.canvas.draw()  # the browser's first draw
    changes = 0
    for name, values in SWEEPS[cls]:
        for value in values:
            ex.controls[name].value = value
            changes += 1
    assert (ex.live.render_count, ex.live.full_render_count) == (changes, 0)


@pytest.mark.parametrize("cls", list(SWEEPS), ids=[c.__name__ for c in SWEEPS])
def test_blitted_frame_equals_a_full_redraw(make, cls):
    ex = make(cls)
    ex.live.canvas.draw()
    for name, values in SWEEPS[cls]:
        for value in values:
            ex.controls[name].value = value
    blitted = pixels(ex)
    ex.live.canvas.draw()
    np.testing.assert_array_equal(blitted, pixels(ex))


@pytest.mark.parametrize("cls", list(SWEEPS), ids=[c.__name__ for c in SWEEPS])
def test_unit_change_after_first_draw_is_one_full_render(make, cls):
    ex = make(cls)
    ex.live.canvas.draw()
    ex.controls["unit"].value = math.e
    assert (ex.live.render_count, ex.live.full_render_count) == (1, 1)
