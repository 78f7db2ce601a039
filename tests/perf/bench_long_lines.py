"""Benchmark: reading archives whose records are very long lines (issue 17, item 22).

    python tests/perf/bench_long_lines.py                 # 13M, 26M and 52M characters
    python tests/perf/bench_long_lines.py --sizes 13 26

For each size (millions of characters) it writes a JSON Lines file and a CSV file holding one record of
that length between two short ones, and a JSON array whose long element is just over 16 MiB, and times
`iter_documents` over each. Splitting lines is linear: twice the length should take about twice the time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from checker.sources import SourceOptions, iter_documents  # noqa: E402


def timed(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    n = sum(1 for _ in iter_documents([str(path)], SourceOptions()))
    return time.perf_counter() - start, n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[13, 26, 52])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            caption = "best serum " * (size * 100_000)
            jsonl = Path(tmp) / "long.jsonl"
            jsonl.write_text(json.dumps({"id": "a", "caption": "x"}) + "\n" + json.dumps({"id": "b", "caption": caption})
                             + "\n" + json.dumps({"id": "c", "caption": "y"}) + "\n", encoding="utf-8")
            csv = Path(tmp) / "long.csv"
            csv.write_text("id,caption\na,x\nb," + caption + "\nc,y\n", encoding="utf-8")
            for path in (jsonl, csv):
                seconds, items = timed(path)
                print(f"{path.suffix:7} {size:3d}M characters: {seconds:6.2f} s ({items} items)")
        array = Path(tmp) / "big.json"
        array.write_text('[{"id": "a", "caption": "x"},' + json.dumps({"id": "b", "caption": "z" * (17 << 20)})
                         + ',{"id": "c", "caption": "y"}]', encoding="utf-8")
        seconds, items = timed(array)
        print(f".json   17 MiB element: {seconds:6.2f} s ({items} items)")


if __name__ == "__main__":
    main()
