"""The format registry."""

from __future__ import annotations

import pytest

from checker.model import UsageError
from checker.reporters.base import Reporter
from checker.reporters.formats import formats, get_reporter
from checker.vocabulary import output_formats


@pytest.mark.parametrize("name", ["text", "json", "html", "sarif", "github", "junit", "csv", "jsonl"])
def test_every_format_is_a_reporter(name):
    cls = get_reporter(name)
    assert issubclass(cls, Reporter) and cls.name == name
    assert name in formats()


def test_html_needs_the_text():
    assert get_reporter("html").needs_text is True
    assert get_reporter("csv").needs_text is False


def test_unknown_format():
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        get_reporter("pdf")


def test_the_cli_offers_exactly_the_registered_formats():
    from checker.cli import check

    [option] = [p for p in check.params if p.name == "fmt"]
    assert tuple(option.type.choices) == formats() == output_formats()
    assert "summary" not in formats()  # (audit's terminal table: chosen by the command, not by the user)
    assert get_reporter("summary").name == "summary"
