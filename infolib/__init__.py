"""infolib: information theory for machine learning, to compute and to see.

The numeric core (this namespace) needs only numpy::

    >>> import infolib
    >>> infolib.entropy([0.5, 0.5])
    1.0

The namespace gathers the core's modules, each numpy-only:

* :mod:`~infolib.measures` (entropy, cross entropy, KL, JS) and
  :mod:`~infolib.joint` (joint tables, mutual information);
* :mod:`~infolib.softmax` and :mod:`~infolib.losses` (what networks compute);
* notebook 02: :mod:`~infolib.codes` (prefix codes), :mod:`~infolib.sampling`,
  :mod:`~infolib.classifier`, :mod:`~infolib.frameworks` (PyTorch and Keras
  cross entropy replicated from their documentation);
* notebook 03: :mod:`~infolib.gaussians`, :mod:`~infolib.distillation`,
  :mod:`~infolib.divergence_tools`, :mod:`~infolib.kl_frameworks`;
* notebook 04: :mod:`~infolib.channels`, :mod:`~infolib.estimators`.

Plotting and the interactive explorers live in :mod:`infolib.plots` and
:mod:`infolib.explorers`; they import matplotlib and ipywidgets only when used.
"""

from infolib._validation import SUM_TOLERANCE, InvalidDistributionError
from infolib.channels import (
    ChannelCapacity,
    binary_erasure_channel,
    binary_symmetric_channel,
    channel_capacity,
    channel_joint,
    channel_mutual_information,
    compose_channels,
)
from infolib.classifier import (
    TrainingRun,
    cross_entropy_gradient,
    finite_difference_gradient,
    linear_penalty,
    make_blobs,
    smooth_labels,
    squared_penalty,
    train_softmax_classifier,
)
from infolib.codes import (
    block_distribution,
    code_length_per_symbol,
    decode,
    encode,
    expected_code_length,
    huffman_code,
    huffman_code_lengths,
    is_prefix_free,
    kraft_sum,
    sample_code_length,
    shannon_code_lengths,
)
from infolib.distillation import distillation_gradient, distillation_loss
from infolib.divergence_tools import (
    LogitFit,
    find_kl_triangle_violation,
    fit_logits,
    kl_gap,
    kl_triangle_excess,
    log_likelihood_ratio_path,
    mean_log_likelihood_ratio,
)
from infolib.estimators import (
    PermutationTest,
    count_table,
    dependence_range,
    dependent_table,
    discretize,
    miller_madow_mutual_information,
    mutual_information_bias,
    mutual_information_from_counts,
    permutation_test,
    sample_pairs,
)
from infolib.frameworks import double_softmax_floor, keras_categorical_crossentropy, torch_cross_entropy
from infolib.gaussians import (
    MIXTURE_GRID,
    GaussianFit,
    fit_gaussian,
    fit_gaussian_to_mixture,
    gaussian_density,
    gaussian_kl,
    grid_kl_divergence,
    mixture_density,
    mixture_fit_divergence,
)
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
from infolib.kl_frameworks import keras_kl_divergence, torch_kl_div
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
from infolib.sampling import sample_outcomes
from infolib.softmax import log_softmax, softmax
from infolib.units import BASES, format_information, unit_name

__version__ = "0.1.0"

# Tracebacks then name the error the way learners catch it: infolib.InvalidDistributionError.
InvalidDistributionError.__module__ = "infolib"

__all__ = [
    "BASES",
    "KERAS_EPSILON",
    "MIXTURE_GRID",
    "SUM_TOLERANCE",
    "ChannelCapacity",
    "GaussianFit",
    "InvalidDistributionError",
    "JointTable",
    "LogitFit",
    "PermutationTest",
    "TrainingRun",
    "binary_entropy",
    "binary_erasure_channel",
    "binary_symmetric_channel",
    "block_distribution",
    "categorical_cross_entropy",
    "channel_capacity",
    "channel_joint",
    "channel_mutual_information",
    "code_length_per_symbol",
    "compose_channels",
    "conditional_entropy",
    "count_table",
    "cross_entropy",
    "cross_entropy_gradient",
    "decode",
    "dependence_range",
    "dependent_table",
    "discretize",
    "distillation_gradient",
    "distillation_loss",
    "double_softmax_floor",
    "encode",
    "entropy",
    "entropy_contributions",
    "expected_code_length",
    "find_kl_triangle_violation",
    "finite_difference_gradient",
    "fit_gaussian",
    "fit_gaussian_to_mixture",
    "fit_logits",
    "format_information",
    "gaussian_density",
    "gaussian_kl",
    "grid_kl_divergence",
    "huffman_code",
    "huffman_code_lengths",
    "is_prefix_free",
    "joint_distribution",
    "joint_entropy",
    "js_divergence",
    "keras_categorical_crossentropy",
    "keras_kl_divergence",
    "kl_divergence",
    "kl_gap",
    "kl_triangle_excess",
    "kraft_sum",
    "linear_penalty",
    "log_likelihood_ratio_path",
    "log_softmax",
    "make_blobs",
    "marginals",
    "mean_log_likelihood_ratio",
    "miller_madow_mutual_information",
    "mixture_density",
    "mixture_fit_divergence",
    "mutual_information",
    "mutual_information_bias",
    "mutual_information_from_counts",
    "mutual_information_from_samples",
    "permutation_test",
    "product_distribution",
    "sample_code_length",
    "sample_outcomes",
    "sample_pairs",
    "shannon_code_lengths",
    "smooth_labels",
    "softmax",
    "squared_penalty",
    "surprisal",
    "torch_cross_entropy",
    "torch_kl_div",
    "train_softmax_classifier",
    "unit_name",
]
