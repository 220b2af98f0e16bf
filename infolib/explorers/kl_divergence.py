"""Notebook 03 (KL divergence)'s explorers."""

from __future__ import annotations

__all__: list[str] = []
