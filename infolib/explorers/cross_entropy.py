"""Notebook 02 (cross entropy)'s explorers."""

from __future__ import annotations

__all__: list[str] = []
