"""Notebook 03 (KL divergence)'s exercises."""

from __future__ import annotations

from infolib.exercises.core import Exercise

__all__ = ["EXERCISES"]

EXERCISES: dict[str, Exercise] = {}
