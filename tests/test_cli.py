"""The `reelcheck` command end to end, on the built-in packs and the examples."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import checker
from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "checker" / "reporters" / "report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _in_project_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result


def rules_of(text, markets):
    return {f.rule for f in checker.check_text(text, markets=markets)}


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("best serum ever", True),
        ("This is the best serum ever, my skin is glowing", True),
        ("Grabbed it at Best Buy on the way home", False),
        ("Best before 2027, keep refrigerated", False),
    ],
)
def test_us_superlatives(text, flagged):
    findings = checker.check_text(text, markets=["us"], commercial=True)
    assert bool([f for f in findings if f.category == "claim"]) is flagged, findings


@pytest.mark.parametrize("text, flagged", [("最好的面霜，冬天必备", True), ("最近很忙，晚点再聊", False)])
def test_cn_absolute_terms(text, flagged):
    findings = checker.check_text(text, markets=["cn"], commercial=True)
    assert bool(findings) is flagged, findings
    if flagged:
        assert findings[0].text == "最好"


def test_check_example_script_text_output():
    result = run("check", "examples/scripts/us_serum_launch.md", "--market", "us", "--no-color")
    assert result.exit_code == 1, result.output
    out = result.output
    assert "examples/scripts/us_serum_launch.md:" in out
    assert "why:" in out and "try:" in out and "^" in out
    assert out.strip().splitlines()[-1].startswith("Found ")
    # one claim, one finding: the rank inside the market-wide superlative is named under it
    scope = out.index("global.claims.superlative_scope  warning")
    assert "global.claims.rank_rated  warning" not in out
    assert out.index("  also: global.claims.rank_rated", scope) < out.index("  why:", scope)


def test_json_report_is_valid_and_deterministic(tmp_path):
    args = ["check", "examples/scripts/us_serum_launch.md", "examples/captions", "--market", "us,uk", "--format", "json"]
    first = run(*args, "-o", str(tmp_path / "a.json"))
    second = run(*args, "-o", str(tmp_path / "b.json"))
    assert first.exit_code == second.exit_code == 1
    a = (tmp_path / "a.json").read_bytes()
    assert a == (tmp_path / "b.json").read_bytes()
    report = json.loads(a)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["findings"] == sum(len(d["findings"]) for d in report["documents"])
    text = (ROOT / "examples/scripts/us_serum_launch.md").read_text(encoding="utf-8")
    for f in report["documents"][0]["findings"]:
        assert text[f["start"] : f["end"]] == f["text"]


def test_stdin_and_fail_on():
    caption = "Tap the link, DM me on WhatsApp to order, best serum ever"
    assert run("check", "-", "--market", "us", input=caption).exit_code == 1
    assert run("check", "-", "--market", "us", "--fail-on", "never", input=caption).exit_code == 0
    clean = run("check", "-", "--market", "us", input="Morning run by the river, new personal best!")
    assert clean.exit_code == 0, clean.output
    assert "No problems found" in clean.output


def test_missing_file_gives_one_line_and_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.txt"), "--market", "us"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()] if hasattr(result, "stderr") else []
    assert errors == [f"reelcheck: error: {tmp_path / 'nope.txt'}: no such file or directory"]
    assert "Traceback" not in result.output


def test_binary_file_gives_one_line_and_exit_2(tmp_path):
    path = tmp_path / "clip.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = CliRunner().invoke(main, ["check", str(path), "--market", "us"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and "binary" in lines[0]


ACME = "market: acme\nname: Acme\nlanguages: [en]\nversion: '1'\nextends: us\nrules:\n"


def team_pack(tmp_path, folder: str, text: str) -> str:
    """Write `brand/<folder>/pack.yaml` under tmp_path; returns the `--packs` folder."""
    pack = tmp_path / "brand" / folder
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text(text, encoding="utf-8")
    return str(tmp_path / "brand")


def test_broken_pack_gives_one_line_and_exit_2(tmp_path):
    packs = team_pack(
        tmp_path, "acme", ACME
        + "  - id: acme.claims.x\n    kind: terms\n    category: claim\n    severty: error\n"
        "    message: m\n    rationale: r\n    source: s\n    terms: [foo]\n"
        "    examples: {flag: [foo, foo bar], pass: [bar, baz]}\n",
    )
    result = CliRunner().invoke(main, ["check", "-", "--market", "acme", "--packs", packs], input="x")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "acme/pack.yaml:10:" in lines[0] and "severty" in lines[0] and "did you mean 'severity'" in lines[0]


def test_unknown_market():
    result = CliRunner().invoke(main, ["check", "-", "--market", "mars"], input="x")
    assert result.exit_code == 2 and "unknown market 'mars'" in result.stderr


@pytest.mark.parametrize("market", ["", ",", " "])
def test_an_empty_market_is_a_usage_error_not_a_guess(tmp_path, market):
    """`--market "$UNSET"` in a CI script must not quietly check with the markets guessed from the text."""
    caption = tmp_path / "caption.txt"
    caption.write_text("This serum cured my acne in a week! Link in bio", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(caption), "--market", market])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("reelcheck: error: --market is empty") and "us" in result.stderr


def test_a_report_never_replaces_what_it_checks(tmp_path):
    """`-o` naming the file being checked, a link to it, or a caption file inside the folder being
    checked is refused before anything is written; an earlier report in that folder, and a file of a
    kind the folder's walk does not read (`.html`), are replaced as always."""
    text = "This serum cured my acne in a week! Link in bio to order"
    caption = tmp_path / "caption.txt"
    caption.write_text(text, encoding="utf-8")
    (tmp_path / "link.json").symlink_to(caption)
    folder = tmp_path / "captions"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    for path, output, replaced in [(caption, caption, str(caption)), (caption, tmp_path / "link.json", str(caption)),
                                   (folder, folder / "a.txt", f"{folder / 'a.txt'} (in the folder {folder})")]:
        result = CliRunner().invoke(main, ["check", str(path), "--market", "us", "-o", str(output)])
        assert result.exit_code == 2, output
        assert f"the report would replace {replaced}, which is being checked" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert caption.read_text(encoding="utf-8") == text and (folder / "a.txt").read_text(encoding="utf-8") == text
    # a report written into the folder before is replaced by the next run, and skipped as input
    for name in ("report.json", "report.txt", "report.html"):
        for _ in range(2):
            result = CliRunner().invoke(main, ["check", str(folder), "--market", "us", "-o", str(folder / name)])
            assert result.exit_code == 1, (name, result.stderr)
    assert "in 1 of 1 document" in result.stderr  # (the reports written before are not read as captions)


@pytest.mark.slow
def test_team_pack_adds_rules(tmp_path):
    packs = team_pack(
        tmp_path, "us",
        "market: us\nname: Acme additions\nlanguages: [en]\nversion: '1'\nrules:\n"
        "  - id: us.brand.competitor\n    kind: terms\n    category: claim\n    severity: warning\n"
        "    message: Names a competitor\n    rationale: Legal asked us not to.\n    source: Acme brand guide\n"
        "    terms: [glowco]\n    examples: {flag: [better than GlowCo, glowco who], pass: [glow cream, co-op]}\n",
    )
    result = run("check", "-", "--market", "us", "--packs", packs, "--format", "json", "--commercial",
                 input="Way better than GlowCo")
    report = json.loads(result.output)
    # the team's rule is added next to the built-in ones (the shared layer's comparison with a named
    # competitor flags the same words)
    rules = [f["rule"] for f in report["documents"][0]["findings"]]
    assert "us.brand.competitor" in rules
    assert set(rules) <= {"us.brand.competitor", "global.claims.comparative_named"}


def test_rules_list_show_and_markets():
    listing = run("rules", "list", "--market", "uk")
    assert listing.exit_code == 0
    lines = listing.stdout.strip().splitlines()
    assert any(line.startswith("uk.") for line in lines) and any(line.startswith("global.") for line in lines)
    assert not any(line.startswith("us.") for line in lines)
    show = run("rules", "show", "us.claims.cure")
    assert show.exit_code == 0
    for label in ("message:", "why:", "try:", "source:", "flags:", "passes:"):
        assert label in show.output
    markets = run("markets")
    assert markets.exit_code == 0
    for code in ("us", "uk", "cn"):
        assert any(line.split()[0] == code for line in markets.output.splitlines()[1:] if line.strip())


def test_rule_docs_are_up_to_date():
    result = CliRunner().invoke(main, ["docs", "--check", "--out", str(ROOT / "docs" / "rules")])
    assert result.exit_code == 0, f"docs/rules is stale: run `reelcheck docs` ({result.stderr})"


def test_sample_output_and_readme_summary_are_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "docs" / "make_sample_output.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_config_file_sets_defaults(tmp_path, monkeypatch):
    (tmp_path / "reelcheck.toml").write_text('market = ["uk"]\nfail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "-", "--format", "json", input="DM me on WhatsApp to order")
    assert result.exit_code == 0
    assert json.loads(result.output)["markets"] == ["uk"]


def found_in_script(tmp_path, body: str) -> list[tuple[str, int]]:
    """(rule, line) of the findings of a US commercial script with `body` after its front matter."""
    script = tmp_path / "s.md"
    script.write_text("---\nmarket: us\ncommercial: true\n---\n" + body, encoding="utf-8")
    report = json.loads(run("check", str(script), "--format", "json").output)
    return [(f["rule"], f["line"]) for f in report["documents"][0]["findings"]]


def test_inline_suppressions(tmp_path):
    assert found_in_script(
        tmp_path,
        "HOST: This is the best serum ever. <!-- reelcheck: ignore[global.claims.superlative_scope] Nielsen 2026 on file -->\n"
        "<!-- reelcheck: ignore -->\n"
        "VO: It cures acne, DM me on WhatsApp.\n"
        "VO: It cures acne again.\n") == [("us.claims.cure", 8)]


def test_ignore_file_covers_the_whole_file_and_only_the_rules_it_names(tmp_path):
    # (`ignore-file` was read as `ignore` followed by other words, so it covered the next line only)
    assert found_in_script(
        tmp_path,
        "<!-- reelcheck: ignore-file[global.offplatform] our own shop chat, approved -->\n"
        "VO: DM me on WhatsApp.\n\n"
        "VO: It cures acne, DM me on WhatsApp again.\n") == [("us.claims.cure", 8)]


@pytest.mark.slow
def test_rules_test_command_runs_team_pack_examples(tmp_path):
    packs = team_pack(
        tmp_path, "acme", ACME
        + "  - id: acme.claims.competitor\n    kind: terms\n    category: claim\n    severity: warning\n"
        "    message: Names a competitor\n    rationale: Legal asked us not to.\n    source: Acme brand guide\n"
        "    terms: [glowco]\n    examples: {flag: [better than GlowCo, glowco who], pass: [glow cream, GlowCo is great]}\n",
    )
    result = CliRunner().invoke(main, ["rules", "test", "--packs", packs])
    assert result.exit_code == 1
    assert "acme.claims.competitor: pass example flagged" in result.output and "GlowCo is great" in result.output
    assert "1 rules, 4 examples, 1 failed" in result.stderr


def test_audit_text_is_a_summary_table():
    result = run("audit", "examples/archives/captions.csv", "--market-field", "market", "--id-field", "video_id",
                 "--text-field", "caption", "--no-cache", "--jobs", "1")
    out = result.output
    assert "Findings by market and category" in out and "Findings by rule" in out and "Worst records" in out
    assert "captions.csv#" in out
    records = next(line for line in out.splitlines() if line.startswith("Records:"))
    assert records.startswith("Records: 240 read, 240 checked, 0 skipped (no text), 0 failed.")
    assert "^" not in out  # no per-finding blocks


def test_audit_reports_are_the_same_in_every_process(tmp_path):
    """Byte-identical output across processes: Python orders sets of strings differently in every
    process (hash randomisation), so a report that followed a set's order changed from run to run."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"audit-{seed}.txt"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "checker", "audit", "examples/archives/captions.csv",
                        "--market-field", "market", "--id-field", "video_id", "--text-field", "caption",
                        "--no-cache", "--jobs", "1", "-o", str(out)],
                       cwd=Path(__file__).parent.parent, env=env, check=False, capture_output=True)
        outputs.append(out.read_bytes())
    assert b"Worst records" in outputs[0]  # the summary table, where a set's order once leaked
    assert outputs[0] == outputs[1]
