"""Benchmark: what the evasion readings (issue 16) cost, as a share of check time.

    python tests/perf/bench_evasion.py ../shared/corpus/real-posts-dev.jsonl [more.jsonl ...]

Each JSONL holds posts with `text` (or `caption`) and `market`. The posts are checked one by one
(`check_item`, as `check` and the audit do) with the readings on and with `evasion.reading` switched off
in the same process, 300 posts at a time, each chunk on/off/on/off, the faster run of each kept (CPU
time: on a shared machine wall-clock time drifts more than the difference measured). Printed per file:
microseconds per post each way and the readings' share. The target is 10%.
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

CHUNK = 300


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


def main(paths: list[str]) -> None:
    checker_ = checker.load_checker()
    reading = evasion.reading
    for path in paths:
        items = posts(path)
        run(checker_, items)  # (compiles what these posts need)
        on = off = 0.0
        for i in range(0, len(items), CHUNK):
            chunk = items[i:i + CHUNK]
            times = {True: [], False: []}
            for readings in (True, False, True, False):
                evasion.reading = reading if readings else (lambda *a, **k: None)
                times[readings].append(run(checker_, chunk))
            evasion.reading = reading
            on += min(times[True])
            off += min(times[False])
        n = len(items)
        print(f"{Path(path).name}: {n:,} posts; with readings {on / n * 1e6:.0f} us a post, without "
              f"{off / n * 1e6:.0f} us: the readings cost {(on / off - 1) * 100:.1f}% (target <= 10%)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
