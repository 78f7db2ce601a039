"""GitHub Actions workflow commands."""

from __future__ import annotations

import copy

from reporter_samples import run, sample_report

from checker.reporters.github import GithubReporter, escape_data, escape_property


def test_one_command_per_finding_by_severity():
    lines = run(GithubReporter).splitlines()
    assert len(lines) == 13  # 12 findings and 1 input error
    assert lines[1] == (
        "::error file=examples/scripts/us_serum_launch.md,line=7,col=30,endLine=7,endColumn=39,"
        "title=us.claims.cure::Disease claim for a product that is not a licensed medicine: \u201ccures acne\u201d"
        "%0ASuggestion: Describe what the product does, not a disease outcome (\"soothes the look of redness\")."
    )
    assert lines[2].startswith("::warning file=examples/scripts/us_serum_launch.md,line=8,col=21,")
    assert lines[8].startswith("::notice file=examples/subtitles/tea.srt,line=11,col=1,")
    assert "(cue 3 at 00:00:05,500)" in lines[8]
    assert lines[-1] == ("::error file=examples/archives/captions.csv,line=41,title=reelcheck input error::"
                         "row has 5 fields, header has 4 (record v77)")


def test_missing_text_finding_has_no_end():
    first = run(GithubReporter).splitlines()[0]
    assert first.startswith("::warning file=examples/scripts/us_serum_launch.md,line=5,col=1,title=")


def test_records_point_at_their_line_in_the_archive():
    lines = [x for x in run(GithubReporter).splitlines() if "captions.csv,line=2," in x]
    assert lines == [
        "::error file=examples/archives/captions.csv,line=2,title=us.claims.cure::Disease claim for a product "
        "that is not a licensed medicine: \u201ccures eczema\u201d (record v123, field caption)%0ASuggestion: "
        "Describe what the product does, not a disease outcome (\"soothes the look of redness\")."
    ]


def test_escaping_of_data_and_properties():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    report = copy.deepcopy(sample_report())
    doc = report["documents"][2]  # Thai caption: its second finding's text is "100%"
    doc["path"] = "weird,dir/a:b%.txt"
    doc["findings"][1]["rule"] = "th.claims:guaranteed,x"
    doc["findings"][1]["message"] = "line one\nline two\r"
    line = next(x for x in run(GithubReporter, report).splitlines() if "weird" in x)
    assert line.startswith("::error file=weird%2Cdir/a%3Ab%25.txt,line=1,col=8,")
    second = [x for x in run(GithubReporter, report).splitlines() if "weird" in x][1]
    assert ",title=th.claims%3Aguaranteed%2Cx::line one%0Aline two%0D: \u201c100%25\u201d" in second
    for x in run(GithubReporter, report).splitlines():
        assert "\r" not in x
