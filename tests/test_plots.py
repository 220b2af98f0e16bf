"""The static figures: labelled axes with units, and annotated values that are the right numbers.

Expected numbers are computed here with ``math``/numpy; each figure is closed afterwards.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.text import Annotation, Text

from infolib.plots import plot_binary_entropy, plot_eps_bias, plot_joint_table, plot_surprisal, plot_units


@pytest.fixture
def keep():
    """``keep(figure)`` returns the figure and closes it after the test."""
    figures = []

    def register(figure):
        figures.append(figure)
        return figure

    yield register
    for figure in figures:
        plt.close(figure)
        figure.clear()


def only_axes(figure):
    (ax,) = figure.axes
    return ax


# --- plot_surprisal ----------------------------------------------------------------------------


def test_surprisal_axes_are_labelled_with_bits(keep):
    ax = only_axes(keep(plot_surprisal([0.5])))
    assert ax.get_xlabel() and "(bits)" in ax.get_ylabel()


def test_surprisal_in_nats_labels_the_unit(keep):
    ax = only_axes(keep(plot_surprisal([0.5], base=math.e)))
    assert "(nats)" in ax.get_ylabel()


def test_surprisal_annotations_state_minus_log2_p_to_four_decimals(keep):
    ax = only_axes(keep(plot_surprisal([0.99, 0.01, 0.25])))
    expected = [f"p = {p:g}: {-math.log2(p):.4f} bits" for p in (0.99, 0.01, 0.25)]
    assert [t.get_text() for t in ax.texts] == expected


def test_surprisal_label_of_the_99_1_coins_heads_is_not_cut_to_0_014(keep):
    ax = only_axes(keep(plot_surprisal([0.99])))
    assert ax.texts[0].get_text() == "p = 0.99: 0.0145 bits"  # -log2 0.99 = 0.01450 by hand


def test_surprisal_digits_set_the_label_precision(keep):
    ax = only_axes(keep(plot_surprisal([0.5], digits=2)))
    assert ax.texts[0].get_text() == "p = 0.5: 1.00 bits"


def test_surprisal_marks_sit_on_the_curve(keep):
    ax = only_axes(keep(plot_surprisal([0.99, 0.01])))
    marks = [np.concatenate(line.get_data()) for line in ax.lines[1:]]
    np.testing.assert_allclose(marks, [(0.99, -math.log2(0.99)), (0.01, -math.log2(0.01))], rtol=1e-12)


def test_surprisal_curve_is_minus_log2(keep):
    curve = only_axes(keep(plot_surprisal())).lines[0]
    np.testing.assert_allclose(curve.get_ydata(), -np.log2(curve.get_xdata()), rtol=1e-12, atol=1e-15)


# --- plot_binary_entropy ------------------------------------------------------------------------------


def h2(p):
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def test_binary_entropy_axes_are_labelled_with_bits(keep):
    ax = only_axes(keep(plot_binary_entropy([0.5])))
    assert ax.get_xlabel() and "(bits)" in ax.get_ylabel()


def test_binary_entropy_annotations_state_h_of_p(keep):
    ax = only_axes(keep(plot_binary_entropy([0.5, 0.99, 0.1])))
    expected = [f"p = {p:g}: {h2(p):.4f} bits" for p in (0.5, 0.99, 0.1)]
    assert [t.get_text() for t in ax.texts] == expected


def test_binary_entropy_leaves_room_above_the_fair_coins_label(keep):
    figure = keep(plot_binary_entropy([0.5]))
    ax = only_axes(figure)
    figure.canvas.draw()
    label = ax.texts[0].get_window_extent()
    assert ax.get_ylim()[1] == pytest.approx(1.2)
    # The label ends inside the axes, below the top of its frame (and so below the title).
    assert label.y1 < ax.get_window_extent().y1


def test_binary_entropy_curve_peaks_at_one_bit_for_a_fair_coin(keep):
    curve = only_axes(keep(plot_binary_entropy())).lines[0]
    x, y = curve.get_data()
    assert float(x[np.argmax(y)]) == 0.5 and float(y.max()) == 1.0


def test_binary_entropy_in_bans_labels_the_unit_and_scales(keep):
    ax = only_axes(keep(plot_binary_entropy([0.5], base=10)))
    assert "(bans)" in ax.get_ylabel()
    assert ax.texts[0].get_text() == f"p = 0.5: {math.log10(2):.4f} bans"
    assert ax.get_ylim()[1] == pytest.approx(1.2 * math.log10(2))


# --- plot_joint_table --------------------------------------------------------------------------------

TABLE = [[0.3, 0.1], [0.2, 0.4]]


def table_cells(ax):
    """{(x, y): text} of every number written in the table and its margins."""
    return {tuple(float(v) for v in t.get_position()): t.get_text() for t in ax.texts if type(t) is Text}


def margin_names(ax):
    return [t.get_text() for t in ax.texts if isinstance(t, Annotation)]


def test_joint_table_axes_are_labelled(keep):
    ax = only_axes(keep(plot_joint_table(TABLE, ["x0", "x1"], ["y0", "y1"], x_name="A", y_name="B")))
    assert ax.get_xlabel() == "B" and ax.get_ylabel() == "A"


def test_joint_table_cells_are_written_in(keep):
    ax = only_axes(keep(plot_joint_table(TABLE, ["x0", "x1"], ["y0", "y1"])))
    cells = table_cells(ax)
    assert {k: cells[k] for k in [(0, 0), (1, 0), (0, 1), (1, 1)]} == {
        (0, 0): "0.300", (1, 0): "0.100", (0, 1): "0.200", (1, 1): "0.400"}


def test_joint_table_right_margin_holds_row_sums_and_bottom_margin_column_sums(keep):
    ax = only_axes(keep(plot_joint_table(TABLE, ["x0", "x1"], ["y0", "y1"])))
    cells = table_cells(ax)
    # Row sums (P(X)) in column 2, column sums (P(Y)) in row 2, and their total in the corner.
    assert [cells[(2, i)] for i in range(2)] == ["0.400", "0.600"]
    assert [cells[(j, 2)] for j in range(2)] == ["0.500", "0.500"]
    assert cells[(2, 2)] == "1.000"
    assert len(cells) == 4 + 2 + 2 + 1


def test_joint_table_margins_of_a_wide_table_are_its_marginals(keep):
    px, py = np.array([0.75, 0.25]), np.full(6, 1 / 6)
    ax = only_axes(keep(plot_joint_table(np.outer(px, py), ["h", "t"], list(range(1, 7)))))
    cells = table_cells(ax)
    assert [cells[(6, i)] for i in range(2)] == ["0.750", "0.250"]
    assert [cells[(j, 2)] for j in range(6)] == ["0.167"] * 6


def test_joint_table_tick_labels_name_the_values_and_the_margins_are_named_apart(keep):
    ax = only_axes(keep(plot_joint_table(TABLE, ["x0", "x1"], ["y0", "y1"], x_name="A", y_name="B")))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["y0", "y1"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x0", "x1"]
    assert margin_names(ax) == ["P(A)", "P(B)"]


def test_joint_table_title_states_joint_entropy_in_bits(keep):
    ax = only_axes(keep(plot_joint_table(TABLE, ["x0", "x1"], ["y0", "y1"])))
    h = -sum(p * math.log2(p) for row in TABLE for p in row)
    assert ax.get_title().startswith(f"H(X, Y) = {h:.3f} bits")


def test_joint_table_heat_map_shows_the_table_and_margins_stand_apart(keep):
    ax = only_axes(keep(plot_joint_table(TABLE, ["x0", "x1"], ["y0", "y1"])))
    (image,) = ax.images
    np.testing.assert_array_equal(image.get_array(), TABLE)
    # Unequal cells get unequal colours; the margin cells share one colour outside the colour map.
    colours = image.to_rgba(image.get_array())
    assert len({tuple(c) for row in colours for c in row}) == 4
    margin_faces = {p.get_facecolor() for p in ax.patches}
    assert len(margin_faces) == 1 and len(ax.patches) == 4


def test_joint_table_accepts_a_joint_table_with_its_labels(keep):
    import infolib

    table = infolib.joint_distribution(["a", "a", "b", "b"], ["u", "v", "v", "v"])
    ax = only_axes(keep(plot_joint_table(table, x_name="X", y_name="Y")))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    cells = table_cells(ax)
    assert [cells[(2, i)] for i in range(2)] == ["0.500", "0.500"]
    assert [cells[(j, 2)] for j in range(2)] == ["0.250", "0.750"]


# --- plot_units ------------------------------------------------------------------------------------


def test_units_axes_are_labelled(keep):
    ax = only_axes(keep(plot_units([0.5, 0.5])))
    assert ax.get_xlabel() and "unit" in ax.get_ylabel()


def test_units_bars_are_the_entropy_in_bits_nats_and_bans(keep):
    ax = only_axes(keep(plot_units([0.25, 0.75])))
    h_nats = -(0.25 * math.log(0.25) + 0.75 * math.log(0.75))
    expected = [h_nats / math.log(2), h_nats, h_nats / math.log(10)]
    assert [r.get_height() for r in ax.patches] == pytest.approx(expected, rel=1e-12)


def test_units_bar_labels_state_the_values(keep):
    ax = only_axes(keep(plot_units([0.5, 0.5])))
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["1.0000", f"{math.log(2):.4f}", f"{math.log10(2):.4f}"]


def test_units_tick_labels_name_the_units(keep):
    ax = only_axes(keep(plot_units([0.5, 0.5])))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["bits (log₂)", "nats (ln)", "bans (log₁₀)"]


# --- plot_eps_bias -----------------------------------------------------------------------------------


def test_eps_bias_axes_are_labelled_with_bits(keep):
    ax = only_axes(keep(plot_eps_bias([0.5, 0.5], [1e-8, 1e-2])))
    assert "eps" in ax.get_xlabel() and "(bits)" in ax.get_ylabel()


def test_eps_bias_is_log_log(keep):
    ax = only_axes(keep(plot_eps_bias([0.5, 0.5], [1e-8, 1e-2])))
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")


def test_eps_bias_points_are_the_error_of_the_hack(keep):
    p, eps = [0.2, 0.8], [1e-6, 1e-3, 1e-1]
    ax = only_axes(keep(plot_eps_bias(p, eps)))
    exact = -(0.2 * math.log2(0.2) + 0.8 * math.log2(0.8))
    hacked = [-(0.2 * math.log2(0.2 + e) + 0.8 * math.log2(0.8 + e)) for e in eps]
    x, y = ax.lines[0].get_data()
    np.testing.assert_allclose(x, eps)
    np.testing.assert_allclose(y, [abs(exact - h) for h in hacked], rtol=1e-6)


def test_eps_bias_title_names_the_distribution(keep):
    ax = only_axes(keep(plot_eps_bias([0.5, 0.5], [1e-8, 1e-2], name="a fair coin")))
    assert ax.get_title() == "Error of the eps hack: a fair coin"


def test_eps_bias_of_a_uniform_distribution_follows_log2_one_plus_eps_over_p(keep):
    p, eps = np.full(4, 0.25), [1e-9, 1e-6, 1e-3]
    ax = only_axes(keep(plot_eps_bias(p, eps)))
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [math.log2(1 + e / 0.25) for e in eps], rtol=1e-6)
    x, y = ax.lines[1].get_data()
    np.testing.assert_allclose(y, np.log2(1 + x / 0.25), rtol=1e-12)
    slope = np.diff(np.log(y[:2])) / np.diff(np.log(x[:2]))
    assert slope[0] == pytest.approx(1.0, abs=1e-3)


def test_eps_bias_draws_no_formula_line_for_a_non_uniform_distribution(keep):
    ax = only_axes(keep(plot_eps_bias([0.2, 0.8], [1e-6, 1e-3])))
    assert len(ax.lines) == 1


def test_eps_bias_error_grows_with_eps(keep):
    ax = only_axes(keep(plot_eps_bias([0.2, 0.8], [1e-8, 1e-6, 1e-4, 1e-2])))
    assert np.all(np.diff(ax.lines[0].get_ydata()) > 0)


def test_plots_do_not_register_with_pyplot(keep):
    keep(plot_surprisal([0.5]))
    keep(plot_units([0.5, 0.5]))
    assert plt.get_fignums() == []
