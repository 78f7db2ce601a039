"""Instructions a command executes, counted by valgrind's cachegrind (shared by the benchmarks that
compare codes or ways of checking: the count does not depend on how busy the machine is)."""

from __future__ import annotations

import re
import subprocess
import sys

VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]


def instructions(cmd: list[str], env: dict, who: str, cwd=None) -> int:
    """The instructions `cmd` executes under cachegrind; exits naming `who` when the run fails."""
    done = subprocess.run([*VALGRIND, *cmd], capture_output=True, text=True, env=env, cwd=cwd, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode or not found:
        sys.exit(f"{who}: the run under cachegrind failed: {done.stderr.strip()[-400:]}")
    return int(found.group(1).replace(",", ""))
