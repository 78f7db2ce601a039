"""When each rule was last checked against its source: `reelcheck rules stale`, `rules list`, and the
review dates a report carries (issue 20)."""

import json

from click.testing import CliRunner

from checker.cli import main
from checker.rules import load_rules

_RULESET = load_rules()


def _run(*args):
    return CliRunner().invoke(main, list(args))


def test_stale_zero_days_lists_every_rule_with_its_source():
    result = _run("rules", "stale", "--older-than", "0d", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert {r["id"] for r in listed} == set(_RULESET.rules)
    for row in listed:
        assert row["reviewed"] and row["source"], row["id"]


def test_stale_period_counts_from_the_review_date():
    dates = sorted({r.reviewed for r in _RULESET.rules.values()})
    newest = dates[-1]
    # a day before the newest review: nothing is a year old
    result = _run("rules", "stale", "--older-than", "1y", "--as-of", newest, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    # two years on, every rule is stale, oldest review first
    later = f"{int(newest[:4]) + 2}{newest[4:]}"
    listed = json.loads(_run("rules", "stale", "--older-than", "180d", "--as-of", later, "--format", "json").stdout)
    assert len(listed) == len(_RULESET.rules)
    ages = [r["age_days"] for r in listed]
    assert ages == sorted(ages, reverse=True)
    assert all(age >= 365 * 2 - 1 for age in ages)


def test_stale_text_names_the_source_and_the_date(tmp_path):
    result = _run("rules", "stale", "--older-than", "0d", "--market", "th")
    assert result.exit_code == 0
    assert "th.claims." in result.stdout
    assert "source: " in result.stdout
    assert " days)" in result.stdout


def test_stale_rejects_a_bad_period_in_one_line():
    result = _run("rules", "stale", "--older-than", "soon")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "reelcheck: error: --older-than: 'soon' is not a period such as 180d, 26w, 6m or 1y"
    ]


def test_rules_list_shows_the_review_date():
    rule = _RULESET.rules["us.claims.cure"] if "us.claims.cure" in _RULESET.rules else next(iter(_RULESET.rules.values()))
    result = _run("rules", "list", "--market", rule.pack if rule.pack != "global" else "us")
    line = next(x for x in result.stdout.splitlines() if x.startswith(rule.id + " "))
    assert rule.reviewed in line
    rows = json.loads(_run("rules", "list", "--format", "json").stdout)
    assert all(r["reviewed"] for r in rows)


def test_json_report_gives_pack_versions_and_the_oldest_review_among_fired_rules(tmp_path):
    script = tmp_path / "post.txt"
    script.write_text("This serum cures acne in a week! DM me on WhatsApp to order.\n", encoding="utf-8")
    result = _run("check", str(script), "--market", "us", "--commercial", "--format", "json", "--config", "none")
    report = json.loads(result.stdout)
    versions = {p["market"]: p["version"] for p in report["packs"]}
    assert versions["us"] == _RULESET.markets["us"].version
    assert versions["global"] == _RULESET.markets["global"].version
    findings = report["documents"][0]["findings"]
    assert findings
    fired = {f["rule"]: f["reviewed"] for f in findings}
    oldest = report["summary"]["oldest_review"]
    assert oldest["date"] == min(fired.values())
    assert set(oldest["rules"]) == {r for r, d in fired.items() if d == oldest["date"]}


def test_json_report_without_findings_has_no_oldest_review(tmp_path):
    script = tmp_path / "post.txt"
    script.write_text("Morning run done, personal best today.\n", encoding="utf-8")
    report = json.loads(_run("check", str(script), "--market", "us", "--format", "json", "--config", "none").stdout)
    assert report["summary"]["oldest_review"] is None
