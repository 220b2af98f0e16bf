"""infolib: information theory for machine learning, to compute and to see.

The numeric core (this namespace) needs only numpy::

    >>> import infolib
    >>> infolib.entropy([0.5, 0.5])
    1.0

Plotting and the interactive explorers live in :mod:`infolib.plots` and
:mod:`infolib.explorers`; they import matplotlib and ipywidgets only when used.
"""

from infolib._validation import SUM_TOLERANCE, InvalidDistributionError
from infolib.joint import (
    JointTable,
    conditional_entropy,
    joint_distribution,
    joint_entropy,
    marginals,
    mutual_information,
    mutual_information_from_samples,
    product_distribution,
)
from infolib.losses import KERAS_EPSILON, categorical_cross_entropy
from infolib.measures import (
    binary_entropy,
    cross_entropy,
    entropy,
    entropy_contributions,
    js_divergence,
    kl_divergence,
    surprisal,
)
from infolib.softmax import log_softmax, softmax
from infolib.units import BASES, format_information, unit_name

__version__ = "0.1.0"

# Tracebacks then name the error the way learners catch it: infolib.InvalidDistributionError.
InvalidDistributionError.__module__ = "infolib"

__all__ = [
    "BASES",
    "KERAS_EPSILON",
    "SUM_TOLERANCE",
    "InvalidDistributionError",
    "JointTable",
    "binary_entropy",
    "categorical_cross_entropy",
    "conditional_entropy",
    "cross_entropy",
    "entropy",
    "entropy_contributions",
    "format_information",
    "joint_distribution",
    "joint_entropy",
    "js_divergence",
    "kl_divergence",
    "log_softmax",
    "marginals",
    "mutual_information",
    "mutual_information_from_samples",
    "product_distribution",
    "softmax",
    "surprisal",
    "unit_name",
]
