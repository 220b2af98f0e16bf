"""Notebook 03 (KL divergence)'s figures and drawing pieces."""

from __future__ import annotations

__all__: list[str] = []
