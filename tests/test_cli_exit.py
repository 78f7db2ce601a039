"""`reelcheck` run as the program ends without the interpreter's teardown (cli._Program): what a user
sees of an exit is kept (status, output, atexit functions); called with arguments it raises as usual."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python(code: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env,
                          cwd=ROOT, input=stdin)


def test_status_output_and_atexit_functions_kept():
    result = python("""
        import atexit, sys
        atexit.register(lambda: print("atexit ran", flush=True))
        sys.argv = ["reelcheck", "--version"]
        from checker.cli import main
        main()
        print("not reached")
    """)
    assert result.returncode == 0 and result.stdout.splitlines() == ["reelcheck, version 0.1.0", "atexit ran"]
    result = python("""
        import sys
        sys.argv = ["reelcheck", "check", "no-such-file.txt", "--market", "us"]
        from checker.cli import main
        main()
    """)
    assert result.returncode == 2 and result.stderr.strip() == "reelcheck: error: no-such-file.txt: no such file or directory"


def test_findings_status_and_report_on_a_pipe():
    result = python("""
        import sys
        sys.argv = ["reelcheck", "check", "-", "--market", "us", "--format", "json"]
        from checker.cli import main
        main()
    """, stdin="This serum cured my acne in a week! Get yours at the link in bio, 20% off today #ad\n")
    assert result.returncode == 1 and '"us.claims.cure"' in result.stdout and result.stdout.rstrip().endswith("}")


def test_called_with_arguments_or_with_a_thread_left_it_exits_as_usual():
    result = python("""
        from checker.cli import main
        try:
            main(["--version"])
        except SystemExit as exc:
            print("raised", exc.code)
    """)
    assert result.returncode == 0 and result.stdout.splitlines()[-1] == "raised 0"
    result = python("""
        import sys, threading, time
        done = []
        threading.Thread(target=lambda: (time.sleep(0.3), done.append(1), print("thread done", flush=True))).start()
        sys.argv = ["reelcheck", "--version"]
        from checker.cli import main
        main()
    """)
    assert result.returncode == 0 and result.stdout.splitlines()[-1] == "thread done"


def test_under_a_profiler_it_exits_as_usual_so_the_profile_is_printed():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "cProfile", "-s", "tottime", "-m", "checker", "--version"],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0 and result.stdout.startswith("reelcheck, version")
    assert "ncalls" in result.stdout and "function calls" in result.stdout
