"""`reelcheck audit`: the report is the same byte for byte with and without the cache, whatever `--jobs`.

The cache is keyed on the raw record (a JSON Lines line, a CSV row's values, a JSON array element's
text) and a cached record is put back in its place without being parsed, so these tests move, edit,
number and break records and compare every run with an uncached one. Small packs in a temporary folder
(the `packs` fixture of test_audit.py).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_audit import _Counting, packs  # noqa: F401  (the fixture)

from checker.cli import main

ID_ARGS = ["--id-field", "id", "--market-field", "market", "--text-field", "caption",
           "--sponsored-field", "sponsored"]


def audit(*args) -> object:
    return CliRunner().invoke(main, ["audit", *map(str, args)], catch_exceptions=False)


def rows(n: int = 60) -> list[dict]:
    """Records: findings (us and cn), clean ones, empty captions, bad `sponsored` values, some without an id
    (one of them with a bad `sponsored` too)."""
    out = []
    for i in range(n):
        market = "cn" if i % 3 == 0 else "us"
        text = "周末在家做了一顿简单的早餐" if market == "cn" else f"a calm sunday walk number {i}"
        if i % 5 == 1:
            text += " 这是全网最好的面霜" if market == "cn" else "\nthis serum cures acne, whatsapp me"
        row = {"id": f"r{i:03d}", "market": market, "caption": text}
        if i % 11 == 7:
            row["caption"] = "  "  # skipped
        if i % 13 == 5 or i == 20:
            row["sponsored"] = "maybe"  # a partial error: still checked, reported before it
        if i % 17 == 3:
            del row["id"]  # named by its number
        out.append(row)
    return out


def write_jsonl(path: Path, records: list, extra: dict[int, str] | None = None) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    for at, line in sorted((extra or {}).items(), reverse=True):
        lines.insert(at, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(archive: Path, out: Path, *args, fields=ID_ARGS) -> bytes:
    result = audit(archive, *fields, "-o", out, *args)
    assert result.exit_code in (1, 2), result.output
    return out.read_bytes()


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("all_records", [False, True])
def test_same_bytes_with_and_without_cache_and_jobs(packs, tmp_path, fmt, all_records):  # noqa: F811
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, rows(), extra={10: "{broken json", 20: "[1, 2]", 30: '"just a string"'})
    more = ["--all-records", "--include-text"] if all_records else ["--include-text"]
    cache = tmp_path / "cache"
    baseline = run(archive, tmp_path / f"base.{fmt}", "-f", fmt, "-j", 1, "--no-cache", *more)
    for n, jobs in enumerate((2, 1, 2)):  # fill the cache, then read it back with 1 and 2 jobs
        out = run(archive, tmp_path / f"run{n}.{fmt}", "-f", fmt, "-j", jobs, "--cache", cache, *more)
        assert out == baseline, (n, jobs)
    if fmt == "json":
        report = json.loads(baseline)
        assert [e["line"] for e in report["errors"] if "sponsored" not in e["message"]] == [11, 22, 33]
        assert any("sponsored" in e["message"] for e in report["errors"])
        s = report["summary"]
        assert s["records_read"] == 63 and s["records_failed"] == 3
        assert s["records_checked"] + s["records_skipped"] + s["records_failed"] == s["records_read"]


def test_record_named_by_its_number_moves_with_its_place(packs, tmp_path, monkeypatch):  # noqa: F811
    plain = [{k: v for k, v in r.items() if k != "id"} for r in rows(40)]
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, plain)
    cache = tmp_path / "cache"
    _Counting.install(monkeypatch)
    run(archive, tmp_path / "fill.json", "-f", "json", "-j", 1, "--cache", cache)
    # two records added above, one below a blank line: every old record has a new number and line
    moved = tmp_path / "b.jsonl"
    write_jsonl(moved, [{"market": "us", "caption": "hello there"}, {"market": "us", "caption": "miracle cure"}]
                + plain, extra={5: ""})
    _Counting.calls = 0
    cached = run(moved, tmp_path / "moved.json", "-f", "json", "-j", 1, "--cache", cache, "--all-records")
    assert _Counting.calls == 2  # only the two new records were checked
    assert cached == run(moved, tmp_path / "moved-nocache.json", "-f", "json", "-j", 1, "--no-cache",
                         "--all-records")
    docs = json.loads(cached)["documents"]
    assert [d["record"] for d in docs] == [str(n) for n in range(1, 43)]
    for d in docs:
        assert all(f["record"] == d["record"] and f["line"] >= d["record_line"] for f in d["findings"])


def test_edited_record_is_checked_again(packs, tmp_path, monkeypatch):  # noqa: F811
    records = rows(40)
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, records)
    cache = tmp_path / "cache"
    _Counting.install(monkeypatch)
    run(archive, tmp_path / "fill.json", "-f", "json", "-j", 1, "--cache", cache)
    records[4]["caption"] = "now this serum cures acne"  # was clean
    records[6]["caption"] = "a calm sunday walk"  # had a finding
    records[8]["market"] = "cn"  # same text, another market
    write_jsonl(archive, records)
    _Counting.calls = 0
    cached = run(archive, tmp_path / "edited.json", "-f", "json", "-j", 1, "--cache", cache)
    assert _Counting.calls == 3
    assert cached == run(archive, tmp_path / "edited-nocache.json", "-f", "json", "-j", 1, "--no-cache")
    found = {d["record"]: [f["rule"] for f in d["findings"]] for d in json.loads(cached)["documents"]}
    assert found["r004"] == ["us.claims.cure"] and "r006" not in found


def test_options_that_change_a_record_change_its_key(packs, tmp_path, monkeypatch):  # noqa: F811
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, [{"id": "x", "caption": "this serum cures acne", "mk": "us"}])
    cache = tmp_path / "cache"
    _Counting.install(monkeypatch)
    first = audit(archive, "--market", "us", "--cache", cache, "-j", 1, "-f", "jsonl")
    assert _Counting.calls == 1 and "us.claims.cure" in first.stdout
    # another default market, another declared metadata, another field option: checked again
    for args in (["--market", "cn"], ["--market", "us", "--sponsored"], ["--market-field", "mk"],
                 ["--market", "us", "--id-field", "mk"]):
        _Counting.calls = 0
        audit(archive, *args, "--cache", cache, "-j", 1, "-f", "jsonl")
        assert _Counting.calls == 1, args
    _Counting.calls = 0
    again = audit(archive, "--market", "us", "--cache", cache, "-j", 1, "-f", "jsonl")
    assert _Counting.calls == 0 and again.stdout == first.stdout


def test_csv_and_json_array_same_bytes_with_and_without_cache(packs, tmp_path):  # noqa: F811
    records = rows(45)
    table = tmp_path / "a.csv"
    with open(table, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "market", "sponsored", "caption"])
        for r in records:
            w.writerow([r.get("id", ""), r["market"], r.get("sponsored", ""), r["caption"]])
        w.writerow(["ragged", "us"])
    array = tmp_path / "a.json"
    array.write_text("[\n" + ",\n".join("  " + json.dumps(r, ensure_ascii=False, indent=1).replace("\n", "\n  ")
                                        for r in records) + "\n]\n", encoding="utf-8")
    for archive in (table, array):
        cache = tmp_path / f"cache-{archive.suffix}"
        base = run(archive, tmp_path / "base.json", "-f", "json", "-j", 1, "--no-cache", "--all-records",
                   "--include-text")
        for jobs in (2, 1):
            assert run(archive, tmp_path / "c.json", "-f", "json", "-j", jobs, "--cache", cache,
                       "--all-records", "--include-text") == base, (archive, jobs)
        docs = json.loads(base)["documents"]
        assert len(docs) == 45 and all("fields" in d for d in docs)


def test_audit_documents_are_the_documents_check_reports(packs, tmp_path):  # noqa: F811
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, rows(30))
    cache = tmp_path / "cache"
    checked = json.loads(CliRunner().invoke(main, ["check", str(archive), *ID_ARGS, "-f", "json",
                                                   "--include-text"]).stdout)
    for n in range(2):  # fresh, then cached
        audited = json.loads(audit(archive, *ID_ARGS, "-f", "json", "--all-records", "--include-text", "--cache",
                                   cache).stdout)
        assert audited["documents"] == checked["documents"], n
        assert audited["errors"] == checked["errors"]


def test_example_archive_on_the_shipped_packs_same_bytes_cached(tmp_path, monkeypatch):
    """The shipped packs' findings carry `related` and `signals` after `record`: key order must survive."""
    monkeypatch.delenv("REELCHECK_RULES", raising=False)
    archive = Path(__file__).resolve().parents[1] / "examples" / "archives" / "captions.csv"
    args = ["--market-field", "market", "--id-field", "video_id", "--text-field", "caption", "-f", "json",
            "--include-text"]
    base = run(archive, tmp_path / "base.json", *args, "--no-cache", "-j", 1, fields=())
    cache = tmp_path / "cache"
    for jobs in (2, 1):
        assert run(archive, tmp_path / "c.json", *args, "--cache", cache, "-j", jobs, fields=()) == base, jobs
    findings = [f for d in json.loads(base)["documents"] for f in d["findings"]]
    assert any(f.get("related") or f.get("signals") for f in findings)
