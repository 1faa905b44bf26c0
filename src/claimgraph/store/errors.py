"""The store's error: an unusable database, reported like any other bad input."""

from __future__ import annotations

from claimgraph.errors import InputError


class StoreError(InputError):
    """A database that cannot be opened, read or written; `.line()` gives `claimgraph: PATH: reason`."""
