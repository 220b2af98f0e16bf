"""Notebook 02's static figures: what each draws, checked against values computed here."""

from __future__ import annotations

import math

import numpy as np
import pytest

import infolib
from infolib.plots import (
    draw_loss_shapes,
    draw_paired_bars,
    new_figure,
    plot_code_convergence,
    plot_loss_shapes,
    plot_training_run,
    running_code_length,
)


def test_loss_shape_curves_are_minus_log_q_one_minus_q_and_its_square():
    _fig, (ax,) = new_figure(4, 3)
    curves = draw_loss_shapes(ax, base=2)
    x = curves["log"].get_xdata()
    np.testing.assert_allclose(curves["log"].get_ydata(), -np.log2(x), rtol=1e-12)
    np.testing.assert_allclose(curves["linear"].get_ydata(), 1 - x, rtol=1e-12)
    np.testing.assert_allclose(curves["squared"].get_ydata(), (1 - x) ** 2, rtol=1e-12)


def test_loss_shapes_figure_labels_each_mark_with_the_three_losses():
    fig = plot_loss_shapes([0.01, 0.5])
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts[0] == f"q = 0.01: {-math.log(0.01):.2f} / 0.99 / 0.98"
    assert texts[1] == f"q = 0.5: {math.log(2):.2f} / 0.50 / 0.25"


def test_paired_bars_start_at_zero_and_sit_either_side_of_each_outcome():
    _fig, (ax,) = new_figure(4, 3)
    left, _right = draw_paired_bars(ax, 4, ["P", "Q"])
    assert [r.get_height() for r in left.patches] == [0.0] * 4
    centres = [r.get_x() + r.get_width() / 2 for r in left.patches]
    assert centres == pytest.approx([-0.2, 0.8, 1.8, 2.8])


def test_running_code_length_matches_sample_code_length_at_every_count():
    p, q = [0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]
    running = running_code_length(p, q, 50, seed=2)
    for m in (1, 7, 50):
        assert running[m - 1] == infolib.sample_code_length(p, q, m, seed=2)


def test_code_convergence_draws_both_codes_and_their_limits():
    p, q = [0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]
    fig = plot_code_convergence(p, q, 200)
    lines = fig.axes[0].get_lines()
    levels = sorted(float(line.get_ydata()[0]) for line in lines if len(line.get_ydata()) == 2)
    # Expected lengths 2.6 (code for Q) and 1.9 (code for P), plus H(P, Q) and H(P).
    expected = sorted([2.6, 1.9, infolib.cross_entropy(p, q), infolib.entropy(p)])
    assert levels == pytest.approx(expected, rel=1e-12)


def test_training_figure_shows_loss_floor_and_tracked_point():
    X, y = infolib.make_blobs(10, seed=0)
    run = infolib.train_softmax_classifier(X, y, epochs=20, smoothing=0.1, track=3)
    fig = plot_training_run(run, X, y, track=3)
    _data_ax, loss_ax, track_ax = fig.axes[:3]
    curve, floor = loss_ax.get_lines()[:2]
    np.testing.assert_array_equal(curve.get_ydata(), run.losses)
    assert floor.get_ydata()[0] == pytest.approx(run.floor)
    np.testing.assert_array_equal(track_ax.get_lines()[0].get_ydata(), run.tracked[:, 0])
    assert "label 0" in track_ax.get_title()
