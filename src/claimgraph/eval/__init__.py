"""Evaluations of claimgraph against public gold data (PLOVER, PETRARCH, PolNeAR, factuality)."""
