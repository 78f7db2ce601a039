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


# --- the whole-file layer: an archive file audited whole is replayed from one entry --------------------

class _Caches:
    """Every ResultCache an audit opens, kept (with their counts) after the audit closed them."""

    made: list = []

    @classmethod
    def install(cls, monkeypatch):
        from checker.audit import ResultCache
        from checker.audit import run as audit_run

        cls.made = []

        class Spy(ResultCache):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                cls.made.append(self)

        monkeypatch.setattr(audit_run, "ResultCache", Spy)

    @classmethod
    def last(cls) -> tuple[int, int, int, int, int]:
        """(per-record hits, misses, files replayed, records replayed, files stored) of the last audit."""
        c = cls.made[-1]
        return c.hits, c.misses, c.files_replayed, c.records_replayed, c.files_stored


def stored_files(cache: Path) -> list[tuple]:
    """(complete?, entries, chunks) per row of the files table, and no chunk without its row."""
    import sqlite3

    from checker.audit import CACHE_FILE

    db = sqlite3.connect(cache / CACHE_FILE)
    try:
        rows = db.execute("SELECT key IS NOT NULL, entries, chunks, id FROM files ORDER BY id").fetchall()
        orphans = db.execute("SELECT count(*) FROM file_chunks WHERE file NOT IN (SELECT id FROM files)").fetchone()
        counts = dict(db.execute("SELECT file, count(*) FROM file_chunks GROUP BY file").fetchall())
    finally:
        db.close()
    assert orphans == (0,)
    assert all(counts.get(row[3], 0) == row[2] for row in rows)
    return [row[:3] for row in rows]


def write_archive(path: Path, records: list[dict]) -> int:
    """The records as JSON Lines, CSV (one ragged row) or a JSON array (one element not an object), with
    broken records in JSON Lines; returns how many records the reader yields or reports."""
    if path.suffix == ".jsonl":
        write_jsonl(path, records, extra={3: "{broken json", 20: "[1, 2]", 41: '"just a string"'})
        return len(records) + 3
    if path.suffix == ".csv":
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "market", "sponsored", "caption"])
            for i, r in enumerate(records):
                w.writerow([r.get("id", ""), r["market"], r.get("sponsored", ""), r["caption"]])
                if i == 30:
                    w.writerow(["ragged", "us"])
        return len(records) + 1
    items = [json.dumps(r, ensure_ascii=False, indent=1) for r in records]
    items.insert(12, "[1, 2]")
    path.write_text("[\n" + ",\n".join(items) + "\n]\n", encoding="utf-8")
    return len(records) + 1


@pytest.mark.parametrize("kind", ["jsonl", "csv", "json"])
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_replayed_file_gives_the_same_bytes(packs, tmp_path, monkeypatch, kind, fmt):  # noqa: F811
    from checker.audit import filecache

    monkeypatch.setattr(filecache, "FILE_CHUNK", 7)  # many chunks, errors and partial errors across their edges
    _Caches.install(monkeypatch)
    _Counting.install(monkeypatch)
    records = rows(60)
    for i in (37, 54):  # records without an id (named by their number) with findings, far into the file
        assert "id" not in records[i]
        records[i]["caption"] += " 这是全网最好的面霜" if records[i]["market"] == "cn" else " a miracle cure"
    records[54]["sponsored"] = "maybe"
    archive = tmp_path / f"a.{kind}"
    read = write_archive(archive, records)
    cache = tmp_path / "cache"
    base = run(archive, tmp_path / f"base.{fmt}", "-f", fmt, "-j", 1, "--no-cache", "--include-text")
    assert run(archive, tmp_path / f"fill.{fmt}", "-f", fmt, "-j", 2, "--cache", cache, "--include-text") == base
    # (a broken JSON line is a record, parsed by a worker; a ragged row or an array element that is not an
    # object is an error of the reader)
    assert _Caches.last() == (0, 63 if kind == "jsonl" else 60, 0, 0, 1)
    assert stored_files(cache) == [(1, read, -(-read // 7))]  # one entry per record or error, 7 a chunk
    for jobs in (1, 2):
        _Counting.calls = 0
        out = run(archive, tmp_path / f"replay{jobs}.{fmt}", "-f", fmt, "-j", jobs, "--cache", cache,
                  "--include-text")
        assert out == base, jobs
        assert _Caches.last() == (0, 0, 1, read, 0)  # nothing looked up record by record, nothing stored
        assert _Counting.calls == 0
    assert len(stored_files(cache)) == 1
    if fmt == "json":
        report = json.loads(base)
        assert report["summary"]["records_read"] == read
        assert any("sponsored" in e["message"] for e in report["errors"])  # partial errors, replayed too
        assert report["summary"]["records_failed"] == read - 60
        assert sum(d["record"].isdigit() for d in report["documents"]) == 2


def test_moved_file_hits_and_reports_its_new_path(packs, tmp_path, monkeypatch):  # noqa: F811
    _Caches.install(monkeypatch)
    first = tmp_path / "one" / "a.jsonl"
    first.parent.mkdir()
    write_archive(first, rows(40))
    cache = tmp_path / "cache"
    run(first, tmp_path / "fill.json", "-f", "json", "-j", 1, "--cache", cache)
    moved = tmp_path / "two" / "renamed.jsonl"
    moved.parent.mkdir()
    first.rename(moved)
    result = audit(moved, *ID_ARGS, "-f", "json", "-o", tmp_path / "moved.json", "-j", 1, "--cache", cache)
    assert _Caches.last()[2:4] == (1, 43)
    replayed = (tmp_path / "moved.json").read_bytes()
    assert replayed == run(moved, tmp_path / "plain.json", "-f", "json", "-j", 1, "--no-cache")
    report = json.loads(replayed)
    assert {d["path"] for d in report["documents"]} == {e["path"] for e in report["errors"]} == {str(moved)}
    # (the line "{broken json" goes wrong at its second character: line 4, column 2)
    assert f"{moved}:4:2: broken JSON record" in result.output and str(first) not in result.output


def test_edited_file_misses_the_file_layer_but_reuses_its_records(packs, tmp_path, monkeypatch):  # noqa: F811
    _Caches.install(monkeypatch)
    _Counting.install(monkeypatch)
    records = rows(50)
    archive = tmp_path / "a.jsonl"
    write_archive(archive, records)
    cache = tmp_path / "cache"
    run(archive, tmp_path / "fill.json", "-f", "json", "-j", 1, "--cache", cache)
    assert _Counting.calls == 50 - 4  # (the empty captions are not checked)
    records[25]["caption"] = "this one now cures acne"
    write_archive(archive, records)
    _Counting.calls = 0
    edited = run(archive, tmp_path / "edited.json", "-f", "json", "-j", 1, "--cache", cache)
    # one line changed: that record checked, the others reused (the broken lines are looked up, never found)
    assert _Caches.last() == (49, 1 + 3, 0, 0, 1)
    assert _Counting.calls == 1
    assert edited == run(archive, tmp_path / "plain.json", "-f", "json", "-j", 1, "--no-cache")
    assert [f["rule"] for d in json.loads(edited)["documents"] if d["record"] == "r025" for f in d["findings"]] \
        == ["us.claims.cure"]
    assert stored_files(cache) == [(1, 53, 1)]  # the entry of the old version of the file was dropped
    _Counting.calls = 0
    assert run(archive, tmp_path / "again.json", "-f", "json", "-j", 1, "--cache", cache) == edited
    assert _Caches.last() == (0, 0, 1, 53, 0) and _Counting.calls == 0


def test_pack_change_rechecks_every_record_of_a_stored_file(packs, tmp_path, monkeypatch):  # noqa: F811
    _Caches.install(monkeypatch)
    archive = tmp_path / "a.jsonl"
    write_archive(archive, rows(40))
    cache = tmp_path / "cache"
    run(archive, tmp_path / "fill.json", "-f", "json", "-j", 1, "--cache", cache)
    claims = packs / "us" / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace('"miracle cure"]', '"miracle cure", "walk"]'), "utf-8")
    changed = run(archive, tmp_path / "changed.json", "-f", "json", "-j", 2, "--cache", cache)
    assert _Caches.last() == (0, 40 + 3, 0, 0, 1)
    assert any(f["text"] == "walk" for d in json.loads(changed)["documents"] for f in d["findings"])
    assert changed == run(archive, tmp_path / "plain.json", "-f", "json", "-j", 1, "--no-cache")
    assert run(archive, tmp_path / "again.json", "-f", "json", "-j", 2, "--cache", cache) == changed
    assert _Caches.last()[2] == 1
    assert len(stored_files(cache)) == 2  # (one per rule set: the old packs' entry is still valid for them)


def test_stopped_run_stores_no_file_entry(packs, tmp_path, monkeypatch):  # noqa: F811
    from checker.audit import filecache

    monkeypatch.setattr(filecache, "FILE_CHUNK", 5)  # chunks are written before the stop: they must go
    _Caches.install(monkeypatch)
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, rows(80), extra={i: "{broken" for i in (30, 50, 70)})
    cache = tmp_path / "cache"
    stopped = run(archive, tmp_path / "stop.json", "-f", "json", "-j", 1, "--cache", cache, "--max-errors", 2)
    assert _Caches.last()[4] == 0 and stored_files(cache) == []
    assert stopped == run(archive, tmp_path / "stop-plain.json", "-f", "json", "-j", 1, "--no-cache",
                          "--max-errors", 2)
    run(archive, tmp_path / "whole.json", "-f", "json", "-j", 1, "--cache", cache)
    assert _Caches.last()[4] == 1
    # replayed, --max-errors stops at the same place (and the stop stores nothing either)
    result = audit(archive, *ID_ARGS, "-f", "json", "-o", tmp_path / "stop2.json", "-j", 2, "--cache", cache,
                   "--max-errors", 2)
    assert "stopped after 3 errors" in result.output
    assert _Caches.last()[2] == 1
    assert (tmp_path / "stop2.json").read_bytes() == stopped
    assert len(stored_files(cache)) == 1


def test_interrupted_run_stores_no_file_entry(packs, tmp_path, monkeypatch):  # noqa: F811
    import checker.sources as sources
    from checker.audit import filecache

    monkeypatch.setattr(filecache, "FILE_CHUNK", 5)
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, rows(300))
    real = sources.iter_records

    def interrupted(*args, **kwargs):
        for i, item in enumerate(real(*args, **kwargs)):
            if i == 200:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(sources, "iter_records", interrupted)
    cache = tmp_path / "cache"
    result = CliRunner().invoke(main, ["audit", str(archive), *ID_ARGS, "-f", "jsonl", "-o", str(tmp_path / "x"),
                                       "-j", "1", "--cache", str(cache)])
    assert result.exit_code == 130
    assert stored_files(cache) == []


def test_unfinished_iteration_stores_no_file_entry(packs, tmp_path):  # noqa: F811
    """A consumer that stops reading (the generator is closed) leaves no entry either."""
    import io

    from checker import audit as audit_mod
    from checker.engine import Checker
    from checker.reporters.json_ import JsonReporter
    from checker.rules import load_rules
    from checker.runner import Session
    from checker.sources import SourceOptions, iter_records

    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, rows(3000))
    cache = tmp_path / "cache"
    audit_options = audit_mod.AuditOptions(jobs=1, cache=str(cache), quiet=True)
    options = SourceOptions(text_fields=("caption",), id_field="id", market_field="market")
    files = audit_mod.FileLayer()
    items = iter_records([str(archive)], options, archive_hook=files)
    session = Session(JsonReporter(io.StringIO()))
    results = audit_mod.audit_items(Checker(load_rules()), items, (), audit_options, session, files=files)
    for _ in results:  # (clean records are counted into the session, not yielded)
        if session.summary.records_read >= 1000:
            break
    results.close()
    assert 1000 <= session.summary.records_read < 3000
    assert stored_files(cache) == [] and files.cache is None


def test_failed_check_keeps_the_file_out_of_the_file_layer(packs, tmp_path, monkeypatch):  # noqa: F811
    _Caches.install(monkeypatch)
    _Counting.install(monkeypatch, fail_on="BOOM")
    records = rows(30)
    records[10]["caption"] = "BOOM " + records[10]["caption"]
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, records)
    cache = tmp_path / "cache"
    first = run(archive, tmp_path / "first.json", "-f", "json", "-j", 1, "--cache", cache)
    assert _Caches.last()[4] == 0 and stored_files(cache) == []
    _Counting.calls = 0
    assert run(archive, tmp_path / "second.json", "-f", "json", "-j", 1, "--cache", cache) == first
    assert _Caches.last() == (29, 1, 0, 0, 0) and _Counting.calls == 1  # the failed record is checked again


def test_file_changed_while_read_is_not_stored(packs, tmp_path, monkeypatch):  # noqa: F811
    from checker.audit import filecache

    _Caches.install(monkeypatch)
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, rows(20))
    real = filecache.file_digest
    calls = []

    def digest(path):
        calls.append(path)
        return real(path) + (b"changed" if len(calls) % 2 == 0 else b"")  # after reading: not the same

    monkeypatch.setattr(filecache, "file_digest", digest)
    run(archive, tmp_path / "a.json", "-f", "json", "-j", 1, "--cache", tmp_path / "cache")
    assert calls == [str(archive)] * 2 and _Caches.last()[4] == 0
    assert stored_files(tmp_path / "cache") == []


def test_all_records_reads_the_file_and_stores_it(packs, tmp_path, monkeypatch):  # noqa: F811
    """--all-records reports clean records' text, which a file entry does not hold: such runs read the file
    (the per-record cache serving it), and store the entry for the runs without it."""
    _Caches.install(monkeypatch)
    archive = tmp_path / "a.csv"
    read = write_archive(archive, rows(40))
    cache = tmp_path / "cache"
    everything = run(archive, tmp_path / "all.json", "-f", "json", "-j", 1, "--cache", cache, "--all-records",
                     "--include-text")
    assert _Caches.last() == (0, 40, 0, 0, 1)
    again = run(archive, tmp_path / "all2.json", "-f", "json", "-j", 2, "--cache", cache, "--all-records",
                "--include-text")
    assert again == everything and _Caches.last() == (40, 0, 0, 0, 0)
    assert len(json.loads(again)["documents"]) == 40
    assert all("fields" in d for d in json.loads(again)["documents"])
    findings = run(archive, tmp_path / "findings.json", "-f", "json", "-j", 1, "--cache", cache)
    assert _Caches.last() == (0, 0, 1, read, 0)
    assert findings == run(archive, tmp_path / "plain.json", "-f", "json", "-j", 1, "--no-cache")


def test_folder_of_archives_replays_the_unchanged_files(packs, tmp_path, monkeypatch):  # noqa: F811
    _Caches.install(monkeypatch)
    folder = tmp_path / "exports"
    folder.mkdir()
    sizes = {name: write_archive(folder / name, rows(30 + 5 * i)) for i, name in
             enumerate(["a.jsonl", "b.csv", "c.json", "d.jsonl"])}
    (folder / "e.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n....")  # a file the reader rejects whole: stored too
    cache = tmp_path / "cache"
    fill = run(folder, tmp_path / "fill.jsonl", "-f", "jsonl", "-j", 2, "--cache", cache)
    assert _Caches.last()[4] == 5
    records = rows(40)
    records[0]["caption"] = "miracle cure"
    write_archive(folder / "b.csv", records)
    out = run(folder, tmp_path / "out.jsonl", "-f", "jsonl", "-j", 2, "--cache", cache)
    # b.csv: 34 records as they were, the first one changed, 5 new; the other files replayed (e.png: 1 error)
    assert _Caches.last() == (34, 6, 4, sum(sizes.values()) - sizes["b.csv"] + 1, 1)
    assert out != fill
    assert out == run(folder, tmp_path / "plain.jsonl", "-f", "jsonl", "-j", 1, "--no-cache")
    assert len(stored_files(cache)) == 5


def test_stdin_is_never_replayed_whole(packs, tmp_path, monkeypatch):  # noqa: F811
    _Caches.install(monkeypatch)
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, rows(20))
    text = archive.read_text("utf-8")
    outs = []
    for _ in range(2):
        result = CliRunner().invoke(main, ["audit", "-", "--input-format", "jsonl", *ID_ARGS, "-f", "jsonl", "-j",
                                           "1", "--cache", str(tmp_path / "cache")], input=text)
        outs.append(result.stdout)
    assert outs[0] == outs[1] and _Caches.last() == (20, 0, 0, 0, 0)


def test_damaged_file_entry_is_read_again_and_replaced(packs, tmp_path, monkeypatch):  # noqa: F811
    import sqlite3

    from checker.audit import CACHE_FILE, filecache

    monkeypatch.setattr(filecache, "FILE_CHUNK", 8)
    _Caches.install(monkeypatch)
    archive = tmp_path / "a.jsonl"
    write_archive(archive, rows(40))
    cache = tmp_path / "cache"
    first = run(archive, tmp_path / "first.json", "-f", "json", "-j", 1, "--cache", cache)
    db = sqlite3.connect(cache / CACHE_FILE)
    with db:
        db.execute("DELETE FROM file_chunks WHERE seq = 2")
    db.close()
    assert run(archive, tmp_path / "second.json", "-f", "json", "-j", 1, "--cache", cache) == first
    assert _Caches.last() == (40, 3, 0, 0, 1)  # read (its records from the per-record cache), stored again
    assert stored_files(cache) == [(1, 43, 6)]
    assert run(archive, tmp_path / "third.json", "-f", "json", "-j", 1, "--cache", cache) == first
    assert _Caches.last()[2] == 1


def test_a_device_given_as_an_archive_is_read_and_refused_not_hashed_to_its_end(tmp_path, monkeypatch):
    """The file cache hashes an archive before reading it; /dev/zero has no end, so a device (or a FIFO)
    is read as it comes, without the cache: its first bytes say it is binary, exit 2 at once."""
    import subprocess
    import sys

    monkeypatch.setenv("REELCHECK_CACHE_DIR", str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "checker", "audit", "/dev/zero", "--market", "us",
                           "--input-format", "jsonl"], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 2
    assert "reelcheck: error: /dev/zero: binary file (contains NUL bytes), not text" in done.stderr
