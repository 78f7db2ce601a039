"""Input errors that do not stop their document."""

from __future__ import annotations

from ..model import InputError


class PartialInputError(InputError):
    """A problem with part of a document (a malformed cue, an unreadable field) that is still checked.

    It is an `InputError` (reported the same way) that does not count as a failed record."""

    __slots__ = ()


def is_fatal(err: InputError) -> bool:
    """Whether the error stopped a file or record from being checked (and counts as a failed record)."""
    return not isinstance(err, PartialInputError)
