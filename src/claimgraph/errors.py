"""Errors that name the input they concern."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be read or holds no article; reported as `claimgraph: PATH: reason`."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def line(self) -> str:
        """Return the one-line message for stderr."""
        reason = " ".join(self.reason.split())
        return f"claimgraph: {self.path}: {reason}"


class NotADocument(InputError):
    """A file that holds no article at all (a manifest, a gold-label file); skipped in folder walks."""
