"""What reelcheck writes (issue 17, items 17-21): never acted on by a terminal or a CI log, never over what
`-o` names unless it is a regular file, a one-line error when it cannot be written, SARIF URIs that stay
relative, and one count of records."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from cli_runner import cli

from checker.reporters._common import printable

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ["--id-field", "id", "--market-field", "market", "--text-field", "caption", "--sponsored-field",
          "sponsored", "--commercial"]
# a record id that ends its line and starts a GitHub workflow command; a caption that clears the screen,
# sets the window title and writes the clipboard (OSC 52), and a right-to-left override
HOSTILE_ID = "r1\n::warning file=x.txt::pwned"
HOSTILE_CAPTION = "\x1b[2J\x1b]0;owned\x07\x1b]52;c;ZXZpbA==\x07 this serum cures acne \u202eem md"


@pytest.fixture(autouse=True)
def _in_project_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def hostile_archive(tmp_path: Path) -> Path:
    path = tmp_path / "a\x1b[31m.jsonl"
    path.write_text(json.dumps({"id": HOSTILE_ID, "market": "us", "caption": HOSTILE_CAPTION,
                                "sponsored": "maybe\x1b]0;t\x07"}) + "\n", encoding="utf-8")
    return path


# --- 19. control characters are shown, never acted on ----------------------------------------------------

def test_printable_escapes_controls_and_keeps_text():
    assert printable("a\x1b[2Jb\nc\rd\x07\x9b\u202e\u2028") == "a\\x1b[2Jb\\nc\\rd\\x07\\x9b\\u202e\\u2028"
    kept = "tab\there 中文 ไทย Tiếng Việt 👩\u200d👩\u200d👧 café"
    assert printable(kept) == kept


@pytest.mark.parametrize("command, fmt", [("check", "text"), ("check", "github"), ("audit", "text"),
                                          ("audit", "github"), ("check", "json")])
def test_no_control_character_reaches_the_terminal_or_a_ci_log(tmp_path, command, fmt):
    archive = hostile_archive(tmp_path)
    extra = ["--no-cache", "-j", "1"] if command == "audit" else []
    result = cli(command, archive, *FIELDS, "-f", fmt, *extra)
    assert result.exit_code == 2  # the finding and the bad `sponsored` value
    human = result.stderr + ("" if fmt == "json" else result.stdout)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", human), human
    lines = human.splitlines()
    assert not [line for line in lines if line.startswith("::") and not line.startswith(("::error ", "::notice "))]
    assert not [line for line in lines if "pwned" in line and not ("r1\\n::warning" in line or "r1%0A" in line)]
    assert "us.claims.cure" in result.stdout
    if fmt == "text" and command == "check":  # the caption's snippet, escaped, with the caret under the words
        snippet = next(line for line in lines if "cures acne" in line and line.startswith(" 1 |"))
        carets = next(line for line in lines[lines.index(snippet) + 1:] if "^" in line)
        assert carets.index("^") == snippet.index("cures acne") and carets.count("^") == len("cures acne")
        assert "\\x1b]52;c;" in snippet
    if fmt == "json":  # data formats keep the text as it is (JSON escapes it)
        assert json.loads(result.stdout)["documents"][0]["record"] == HOSTILE_ID


# --- 20. SARIF URIs stay relative --------------------------------------------------------------------

def test_sarif_uris_are_relative_to_a_base_and_percent_encoded(tmp_path, monkeypatch):
    from urllib.parse import unquote, urlsplit

    monkeypatch.chdir(tmp_path)
    (tmp_path / "javascript:alert(1).txt").write_text("this serum cures acne, shop now", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a b#c?.txt").write_text("this serum cures acne, shop now", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("this serum cures acne, shop now", encoding="utf-8")
    try:
        result = cli("check", "javascript:alert(1).txt", str(tmp_path / "sub" / "a b#c?.txt"), str(outside),
                     "-m", "us", "--commercial", "-f", "sarif")
    finally:
        outside.unlink()
    run = json.loads(result.stdout)["runs"][0]
    locations = {unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]):
                 r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]}
    first = locations["javascript:alert(1).txt"]
    assert first == {"uri": "javascript%3Aalert%281%29.txt", "uriBaseId": "%SRCROOT%"}
    assert urlsplit(first["uri"]).scheme == ""  # a relative reference, not a javascript: URI
    assert locations["sub/a b#c?.txt"] == {"uri": "sub/a%20b%23c%3F.txt", "uriBaseId": "%SRCROOT%"}
    far = locations[f"file://{outside}"]
    assert "uriBaseId" not in far and urlsplit(far["uri"]).scheme == "file"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


# --- 21. --max-errors: one count of records ----------------------------------------------------------

@pytest.mark.parametrize("jobs", [1, 2])
def test_max_errors_stop_message_and_summary_count_the_same_records(tmp_path, jobs):
    lines = []
    for i in range(300):
        lines.append("{not json" if i % 7 == 3 else json.dumps({"id": f"r{i}", "market": "us",
                                                                 "caption": f"sunday walk number {i}"}))
    archive = tmp_path / "a.jsonl"
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.json"
    result = cli("audit", archive, *FIELDS, "-f", "json", "-o", out, "-j", jobs, "--no-cache", "--max-errors", 4)
    assert result.exit_code == 2
    said = re.search(r"stopped after 5 errors \(--max-errors 4\); ([\d,]+) records read", result.stderr)
    assert said, result.stderr
    summary = json.loads(out.read_text("utf-8"))["summary"]
    assert int(said.group(1).replace(",", "")) == summary["records_read"] < 300
    assert summary["records_failed"] == 5


# --- 17. -o replaces only regular files; anything else is written through ---------------------------------

def _report(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def script(tmp_path: Path) -> Path:
    path = tmp_path / "script.txt"
    path.write_text("this serum cures acne, shop now\n", encoding="utf-8")
    return path


def test_output_to_a_regular_file_is_atomic_and_keeps_its_mode(tmp_path):
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o600)
    assert cli("check", script(tmp_path), "-m", "us", "--commercial", "-f", "json", "-o", out).exit_code == 1
    assert _report(out)["summary"]["findings"] == 1
    assert os.stat(out).st_mode & 0o777 == 0o600
    assert not (tmp_path / "report.json.partial").exists()


def test_output_through_a_link_replaces_the_file_and_keeps_the_link(tmp_path):
    real = tmp_path / "reports" / "latest.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert cli("check", script(tmp_path), "-m", "us", "--commercial", "-f", "json", "-o", link).exit_code == 1
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert _report(real)["summary"]["findings"] == 1


def test_output_to_a_fifo_is_written_through(tmp_path):
    import threading

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli("check", script(tmp_path), "-m", "us", "--commercial", "-f", "json", "-o", fifo)
    reader.join(timeout=30)
    assert result.exit_code == 1
    assert fifo.is_fifo()  # not replaced by a regular file
    assert json.loads(got[0])["summary"]["findings"] == 1
    assert not (tmp_path / "report.fifo.partial").exists()


def test_output_to_a_link_to_standard_output_is_written_through(tmp_path):
    import subprocess
    import sys

    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(script(tmp_path)), "-m", "us",
                           "--commercial", "-f", "json", "-o", str(link)], capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["summary"]["findings"] == 1
    assert link.is_symlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_output_to_a_device_is_written_through_not_replaced(tmp_path):
    import stat

    null = tmp_path / "null"  # a null device of our own (as root the old code replaced /dev/null itself)
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert cli("check", script(tmp_path), "-m", "us", "--commercial", "-o", null).exit_code == 1
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert not (tmp_path / "null.partial").exists()


# --- 18. a report that cannot be written: one line, exit 2 --------------------------------------------------

@pytest.mark.parametrize("where, reason", [
    ("missing/report.json", "No such file or directory"),
    ("script.txt/report.json", "Not a directory"),
    ("/dev/full", "No space left on device"),
])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, where, reason):
    path = script(tmp_path)
    target = str(tmp_path / where)
    if where == "/dev/full" and os.geteuid() == 0:  # a full device of our own: never /dev/full as root
        import stat

        target = str(tmp_path / "full")
        os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    elif where == "/dev/full":
        target = where
    result = cli("check", path, "-m", "us", "--commercial", "-f", "json", "-o", target)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"reelcheck: error: {target}: cannot write the report: {reason}"]


def test_an_output_folder_that_is_read_only_is_one_line_and_exit_2(tmp_path, monkeypatch):
    import builtins

    real_open = builtins.open
    folder = tmp_path / "ro"
    folder.mkdir()

    def read_only(file, mode="r", *args, **kwargs):  # (as root, chmod does not stop a write)
        if str(file).startswith(str(folder)) and "w" in mode:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only)
    result = cli("audit", script(tmp_path), "-m", "us", "--no-cache", "-j", "1", "-o", folder / "a.json")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"reelcheck: error: {folder / 'a.json'}: cannot write the report: Permission denied")
