"""Every rule's examples, as test cases: `flag` examples must raise the rule, `pass` must not."""

import pytest

from checker.engine import Checker
from checker.rules import load_rules
from checker.rules.selftest import run_rule_examples

_RULESET = load_rules()
_CHECKER = Checker(_RULESET)


@pytest.mark.parametrize("rule_id", sorted(_RULESET.rules))
def test_rule_examples(rule_id):
    rule = _RULESET.rules[rule_id]
    failures = [r.describe() for r in run_rule_examples(_CHECKER, rule) if not r.ok]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("rule_id", sorted(_RULESET.rules))
def test_rule_has_enough_examples_and_fields(rule_id):
    rule = _RULESET.rules[rule_id]
    assert len(rule.examples["flag"]) >= 2 and len(rule.examples["pass"]) >= 2
    assert rule.rationale and rule.source and rule.message
    if rule.evidence == "GK":
        assert rule.severity != "error"
