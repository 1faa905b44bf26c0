"""The claims layer: who says so (claimant, relays), whether it happens (status) and when."""

from claimgraph.claims.layer import ClaimLayer, DocClaims

__all__ = ["ClaimLayer", "DocClaims"]
