"""The :class:`JointTable` record: an empirical joint distribution that carries its labels.

It lives in a module of its own because both the single-distribution measures
(:mod:`infolib.measures`) and the joint-table ones (:mod:`infolib.joint`) accept it.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class JointTable(NamedTuple):
    """An empirical joint distribution and the labels of its rows and columns.

    Unpacks as ``table, x_labels, y_labels``; ``table[i, j]`` is the fraction
    of samples with ``x == x_labels[i]`` and ``y == y_labels[j]``.

    It is also an array: numpy sees the probabilities (``np.asarray(jt)`` is
    ``jt.table``), so it can be passed wherever a joint table is accepted
    (:func:`~infolib.joint_entropy`, :func:`~infolib.mutual_information`,
    :func:`~infolib.marginals`, :func:`~infolib.plots.plot_joint_table`, ...).
    The single-distribution measures (:func:`~infolib.entropy`,
    :func:`~infolib.kl_divergence`, ...) read a JointTable as **one**
    distribution over its cells, not as a batch of rows; when one of their two
    arguments is a JointTable, the other is read the same way.

    Examples
    --------
    >>> import infolib
    >>> jt = infolib.joint_distribution(["a", "a", "b", "b"], [0, 0, 1, 0])
    >>> np.asarray(jt)
    array([[0.5 , 0.  ],
           [0.25, 0.25]])
    >>> infolib.mutual_information(jt) == infolib.mutual_information(jt.table)
    True
    >>> jt.T.x_labels        # X and Y swapped: rows now index Y
    (0, 1)
    """

    table: np.ndarray
    x_labels: tuple
    y_labels: tuple

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        table = np.asarray(self.table, dtype=dtype)
        return table.copy() if copy else table

    @property
    def shape(self) -> tuple[int, ...]:
        """The table's shape: ``(len(x_labels), len(y_labels))``."""
        return np.shape(self.table)

    @property
    def T(self) -> JointTable:
        """The same distribution with X and Y swapped (for H(X|Y) = conditional_entropy(jt.T))."""
        return JointTable(np.asarray(self.table).T, self.y_labels, self.x_labels)


def flatten_joint_tables(*args):
    """Read every argument as one distribution over cells if any of them is a JointTable.

    ``kl_divergence(jt, product_distribution(*marginals(jt)))`` then compares two
    joint distributions, where a plain 2-D array would be a batch of rows.
    """
    if not any(isinstance(a, JointTable) for a in args):
        return args
    flat = []
    for a in args:
        arr = np.asarray(a)
        if arr.ndim != 2:
            raise ValueError(
                f"a JointTable can only be compared with another 2-D joint table, got an "
                f"array of shape {arr.shape}; pass tables of the same shape"
            )
        flat.append(arr.reshape(-1))
    shapes = {np.shape(a) for a in args}
    if len(shapes) > 1:
        raise ValueError(
            f"the joint tables have different shapes {sorted(shapes)}; they must describe the "
            f"same X and Y outcomes"
        )
    return tuple(flat)
