"""The files a team plugs reelcheck in with: the pre-commit hooks (run by pre-commit itself on a
temporary repository) and the GitHub Action's script (run with the same commands)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FLAGGED = "---\nmarket: us\nproduct: cosmetic\n---\nVO: This serum literally cured my acne. DM me on WhatsApp to order.\n"
CLEAN = "---\nmarket: us\n---\nHOST: Morning routine, three drops and done.\n"


def _git_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "scripts-repo"
    repo.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "launch.md").write_text(FLAGGED, encoding="utf-8")
    (repo / "routine.md").write_text(CLEAN, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    return repo


def test_hooks_file_names_the_expected_hooks():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"reelcheck", "reelcheck-fix"}
    check = hooks["reelcheck"]
    assert check["entry"].startswith("reelcheck check") and check["language"] == "python"
    import re

    for name in ("a.md", "b.txt", "c.srt", "d.vtt"):
        assert re.search(check["files"], name)
    assert not re.search(check["files"], "e.csv")
    assert not re.search(hooks["reelcheck-fix"]["files"], "c.srt")  # subtitles are never rewritten


@pytest.mark.skipif(shutil.which("pre-commit", path=str(BIN)) is None and shutil.which("pre-commit") is None,
                    reason="pre-commit is not installed (pip install -e '.[test]' installs it)")
@pytest.mark.slow
def test_pre_commit_try_repo_fails_a_flagged_script(tmp_path):
    # (one run over both files: each `try-repo` installs the hook's environment, spaCy included, into
    # a store of its own, which took most of this test's minute and a half per run)
    repo = _git_repo(tmp_path)
    exe = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": os.environ.get("PRE_COMMIT_HOME", str(Path.home() / ".cache" / "pre-commit"))}
    run = subprocess.run([exe, "try-repo", str(ROOT), "reelcheck", "--files", "launch.md", "routine.md"], cwd=repo,
                         capture_output=True, text=True, env=env, timeout=1800)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "reelcheck" in out and "Failed" in out
    assert "us.claims.cure" in out and "global.offplatform.messaging_app" in out
    places = [line.split(":", 1)[0] for line in out.splitlines() if line.startswith(("launch.md:", "routine.md:"))]
    assert places and set(places) == {"launch.md"}, out
    assert "in 1 of 2 documents" in out  # (the clean script is read, and has nothing to say)


def _action_script(name: str) -> str:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    return next(step["run"] for step in action["runs"]["steps"] if step["name"] == name)


def test_action_inputs():
    inputs = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"]
    assert {"paths", "markets", "fail-on", "sarif", "baseline", "cache"} <= set(inputs)
    assert inputs["cache"]["default"] == "true"


def _cache_key(cache_dir, tmp_path) -> str:
    out = tmp_path / "github_output"
    out.write_text("")
    env = {**os.environ, "CACHE_DIR": str(cache_dir), "RUNNER_OS": "Linux", "GITHUB_OUTPUT": str(out)}
    subprocess.run(["bash", "-c", _action_script("Key of reelcheck's cache")], env=env, check=True, timeout=60)
    (line,) = out.read_text().splitlines()
    assert line.startswith("key=")
    return line[4:]


def test_action_saves_its_cache_only_when_a_run_compiled_something_new(tmp_path):
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = {step["name"]: step for step in action["runs"]["steps"]}
    restore, save = steps["Restore reelcheck's cache"], steps["Save reelcheck's cache"]
    assert restore["uses"].startswith("actions/cache/restore@") and save["uses"].startswith("actions/cache/save@")
    assert restore["with"]["path"] == save["with"]["path"]
    assert "runner.temp" in steps["Run reelcheck"]["env"]["REELCHECK_CACHE_DIR"]
    assert "steps.restore.outputs.cache-matched-key" in save["if"] and "always()" in save["if"]
    cache = tmp_path / "reelcheck-cache"
    assert _cache_key(cache, tmp_path) == ""  # (nothing compiled: nothing to save)
    (cache / "packs-v1").mkdir(parents=True)
    (cache / "packs-v1" / "abc.pickle").write_bytes(b"1")
    (cache / "packs-v1" / "abc-en.pickle").write_bytes(b"2")
    first = _cache_key(cache, tmp_path)
    assert first.startswith("reelcheck-Linux-")
    (cache / "packs-v1" / "abc-en.pickle").write_bytes(b"read again, touched")
    (cache / "audit-v2.sqlite3").write_bytes(b"")
    assert _cache_key(cache, tmp_path) == first  # (the same entries: the restored cache is not saved again)
    (cache / "regex-v1").mkdir()
    (cache / "regex-v1" / "f00.pickle").write_bytes(b"3")  # (a pack edited: a new pattern compiled)
    assert _cache_key(cache, tmp_path) != first


def test_the_compiled_pack_cache_budget_can_be_set(monkeypatch):
    from checker.rules import packcache

    monkeypatch.delenv("REELCHECK_PACK_CACHE_MB", raising=False)
    assert packcache.budget() == packcache.BUDGET
    monkeypatch.setenv("REELCHECK_PACK_CACHE_MB", "150")
    assert packcache.budget() == 150 * 2**20
    monkeypatch.setenv("REELCHECK_PACK_CACHE_MB", "lots")
    assert packcache.budget() == packcache.BUDGET


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("never", 0)])
def test_action_script_writes_sarif_and_annotations_and_fails_on_findings(tmp_path, fail_on, code):
    import json

    repo = _git_repo(tmp_path)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "PATHS": ".", "MARKETS": "us",
           "FAIL_ON": fail_on, "SARIF": "out.sarif", "BASELINE": ""}
    result = subprocess.run(["bash", "-c", _action_script("Run reelcheck")], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == code, result.stderr
    sarif = json.loads((repo / "out.sarif").read_text(encoding="utf-8"))
    rules = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert "us.claims.cure" in rules
    assert "::error file=launch.md," in result.stdout  # the pull request's annotations
