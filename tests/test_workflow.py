"""A team's workflow around `reelcheck check`: the report format from -o, the one-line summary, a
baseline, --fix/--diff, GitLab's code-quality report, shell completion and help that fits a line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from checker.baseline import fingerprint
from checker.cli import main
from checker.model import UsageError
from checker.reporters.formats import format_for_output

ROOT = Path(__file__).resolve().parent.parent
SERUM = ROOT / "examples" / "scripts" / "us_serum_launch.md"
CAPTIONS = ROOT / "examples" / "archives" / "captions.csv"
AUDIT_ARGS = [str(CAPTIONS), "--market-field", "market", "--id-field", "video_id", "--text-field", "caption",
              "--no-cache", "--jobs", "1"]


@pytest.fixture(autouse=True)
def _in_project_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


# --- -o picks the format ---------------------------------------------------------------------------

@pytest.mark.parametrize("name, start", [
    ("report.html", "<!DOCTYPE html>"), ("report.json", "{"), ("report.sarif", "{"),
    ("report.xml", "<?xml"), ("report.csv", "\ufeffdocument,"), ("report.txt", "examples/scripts/us_serum_launch.md:"),
])
def test_output_extension_picks_the_format(tmp_path, name, start):
    out = tmp_path / name
    result = run("check", "examples/scripts/us_serum_launch.md", "--no-color", "-o", out)
    assert result.exit_code == 1, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith(start), text[:80]
    if name.endswith(".sarif"):
        assert json.loads(text)["version"] == "2.1.0"
    if name.endswith(".json"):
        assert "documents" in json.loads(text)


def test_jsonl_extension_writes_one_finding_per_line(tmp_path):
    out = tmp_path / "findings.jsonl"
    run("check", SERUM, "-o", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["path"].endswith("us_serum_launch.md") for r in rows)


def test_audit_dash_o_html_writes_html_and_a_summary_line(tmp_path):
    out = tmp_path / "audit.html"
    result = run("audit", *AUDIT_ARGS, "-o", out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    lines = [line for line in result.output.splitlines() if line.startswith("reelcheck: ")]
    summary = lines[-1]
    assert "records read" not in summary
    assert f"report: {out}" in summary
    report = json.loads(run("audit", *AUDIT_ARGS, "--format", "json").output)["summary"]
    assert f"in {report['documents_with_findings']} of {report['records_read']} records" in summary
    assert f"({report['records_read']} read, {report['records_checked']} checked" in summary
    errors = report["by_severity"]["error"]
    assert f"{errors} error" in summary


def test_no_summary_line_without_dash_o_or_with_quiet(tmp_path):
    assert "report:" not in run("check", SERUM, "--format", "json").output.splitlines()[-1]
    quiet = run("check", SERUM, "-q", "-o", tmp_path / "a.json")
    assert quiet.output == ""


def test_format_and_extension_that_disagree_are_a_usage_error(tmp_path):
    result = run("check", SERUM, "--format", "json", "-o", tmp_path / "a.html")
    assert result.exit_code == 2
    assert result.output.startswith("reelcheck: error: --format json does not match the output file")
    assert not (tmp_path / "a.html").exists()


def test_format_wins_where_the_extension_allows_it():
    assert format_for_output("report.out", "json") == "json"  # an extension no format names
    assert format_for_output("gl-code-quality.json", "gitlab") == "gitlab"  # GitLab's report is JSON
    assert format_for_output("scan.sarif.json", None) == "sarif"
    assert format_for_output("a.HTML", None) == "html"
    assert format_for_output(None, None) == "text"
    with pytest.raises(UsageError):
        format_for_output("junit.xml", "csv")


def test_configured_format_yields_to_the_extension(tmp_path, monkeypatch):
    (tmp_path / "reelcheck.toml").write_text('format = "json"\nmarket = "us"\n', encoding="utf-8")
    shutil.copy(SERUM, tmp_path / "s.md")
    monkeypatch.chdir(tmp_path)
    run("check", "s.md", "-o", "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    json.loads(run("check", "s.md").output.split("\nreelcheck:")[0])  # no -o: the configured JSON


# --- gitlab ----------------------------------------------------------------------------------------

def test_gitlab_code_quality_report(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("check", "examples/scripts/us_serum_launch.md", "--format", "gitlab")
    issues = json.loads(result.output)
    cure = next(i for i in issues if i["check_name"] == "us.claims.cure")
    assert cure["severity"] == "critical"
    assert cure["location"] == {"path": "examples/scripts/us_serum_launch.md", "lines": {"begin": 16}}
    assert "\u201ccured my acne\u201d" in cure["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    records = json.loads(run("audit", *AUDIT_ARGS, "--format", "gitlab").output)
    assert records and all(i["location"]["path"] == "examples/archives/captions.csv" for i in records)
    assert all("(record " in i["description"] for i in records)


# --- baseline --------------------------------------------------------------------------------------

def _copy(tmp_path) -> Path:
    script = tmp_path / "scripts" / "serum.md"
    script.parent.mkdir()
    shutil.copy(SERUM, script)
    return script


def test_baseline_hides_known_findings_and_survives_lines_inserted_above(tmp_path, monkeypatch):
    script = _copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    made = run("baseline", "scripts")
    assert made.exit_code == 0, made.output
    data = json.loads((tmp_path / ".reelcheck-baseline.json").read_text(encoding="utf-8"))
    report = json.loads(run("check", "scripts", "--format", "json").output)
    known = report["summary"]["findings"]
    assert data["version"] == 1 and len(data["findings"]) == known >= 8
    assert {e["path"] for e in data["findings"]} == {"scripts/serum.md"}
    assert run("check", "scripts", "--baseline", ".reelcheck-baseline.json").exit_code == 0

    text = script.read_text(encoding="utf-8")
    text = text.replace("# GlowLab", "HOST: Morning, everyone.\n\nHOST: Cold one today.\n\n# GlowLab")
    script.write_text(text, encoding="utf-8")
    again = run("check", "scripts", "--baseline", ".reelcheck-baseline.json", "--no-color")
    assert again.exit_code == 0, again.output
    assert "No problems found" in again.output
    assert f"{known} known findings not reported" in again.output

    # a new finding is reported; one that is gone is counted
    text = text.replace("ON-SCREEN: Tap the orange cart", "ON-SCREEN: It cures eczema too\nON-SCREEN: Tap the orange cart")
    text = text.replace("DM me on WhatsApp and I'll sort you out", "check back soon")
    script.write_text(text, encoding="utf-8")
    new = run("check", "scripts", "--baseline", ".reelcheck-baseline.json", "--format", "json")
    report = json.loads(new.output.split("\nreelcheck:")[0])
    assert [f["text"] for d in report["documents"] for f in d["findings"]] == ["cures eczema"]
    assert "1 baseline entry no longer occur" in new.output


def test_baseline_counts_repeats(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Best serum ever, DM me on WhatsApp\n", encoding="utf-8")
    run("baseline", "a.txt", "--market", "us", "--commercial")
    (tmp_path / "a.txt").write_text("Best serum ever, DM me on WhatsApp\nBest serum ever, DM me on WhatsApp\n",
                                    encoding="utf-8")
    result = run("check", "a.txt", "--market", "us", "--commercial", "--baseline", ".reelcheck-baseline.json",
                 "--format", "json")
    report = json.loads(result.output.split("\nreelcheck:")[0])
    lines = [f["line"] for f in report["documents"][0]["findings"]]
    assert len(lines) == 2 and set(lines) == {2}  # the superlative and the off-platform ask, again


def test_fingerprint_ignores_position_but_not_words():
    doc = {"path": "a.md", "text": "intro\nIt cures acne fast\n"}
    f = {"rule": "us.claims.cure", "text": "cures acne", "start": 9, "end": 19, "line": 2}
    moved = {"path": "a.md", "text": "new\n\nintro\nIt cures acne fast\n"}
    g = {**f, "start": 14, "end": 24, "line": 4}
    assert fingerprint(doc, f) == fingerprint(moved, g)
    edited = {"path": "a.md", "text": "intro\nIt cures acne overnight\n"}
    assert fingerprint(doc, f) != fingerprint(edited, f)
    assert fingerprint(doc, f) != fingerprint({**doc, "path": "b.md"}, f)
    assert fingerprint(doc, f) != fingerprint(doc, {**f, "rule": "us.claims.other"})


def test_broken_baseline_is_one_line_exit_2(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("check", SERUM, "--baseline", bad)
    assert result.exit_code == 2
    assert result.output.startswith(f"reelcheck: error: {bad}:1: the baseline is not valid JSON")
    missing = run("check", SERUM, "--baseline", tmp_path / "none.json")
    assert missing.exit_code == 2 and "no such baseline file" in missing.output


# --- fixes -----------------------------------------------------------------------------------------

def test_diff_shows_the_safe_replacements_of_the_example_script(monkeypatch):
    monkeypatch.chdir(ROOT)
    before = SERUM.read_bytes()
    result = run("check", "examples/scripts/us_serum_launch.md", "--fix", "--diff")
    assert result.exit_code == 1
    assert "--- a/examples/scripts/us_serum_launch.md\n+++ b/examples/scripts/us_serum_launch.md\n" in result.output
    assert "-VO: This serum literally cured my acne." in result.output
    assert "+VO: This serum literally soothed the look of my acne." in result.output
    assert "--fix would fix 1 problem in 1 file" in result.output
    assert SERUM.read_bytes() == before


def test_fix_writes_only_safe_fixes_and_reports_the_rest(tmp_path):
    script = tmp_path / "launch.md"
    text = ("---\nmarket: [us, cn]\nproduct: cosmetic\n---\n"
            "HOST: This cream cures eczema.\r\n"
            "HOST: 这是最好的面霜\r\n")
    script.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run("check", script, "--fix", "--format", "json")
    report = json.loads(result.output.split("\nreelcheck:")[0])
    left = [f["text"] for d in report["documents"] for f in d["findings"]]
    assert "cures eczema" not in left and "最好" not in left
    assert "fixed 2 problems in 1 file" in result.output
    data = script.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark and CRLF line ends are kept
    assert data[3:].decode("utf-8") == text.replace("cures eczema", "soothes the look of eczema").replace("最好", "很好")
    # nothing left to fix: the file is not touched again
    again = run("check", script, "--fix")
    assert "nothing to fix" in again.output
    assert script.read_bytes() == data


def test_unsafe_replacements_are_shown_not_applied(tmp_path):
    script = tmp_path / "c.txt"
    script.write_text("这款面霜是最佳选择\n", encoding="utf-8")  # 最佳 -> 出色 is a suggestion only
    result = run("check", script, "--market", "cn", "--commercial", "--fix", "--no-color")
    assert "try: \u201c最佳\u201d -> \u201c出色\u201d" in result.output
    assert "--fix applies it" not in result.output
    assert script.read_text(encoding="utf-8") == "这款面霜是最佳选择\n"


def test_fix_never_touches_subtitles_archives_or_stdin(tmp_path):
    srt = tmp_path / "a.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:03,000\nThis serum cures acne\n", encoding="utf-8")
    csv = tmp_path / "a.csv"
    csv.write_text("caption\nThis serum cures acne\n", encoding="utf-8")
    before = srt.read_bytes(), csv.read_bytes()
    result = run("check", srt, csv, "--market", "us", "--product", "cosmetic", "--fix", "--no-color")
    assert (srt.read_bytes(), csv.read_bytes()) == before
    assert result.output.count("us.claims.cure") == 2  # still reported
    piped = run("check", "-", "--market", "us", "--product", "cosmetic", "--fix", "--no-color",
                input="This serum cures acne")
    assert "us.claims.cure" in piped.output


def test_fix_leaves_a_file_edited_since_it_was_read(tmp_path):
    from checker.fixes import Fixer

    script = tmp_path / "a.md"
    script.write_text("HOST: it cures acne\n", encoding="utf-8")
    doc = {"path": str(script), "format": "markdown", "text": "HOST: it cured acne\n", "findings": [
        {"rule": "us.claims.cure", "text": "cured acne", "start": 9, "end": 19, "fix": "soothed the look of acne",
         "fix_safe": True}]}
    fixer = Fixer(write=True)
    assert fixer(doc)["findings"] == doc["findings"]
    assert "changed since it was read" in fixer.failed[0]
    assert script.read_text(encoding="utf-8") == "HOST: it cures acne\n"


def test_pack_schema_takes_safe_and_plain_replacements():
    from checker.rules import load_rules

    rule = load_rules().rules["us.claims.cure"]
    assert rule.replacements["cures"] == "soothes the look of" and "cures" in rule.safe_replacements
    cn = load_rules().rules["cn.absolute.zui"]
    assert cn.replacements["最佳"] == "出色" and "最佳" not in cn.safe_replacements


# --- completion and help ---------------------------------------------------------------------------

@pytest.mark.parametrize("shell, marker", [
    ("bash", "complete -o nosort -F _reelcheck_completion reelcheck"),
    ("zsh", "#compdef reelcheck"),
    ("fish", "complete --no-files --command reelcheck"),
])
def test_completion_scripts(shell, marker):
    result = run("completion", shell)
    assert result.exit_code == 0
    assert marker in result.output
    assert "_REELCHECK_COMPLETE" in result.output


def test_completion_unknown_shell_is_a_usage_error():
    assert run("completion", "tcsh").exit_code == 2


def _groups(group: click.Group, prefix=()):
    yield prefix, group
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _groups(cmd, (*prefix, name))


@pytest.mark.parametrize("prefix", [p for p, _ in _groups(main)], ids=lambda p: " ".join(p) or "reelcheck")
def test_help_summaries_fit_on_a_line(prefix):
    result = CliRunner().invoke(main, [*prefix, "--help"], terminal_width=80)
    assert result.exit_code == 0
    commands = result.output.split("Commands:\n", 1)[1].splitlines()
    assert commands
    for line in commands:
        assert not line.rstrip().endswith("..."), line
        assert len(line) <= 80


# --- discovery -------------------------------------------------------------------------------------

OFFER = "Best serum ever, DM me on WhatsApp\n"


def _repo(tmp_path) -> Path:
    """A repository of scripts with what a real one has around them."""
    (tmp_path / ".git").mkdir()
    files = {
        "scripts/us/launch.txt": OFFER,
        "scripts/us/draft-old.txt": OFFER,
        "scripts/id/promo.txt": "Produk terbaik! Pesan via WhatsApp ya\n",
        "node_modules/pkg/README.md": OFFER,
        "env/notes.txt": OFFER,
        ".cache/old.txt": OFFER,
        "build/out.txt": OFFER,
        "scripts/keep/build/kept.txt": OFFER,
        "report.json": '[{"caption": "Best serum ever, DM me on WhatsApp"}]',
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("# build output\n/build/\nreport.json\n", encoding="utf-8")
    (tmp_path / "scripts" / ".reelcheckignore").write_text("draft-*\n", encoding="utf-8")
    return tmp_path


def _paths(output: str) -> list[str]:
    report = json.loads(output.split("\nreelcheck:")[0])
    return sorted(d["path"] for d in report["documents"])


def test_check_without_a_path_walks_the_current_folder_as_git_would(tmp_path, monkeypatch):
    monkeypatch.chdir(_repo(tmp_path))
    result = run("check", "--market", "us", "--format", "json")
    assert _paths(result.output) == ["scripts/id/promo.txt", "scripts/keep/build/kept.txt", "scripts/us/launch.txt"]


def test_verbose_lists_what_was_skipped_and_why(tmp_path, monkeypatch):
    monkeypatch.chdir(_repo(tmp_path))
    result = run("check", "--market", "us", "-v", "-o", "out.txt")
    skipped = [line for line in result.output.splitlines() if line.startswith("reelcheck: skipped")]
    assert skipped == [
        "reelcheck: skipped .cache/ (hidden)",
        "reelcheck: skipped build/ (ignored by .gitignore:2)",
        "reelcheck: skipped env/ (virtual environment)",
        "reelcheck: skipped node_modules/ (dependencies)",
        "reelcheck: skipped report.json (ignored by .gitignore:3)",
        "reelcheck: skipped scripts/us/draft-old.txt (ignored by .reelcheckignore:1)",
    ]
    again = run("check", "--market", "us", "-o", "out2.txt")
    assert "reelcheck: skipped" not in again.output  # (without -v)
    assert "out.txt" not in (tmp_path / "out2.txt").read_text(encoding="utf-8")  # the earlier report is not read
    listed = run("check", "--market", "us", "-v", "-o", "out3.txt").output
    assert "reelcheck: skipped out.txt (a reelcheck report)" in listed


def test_a_subfolder_walk_keeps_the_repository_ignores_and_its_own_report_out(tmp_path, monkeypatch):
    root = _repo(tmp_path)
    (root / ".gitignore").write_text("draft*\n", encoding="utf-8")
    (root / "scripts" / ".reelcheckignore").unlink()
    monkeypatch.chdir(root / "scripts")
    first = run("check", ".", "--market", "us", "--commercial", "-o", "us/report.json")
    assert first.exit_code == 1, first.output
    again = run("check", ".", "--market", "us", "--commercial", "-o", "us/report.json", "-v")
    assert "skipped us/report.json (the report being written)" in again.output
    assert "skipped us/draft-old.txt (ignored by .gitignore:1)" in again.output
    report = json.loads((root / "scripts" / "us" / "report.json").read_text(encoding="utf-8"))
    assert sorted(d["path"] for d in report["documents"]) == ["id/promo.txt", "keep/build/kept.txt", "us/launch.txt"]


def test_a_file_named_explicitly_is_read_even_when_ignored(tmp_path, monkeypatch):
    monkeypatch.chdir(_repo(tmp_path))
    assert _paths(run("check", "build/out.txt", "--market", "us", "--format", "json").output) == ["build/out.txt"]


def test_negated_patterns_take_a_file_back(tmp_path, monkeypatch):
    root = _repo(tmp_path)
    (root / "scripts" / ".reelcheckignore").write_text("*.txt\n!launch.txt\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert _paths(run("check", "scripts", "--market", "us", "--format", "json").output) == ["scripts/us/launch.txt"]


# --- per-path settings -----------------------------------------------------------------------------

def test_overrides_set_market_sponsorship_rules_and_severity_per_folder(tmp_path, monkeypatch):
    root = _repo(tmp_path)
    (root / "scripts" / "id" / "promo.txt").write_text("Produk terbaik! Pesan via WhatsApp ya\n", encoding="utf-8")
    (root / "scripts" / "uk").mkdir()
    (root / "scripts" / "uk" / "haul.txt").write_text("Loving this new jumper from @knitco, use code KNIT20\n",
                                                      encoding="utf-8")
    (root / "pyproject.toml").write_text('''
[tool.reelcheck]
market = "us"
commercial = true

[[tool.reelcheck.overrides]]
paths = ["scripts/id/**"]
market = "id"
severity = {"id.claims.superlative" = "error"}
ignore = ["id.offplatform"]

[[tool.reelcheck.overrides]]
paths = ["scripts/uk/"]
market = "uk"
sponsored = true
''', encoding="utf-8")
    monkeypatch.chdir(root)
    report = json.loads(run("check", "scripts", "--format", "json").output.split("\nreelcheck:")[0])
    docs = {d["path"]: d for d in report["documents"]}
    promo = docs["scripts/id/promo.txt"]
    assert promo["markets"] == ["id"]
    assert [(f["rule"], f["severity"]) for f in promo["findings"]] == [("id.claims.superlative", "error")]
    haul = docs["scripts/uk/haul.txt"]
    assert haul["markets"] == ["uk"] and haul["meta"]["sponsored"] is True
    assert any(f["rule"].startswith("uk.disclosure") and f["rule"].endswith(".missing") for f in haul["findings"])
    assert docs["scripts/us/launch.txt"]["markets"] == ["us"]


def test_front_matter_wins_over_an_override(tmp_path, monkeypatch):
    (tmp_path / "id").mkdir()
    (tmp_path / "id" / "a.md").write_text("---\nmarket: my\n---\nProduk terbaik\n", encoding="utf-8")
    (tmp_path / "reelcheck.toml").write_text('[[overrides]]\npaths = ["id/*"]\nmarket = "id"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(run("check", "id", "--format", "json").output)
    assert report["documents"][0]["markets"] == ["my"]


@pytest.mark.parametrize("body, message", [
    ('[[overrides]]\nmarket = "id"\n', "overrides[1]: paths must be a non-empty list"),
    ('[[overrides]]\npaths = ["a/*"]\nmarkt = "id"\n', "overrides[1]: unknown setting 'markt'"),
    ('[[overrides]]\npaths = ["a/*"]\nseverity = {"id.claims" = "fatal"}\n', "must be one of error, warning, info"),
    ('[[overrides]]\npaths = ["a/*"]\nsponsored = "maybe"\n', "overrides[1]: sponsored"),
    ('overrides = {paths = ["a"]}\n', "overrides must be an array of tables"),
])
def test_a_broken_override_is_one_line_exit_2(tmp_path, monkeypatch, body, message):
    (tmp_path / "reelcheck.toml").write_text(body, encoding="utf-8")
    (tmp_path / "a.txt").write_text("hello\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "a.txt")
    assert result.exit_code == 2
    assert result.output.startswith("reelcheck: error: ") and message in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1


# --- progress --------------------------------------------------------------------------------------

def test_progress_bar_shows_percentage_records_and_prints_errors_above_it():
    import io

    from checker.audit.run import Progress

    stream = io.StringIO()
    read = [0]
    bar = Progress(True, stream, total=1000, bytes_read=lambda: read[0])
    read[0] = 500
    bar.update(120, 7)
    bar.bar.refresh()
    print("reelcheck: error: a.csv:3: broken row", file=bar.above())
    bar.close()
    out = stream.getvalue()
    assert " 50%|" in out and "120 records, 7 findings" in out
    assert "\nreelcheck: error: a.csv:3: broken row\n" in out.replace("\r", "\n")


def test_progress_without_a_size_counts_records():
    import io

    from checker.audit.run import Progress

    stream = io.StringIO()
    bar = Progress(True, stream)
    bar.update(42, 3)
    bar.bar.refresh()
    bar.close()
    assert "42 records" in stream.getvalue() and "3 findings" in stream.getvalue()
    assert Progress(False, stream).above() is stream  # no bar: lines go straight to stderr


def test_audit_progress_only_when_asked_off_a_terminal(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"caption": "Best serum ever, DM me on WhatsApp"}\nnot json\n', encoding="utf-8")
    args = ["audit", bad, "--text-field", "caption", "--market", "us", "--no-cache", "--jobs", "1", "-o",
            tmp_path / "a.json"]
    plain = run(*args)
    assert "%|" not in plain.output
    assert "reelcheck: error: " in plain.output
    shown = run(*args, "--progress")
    assert "%|" in shown.output
    lines = shown.output.replace("\r", "\n").splitlines()
    assert any(line.startswith("reelcheck: error: ") and line.endswith("broken JSON record: Expecting value (column 1)")
               for line in lines)
