"""TwoDistributionEditor: P and Q over the same outcomes, one notification per change."""

import numpy as np
import pytest

from infolib.controls import TWO_DISTRIBUTION_PRESETS, TwoDistributionEditor


def close(made: TwoDistributionEditor) -> None:
    """Close every widget of the editor's layout (and only those)."""
    stack = [made.widget]
    while stack:
        widget = stack.pop()
        stack.extend(getattr(widget, "children", ()))
        widget.close()


@pytest.fixture
def editor():
    made = TwoDistributionEditor([0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25])
    yield made
    close(made)


@pytest.fixture
def calls(editor):
    seen = []
    editor.observe(lambda p, q: seen.append((p, q)))
    return seen


def test_starting_pair_is_reported_as_probabilities(editor):
    assert editor.value == ((0.1, 0.2, 0.3, 0.4), (0.25, 0.25, 0.25, 0.25))
    assert editor.outcomes.value == 4
    assert [s.layout.display for s in editor.p_sliders] == [None] * 4 + ["none"] * 4
    assert [s.layout.display for s in editor.q_sliders] == [None] * 4 + ["none"] * 4


def test_weights_are_normalised_per_distribution(editor, calls):
    editor.q_sliders[0].value = 0.75  # Q weights 0.75, 0.25, 0.25, 0.25 sum to 1.5
    assert editor.q == pytest.approx((0.5, 1 / 6, 1 / 6, 1 / 6))
    assert editor.p == (0.1, 0.2, 0.3, 0.4)
    assert len(calls) == 1 and calls[0] == editor.value


def test_each_slider_move_notifies_once(editor, calls):
    editor.p_sliders[1].value = 0.5
    editor.q_sliders[2].value = 0.0
    assert len(calls) == 2


def test_a_preset_loads_both_and_notifies_once(editor, calls):
    editor.preset.value = "label [1, 0], prediction [0.1, 0.9]"
    assert editor.value == ((1.0, 0.0), (0.1, 0.9))
    assert editor.outcomes.value == 2
    assert [s.layout.display for s in editor.q_sliders[:3]] == [None, None, "none"]
    assert len(calls) == 1


def test_editing_after_a_preset_lets_the_same_preset_reload(editor):
    name = "skewed P, uniform Q (seed 000)"
    editor.preset.value = name
    editor.p_sliders[0].value = 0.9
    assert editor.preset.value == "(your own)"
    editor.preset.value = name
    assert editor.value == TWO_DISTRIBUTION_PRESETS[name]


def test_q_equals_p_button_copies_p_into_q_once(editor, calls):
    editor.copy_button.click()
    assert editor.q == editor.p == (0.1, 0.2, 0.3, 0.4)
    assert [s.value for s in editor.q_sliders] == [s.value for s in editor.p_sliders]
    assert len(calls) == 1


def test_reset_restores_the_starting_pair_once(editor, calls):
    editor.preset.value = "Q misses an outcome P can produce"
    editor.reset_button.click()
    assert editor.value == ((0.1, 0.2, 0.3, 0.4), (0.25, 0.25, 0.25, 0.25))
    assert len(calls) == 2  # the preset, then the reset


def test_the_outcome_count_is_shared(editor, calls):
    editor.outcomes.value = 2  # P weights 0.1, 0.2 and Q weights 0.25, 0.25 remain
    assert editor.p == pytest.approx((1 / 3, 2 / 3))
    assert editor.q == (0.5, 0.5)
    assert len(calls) == 1


def test_a_zero_in_q_is_kept(editor):
    editor.q_sliders[3].value = 0.0
    assert editor.q == pytest.approx((1 / 3, 1 / 3, 1 / 3, 0.0))


def test_all_zero_weights_keep_the_last_pair_and_say_why(editor, calls):
    for slider in editor.q_sliders[:3]:
        slider.value = 0.0
    last = editor.value
    editor.q_sliders[3].value = 0.0
    assert editor.value == last
    assert "All weights of Q are zero" in editor.q_status.value
    assert len(calls) == 3  # the move to all zeros is not reported


def test_counts_are_scaled_to_fit_the_sliders():
    made = TwoDistributionEditor([3, 1], [1, 1])
    assert [s.value for s in made.p_sliders[:2]] == [1.0, pytest.approx(1 / 3)]
    assert made.value == ((0.75, 0.25), (0.5, 0.5))
    close(made)


def test_every_default_preset_loads_a_valid_pair():
    made = TwoDistributionEditor()
    for name, (p, q) in TWO_DISTRIBUTION_PRESETS.items():
        made.preset.value = name
        np.testing.assert_allclose(made.p, np.asarray(p) / np.sum(p))
        np.testing.assert_allclose(made.q, np.asarray(q) / np.sum(q))
    close(made)


def test_p_and_q_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="p has 2 weights but q has 3"):
        TwoDistributionEditor([0.5, 0.5], [0.2, 0.3, 0.5])


def test_more_outcomes_than_sliders_are_refused():
    with pytest.raises(ValueError, match="raise max_outcomes"):
        TwoDistributionEditor([0.5, 0.5], [0.5, 0.5], max_outcomes=1, presets={})
    with pytest.raises(ValueError, match="raise max_outcomes"):
        TwoDistributionEditor([0.5, 0.5], [0.5, 0.5], max_outcomes=3)


def test_a_preset_with_mismatched_lengths_is_refused():
    with pytest.raises(ValueError, match="same outcomes"):
        TwoDistributionEditor(presets={"bad": ((0.5, 0.5), (1.0,))})


def test_controls_name_every_widget_an_explorer_exposes(editor):
    names = list(editor.controls)
    assert names[:8] == [f"p{i}" for i in range(1, 9)]
    assert names[8:16] == [f"q{i}" for i in range(1, 9)]
    assert names[16:] == ["outcomes", "preset", "reset", "copy"]
    assert editor.controls["q3"] is editor.q_sliders[2] and editor.controls["copy"] is editor.copy_button


def test_an_explorer_hears_its_editor_once_per_preset():
    from infolib.explorers import KLAsymmetryExplorer

    ex = KLAsymmetryExplorer(interactive=False)
    try:
        before = ex.live.render_count
        ex.controls["preset"].value = "Q = P"  # moves up to eight sliders
        assert ex.live.render_count == before + 1
        ex.controls["unit"].value = ex.controls["unit"].options[1][1]  # not the editor's: heard directly
        assert ex.live.render_count == before + 2
    finally:
        ex.close()
