"""One check path: `reelcheck check`, `reelcheck audit` and the Python API decide each item the same way
(`checker.check.check_item`): markets, documents without text, rules that could not finish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker
from checker.check import FALLBACK_MARKETS, check_item, has_text, item_markets
from checker.cli import main
from checker.engine import Checker, Outcome
from checker.model import Document, Meta, Segment

CAPTIONS = [
    ("v1", "DM me on WhatsApp for the wholesale price, stock is limited"),
    ("v2", "Sunday reset: a long walk, a face mask and an early night"),
    ("v3", "   "),
]


def write_csv(path: Path) -> Path:
    """A caption export with no market column."""
    lines = ["video_id,caption"] + [f'{rid},"{text}"' for rid, text in CAPTIONS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_cli(*args) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, [*map(str, args), "--config", "none", "-f", "json"])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_csv_without_a_market_column_gets_the_global_rules_under_check_and_audit(tmp_path, monkeypatch):
    monkeypatch.delenv("REELCHECK_RULES", raising=False)
    archive = write_csv(tmp_path / "captions.csv")
    common = ["--id-field", "video_id", "--text-field", "caption", "--product", "cosmetic"]
    code_c, check, err_c = run_cli("check", archive, *common)
    code_a, audit, err_a = run_cli("audit", archive, *common, "--no-cache", "-j", "1", "--all-records")
    assert code_c == code_a == 1, (err_c, err_a)  # the WhatsApp caption is an error in every market
    assert check["errors"] == audit["errors"] == []
    assert check["documents"] == audit["documents"]
    assert [d["markets"] for d in check["documents"]] == [list(FALLBACK_MARKETS)] * 3
    rules = {d["record"]: [f["rule"] for f in d["findings"]] for d in check["documents"]}
    assert rules == {"v1": ["global.offplatform.messaging_app"], "v2": [], "v3": []}
    assert [d["checked"] for d in check["documents"]] == [True, True, False]
    assert check["documents"][0]["meta"]["product"] == "cosmetic"
    assert check["summary"] == audit["summary"]
    assert check["summary"]["records_skipped"] == 1 and check["summary"]["records_failed"] == 0
    for err in (err_c, err_a):
        assert "no market given" not in err
        assert "3 document(s) named no market: only the global platform rules were applied" in err


def _timing_out(monkeypatch):
    """Checker.run as if the rule us.claims.cure ran out of time on every document it is given."""
    real = Checker.run

    def run(self, document, markets):
        outcome = real(self, document, markets)
        return Outcome(outcome.findings, outcome.language, outcome.languages,
                       [*outcome.problems, "rule us.claims.cure: regular expression timed out"])

    monkeypatch.setattr(Checker, "run", run)


@pytest.mark.parametrize("command", ["check", "audit"])
def test_a_rule_that_could_not_finish_is_a_partial_error_of_its_document(tmp_path, monkeypatch, command):
    monkeypatch.delenv("REELCHECK_RULES", raising=False)
    _timing_out(monkeypatch)
    archive = tmp_path / "posts.jsonl"
    archive.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "market": "us", "caption": "DM me on WhatsApp to order"},
        {"id": "b", "market": "us", "caption": "Morning walk by the river"},
    ]) + "\n", encoding="utf-8")
    extra = ["--no-cache", "-j", "1", "--all-records"] if command == "audit" else []
    code, report, err = run_cli(command, archive, "--id-field", "id", "--market-field", "market",
                                "--text-field", "caption", "--product", "cosmetic", *extra)
    assert code == 2  # an input error, the run finished
    assert [(e["record"], e["line"], e["message"]) for e in report["errors"]] == [
        ("a", 1, "rule us.claims.cure: regular expression timed out"),
        ("b", 2, "rule us.claims.cure: regular expression timed out"),
    ]
    assert [d["record"] for d in report["documents"]] == ["a", "b"]  # both still checked with the other rules
    assert [f["rule"] for f in report["documents"][0]["findings"]] == ["global.offplatform.messaging_app"]
    s = report["summary"]
    assert s["errors"] == 2 and s["records_failed"] == 0 and s["records_checked"] == 2
    assert f"{archive}:1 (record a): rule us.claims.cure: regular expression timed out" in err


def test_check_item_decides_markets_text_and_failures_once(monkeypatch):
    monkeypatch.delenv("REELCHECK_RULES", raising=False)
    c = checker.load_checker()
    text = "This serum cures eczema in a week"
    own = Document("post.txt", [Segment.whole(text)], Meta(markets=("uk", "us"), product="cosmetic"), text=text)
    assert item_markets(own, ("cn",)) == ("uk", "us")
    bare = Document("post.txt", [Segment.whole(text)], Meta(product="cosmetic"), text=text)
    assert item_markets(bare, ("us",)) == ("us",) and item_markets(bare, ()) == FALLBACK_MARKETS

    result = check_item(c, bare, ("us",))
    assert result.checked and result.error is None and result.language == "en"
    # the cure claim, and the promised period ("cures eczema in a week"): the cure rule's replacement is
    # for its own words, so the claim around them stays a finding of its own
    assert [(f.rule, f.text) for f in result.findings] == [
        ("us.claims.cure", "cures eczema"), ("global.claims.efficacy_figure", "cures eczema in a week")]
    assert not result.clean
    assert result.to_dict()["markets"] == ["us"]

    blank = Document("empty.txt", [Segment.whole(" \n\t")], text=" \n\t")
    assert not has_text(blank)
    skipped = check_item(c, blank, ("us",))
    assert not skipped.checked and skipped.clean and skipped.to_dict()["checked"] is False

    unknown = Document("post.txt", [Segment.whole(text)], Meta(markets=("zz",)), record="7", record_line=3)
    failed = check_item(c, unknown)
    assert failed.error is not None and "zz" in failed.error and not failed.error.startswith("post.txt")
    [err] = failed.errors()
    assert str(err).startswith("post.txt:3 (record 7): ") and str(err).count("post.txt") == 1


def test_python_api_uses_the_same_path(monkeypatch):
    monkeypatch.delenv("REELCHECK_RULES", raising=False)
    found = checker.check_text("DM me on WhatsApp for the wholesale price", markets=(), product="cosmetic")
    assert [f.rule for f in found] == ["global.offplatform.messaging_app"]
    with pytest.raises(checker.UsageError, match="zz"):
        checker.check_text("hello", markets=["zz"])
