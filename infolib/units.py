"""Names of information units and one way of printing a value with its unit.

Readouts in plots, explorers and notebooks all format through
:func:`format_information`, so a learner sees the same precision everywhere.
"""

from __future__ import annotations

import math

from infolib._validation import check_base

__all__ = ["BASES", "format_information", "in_unit", "unit_name"]

#: The three common units, by the name a learner would use.
BASES = {"bits": 2.0, "nats": math.e, "bans": 10.0}


def unit_name(base: float = 2) -> str:
    """The name of the information unit for logarithms of ``base``.

    Examples
    --------
    >>> unit_name(2), unit_name(math.e), unit_name(10), unit_name(3)
    ('bits', 'nats', 'bans', 'log-3 units')
    """
    value = check_base(base)
    for name, unit_base in BASES.items():
        if value == unit_base:
            return name
    return f"log-{value:g} units"


def in_unit(bits: float, base: float = 2) -> float:
    """An amount given in bits, expressed in the unit of ``base`` (axis limits, reference lines).

    Examples
    --------
    >>> in_unit(1.0, math.e)   # one bit is ln 2 nats
    0.6931471805599453
    >>> in_unit(2.0, 2)
    2.0
    """
    return bits * math.log(2) / math.log(check_base(base))


def format_information(value: float, base: float = 2, digits: int = 3) -> str:
    """Format an amount of information with its unit, e.g. ``'1.000 bits'``.

    Examples
    --------
    >>> format_information(1.0)
    '1.000 bits'
    >>> format_information(0.6931471805599453, base=math.e)
    '0.693 nats'
    >>> format_information(math.inf)
    '∞ bits'
    """
    unit = unit_name(base)
    if math.isinf(value):
        return f"{'-' if value < 0 else ''}∞ {unit}"
    return f"{value:.{digits}f} {unit}"
