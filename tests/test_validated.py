"""Packs validated once (checker/rules/validated.py): a folder recorded as validated, with the same
code and libraries, loads without its schema and matcher checks; anything else is validated as
before."""

from __future__ import annotations

import json
import shutil

import pytest
import regex

from checker.rules import PackError, kinds, load_rules, packs, validated
from checker.rules.packs import builtin_rules_dir

PACK = """
market: shop
name: Shop
languages: [en]
version: "1"
lexicons:
  remedies:
    en: [cure, heal]
rules:
  - id: shop.claims.cure
    kind: regex
    category: claim
    severity: warning
    message: Disease claim
    rationale: Health claims need evidence.
    source: FTC Health Products Compliance Guidance (2022)
    regex: '(?i)\\b(?:{@remedies})s?\\s+(?:acne|eczema)\\b'
    examples:
      flag: ["this cream cures acne", "heals eczema overnight"]
      pass: ["a cure for boredom", "acne-prone skin care"]
  - id: shop.claims.best
    kind: terms
    category: claim
    severity: warning
    message: Unqualified superlative
    rationale: Needs proof.
    source: FTC Advertising FAQs
    terms: ["best {serum|cream} ever"]
    examples:
      flag: ["the best serum ever", "best cream ever!"]
      pass: ["the best day ever", "serum of the month"]
"""

TEAM_RULE = """
market: team
name: Team
languages: [en]
version: "1"
extends: shop
{lexicons}
rules:
  - id: team.claims.glow
    kind: terms
    category: claim
    severity: warning
    message: Glow promise
    rationale: Our brand guide.
    source: Acme brand guide 2026
    terms: ["instant glow"]
    examples:
      flag: ["instant glow in a jar", "get that instant glow"]
      pass: ["a glowing review", "instant coffee"]
"""


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """A pack folder validated in full and recorded (in a record of the test's own)."""
    folder = tmp_path / "packs"
    (folder / "shop").mkdir(parents=True)
    (folder / "shop" / "pack.yaml").write_text(PACK, encoding="utf-8")
    monkeypatch.setattr(validated, "RECORD", tmp_path / "validated.json")
    load_rules(builtin_dir=folder, cache=False, trust=False)
    validated.write(folder)
    return folder


@pytest.fixture
def checks(monkeypatch):
    """The ids of the rules whose matchers were checked, and how many files met the schema."""
    seen = {"rules": [], "schema": 0}
    check, validator = kinds.check, packs._validator()

    def counted_check(rule):
        seen["rules"].append(rule.id)
        check(rule)

    class CountedValidator:
        def iter_errors(self, data):
            seen["schema"] += 1
            return validator.iter_errors(data)

    monkeypatch.setattr(kinds, "check", counted_check)
    monkeypatch.setattr(packs, "_validator", CountedValidator)
    return seen


def test_the_shipped_packs_record_is_current():
    record = validated.recorded()
    assert record is not None and record.get("digest") == validated.digest(builtin_rules_dir()), (
        "checker/rules/validated.json is not the shipped packs' and code's: run `reelcheck docs`")


def test_a_recorded_folder_loads_without_its_checks(recorded, checks):
    rs = load_rules(builtin_dir=recorded, cache=False)
    assert checks == {"rules": [], "schema": 0}
    # what loading does besides validating still happens: lexicons resolved, examples pinned
    rule = rs.rules["shop.claims.cure"]
    assert "cure|heal" in rule.spec["regex"]["en"]
    assert [e if isinstance(e, str) else e["text"] for e in rule.examples["flag"]][0] == "this cream cures acne"


def test_trust_false_validates_a_recorded_folder(recorded, checks):
    load_rules(builtin_dir=recorded, cache=False, trust=False)
    assert sorted(checks["rules"]) == ["shop.claims.best", "shop.claims.cure"] and checks["schema"] == 1


def test_an_edited_pack_is_validated_and_its_error_named(recorded, checks):
    path = recorded / "shop" / "pack.yaml"
    path.write_text(PACK.replace("    category: claim\n", "    category: claim\n    severty: error\n", 1), "utf-8")
    with pytest.raises(PackError, match=r"pack\.yaml:\d+: rule shop\.claims\.cure: unknown field 'severty' "
                                        r"\(did you mean 'severity'\?\)"):
        load_rules(builtin_dir=recorded, cache=False)
    # a harmless edit (a comment) is an edit too: the folder is validated again
    path.write_text(PACK + "# reviewed again\n", encoding="utf-8")
    load_rules(builtin_dir=recorded, cache=False)
    assert sorted(checks["rules"]) == ["shop.claims.best", "shop.claims.cure"]


def test_a_broken_regex_in_an_edited_pack_is_a_pack_error(recorded):
    path = recorded / "shop" / "pack.yaml"
    path.write_text(PACK.replace("(?:acne|eczema)", "(?:acne|eczema", 1), encoding="utf-8")
    with pytest.raises(PackError, match=r"rule shop\.claims\.cure: field 'regex'"):
        load_rules(builtin_dir=recorded, cache=False)


def test_an_added_pack_file_is_an_edit_and_a_file_no_load_reads_is_not(recorded, checks):
    (recorded / "shop" / "notes.txt").write_text("to review\n", encoding="utf-8")
    (recorded / "shop" / ".pack.yaml.swp").write_text("\0", encoding="utf-8")
    assert validated.trusted(recorded)
    (recorded / "shop" / "more.yaml").write_text("rules: []\n", encoding="utf-8")
    load_rules(builtin_dir=recorded, cache=False)
    assert checks["rules"] and checks["schema"] == 2


def test_other_code_or_libraries_mean_no_record(recorded, checks, tmp_path, monkeypatch):
    package = tmp_path / "code"
    shutil.copytree(validated._PACKAGE, package, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    assert validated.digest(recorded, package) == validated.digest(recorded)
    matcher = package / "rules" / "matcher.py"
    matcher.write_text(matcher.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert validated.digest(recorded, package) != validated.digest(recorded)
    monkeypatch.setattr(validated, "environment", lambda: {"python": "CPython 3.99.0", "packages": "0" * 64})
    assert not validated.trusted(recorded)
    load_rules(builtin_dir=recorded, cache=False)
    assert len(checks["rules"]) == 2


def test_the_environment_is_what_reelcheck_runs_on_not_what_stands_beside_it():
    # (the test tools are installed here, as a user's other libraries are: a record written in a
    # development environment must name only reelcheck's own libraries)
    runs_on = validated.runtime()
    assert {"reelcheck", "spacy", "regex", "jsonschema", "pyyaml", "nlpo3", "rjieba"} <= set(runs_on)
    assert "pytest" not in runs_on and "hypothesis" not in runs_on  # (test extras)
    assert "idna" not in runs_on  # (what spaCy's download helper requires: spaCy pins it, no pack reads it)
    assert runs_on["regex"] == regex.__version__


def test_a_missing_or_damaged_record_is_no_record(recorded, checks):
    validated.RECORD.write_text("{not json", encoding="utf-8")
    assert not validated.trusted(recorded)
    validated.RECORD.unlink()
    assert not validated.trusted(recorded)
    load_rules(builtin_dir=recorded, cache=False)
    assert len(checks["rules"]) == 2


def test_team_packs_are_validated_and_a_lexicon_they_add_to_rechecks_the_recorded_rules_naming_it(
        recorded, checks, tmp_path):
    team = tmp_path / "team"
    team.mkdir()
    (team / "pack.yaml").write_text(TEAM_RULE.format(lexicons=""), encoding="utf-8")
    load_rules([str(team)], builtin_dir=recorded, cache=False)
    assert checks == {"rules": ["team.claims.glow"], "schema": 1}
    # a lexicon of the team's own: no recorded rule names it
    checks["rules"].clear()
    (team / "pack.yaml").write_text(TEAM_RULE.format(lexicons="lexicons:\n  glows:\n    en: [instant glow]"), "utf-8")
    load_rules([str(team)], builtin_dir=recorded, cache=False)
    assert checks["rules"] == ["team.claims.glow"]
    # an entry added to a recorded lexicon: the recorded rule naming it is checked again, the other not
    checks["rules"].clear()
    (team / "pack.yaml").write_text(TEAM_RULE.format(lexicons="lexicons:\n  remedies:\n    en: [clear]"), "utf-8")
    rs = load_rules([str(team)], builtin_dir=recorded, cache=False)
    assert sorted(checks["rules"]) == ["shop.claims.cure", "team.claims.glow"]
    assert regex.search(rs.rules["shop.claims.cure"].spec["regex"]["en"], "this clears acne")
    # ... in the language it was added in only
    checks["rules"].clear()
    (team / "pack.yaml").write_text(TEAM_RULE.format(lexicons="lexicons:\n  remedies:\n    id: [sembuh]"), "utf-8")
    load_rules([str(team)], builtin_dir=recorded, cache=False)
    assert checks["rules"] == ["team.claims.glow"]


def test_a_record_names_one_folder_in_one_environment(recorded):
    record = json.loads(validated.RECORD.read_text(encoding="utf-8"))
    assert record["digest"] == validated.digest(recorded)
    assert record["environment"] == validated.environment()
    assert validated.trusted(recorded)
    assert not validated.trusted(builtin_rules_dir())  # (a record names one folder's packs)
