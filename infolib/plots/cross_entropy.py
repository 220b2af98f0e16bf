"""Notebook 02 (cross entropy)'s figures and drawing pieces."""

from __future__ import annotations

__all__: list[str] = []
