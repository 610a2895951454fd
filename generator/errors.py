"""The few exception classes, and the one message format users see.

Messages follow ``Error reading <what> of article '<path>': <cause>. <what to do>``
so that a user with thousands of inputs knows which file to open and what to change.
"""
from __future__ import annotations


class BriefingsError(Exception):
    """Base class: anything the user can fix."""


class InputError(BriefingsError):
    """One input file cannot be read as an article; the rest of the collection still builds."""

    def __init__(self, path: str, what: str, cause: str, fix: str = "") -> None:
        self.path = path
        self.parts = (path, what, cause, fix)
        message = f"Error reading {what} of article '{path}': {cause}"
        super().__init__(f"{message}. {fix}" if fix else message)

    def __reduce__(self) -> tuple[type, tuple[str, str, str, str]]:
        return InputError, self.parts  # so that a worker process can send it back, and the cache keep it

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InputError) and self.parts == other.parts

    def __hash__(self) -> int:
        return hash(self.parts)


class ConfigError(BriefingsError):
    """A setting or a side file (such as the people registry) is invalid."""
