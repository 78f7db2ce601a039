"""SARIF 2.1.0 output, validated against the official schema shipped in tests/schemas/."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from reporter_samples import EN_SCRIPT, SRT, run, sample_documents, sample_report

from checker.reporters.sarif import SarifReporter, artifact_uri

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def log():
    return json.loads(run(SarifReporter))


def test_validates_against_the_sarif_2_1_0_schema(log):
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_an_empty_run_validates_too():
    report = sample_report()
    report["documents"] = []
    report["errors"] = []
    log = json.loads(run(SarifReporter, report))
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_one_rule_per_rule_used_with_help_and_docs_link(log):
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "reelcheck" and driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    used = list(dict.fromkeys(f["rule"] for d in sample_documents() for f in d["findings"]))
    assert [r["id"] for r in driver["rules"]] == used
    cure = next(r for r in driver["rules"] if r["id"] == "us.claims.cure")
    assert cure["shortDescription"]["text"] == "Disease claim for a product that is not a licensed medicine"
    assert "FTC treats cure/treat claims" in cure["fullDescription"]["text"]
    assert "Why:" in cure["help"]["text"] and "Source: FTC Health Products" in cure["help"]["text"]
    assert "**Why:**" in cure["help"]["markdown"]
    assert "(https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance)" in cure["help"]["markdown"]
    assert cure["helpUri"] == "https://github.com/reelcheck/reelcheck/blob/main/docs/rules/us.md#us.claims.cure"
    assert cure["defaultConfiguration"]["level"] == "error"
    bait = next(r for r in driver["rules"] if r["id"] == "global.engagement.bait")
    assert bait["defaultConfiguration"]["level"] == "note"
    assert bait["helpUri"].endswith("/global.md#global.engagement.bait")


def test_results_point_at_their_rule_and_place(log):
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert len(results) == 12
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    cure = results[1]
    assert cure["ruleId"] == "us.claims.cure" and cure["level"] == "error"
    loc = cure["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "examples/scripts/us_serum_launch.md"
    region = loc["region"]
    start = EN_SCRIPT.index("cures acne")
    assert region == {"startLine": 7, "startColumn": 30, "endLine": 7, "endColumn": 40,
                      "charOffset": start, "charLength": 10, "snippet": {"text": "cures acne"}}
    assert EN_SCRIPT.splitlines()[6][29:39] == "cures acne"
    assert "cures acne" in cure["message"]["text"]
    assert {r["level"] for r in results} == {"error", "warning", "note"}


def test_subtitle_results_carry_cue_and_time(log):
    melts = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "us.claims.weightloss")
    region = melts["locations"][0]["physicalLocation"]["region"]
    assert SRT[region["charOffset"]:region["charOffset"] + region["charLength"]] == "melts fat"
    assert melts["properties"]["cue"] == 2 and melts["properties"]["time"] == "00:00:03,200"


def test_missing_disclosure_is_an_empty_region(log):
    missing = log["runs"][0]["results"][0]
    region = missing["locations"][0]["physicalLocation"]["region"]
    assert region["charLength"] == 0 and region["startColumn"] == region["endColumn"] == 1
    assert "snippet" not in region


def test_records_point_at_the_record_line_and_name_record_and_field(log):
    rec = [r for r in log["runs"][0]["results"] if r["properties"].get("record")]
    assert [r["properties"]["record"] for r in rec] == ["v123", "v124", "v125"]
    first = rec[0]["locations"][0]
    assert first["physicalLocation"]["region"] == {"startLine": 2, "snippet": {"text": "cures eczema"}}
    assert first["logicalLocations"][0]["name"] == "v123.caption"


def test_fingerprints_are_stable_and_distinct(log):
    prints = [r["partialFingerprints"]["reelcheckFinding/v1"] for r in log["runs"][0]["results"]]
    assert len(set(prints)) == len(prints)
    again = json.loads(run(SarifReporter))
    assert prints == [r["partialFingerprints"]["reelcheckFinding/v1"] for r in again["runs"][0]["results"]]


def test_input_errors_are_tool_notifications(log):
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["message"]["text"] == "row has 5 fields, header has 4 (record v77)"
    assert notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 41


def test_paths_become_uri_references():
    assert artifact_uri("captions/my file.txt") == "captions/my%20file.txt"
    assert artifact_uri("片段/直播.srt") == "%E7%89%87%E6%AE%B5/%E7%9B%B4%E6%92%AD.srt"
    assert artifact_uri("dir\\win.md") == "dir/win.md"
