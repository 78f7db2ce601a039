"""Lexicons: named word lists of pack data that rules reference as {@name} (terms, regex) or "@name"
(a token pattern's IN list), resolved when the packs load (docs/rule-packs.md, "Lexicons")."""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_shapes import rule_words

from checker.engine import Checker
from checker.model import Document, Meta, Segment
from checker.rules import PackError, load_rules, phrases

RULE = """
  - id: team.claims.{name}
    kind: {kind}
    category: claim
    severity: warning
    message: Team claim
    rationale: A team rule.
    source: team style guide
{body}
    examples: {{flag: [{flag}, {flag}], pass: ["a quiet day at home", "a calm night in"]}}
"""


def _pack(root: Path, body: str, pack_yaml: str = "") -> str:
    pack = root / "team"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text('market: team\nname: Team\nlanguages: [en]\nversion: "1"\n' + pack_yaml, "utf-8")
    (pack / "rules.yaml").write_text(body, "utf-8")
    return str(root)


def _findings(ruleset, text: str, market: str = "team") -> list:
    doc = Document("post.txt", [Segment.whole(text)], Meta(markets=(market,), commercial=True), text=text)
    return Checker(ruleset).run(doc, (market,)).findings


@pytest.mark.slow
def test_a_team_pack_adds_a_condition_and_the_builtin_rules_learn_it(tmp_path):
    text = "This balm cleared up my chilblains in a week"
    before = {f.rule for f in _findings(load_rules(), text, "uk")}
    assert "global.claims.condition_treatment" not in before
    rs = load_rules((_pack(tmp_path, "lexicons:\n  conditions:\n    en: [chilblains]\n", "extends: uk\n"),))
    found = [w for r, w in rule_words(_findings(rs, text, "uk"), text) if r == "global.claims.condition_treatment"]
    assert found == ["cleared up my chilblains"]
    # the other rule naming @conditions learns it too
    other = "chilblains gone in 3 days, honestly"
    assert any(r == "global.claims.efficacy_figure" and "chilblains" in w
               for r, w in rule_words(_findings(rs, other, "uk"), other))


@pytest.mark.slow
def test_terms_regex_and_patterns_name_lexicons(tmp_path):
    body = ("lexicons:\n  gadgets:\n    en: [kettle, \"{toaster|air fryer}\"]\n"
            "  small:\n    en: [kettle, toaster]\nrules:") + "".join([
        RULE.format(name="terms", kind="terms", body='    terms: ["quietest {@gadgets}"]',
                    flag='"the quietest air fryer"'),
        RULE.format(name="rx", kind="regex", body="    regex: '(?i)\\bsilent\\s+{@gadgets}\\b'",
                    flag='"a silent  air fryer"'),
        RULE.format(name="pat", kind="pattern",
                    body='    patterns: [[{LOWER: loudest}, {LOWER: {IN: ["@small", blender]}}]]',
                    flag='"the loudest toaster"'),
    ])
    rs = load_rules((_pack(tmp_path, body),))
    def team(text):
        return {r: w for r, w in rule_words(_findings(rs, text), text) if r.startswith("team.")}

    assert team("the quietest air fryer") == {"team.claims.terms": "quietest air fryer"}
    assert team("a silent  Air Fryer") == {"team.claims.rx": "silent  Air Fryer"}
    assert team("the loudest toaster") == {"team.claims.pat": "loudest toaster"}
    assert team("the loudest kettle ever") and not team("the loudest dog")


def test_an_unknown_lexicon_is_a_pack_error_naming_the_rule(tmp_path):
    body = "rules:" + RULE.format(name="bad", kind="terms", body='    terms: ["best {@gadgetz}"]', flag='"x"')
    with pytest.raises(PackError, match=r"rules\.yaml:\d+: rule team\.claims\.bad: field 'terms': unknown lexicon '@gadgetz'"):
        load_rules((_pack(tmp_path, body),))


def test_a_language_without_entries_and_a_multiword_pattern_entry_are_errors(tmp_path):
    body = ("lexicons:\n  gadgets:\n    zh: [水壶]\n    en: [air fryer]\nrules:"
            + RULE.format(name="bad", kind="pattern", body='    patterns: [[{LOWER: best}, {LOWER: {IN: ["@gadgets"]}}]]',
                          flag='"x"'))
    with pytest.raises(PackError, match="more than one word"):
        load_rules((_pack(tmp_path / "a", body),))
    body = ("lexicons:\n  gadgets:\n    zh: [水壶]\nrules:"
            + RULE.format(name="bad", kind="terms", body='    terms: ["best {@gadgets}"]', flag='"x"'))
    with pytest.raises(PackError, match="no entries in language 'en'"):
        load_rules((_pack(tmp_path / "b", body),))


def test_the_phrase_cap_holds_for_what_a_lexicon_makes_of_a_template():
    lexicons = {"many": {"en": [f"w{i}" for i in range(200)]}}
    with pytest.raises(phrases.TemplateError, match="more than"):
        phrases.resolve_terms(["{@many} {@many} [a|b]"], lexicons, "en")
    assert len(phrases.expand(phrases.resolve_terms(["{@many} x"], lexicons, "en")[0])) == 200


def test_lexicon_names_are_validated_by_the_schema(tmp_path):
    with pytest.raises(PackError, match="lexicons"):
        load_rules((_pack(tmp_path, "lexicons:\n  Bad-Name:\n    en: [x]\n"),))
