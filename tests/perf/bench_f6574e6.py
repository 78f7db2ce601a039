"""Benchmark: issue 13's speed constraint, today's audit against the one before the redesign (f6574e6).

    python tests/perf/bench_f6574e6.py                      # 6,000 records minus the first 3,000
    python tests/perf/bench_f6574e6.py --records 3000 --base 100 --keep /tmp/f657

Issue 13 asks the one-matcher redesign not to slow the audit down. The fair comparison runs both codes
on the same packs, f6574e6's, on the same records:

1. f6574e6's tree is taken with `git archive` into a work folder (code and packs). Its six
   `disclosure_first_chars` settings, a field today's schema no longer has, are dropped from a copy of
   its packs so that today's code loads them; nothing else changes.
2. The records are made by `bench_audit.generate` from those packs (a planted problem is a flag example
   of f6574e6's rules), seeded, `--records` of them and the first `--base` of the same file.
3. Each code runs `audit --jobs 1 --no-cache` on both files under valgrind's cachegrind (instruction
   counts do not depend on how busy the machine is; PYTHONHASHSEED=0). Start-up and compiling cancel out
   in the difference: instructions a record = (run on `--records` - run on `--base`) / the difference in
   records. Today's code gets a warm compiled-pack cache of its own first (f6574e6 has none).

Printed: instructions a record for each code and their ratio. Work done once, lazily, when a kind of text
first appears (loading a segmenter's dictionary, building a phrase matcher, a pattern's first
compile) falls inside the difference unless the base run has done it: the default subtracts a run of
the first 3,000 records, so the figure is what a record costs an audit that has warmed up, as in the
long audits issue 13 is about. (3,000 minus 100 records gave f6574e6 1,216k a record and today's code
2.02x that, 6,000 minus 3,000 gave 539k and 1.66x: both codes pay lazy work early.) Needs git (the
checkout's history) and valgrind (Debian: `apt-get install valgrind`); the four runs take 10-30 minutes.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import cachegrind

ROOT = Path(__file__).resolve().parents[2]
BEFORE = "f6574e6"


def export_tree(commit: str, dest: Path) -> None:
    """The commit's tree (code and packs) written into `dest`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")


def converted_packs(src: Path, dest: Path) -> Path:
    """A copy of f6574e6's packs that today's code loads: without `settings: {disclosure_first_chars: N}`."""
    shutil.copytree(src, dest)
    for pack in dest.glob("*/pack.yaml"):
        text = pack.read_text(encoding="utf-8")
        text = re.sub(r"^  disclosure_first_chars:.*\n", "", text, flags=re.M)
        text = re.sub(r"^settings:\s*\n(?=\S|\Z)", "", text, flags=re.M)  # (a settings block left empty)
        pack.write_text(text, encoding="utf-8")
    return dest


def make_records(packs: Path, path: Path, records: int) -> None:
    """`records` generated captions, their planted problems taken from `packs` (in a child process, so
    that the packs are loaded from $REELCHECK_RULES)."""
    code = ("import sys; from pathlib import Path; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tests/perf'];"
            "import bench_audit as B; from checker.rules import load_rules; from checker.engine import Checker;"
            "rs = load_rules(); B.generate(Path(sys.argv[2]), int(sys.argv[3]), rs, Checker(rs))")
    env = dict(os.environ, REELCHECK_RULES=str(packs), PYTHONHASHSEED="0")
    subprocess.run([sys.executable, "-c", code, str(ROOT), str(path), str(records)], check=True, env=env)


def audit_cmd(path: Path) -> list[str]:
    return [sys.executable, "-m", "checker", "audit", str(path), "--market-field", "market", "--text-field", "caption",
            "--id-field", "id", "-f", "jsonl", "-o", os.devnull, "-j", "1", "-q", "--no-cache", "--fail-on", "never"]


def instructions(code: Path, packs: Path, path: Path, cache: Path) -> int:
    env = dict(os.environ, PYTHONPATH=str(code), REELCHECK_RULES=str(packs), REELCHECK_CACHE_DIR=str(cache),
               PYTHONHASHSEED="0")
    return cachegrind.instructions(audit_cmd(path), env, "bench_f6574e6", cwd=tempfile.gettempdir())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=6000)
    ap.add_argument("--base", type=int, default=3000, help="records of the run whose count is subtracted")
    ap.add_argument("--keep", type=Path, help="work folder to use and keep (default: a temporary one)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench_f6574e6: valgrind is not installed (Debian: apt-get install valgrind)")
    if args.base >= args.records:
        sys.exit("bench_f6574e6: --base must be smaller than --records")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_f6574e6_"))
    work.mkdir(parents=True, exist_ok=True)
    old = work / BEFORE
    if not old.exists():
        export_tree(BEFORE, old)
    packs = work / "packs" if (work / "packs").exists() else converted_packs(old / "rules", work / "packs")
    full, base = work / f"records_{args.records}.jsonl", work / f"records_{args.base}.jsonl"
    make_records(packs, full, args.records)
    with open(full, encoding="utf-8") as src, open(base, "w", encoding="utf-8") as dst:
        for _ in range(args.base):
            dst.write(src.readline())
    cache = work / "cache"
    # (today's code compiles the packs once outside valgrind: its runs then load the compiled-pack cache)
    env = dict(os.environ, PYTHONPATH=str(ROOT), REELCHECK_RULES=str(packs), REELCHECK_CACHE_DIR=str(cache),
               PYTHONHASHSEED="0")
    subprocess.run(audit_cmd(base), env=env, cwd=tempfile.gettempdir(), check=True, capture_output=True)
    per = {}
    for name, code, rules in ((BEFORE, old, old / "rules"), ("today", ROOT, packs)):
        runs = [instructions(code, rules, path, cache) for path in (base, full)]
        per[name] = (runs[1] - runs[0]) / (args.records - args.base)
        print(f"{name}: {per[name] / 1e3:,.1f}k instructions a record ({runs[0]:,} and {runs[1]:,})", flush=True)
    print(f"today / {BEFORE}: {per['today'] / per[BEFORE]:.2f}x on {BEFORE}'s packs, "
          f"{args.records:,} records minus {args.base:,} (work folder {work})")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
