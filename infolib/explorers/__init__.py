"""Interactive explorers: one call, one live demo.

One module per notebook, each listing its explorers in ``__all__``:

* :mod:`infolib.explorers.entropy` (notebook 01),
* :mod:`infolib.explorers.cross_entropy` (notebook 02),
* :mod:`infolib.explorers.kl_divergence` (notebook 03),
* :mod:`infolib.explorers.mutual_information` (notebook 04),

all on the :class:`~infolib.explorers.base.Explorer` base. Everything is
re-exported here, so ``from infolib.explorers import explore_entropy`` works.
"""

# Star imports on purpose: each notebook's module owns its list of explorers (its __all__).
from infolib.explorers import base, cross_entropy, entropy, kl_divergence, mutual_information
from infolib.explorers.base import *  # noqa: F403
from infolib.explorers.cross_entropy import *  # noqa: F403
from infolib.explorers.entropy import *  # noqa: F403
from infolib.explorers.kl_divergence import *  # noqa: F403
from infolib.explorers.mutual_information import *  # noqa: F403

__all__ = [
    name
    for module in (base, entropy, cross_entropy, kl_divergence, mutual_information)
    for name in module.__all__
]
