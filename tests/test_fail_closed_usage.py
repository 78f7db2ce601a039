"""What the user asks for is what runs (issue 17, items 9-11 and 15): unknown rule ids, prefixes and
platforms are refused with the closest known one, configuration values are checked as the command line
checks them, and a team pack cannot replace a rule of another pack without saying so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
POST = "This serum cures acne! DM me on WhatsApp to order, shop now"


@pytest.fixture(autouse=True)
def _in_project_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def cli(*args, input=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def one_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reelcheck: error: "), result.stderr
    return lines[0]


# --- 10. unknown ids, prefixes and platforms ---------------------------------------------------------------

@pytest.mark.parametrize("option, value, hint", [
    ("--select", "xyz", None),
    ("--select", "us.claim", "us.claims"),
    ("--ignore", "global.musics", "global.music"),
    ("--ignore", "us.claims.cure,us.claims.superlativ", "us.claims.superlative"),
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


def test_a_suppression_naming_an_unknown_rule_is_reported_where_it_is(tmp_path):
    script = tmp_path / "s.md"
    script.write_text(
        "---\nmarket: us\ncommercial: true\n---\n"
        "HOST: It cures acne. <!-- reelcheck: ignore[us.claims.cures] legal said ok -->\n"
        "HOST: Best serum ever. <!-- reelcheck: ignore[us.claims.superlative] survey on file -->\n",
        encoding="utf-8")
    result = cli("check", script, "-f", "json")
    assert result.exit_code == 2  # a finding still there, and the suppression that did not suppress it
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["documents"][0]["findings"]] == ["us.claims.cure"]
    [error] = report["errors"]
    assert error["path"] == str(script)
    assert error["message"] == ("line 5: the suppression comment names an unknown rule 'us.claims.cures' "
                                "(did you mean 'us.claims.cure'?); it suppresses nothing")
    assert "line 5: the suppression comment names an unknown rule" in result.stderr


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
