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
