"""Notebook 04 (mutual information)'s explorers."""

from __future__ import annotations

__all__: list[str] = []
