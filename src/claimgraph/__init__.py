"""claimgraph: structured, sourced records of who did what to whom, when and where, and who says so."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
