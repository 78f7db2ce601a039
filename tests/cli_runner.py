"""The CLI run in-process for tests that need it never to end in a traceback: one helper shared by the
fail-closed tests."""

from __future__ import annotations

from click.testing import CliRunner

from checker.cli import main


def cli(*args, input=None):
    """`reelcheck ARGS` in-process; fails the test on a traceback or an exception other than an exit."""
    result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result
