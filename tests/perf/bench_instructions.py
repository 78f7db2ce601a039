"""Benchmark: instructions per post of `check_item`, with and without the evasion layer (issue 16).

    python tests/perf/bench_instructions.py ../shared/corpus/real-posts-dev.jsonl --records 1500
    REELCHECK_RULES=/tmp/old/rules python tests/perf/bench_instructions.py archive.jsonl   # other packs

Throughput on a shared machine drifts 10-30% from one run to the next; valgrind's cachegrind counts
the instructions a run executes, which stay the same however busy the machine is (with
PYTHONHASHSEED fixed). Each figure is the difference of two runs under cachegrind, one checking every
post once after a warm-up pass and one doing only the warm-up, so start-up and compiling cancel out.
Three ways, as `bench_audit.py --layer` switches them: the layer on; without its readings
(`evasion.reading` answers None); without readings and normalization (each segment checked as
written). Printed: instructions per post each way, and the share of them the readings and the whole
layer take (issue 16's target: at most 10% of the audit's throughput).

The JSONL holds posts with `text` (or `caption`) and `market`; the first `--records` are used.
Needs `valgrind` (Debian: `apt-get install valgrind`); a run of 1,500 posts takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import cachegrind

ROOT = Path(__file__).resolve().parents[2]
WAYS = ("on", "noread", "nolayer")


def posts(path: str, limit: int) -> list[tuple[str, str]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= limit:
                break
            record = json.loads(line)
            out.append((record.get("text") or record.get("caption") or "", str(record["market"]).lower()))
    return out


def child(way: str, path: str, limit: int, passes: int) -> None:
    """What runs under cachegrind: a warm-up pass, then `passes` passes checked `way`."""
    sys.path.insert(0, str(ROOT))
    import checker
    from checker import engine, evasion
    from checker.check import check_item
    from checker.model import Document, Meta, Segment
    from checker.normalize import Normalized

    items = posts(path, limit)
    checker_ = checker.load_checker()

    def run():
        for text, market in items:
            check_item(checker_, Document(path="<post>", segments=[Segment.whole(text)],
                                          meta=Meta(markets=(market,)), text=text))

    run()
    if way in ("noread", "nolayer"):
        evasion.reading = lambda *args, **kwargs: None
    if way == "nolayer":
        engine.normalize = lambda text: Normalized(text, [])
    for _ in range(passes):
        run()


def instructions(way: str, path: str, limit: int, passes: int) -> int:
    cmd = [sys.executable, __file__, "--child", way, str(passes), path, "--records", str(limit)]
    return cachegrind.instructions(cmd, dict(os.environ, PYTHONHASHSEED="0"), "bench_instructions")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", metavar="JSONL")
    ap.add_argument("--records", type=int, default=1500, help="posts of each file (default 1,500)")
    ap.add_argument("--child", nargs=2, metavar=("WAY", "PASSES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.paths[0], args.records, int(args.child[1]))
        return
    if shutil.which("valgrind") is None:
        sys.exit("bench_instructions: valgrind is not installed (Debian: apt-get install valgrind)")
    for path in args.paths:
        n = len(posts(path, args.records))
        # (a first run with an empty compiled-pack cache compiles and stores the packs: billions of
        # instructions that the runs after it do not pay; run once outside valgrind so none counts them,
        # over every post: a language is compiled when a post first needs it)
        subprocess.run([sys.executable, __file__, "--child", "on", "0", path, "--records", str(args.records)], check=True,
                       env=dict(os.environ, PYTHONHASHSEED="0"))
        # (and once under valgrind, not counted: a pattern is kept in the cache folder when compiling it
        # took longer than `regexcode.SLOW`, which valgrind's slowness makes many more; the first run
        # under it compiles and stores them, and without this run it would be the base run only)
        instructions("on", path, args.records, 0)
        base = instructions("on", path, args.records, 0)
        per = {way: (instructions(way, path, args.records, 1) - base) / n for way in WAYS}
        print(f"{Path(path).name}: {n:,} posts; instructions a post: {per['on'] / 1e3:,.1f}k with the layer, "
              f"{per['noread'] / 1e3:,.1f}k without its readings, {per['nolayer'] / 1e3:,.1f}k without the "
              f"layer; the readings {1 - per['noread'] / per['on']:.1%}, the layer "
              f"{1 - per['nolayer'] / per['on']:.1%} of the check (target <= 10%)")


if __name__ == "__main__":
    main()
