"""spaCy imported without its command line (checker/spacy_cli.py), and the fall-backs to its own import.

Each case runs in a fresh interpreter: what is tested is the first `import spacy` of a process."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAPTION = "This serum cured my acne in a week! Get yours at the link in bio, 20% off today #ad\n"


def python(code: str, *, path: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "REELCHECK_SPACY_CLI"}
    environ["PYTHONPATH"] = os.pathsep.join(str(p) for p in (path, ROOT) if p is not None)
    environ.update(env or {})
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            env=environ, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result


def test_spacy_without_its_command_line_then_with_it():
    out = python("""
        import json, sys
        from checker import spacy_cli
        spacy_cli.install()
        import spacy
        state = {
            "typer": "typer" in sys.modules,
            "cli": sorted(n for n in sys.modules if n.startswith("spacy.cli")),
            "finder": any(type(f).__module__ == "checker.spacy_cli" for f in sys.meta_path),
            "loader": type(spacy.__loader__).__name__ == type(spacy.__spec__.loader).__name__ == "SourceFileLoader",
            "tokens": [t.text for t in spacy.blank("en")("Don't stop")],
        }
        import spacy.cli  # (spaCy's own, whole)
        state["setup_cli"] = callable(spacy.cli.setup_cli)
        state["info"] = sorted(spacy.info(silent=True))
        from spacy.cli.info import info
        state["same_info"] = info(silent=True) == spacy.info(silent=True)
        print(json.dumps(state))
    """)
    state = json.loads(out.stdout)
    assert state["typer"] is False and state["cli"] == [] and state["finder"] is False and state["loader"]
    assert state["tokens"] == ["Do", "n't", "stop"]
    assert state["setup_cli"] and "spacy_version" in state["info"] and state["same_info"]


def test_nothing_done_when_spacy_was_imported_first_or_when_turned_off():
    out = python("""
        import sys
        import spacy
        from checker import spacy_cli
        spacy_cli.install()
        print(any(type(f).__module__ == "checker.spacy_cli" for f in sys.meta_path), "spacy.cli" in sys.modules)
    """)
    assert out.stdout.split() == ["False", "True"]
    out = python("""
        import sys
        from checker import spacy_cli
        spacy_cli.install()
        import spacy
        print("typer" in sys.modules)
    """, env={"REELCHECK_SPACY_CLI": "1"})
    assert out.stdout.split() == ["True"]


def _fake_spacy(tmp_path: Path, init: str) -> Path:
    """A package named spacy whose command line records that it was imported."""
    package = tmp_path / "spacy"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text(init, encoding="utf-8")
    (package / "cli" / "__init__.py").write_text("IMPORTED = True\nfrom . import info\n", encoding="utf-8")
    (package / "cli" / "info.py").write_text("def info():\n    return 'real'\n\nOTHER = 42\n", encoding="utf-8")
    return tmp_path


def test_a_name_the_stand_in_lacks_imports_the_real_command_line(tmp_path):
    path = _fake_spacy(tmp_path, "from .cli.info import info, OTHER\n")
    out = python("""
        import sys
        from checker import spacy_cli
        spacy_cli.install()
        import spacy
        print(spacy.OTHER, spacy.info(), sys.modules["spacy.cli"].IMPORTED)
    """, path=path)
    assert out.stdout.split() == ["42", "real", "True"]


def test_spacy_importing_its_command_line_otherwise_is_left_alone(tmp_path):
    path = _fake_spacy(tmp_path, "from .cli import info as _info\ninfo = _info.info\n")
    out = python("""
        import sys
        from checker import spacy_cli
        spacy_cli.install()
        import spacy
        print(spacy.info(), sys.modules["spacy.cli"].IMPORTED, type(spacy.__loader__).__name__)
    """, path=path)
    assert out.stdout.split() == ["real", "True", "SourceFileLoader"]


def test_a_failing_spacy_import_leaves_no_stand_in(tmp_path):
    path = _fake_spacy(tmp_path, "from .cli.info import info\nraise ImportError('broken')\n")
    out = python("""
        import sys
        from checker import spacy_cli
        spacy_cli.install()
        try:
            import spacy
        except ImportError as exc:
            print(exc)
        print(sorted(n for n in sys.modules if n.startswith("spacy")))
    """, path=path)
    assert out.stdout.splitlines() == ["broken", "[]"]


def test_check_reads_the_same_without_spacy_s_command_line(tmp_path):
    caption = tmp_path / "caption.txt"
    caption.write_text(CAPTION, encoding="utf-8")
    reports = {}
    for off in ("0", "1"):
        env = {k: v for k, v in os.environ.items() if k != "REELCHECK_SPACY_CLI"}
        env.update(PYTHONPATH=str(ROOT), REELCHECK_SPACY_CLI=off)
        result = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", "check", str(caption),
                                 "--market", "us", "--format", "json"], capture_output=True, text=True, env=env,
                                cwd=ROOT)
        assert result.returncode == 1, result.stderr
        imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
        assert "spacy" in imported  # (the caption needs its tokens)
        assert ("typer" in imported) is (off == "1")
        reports[off] = json.loads(result.stdout)["documents"]
    assert reports["0"] == reports["1"] and reports["0"][0]["findings"]
