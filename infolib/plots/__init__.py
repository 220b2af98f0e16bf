"""Static figures of the course, and the drawing pieces the explorers reuse.

Two kinds of functions live here:

* ``draw_*`` functions draw one element on a given ``Axes`` and return the
  artists an explorer later updates in place (they never create figures);
* ``plot_*`` functions make a complete figure for a notebook and return it;
  a notebook shows it as the cell's result (``%matplotlib inline``).

One module per notebook (:mod:`~infolib.plots.entropy`, ``cross_entropy``,
``kl_divergence``, ``mutual_information``), plus :mod:`~infolib.plots.common`
(figures and bars every notebook uses) and :mod:`~infolib.plots.joint` (joint
tables, notebooks 01 and 04); everything is re-exported here.

No figure goes through pyplot, so none outlives the object that holds it.
Only matplotlib and :mod:`infolib`'s numeric core are used: no widgets.
"""

# Star imports on purpose: each module owns its list of figures (its __all__).
from infolib.plots import common, cross_entropy, entropy, joint, kl_divergence, mutual_information
from infolib.plots.common import *  # noqa: F403
from infolib.plots.cross_entropy import *  # noqa: F403
from infolib.plots.entropy import *  # noqa: F403
from infolib.plots.joint import *  # noqa: F403
from infolib.plots.kl_divergence import *  # noqa: F403
from infolib.plots.mutual_information import *  # noqa: F403

__all__ = [
    name
    for module in (common, entropy, joint, cross_entropy, kl_divergence, mutual_information)
    for name in module.__all__
]
