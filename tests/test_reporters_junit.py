"""JUnit XML: one test case per document, a failure per finding at or above --fail-on."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from reporter_samples import run, sample_documents, sample_report

from checker.reporters.junit import JunitReporter

RANK = {"info": 1, "warning": 2, "error": 3}


def parse(**options):
    return ET.fromstring(run(JunitReporter, **options).encode("utf-8"))


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
def test_failures_follow_fail_on(fail_on):
    root = parse(fail_on=fail_on)
    suite = root.find("testsuite")
    docs = sample_documents()
    threshold = RANK.get(fail_on, 99)
    failing = [[f for f in d["findings"] if RANK[f["severity"]] >= threshold] for d in docs]
    cases = suite.findall("testcase")
    assert len(cases) == len(docs) + 1  # and one for the input error
    assert suite.get("tests") == str(len(docs) + 1)
    assert suite.get("failures") == str(sum(1 for fs in failing if fs))
    assert suite.get("errors") == "1"
    assert root.get("failures") == suite.get("failures")
    for case, fs in zip(cases, failing, strict=False):
        assert [x.get("type") for x in case.findall("failure")] == [f["rule"] for f in fs]
    total = sum(len(fs) for fs in failing)
    assert len(suite.findall("testcase/failure")) == total
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props["findings_failing"] == str(total) and props["fail_on"] == fail_on


def test_case_names_and_failure_bodies():
    suite = parse().find("testsuite")
    names = [c.get("name") for c in suite.findall("testcase")]
    assert names[:5] == ["examples/scripts/us_serum_launch.md", "examples/captions/cn_live.txt",
                         "examples/captions/th_promo.txt", "examples/subtitles/tea.srt", "examples/scripts/clean.md"]
    assert names[5:9] == [f"examples/archives/captions.csv#v12{i}" for i in (3, 4, 5, 6)]
    cure = suite.find("testcase/failure[@type='us.claims.cure']")
    assert cure.get("message") == "Disease claim for a product that is not a licensed medicine: \u201ccures acne\u201d"
    assert "line 7, col 30" in cure.text and "Why: The FTC" in cure.text and "Suggestion: Describe" in cure.text
    zh = suite.find("testcase[@name='examples/captions/cn_live.txt']")
    assert zh.find("failure").get("message").endswith("\u201c最好\u201d")
    assert "cn.offplatform.wechat" in zh.find("system-out").text  # the warning, below --fail-on error
    error = suite.find("testcase/error")
    assert error.get("type") == "input-error" and "header has 4" in error.get("message")


def test_characters_xml_cannot_carry_are_replaced():
    report = sample_report()
    report["documents"][0]["findings"][1]["message"] = "bad \x00\x0b char"
    root = ET.fromstring(run(JunitReporter, report).encode("utf-8"))
    assert root.find(".//failure").get("message").startswith("bad \ufffd\ufffd char")
