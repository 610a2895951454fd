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
        message = f"Error reading {what} of article '{path}': {cause}"
        super().__init__(f"{message}. {fix}" if fix else message)


class ConfigError(BriefingsError):
    """A setting or a side file (such as the people registry) is invalid."""
