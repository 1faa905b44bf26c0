"""Cleaning: raw items to Documents (article extraction, boilerplate removal, language, credits)."""

from claimgraph.clean.document import make_document

__all__ = ["make_document"]
