"""Input stage: archives are streamed, so memory stays flat however large the file is."""

from __future__ import annotations

import json
import tracemalloc

import pytest
from source_counts import Counts

from checker.model import Document
from checker.sources import SourceOptions, iter_documents

LIMIT = 8 * 1024 * 1024  # far below the size of each generated file (19-24 MB)


def _record(n: int, pad: int) -> dict:
    return {
        "video": {"id": f"v{n:07d}", "desc": f"Caption {n}: the best serum ever, DM me on WhatsApp 😍 " + "x" * pad},
        "author": {"unique_id": f"user{n % 977}"},
        "market": ("us", "uk", "cn")[n % 3],
        "sponsored": n % 2 == 0,
    }


def _generate(path, fmt: str, records: int, pad: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        if fmt == "jsonl":
            for n in range(records):
                f.write(json.dumps(_record(n, pad), ensure_ascii=False) + "\n")
        elif fmt == "json":
            f.write("[\n")
            for n in range(records):
                f.write(("," if n else "") + json.dumps(_record(n, pad), ensure_ascii=False) + "\n")
            f.write("]\n")
        else:
            f.write("video_id,market,sponsored,caption\n")
            for n in range(records):
                rec = _record(n, pad)
                f.write(f'{rec["video"]["id"]},{rec["market"]},{rec["sponsored"]},"{rec["video"]["desc"]}"\n')


# (format, records, padding per caption): ~50k JSON Lines; fewer, longer records for the slower paths
CASES = [("jsonl", 50_000, 300), ("json", 10_000, 2000), ("csv", 10_000, 2000)]


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "records", "pad"), CASES)
def test_large_archive_streams_with_flat_memory(tmp_path, fmt, records, pad):
    path = tmp_path / f"big.{fmt}"
    _generate(path, fmt, records, pad)
    assert path.stat().st_size > 2 * LIMIT
    stats = Counts()
    count = 0
    last = None
    tracemalloc.start()
    try:
        for item in iter_documents([str(path)], SourceOptions()):
            stats.add(item)
            assert isinstance(item, Document), item
            count += 1
            last = item
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == records
    assert last.record == f"v{records - 1:07d}"
    assert stats.records_checked == records
    assert peak < LIMIT, f"peak {peak / 1e6:.1f} MB"
