"""Notebook 04's figures: what each draws, checked against values computed here by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from infolib.plots import (
    draw_information_diagram,
    draw_table_heatmap,
    new_figure,
    plot_capacity_curves,
    plot_course_map,
    plot_feature_ranking,
    plot_information_diagram,
    plot_mi_vs_correlation,
    plot_permutation_null,
    set_information_diagram,
    set_table_heatmap,
)


def h(p):
    return -sum(v * math.log2(v) for v in np.ravel(p) if v > 0)


def test_information_diagram_rows_span_hx_hy_and_hxy():
    _fig, (ax,) = new_figure(4, 2)
    artists = draw_information_diagram(ax)
    set_information_diagram(artists, 0.5, 0.3, 0.9)
    span = {row: (min(r.get_x() for (k, _), r in artists.items() if k == row),
                  max(r.get_x() + r.get_width() for (k, _), r in artists.items() if k == row))
            for row in ("joint", "x", "y")}
    assert span["joint"] == pytest.approx((0.0, 1.7))
    assert span["x"] == pytest.approx((0.0, 0.8))   # H(X) = H(X|Y) + I
    assert span["y"] == pytest.approx((0.5, 1.7))   # H(Y) = I + H(Y|X), after H(X|Y)


def test_heatmap_writes_cells_and_blanks_the_rest():
    _fig, (ax,) = new_figure(3, 3)
    heat = draw_table_heatmap(ax, 3, 3)
    set_table_heatmap(heat, [[0.1, 0.2], [0.3, 0.4]])
    texts = [[t.get_text() for t in row] for row in heat["texts"]]
    assert texts == [["0.100", "0.200", ""], ["0.300", "0.400", ""], ["", "", ""]]
    data = heat["image"].get_array()
    assert data[0, 1] == 0.2 and data.mask[2, 2]


def test_plot_information_diagram_of_independent_table_has_no_overlap():
    table = np.outer([0.3, 0.7], [0.5, 0.5])
    fig = plot_information_diagram(table, title="independent")
    shared = [p for p in fig.axes[0].patches if p.get_facecolor()[:3] == pytest.approx(
        (0.0, 158 / 255, 115 / 255), abs=1e-3)]
    assert shared and all(p.get_width() == pytest.approx(0.0, abs=1e-15) for p in shared)
    assert fig.axes[0].get_title() == "independent: I(X;Y) = 0.000 bits"


def test_capacity_curves_are_one_minus_h_and_one_minus_e():
    fig = plot_capacity_curves()
    bsc, bec = fig.axes[0].get_lines()[:2]
    e = bsc.get_xdata()
    np.testing.assert_allclose(bsc.get_ydata(), [1 - h([x, 1 - x]) for x in e], atol=1e-12)
    np.testing.assert_allclose(bec.get_ydata(), 1 - e, atol=1e-15)


def test_mi_vs_correlation_titles_carry_the_given_numbers():
    fig = plot_mi_vs_correlation({"ring": ([0, 1], [1, 0])}, {"ring": (0.0123, 1.5)})
    assert fig.axes[0].get_title() == "ring\nr = +0.012, I = 1.50 bits"


def test_permutation_null_marks_the_statistic():
    fig = plot_permutation_null([0.01, 0.02, 0.03], 0.2, bias=0.02)
    xs = [line.get_xdata()[0] for line in fig.axes[0].get_lines()]
    assert xs == [0.2, 0.02]


def test_feature_ranking_sorts_each_panel_by_its_own_score():
    fig = plot_feature_ranking(["a", "b", "c"], {"MI": [0.1, 0.5, 0.3], "|r|": [0.9, 0.1, 0.2]})
    labels = [[t.get_text() for t in ax.get_yticklabels()] for ax in fig.axes]
    assert labels == [["a", "c", "b"], ["b", "c", "a"]]


def test_course_map_boxes_show_each_value_on_the_example():
    p, q = [0.1, 0.2, 0.3, 0.4], [0.25] * 4
    pxy = [[0.4, 0.1], [0.1, 0.4]]
    fig = plot_course_map(p, q, pxy)
    texts = {t.get_text().split("\n")[0]: t.get_text() for t in fig.axes[0].texts}
    h_p = h(p)
    ce = -sum(a * math.log2(b) for a, b in zip(p, q, strict=True))
    mi = 2 * h([0.5, 0.5]) - h(pxy)
    assert texts["H(P)"].endswith(f"{h_p:.3f} bits")
    assert texts["H(P, Q)"].endswith(f"{ce:.3f} bits")
    assert texts["KL(P‖Q)"].endswith(f"{ce - h_p:.3f} bits")
    assert texts["I(X; Y)"].endswith(f"{mi:.3f} bits")
