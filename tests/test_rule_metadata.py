"""Every rule says where it comes from and when it was last checked, in words a user can follow.

- `reviewed` (YYYY-MM-DD) and `source` are present on every rule;
- no user-facing field (message, rationale, suggestion, source, pack description) cites `markets.md`,
  a research document that is not part of reelcheck (internal notes belong in YAML comments);
- a rule resting on general knowledge only (`evidence: GK`) is never an error.
"""

import datetime
import re

import pytest

from checker.rules import load_rules

_RULESET = load_rules()
_USER_FIELDS = ("message", "rationale", "suggestion", "source")
_INTERNAL = re.compile(r"markets\.md", re.IGNORECASE)


@pytest.mark.parametrize("rule_id", sorted(_RULESET.rules))
def test_rule_has_source_and_review_date(rule_id):
    spec = _RULESET.rules[rule_id].spec
    assert str(spec.get("source") or "").strip(), f"{rule_id}: no source"
    reviewed = spec.get("reviewed")
    assert reviewed, f"{rule_id}: no reviewed date"
    day = datetime.date.fromisoformat(str(reviewed))
    assert day <= datetime.date.today(), f"{rule_id}: reviewed date {day} is in the future"


@pytest.mark.parametrize("rule_id", sorted(_RULESET.rules))
def test_user_facing_text_has_no_internal_references(rule_id):
    spec = _RULESET.rules[rule_id].spec
    for field in _USER_FIELDS:
        text = str(spec.get(field) or "")
        assert not _INTERNAL.search(text), f"{rule_id}: {field} cites markets.md: {text!r}"


@pytest.mark.parametrize("rule_id", sorted(_RULESET.rules))
def test_general_knowledge_rule_is_not_an_error(rule_id):
    spec = _RULESET.rules[rule_id].spec
    if spec.get("evidence") == "GK":
        assert spec.get("severity") != "error", f"{rule_id}: evidence GK but severity error"


@pytest.mark.parametrize("code", sorted(_RULESET.markets))
def test_pack_description_has_no_internal_references(code):
    description = _RULESET.markets[code].description or ""
    assert not _INTERNAL.search(description), f"{code}: pack description cites markets.md"


@pytest.mark.parametrize("code", sorted(_RULESET.markets))
def test_override_does_not_make_a_general_knowledge_rule_an_error(code):
    for rule_id, change in _RULESET.markets[code].overrides.items():
        rule = _RULESET.rules.get(rule_id)
        if rule is not None and (change or {}).get("severity") == "error":
            assert rule.spec.get("evidence") != "GK", f"{code} overrides {rule_id} (evidence GK) to error"


@pytest.mark.parametrize("rule_id", sorted(rid for rid, r in _RULESET.rules.items() if r.texts))
def test_translated_texts_have_no_internal_references(rule_id):
    for lang, entry in _RULESET.rules[rule_id].texts.items():
        for field in ("message", "suggestion"):
            text = str(entry.get(field) or "")
            assert not _INTERNAL.search(text), f"{rule_id}: {field} ({lang}) cites markets.md: {text!r}"


_SECONDARY_FIRST = re.compile(r"(?i)\s*(summary|summaries|secondary|reported|news|general knowledge)\b")


@pytest.mark.parametrize("rule_id", sorted(_RULESET.rules))
def test_an_error_cites_a_primary_source_first(rule_id):
    """An error-level rule names its primary source (the law, regulation or platform page, by URL or by
    gazette/section reference) before any secondary material: a rule that only has a summary, a news
    report or general knowledge to stand on is a warning at most."""
    spec = _RULESET.rules[rule_id].spec
    if spec.get("severity") == "error":
        assert spec.get("evidence") in ("S", "S2"), f"{rule_id}: error with evidence {spec.get('evidence')}"
        assert not _SECONDARY_FIRST.match(str(spec.get("source"))), f"{rule_id}: error whose source is secondary only"


_EVERY_MARKET = "us,uk,cn,id,th,vn,my,ph,sg"
_MANY_RULES = (
    "#ad This serum cures acne in 3 days, guaranteed! DM me on WhatsApp 0812-3456-7890 to order.\n"
    "Serum ini menyembuhkan jerawat, dijamin 100%! Order lewat WA ya.\n"
    "ครีมนี้รักษาสิวหายขาดใน 3 วัน แอดไลน์มาสั่งได้เลย\n"
    "Kem này chữa khỏi mụn sau 3 ngày, inbox Zalo để đặt hàng.\n"
    "这款面霜最好用，根治痘痘，加微信下单。\n"
)


@pytest.mark.parametrize("fmt", ["text", "json", "html", "sarif", "github", "junit", "csv", "jsonl", "gitlab"])
def test_no_report_format_mentions_internal_notes(tmp_path, fmt):
    """Every report format, for findings of every market's rules, in the market's language and in English:
    no text points at `markets.md`, a research document users do not have."""
    from click.testing import CliRunner

    from checker.cli import main

    post = tmp_path / "post.txt"
    post.write_text(_MANY_RULES, encoding="utf-8")
    for lang_out in ("market", "en"):
        result = CliRunner().invoke(main, ["check", str(post), "--config", "none", "-m", _EVERY_MARKET, "-f", fmt,
                                           "--commercial", "--lang-out", lang_out])
        assert result.exit_code == 1, result.output
        assert len(result.stdout) > 500
        assert not _INTERNAL.search(result.stdout), f"{fmt} ({lang_out}) mentions markets.md"


def test_rules_commands_do_not_mention_internal_notes():
    from click.testing import CliRunner

    from checker.cli import main

    for args in (["rules", "list"], ["rules", "stale", "--older-than", "0d"], ["rules", "show", "th.taboo.buddha_prop"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert not _INTERNAL.search(result.stdout), f"{' '.join(args)} mentions markets.md"
