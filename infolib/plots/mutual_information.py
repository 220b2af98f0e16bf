"""Notebook 04 (mutual information)'s figures and drawing pieces."""

from __future__ import annotations

__all__: list[str] = []
