"""Benchmark: what the evasion readings (issue 16) cost, as a share of check time.

    python tests/perf/bench_evasion.py ../shared/corpus/real-posts-dev.jsonl [more.jsonl ...] [--repeat 3]

Each JSONL holds posts with `text` (or `caption`) and `market`. The posts are checked one by one
(`check_item`, as `check` and the audit do) in three ways in the same process: with the readings
(`on`), with `evasion.reading` switched off (`off`), and with the readings made but thrown away
(`made`: what finding out how a text reads costs, without the second look at the texts that do read
otherwise). Each way runs over the whole file once per round, in an order that turns each round; the
fastest round of each is kept (CPU time: on a shared machine wall-clock time drifts more than the
difference measured). Printed per file: microseconds per post each way and the readings' share of
check time. The target is 10%.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import checker  # noqa: E402
from checker import evasion  # noqa: E402
from checker.check import check_item  # noqa: E402
from checker.model import Document, Meta, Segment  # noqa: E402


def posts(path: str) -> list[tuple[str, str]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            out.append((record.get("text") or record.get("caption") or "", str(record["market"]).lower()))
    return out


def run(checker_, items) -> float:
    started = time.process_time()
    for text, market in items:
        check_item(checker_, Document(path="<post>", segments=[Segment.whole(text)],
                                      meta=Meta(markets=(market,)), text=text))
    return time.process_time() - started


def main(paths: list[str], repeat: int) -> None:
    checker_ = checker.load_checker()
    reading = evasion.reading

    def made(*args, **kwargs):
        reading(*args, **kwargs)
        return None

    ways = {"on": reading, "off": lambda *a, **k: None, "made": made}
    for path in paths:
        items = posts(path)
        run(checker_, items)  # (compiles what these posts need)
        best = dict.fromkeys(ways, float("inf"))
        order = list(ways)
        for _ in range(repeat):
            for way in order:
                evasion.reading = ways[way]
                try:
                    best[way] = min(best[way], run(checker_, items))
                finally:
                    evasion.reading = reading
            order = order[1:] + order[:1]
        n = len(items)
        us = {way: t / n * 1e6 for way, t in best.items()}
        print(f"{Path(path).name}: {n:,} posts; {us['on']:.0f} us a post with readings, {us['off']:.0f} us "
              f"without: the readings cost {(us['on'] / us['off'] - 1) * 100:.1f}% (target <= 10%); "
              f"making them {us['made'] - us['off']:.1f} us a post, checking the texts that read "
              f"otherwise {us['on'] - us['made']:.1f} us")


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        sys.exit(__doc__)
    rounds = 3
    if "--repeat" in args:
        at = args.index("--repeat")
        rounds = int(args[at + 1])
        del args[at:at + 2]
    main(args, rounds)
