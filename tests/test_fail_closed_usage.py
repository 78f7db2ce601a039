"""What the user asks for is what runs (issue 17, items 9-11 and 15): unknown rule ids, prefixes and
platforms are refused with the closest known one, configuration values are checked as the command line
checks them, and a team pack cannot replace a rule of another pack without saying so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import cli

ROOT = Path(__file__).resolve().parent.parent
POST = "This serum cures acne! DM me on WhatsApp to order, shop now"


@pytest.fixture(autouse=True)
def _in_project_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def one_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reelcheck: error: "), result.stderr
    return lines[0]


# --- 10. unknown ids, prefixes and platforms ---------------------------------------------------------------

@pytest.mark.parametrize("option, value, hint", [
    ("--select", "xyz", None),
    ("--select", "us.claim", "us.claims"),
    ("--ignore", "global.musics", "global.music"),
    ("--ignore", "us.claims.cure,us.claims.fda_aproved", "us.claims.fda_approved"),
])
def test_unknown_rule_ids_and_prefixes_are_a_usage_error(option, value, hint):
    result = cli("check", "-", "-m", "us", "--commercial", option, value, input=POST)
    assert result.exit_code == 2
    line = one_error(result)
    assert f"{option}: unknown rule or prefix" in line
    assert (f"did you mean {hint!r}?" in line) if hint else "did you mean" not in line


@pytest.mark.parametrize("option, value", [
    ("--select", "us.claims"), ("--select", "us.claims.cure"), ("--select", "us."), ("--ignore", "global"),
    ("--select", "us.disclosure.ad.missing"),  # an outcome of a rule
])
def test_known_ids_prefixes_and_outcomes_are_taken(option, value):
    assert cli("check", "-", "-m", "us", "--commercial", option, value, input=POST).exit_code in (0, 1)


def test_unknown_platform_is_a_usage_error_with_the_closest_one():
    result = cli("check", "-", "-m", "us", "--platform", "tiktokk", input=POST)
    assert result.exit_code == 2
    assert "unknown platform 'tiktokk' (did you mean 'tiktok'?)" in result.stderr
    assert cli("check", "-", "-m", "us", "--platform", "TikTok", input="hello").exit_code == 0


def test_rules_test_refuses_an_unknown_prefix():
    result = cli("rules", "test", "--rule", "us.claimz")
    assert result.exit_code == 2 and "did you mean 'us.claims'?" in result.stderr


def test_a_suppression_naming_an_unknown_rule_is_a_finding_over_the_name(tmp_path):
    script = tmp_path / "s.md"
    script.write_text(
        "---\nmarket: us\ncommercial: true\n---\n"
        "HOST: It cures acne. <!-- reelcheck: ignore[us.claims.cures] legal said ok -->\n"
        "HOST: DM me on WhatsApp to order. <!-- reelcheck: ignore[global.offplatform] our own shop chat -->\n",
        encoding="utf-8")
    result = cli("check", script, "-f", "json")
    assert result.exit_code == 1  # the finding still there, and the suppression that did not suppress it
    report = json.loads(result.stdout)
    assert report["errors"] == []
    findings = report["documents"][0]["findings"]
    assert [(f["rule"], f["severity"], f["line"]) for f in findings] == [
        ("us.claims.cure", "error", 5), ("global.suppression.comment.unknown-rule", "warning", 5)]
    named = findings[1]
    assert script.read_text(encoding="utf-8")[named["start"]:named["end"]] == "us.claims.cures"
    assert named["message"] == ("The suppression comment names an unknown rule 'us.claims.cures' "
                                "(did you mean 'us.claims.cure'?); it suppresses nothing")
    assert named["category"] == "suppression"
    # it is a rule like any other: it can be ignored
    quiet = json.loads(cli("check", script, "-f", "json", "--ignore", "global.suppression").stdout)
    assert [f["rule"] for f in quiet["documents"][0]["findings"]] == ["us.claims.cure"]


# --- 11. configuration values are checked as the options are ---------------------------------------------

@pytest.mark.parametrize("setting, message", [
    ('fail-on = "warnings"', "fail-on: 'warnings' is not one of 'error', 'warning', 'info', 'never'. (did you "
                             "mean 'warning'?)"),
    ('product = "cosmetics"', "product: 'cosmetics' is not one of"),
    ('platform = "tiktokk"', "platform: unknown platform 'tiktokk' (did you mean 'tiktok'?)"),
    ('select = ["us.claim"]', "unknown rule or prefix 'us.claim' (did you mean 'us.claims'?)"),
    ('fail-on = ["error"]', "fail-on: expected one value, not list"),
])
def test_bad_configuration_values_name_the_file_and_key(tmp_path, monkeypatch, setting, message):
    (tmp_path / "pyproject.toml").write_text(f"[tool.reelcheck]\nmarket = \"us\"\n{setting}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "-", "--commercial", input=POST)
    assert result.exit_code == 2
    line = one_error(result)
    assert message in line, line
    if "select" not in setting:
        assert line.startswith(f"reelcheck: error: {tmp_path / 'pyproject.toml'}: ")


def test_a_configuration_from_a_folder_above_is_named_in_the_report(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.reelcheck]\nmarket = "us"\nfail-on = "warning"\n',
                                             encoding="utf-8")
    below = tmp_path / "videos" / "june"
    below.mkdir(parents=True)
    monkeypatch.chdir(below)
    report = json.loads(cli("check", "-", "--commercial", "-f", "json", input=POST).stdout)
    assert report["config"] == "../../pyproject.toml" and report["markets"] == ["us"]
    text = cli("check", "-", "--commercial", input=POST).stdout
    assert text.splitlines()[0] == "Configuration: ../../pyproject.toml"
    monkeypatch.chdir(tmp_path)  # the folder's own configuration: in the JSON report, not in the text
    assert json.loads(cli("check", "-", "-f", "json", input="hello").stdout)["config"] == "pyproject.toml"
    assert not cli("check", "-", input="hello").stdout.startswith("Configuration")
    assert "config" not in json.loads(cli("check", "-", "-m", "us", "-f", "json", "--config", "none",
                                          input="hello").stdout)


# --- 15. a team pack replaces another pack's rule only when it says so ------------------------------------

TEAM = """market: acme
name: Acme
languages: [en]
version: "1"
rules:
  - id: global.offplatform.messaging_app
    {overrides}kind: terms
    category: offplatform
    severity: warning
    message: Names a messaging app (Acme wording)
    rationale: Acme sells only in its shop.
    source: Acme brand guide 2026
    terms: [telegram]
    examples:
      flag: ["ask on [[telegram]]", "[[Telegram]] me for the price"]
      pass: ["a telegraph pole", "a telemarketing call"]
"""


def team(tmp_path: Path, overrides: bool) -> str:
    folder = tmp_path / "brand" / "acme"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(TEAM.format(overrides="overrides: true\n    " if overrides else ""),
                                      encoding="utf-8")
    return str(tmp_path / "brand")


def test_a_team_pack_reusing_a_built_in_id_is_an_error(tmp_path):
    packs = team(tmp_path, overrides=False)
    result = cli("check", "-", "-m", "us", "--commercial", "--packs", packs, input=POST)
    assert result.exit_code == 2
    line = one_error(result)
    assert "acme/pack.yaml:6: rule global.offplatform.messaging_app: duplicate id (already in the built-in " \
           "global pack at " in line and "mark this one `overrides: true`" in line
    assert cli("rules", "list", "--packs", packs).exit_code == 2


@pytest.mark.slow
def test_a_team_pack_that_overrides_a_built_in_rule_says_so_in_every_report(tmp_path):
    packs = team(tmp_path, overrides=True)
    result = cli("check", "-", "-m", "us", "--commercial", "--packs", packs, "-f", "json",
                 input="DM me on WhatsApp or telegram to order")
    report = json.loads(result.stdout)
    [replaced] = report["overridden"]
    assert replaced["rule"] == "global.offplatform.messaging_app" and replaced["pack"] == "acme"
    assert replaced["where"].endswith("acme/pack.yaml:6")
    findings = [(f["rule"], f["text"]) for f in report["documents"][0]["findings"]]
    assert ("global.offplatform.messaging_app", "telegram") in findings  # the team's rule, in market us too
    assert not [t for r, t in findings if "WhatsApp" in t]
    text = cli("check", "-", "-m", "us", "--commercial", "--packs", packs, input="ask on telegram").stdout
    assert text.splitlines()[0].startswith("Rule global.offplatform.messaging_app is replaced by the acme pack (")
    html = cli("check", "-", "-m", "us", "--packs", packs, "-f", "html", input="ask on telegram").stdout
    assert "Rule global.offplatform.messaging_app is replaced by the acme pack (" in html
    sarif = json.loads(cli("check", "-", "-m", "us", "--packs", packs, "-f", "sarif", input="hi").stdout)
    assert sarif["runs"][0]["properties"]["overridden"] == report["overridden"]
    # without the team pack, the built-in rule is back
    plain = json.loads(cli("check", "-", "-m", "us", "--commercial", "-f", "json",
                           input="DM me on WhatsApp or telegram to order").stdout)
    assert "overridden" not in plain
    assert [f["text"] for f in plain["documents"][0]["findings"]
            if f["rule"] == "global.offplatform.messaging_app"] == ["DM me on WhatsApp"]


def test_overrides_needs_a_rule_to_override_and_a_team_pack(tmp_path):
    folder = tmp_path / "brand" / "acme"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(TEAM.replace("global.offplatform.messaging_app", "acme.offplatform.telegram")
                                      .format(overrides="overrides: true\n    "), encoding="utf-8")
    result = cli("rules", "list", "--packs", tmp_path / "brand")
    assert result.exit_code == 2 and "no other pack defines 'acme.offplatform.telegram' to override" in result.stderr


# --- 9. pack settings are type-checked ------------------------------------------------------------------

def test_a_pack_setting_of_the_wrong_type_is_a_pack_error(tmp_path):
    folder = tmp_path / "brand" / "acme"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text('market: acme\nname: Acme\nlanguages: [en]\nversion: "1"\nextends: us\n'
                                      'settings:\n  sponsored_threshold: "high"\n', encoding="utf-8")
    result = cli("check", "-", "-m", "acme", "--packs", tmp_path / "brand", input="use code ACME10 for 10% off")
    assert result.exit_code == 2
    line = one_error(result)
    assert "acme/pack.yaml:7" in line and "sponsored_threshold" in line


# --- 3 and 5, for packs: a team pack's YAML aliases cannot make loading it endless ------------------------

def test_a_pack_whose_aliases_expand_without_bound_is_refused(tmp_path):
    folder = tmp_path / "brand" / "acme"
    folder.mkdir(parents=True)
    levels = ['x0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"x{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 9)]  # 10^9 values, 1 KB
    (folder / "pack.yaml").write_text('market: acme\nname: Acme\nlanguages: [en]\nversion: "1"\nextends: us\n'
                                      + "\n".join(levels) + "\n", encoding="utf-8")
    result = cli("rules", "list", "--packs", tmp_path / "brand")
    assert result.exit_code == 2
    assert "acme/pack.yaml:1: the file expands to more than 1,000,000 values" in one_error(result)


def test_a_rule_for_an_unknown_platform_is_a_pack_error(tmp_path):
    folder = tmp_path / "brand" / "acme"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(TEAM.replace("global.offplatform.messaging_app", "acme.offplatform.telegram")
                                      .format(overrides="when: {platform: [tiktokk]}\n    "), encoding="utf-8")
    result = cli("rules", "list", "--packs", tmp_path / "brand")
    assert result.exit_code == 2 and "'tiktokk' is not one of" in one_error(result)
