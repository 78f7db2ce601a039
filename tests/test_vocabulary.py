"""One vocabulary: the pack schema, the CLI and the reporters take their words from checker/vocabulary.py,
and one helper selects rules by dotted id prefixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.model import UsageError
from checker.reporters._common import category_label, severity_label
from checker.rules import load_rules
from checker.vocabulary import (
    ACCOUNTS,
    CATEGORIES,
    FAIL_ON,
    PRODUCTS,
    SEVERITIES,
    SEVERITY_RANK,
    selected_by,
)

SCHEMA = Path(__file__).resolve().parents[1] / "checker" / "rules" / "pack.schema.json"


def test_prefixes_select_whole_dotted_parts():
    assert selected_by("us.claims.cure", ["us.claims"])
    assert selected_by("us.claims.cure", ["us.claims."])
    assert selected_by("us.claims.cure", ["us.claims.cure"])
    assert selected_by("us.claims.cure", ["uk", "us"])
    assert not selected_by("us.claimsx.cure", ["us.claims"])
    assert not selected_by("us.claims", ["us.claims.cure"])
    assert not selected_by("us.claims.cure", [])
    assert selected_by("us.claims.cure", [""])  # (an inline suppression without ids covers every rule)


def test_severities_rank_and_fail_on():
    assert SEVERITIES == ("error", "warning", "info")
    assert SEVERITY_RANK["error"] > SEVERITY_RANK["warning"] > SEVERITY_RANK["info"] > 0
    assert FAIL_ON == ("error", "warning", "info", "never")
    assert severity_label("warning") == "Warning" and category_label("offplatform") == "Off-platform"


def test_the_schema_file_lists_no_vocabulary_of_its_own():
    """The enums are injected when packs are validated: the file names them once, by $ref."""
    text = SCHEMA.read_text(encoding="utf-8")
    for word in ("offplatform", "supplement", "onscreen", "business", '"warning"'):
        assert word not in text
    defs = json.loads(text)["$defs"]
    assert {"severity", "category", "segment_kind", "product", "account"} <= set(defs)


def _team_pack(tmp_path: Path, rule_fields: str) -> Path:
    root = tmp_path / "team"
    (root / "acme").mkdir(parents=True)
    (root / "acme" / "pack.yaml").write_text(f"""market: acme
name: Acme brand rules
languages: [en]
version: '1'
extends: us
rules:
  - id: acme.brand.miracle
    kind: terms
    category: claim
    severity: warning
    message: Miracle claim
    rationale: Our legal team bans it.
    source: brand book p. 4
    terms: [miracle serum]
{rule_fields}    examples:
      flag: ["this miracle serum changed my life", "a miracle serum for dry skin"]
      pass: ["a serum I like", "no miracles here"]
""", encoding="utf-8")
    return root


@pytest.mark.parametrize("field, value, expected", [
    ("category", "claims", "'claims' is not one of claim, disclosure, music, taboo, offplatform, pricing"),
    ("severity", "fatal", "'fatal' is not one of error, warning, info"),
    ("when", "{product: [skincare]}", "'skincare' is not one of cosmetic, supplement, food"),
    ("status", "stable", "status"),
    ("docs", "https://example.com/miracle", "docs"),
])
def test_pack_values_outside_the_vocabulary_are_one_line_errors(tmp_path, field, value, expected):
    fields = f"    {field}: {value}\n"
    root = _team_pack(tmp_path, "")
    text = (root / "acme" / "pack.yaml").read_text(encoding="utf-8")
    if field in ("category", "severity"):
        text = text.replace(f"    {field}: {'claim' if field == 'category' else 'warning'}\n", fields)
    else:
        text = text.replace("    examples:", fields + "    examples:")
    (root / "acme" / "pack.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_rules((str(root),))
    message = str(info.value)
    assert "\n" not in message and "acme/pack.yaml:" in message and "acme.brand.miracle" in message
    assert expected in message


def test_a_valid_team_pack_with_vocabulary_values_loads(tmp_path):
    root = _team_pack(tmp_path, "    when: {product: [cosmetic], account: [creator, business]}\n")
    rule = load_rules((str(root),)).rules["acme.brand.miracle"]
    assert rule.when == {"product": ["cosmetic"], "account": ["creator", "business"]}


def test_cli_choices_come_from_the_vocabulary():
    from checker.cli import check

    choices = {p.name: tuple(p.type.choices) for p in check.params if hasattr(p.type, "choices")}
    assert choices["product"] == PRODUCTS and choices["account"] == ACCOUNTS and choices["fail_on"] == FAIL_ON
    result = CliRunner().invoke(main, ["check", "-", "--product", "skincare", "--config", "none"], input="hi")
    assert result.exit_code == 2 and "'skincare' is not one of" in result.output
    assert set(CATEGORIES) >= {"claim", "disclosure"}


def test_rules_test_selects_by_prefix(tmp_path):
    root = _team_pack(tmp_path, "")
    runner = CliRunner()
    picked = runner.invoke(main, ["rules", "test", "--packs", str(root), "--rule", "acme.brand"])
    assert picked.exit_code == 0 and "1 rules, 4 examples, 0 failed" in picked.output
    # a prefix selects whole dotted parts: `acme.bran` selects nothing, so it is refused, not run as nothing
    none = runner.invoke(main, ["rules", "test", "--packs", str(root), "--rule", "acme.bran"])
    assert none.exit_code == 2 and "unknown rule or prefix 'acme.bran' (did you mean 'acme.brand'?)" in none.output


def test_rules_list_takes_categories_from_the_vocabulary():
    runner = CliRunner()
    bad = runner.invoke(main, ["rules", "list", "--category", "claims"])
    assert bad.exit_code == 2
    assert bad.stderr.strip() == ("reelcheck: error: unknown category 'claims' (known: "
                                  + ", ".join(CATEGORIES) + ")")
    good = runner.invoke(main, ["rules", "list", "--category", "offplatform", "--market", "us", "-f", "json"])
    rules = json.loads(good.stdout)
    assert good.exit_code == 0 and rules and {r["category"] for r in rules} == {"offplatform"}
