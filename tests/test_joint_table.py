"""A JointTable from joint_distribution goes straight into every function that takes a joint table."""

import math

import numpy as np
import pytest

import infolib
from infolib.plots import plot_joint_table

# 8 paired samples: X = weather, Y = umbrella. Counted by hand:
#            no    yes
#   rain    1/8    3/8
#   sun     3/8    1/8
WEATHER = ["sun", "sun", "sun", "rain", "rain", "rain", "rain", "sun"]
UMBRELLA = ["no", "no", "no", "yes", "yes", "yes", "no", "yes"]
TABLE = np.array([[1, 3], [3, 1]]) / 8


@pytest.fixture
def jt():
    return infolib.joint_distribution(WEATHER, UMBRELLA)


def test_joint_distribution_counts_the_samples(jt):
    assert jt.x_labels == ("rain", "sun") and jt.y_labels == ("no", "yes")
    np.testing.assert_array_equal(jt.table, TABLE)


def test_numpy_sees_the_probabilities(jt):
    np.testing.assert_array_equal(np.asarray(jt), TABLE)
    np.testing.assert_array_equal(np.array(jt, dtype=np.float32), TABLE.astype(np.float32))
    assert jt.shape == (2, 2)
    assert np.asarray(jt, copy=True) is not jt.table


def test_it_still_unpacks_with_its_labels(jt):
    table, xs, ys = jt
    assert xs == ("rain", "sun") and ys == ("no", "yes") and table is jt.table


def test_joint_entropy_takes_a_joint_table(jt):
    # four cells 1/8, 3/8, 3/8, 1/8: H = 2 * (1/8 log2 8 + 3/8 log2 8/3)
    by_hand = 2 * (1 / 8 * 3 + 3 / 8 * math.log2(8 / 3))
    assert math.isclose(infolib.joint_entropy(jt), by_hand)


def test_marginals_take_a_joint_table(jt):
    px, py = infolib.marginals(jt)
    np.testing.assert_array_equal(px, [0.5, 0.5])
    np.testing.assert_array_equal(py, [0.5, 0.5])


def test_conditional_entropy_takes_a_joint_table_and_its_transpose(jt):
    # Given either variable, the other is a 1/4 : 3/4 coin.
    h_quarter = -(0.25 * math.log2(0.25) + 0.75 * math.log2(0.75))
    assert math.isclose(infolib.conditional_entropy(jt), h_quarter)
    assert math.isclose(infolib.conditional_entropy(jt.T), h_quarter)
    assert jt.T.x_labels == ("no", "yes")
    np.testing.assert_array_equal(jt.T.table, TABLE.T)


def test_mutual_information_takes_a_joint_table(jt):
    h_quarter = -(0.25 * math.log2(0.25) + 0.75 * math.log2(0.75))
    assert math.isclose(infolib.mutual_information(jt), 1 - h_quarter)
    assert math.isclose(infolib.mutual_information(jt, base=math.e), (1 - h_quarter) * math.log(2))


def test_kl_divergence_reads_joint_tables_as_one_distribution(jt):
    independent = infolib.product_distribution(*infolib.marginals(jt))
    assert math.isclose(infolib.kl_divergence(jt, independent), infolib.mutual_information(jt))
    other = infolib.joint_distribution(WEATHER, UMBRELLA[::-1])
    # by hand: sum over the four cells of p log2(p / q)
    p, q = TABLE.ravel(), np.asarray(other).ravel()
    assert math.isclose(infolib.kl_divergence(jt, other), float(np.sum(p * np.log2(p / q))))


def test_single_distribution_measures_read_a_joint_table_as_one_distribution(jt):
    assert math.isclose(infolib.entropy(jt), infolib.joint_entropy(jt))
    assert math.isclose(float(infolib.entropy_contributions(jt).sum()), infolib.joint_entropy(jt))
    assert math.isclose(infolib.cross_entropy(jt, jt), infolib.joint_entropy(jt))
    assert infolib.js_divergence(jt, jt) == 0.0


def test_a_plain_2d_array_is_still_a_batch_of_rows():
    rows = np.array([[0.5, 0.5], [1.0, 0.0]])
    np.testing.assert_array_equal(infolib.entropy(rows), [1.0, 0.0])


def test_joint_tables_of_different_shapes_are_refused(jt):
    three_by_two = infolib.joint_distribution([0, 1, 2, 0], [0, 1, 0, 1])
    with pytest.raises(ValueError, match="different shapes"):
        infolib.kl_divergence(jt, three_by_two)
    with pytest.raises(ValueError, match="2-D joint table"):
        infolib.kl_divergence(jt, [0.25, 0.25, 0.25, 0.25])


def test_plot_joint_table_takes_a_joint_table_with_its_labels(jt):
    fig = plot_joint_table(jt, x_name="weather", y_name="umbrella")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["rain", "sun"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["no", "yes"]


def test_plot_joint_table_labels_a_plain_array_by_index():
    fig = plot_joint_table([[0.5, 0.0], [0.0, 0.5]])
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["0", "1"]


def test_mutual_information_from_samples_agrees_with_the_table(jt):
    assert infolib.mutual_information_from_samples(WEATHER, UMBRELLA) == infolib.mutual_information(jt)
