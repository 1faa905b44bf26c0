"""Readers: files, directories and stdin in many formats to RawItems (or one InputError per bad input)."""

from claimgraph.sources.item import RawItem
from claimgraph.sources.reader import read

__all__ = ["RawItem", "read"]
