"""Notebook 03's static figures: what they draw, checked against values computed here."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from infolib.divergence_tools import fit_logits
from infolib.plots import (
    draw_contribution_pairs,
    draw_direction_bars,
    new_figure,
    plot_gaussian_fits,
    plot_log_likelihood_ratio,
    plot_logit_fits,
)
from infolib.sampling import sample_outcomes


def test_contribution_pairs_sit_left_and_right_of_each_outcome():
    _, (ax,) = new_figure(4, 3)
    forward, reverse = draw_contribution_pairs(ax, 3)
    assert [r.get_x() + r.get_width() / 2 for r in forward.patches] == pytest.approx([-0.2, 0.8, 1.8])
    assert [r.get_x() + r.get_width() / 2 for r in reverse.patches] == pytest.approx([0.2, 1.2, 2.2])


def test_direction_bars_are_labelled_in_order():
    _, (ax,) = new_figure(3, 3)
    draw_direction_bars(ax)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["KL(P‖Q)", "KL(Q‖P)"]


def test_gaussian_fit_figure_draws_mixture_and_both_fits():
    fig = plot_gaussian_fits(6.0, 0.5)
    ax = fig.axes[0]
    lines = {line.get_label(): line for line in ax.lines}
    p_line = lines["P (two peaks)"]
    x = p_line.get_xdata()
    expected = 0.5 * stats.norm.pdf(x, -3, 1) + 0.5 * stats.norm.pdf(x, 3, 1)
    np.testing.assert_allclose(p_line.get_ydata(), expected, rtol=1e-9, atol=1e-300)
    forward = lines["argmin KL(P‖Q): covers the mass"]
    np.testing.assert_allclose(forward.get_ydata(), stats.norm.pdf(x, 0, math.sqrt(10)), rtol=1e-6)
    assert "forward" in ax.get_title() and "reverse" in ax.get_title()


def test_log_likelihood_ratio_figure_draws_the_running_average():
    p, q = [0.1, 0.2, 0.3, 0.4], [0.25] * 4
    fig = plot_log_likelihood_ratio(p, q, 50, seed=4)
    curve = fig.axes[0].lines[0]
    x = sample_outcomes(p, 50, seed=4)
    expected = np.cumsum([math.log2(p[i] / q[i]) for i in x]) / np.arange(1, 51)
    np.testing.assert_allclose(curve.get_ydata(), expected, rtol=1e-12)


def test_logit_fit_figure_shows_losses_and_zero_gradient_difference():
    p = [0.6, 0.3, 0.1]
    runs = [fit_logits(p, [0.0, 0.0, 0.0], steps=20, loss=loss)
            for loss in ("cross_entropy", "kl_divergence")]
    fig = plot_logit_fits(p, runs, ["CE", "KL"])
    left, right = fig.axes
    ce, kl = (line.get_ydata() for line in left.lines)
    h = -sum(x * math.log(x) for x in p)
    np.testing.assert_allclose(ce - kl, h, rtol=1e-12)
    assert (right.lines[0].get_ydata() == 0).all()
