"""A damaged or edited audit cache (issue 17, item 7): never a crash, never a missing record, never a hidden
finding. Every run is compared byte for byte with an audit without the cache."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import pytest
from test_audit import packs  # noqa: F401  (the fixture)
from test_audit_cache import ID_ARGS, _Caches, audit, rows, stored_files, write_archive

from checker.audit import CACHE_FILE

FINDINGS = 12  # rows(40) has findings in records 1, 6, 11, ... (every fifth)


def run(archive: Path, out: Path, *args) -> tuple[bytes, object]:
    result = audit(archive, *ID_ARGS, "-o", out, "-f", "json", *args)
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    return out.read_bytes(), result


def findings(report: bytes) -> int:
    return json.loads(report)["summary"]["findings"]


@pytest.fixture
def archive(tmp_path) -> Path:
    path = tmp_path / "a.jsonl"
    write_archive(path, rows(40))
    return path


def baseline(archive: Path, tmp_path: Path) -> bytes:
    base, _ = run(archive, tmp_path / "base.json", "-j", "1", "--no-cache")
    assert findings(base) > 0
    return base


def db(cache: Path) -> sqlite3.Connection:
    return sqlite3.connect(cache / CACHE_FILE, isolation_level=None)


@pytest.mark.parametrize("edit", ["no findings", "not json", "another record's result", "a blob"])
def test_an_edited_per_record_result_is_checked_again(packs, tmp_path, archive, monkeypatch, edit):  # noqa: F811
    from checker.audit import filecache

    monkeypatch.setattr(filecache.FileLayer, "__call__", lambda self, path, fmt, archive, read: read())
    _Caches.install(monkeypatch)
    base = baseline(archive, tmp_path)
    cache = tmp_path / "cache"
    assert run(archive, tmp_path / "fill.json", "-j", "1", "--cache", cache)[0] == base
    con = db(cache)
    with_findings = [(i, v) for i, v in con.execute("SELECT id, value FROM results") if json.loads(v)[6]]
    clean = next(v for _, v in con.execute("SELECT id, value FROM results") if not json.loads(v)[6])
    assert with_findings
    for row_id, value in with_findings:
        result = json.loads(value)
        new = {"no findings": json.dumps(result[:6] + [[]] + result[7:], separators=(",", ":")),
               "not json": "{broken", "another record's result": clean, "a blob": None}[edit]
        if new is None:
            con.execute("UPDATE results SET value = x'00ff' WHERE id = ?", (row_id,))
        else:
            con.execute("UPDATE results SET value = ? WHERE id = ?", (new, row_id))
    con.close()
    again, _ = run(archive, tmp_path / "again.json", "-j", "1", "--cache", cache)
    assert again == base  # every finding is back
    c = _Caches.made[-1]
    assert run(archive, tmp_path / "third.json", "-j", "2", "--cache", cache)[0] == base
    third = _Caches.made[-1]  # stored again, as they were (its misses: the broken lines, never stored)
    assert c.damaged == len(with_findings) and c.misses - third.misses == len(with_findings)
    assert third.damaged == 0


def _chunks(cache: Path) -> list[tuple[int, int, bytes]]:
    con = db(cache)
    try:
        return con.execute("SELECT file, seq, data FROM file_chunks ORDER BY file, seq").fetchall()
    finally:
        con.close()


def _without_findings(data: bytes) -> bytes:
    """A whole-file chunk rewritten as a careful editor would: valid, with every finding taken out."""
    from checker.audit.filecache import _CHUNK_HEAD, _SUM_SIZE

    raw = zlib.decompress(data[_SUM_SIZE:])
    n, size = _CHUNK_HEAD.unpack_from(raw)
    results, others, ids = json.loads(raw[_CHUNK_HEAD.size: _CHUNK_HEAD.size + size])
    results = [r[:6] + [[]] + r[7:] for r in results]
    js = json.dumps([results, others, ids], separators=(",", ":")).encode()
    body = _CHUNK_HEAD.pack(n, len(js)) + js + raw[_CHUNK_HEAD.size + size:]
    return data[:_SUM_SIZE] + zlib.compress(body)


@pytest.mark.parametrize("edit", ["findings taken out", "a byte flipped", "chunks swapped", "not zlib"])
def test_an_edited_whole_file_entry_is_read_again_and_replaced(packs, tmp_path, archive, monkeypatch,  # noqa: F811
                                                              edit):
    from checker.audit import filecache

    monkeypatch.setattr(filecache, "FILE_CHUNK", 8)
    _Caches.install(monkeypatch)
    base = baseline(archive, tmp_path)
    cache = tmp_path / "cache"
    assert run(archive, tmp_path / "fill.json", "-j", "1", "--cache", cache)[0] == base
    assert run(archive, tmp_path / "replay.json", "-j", "1", "--cache", cache)[0] == base
    assert _Caches.last()[2] == 1  # replayed whole
    chunks = _chunks(cache)
    con = db(cache)
    if edit == "findings taken out":
        for entry, seq, data in chunks:
            con.execute("UPDATE file_chunks SET data = ? WHERE file = ? AND seq = ?",
                        (_without_findings(data), entry, seq))
    elif edit == "a byte flipped":
        entry, seq, data = chunks[2]
        data = data[:40] + bytes([data[40] ^ 1]) + data[41:]
        con.execute("UPDATE file_chunks SET data = ? WHERE file = ? AND seq = ?", (data, entry, seq))
    elif edit == "chunks swapped":
        (e, s0, d0), (_, s1, d1) = chunks[0], chunks[1]
        con.execute("UPDATE file_chunks SET data = ? WHERE file = ? AND seq = ?", (d1, e, s0))
        con.execute("UPDATE file_chunks SET data = ? WHERE file = ? AND seq = ?", (d0, e, s1))
    else:
        con.execute("UPDATE file_chunks SET data = ? WHERE seq = 1", (b"\0" * 64,))
    con.close()
    again, result = run(archive, tmp_path / "again.json", "-j", "1", "--cache", cache)
    assert again == base, edit  # the report is complete, every finding in it
    assert "damaged" not in result.stderr
    assert _Caches.last()[2:] == (0, 0, 1)  # not replayed: read (its records from the per-record cache), stored
    assert _Caches.made[-1].damaged == 1
    assert [f[0] for f in stored_files(cache)] == [1]
    assert run(archive, tmp_path / "third.json", "-j", "2", "--cache", cache)[0] == base
    assert _Caches.last()[2] == 1  # the entry stored again replays


def test_a_replay_that_stops_midway_reads_the_rest_of_the_file(packs, tmp_path, archive, monkeypatch):  # noqa: F811
    """Another audit can replace an entry while it is replayed: the rest of the file is read and checked."""
    from checker.audit import cache as cache_module
    from checker.audit import filecache

    monkeypatch.setattr(filecache, "FILE_CHUNK", 8)
    _Caches.install(monkeypatch)
    base = baseline(archive, tmp_path)
    cache = tmp_path / "cache"
    assert run(archive, tmp_path / "fill.json", "-j", "2", "--cache", cache)[0] == base
    calls = {"n": 0}
    real = cache_module.decode_chunk

    def flaky(data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ValueError("a cached chunk does not add up")
        return real(data)

    monkeypatch.setattr(cache_module, "decode_chunk", flaky)
    for jobs in ("1", "2"):
        calls["n"] = 0
        again, result = run(archive, tmp_path / f"again{jobs}.json", "-j", jobs, "--cache", cache)
        assert again == base, jobs
        assert "could not be read to the end; the rest is checked again" in result.stderr
        assert run(archive, tmp_path / f"fill{jobs}.json", "-j", "1", "--cache", cache)[0] == base  # stored again


@pytest.mark.parametrize("damage", ["pages overwritten", "not a database", "truncated"])
def test_a_damaged_cache_file_is_started_afresh(packs, tmp_path, archive, monkeypatch, damage):  # noqa: F811
    _Caches.install(monkeypatch)
    base = baseline(archive, tmp_path)
    cache = tmp_path / "cache"
    more = tmp_path / "b.jsonl"
    write_archive(more, rows(300))
    assert run(archive, tmp_path / "fill.json", "-j", "1", "--cache", cache)[0] == base
    run(more, tmp_path / "fill-more.json", "-j", "1", "--cache", cache)  # (a few pages of results)
    path = cache / CACHE_FILE
    data = bytearray(path.read_bytes())
    assert len(data) > 4 * 4096
    if damage == "pages overwritten":
        data[2 * 4096: len(data) - 4096] = b"\xa5" * (len(data) - 3 * 4096)
    elif damage == "not a database":
        data[:100] = b"this is not an SQLite file" + b"!" * 74
    else:
        data = data[: len(data) // 3 + 100]
    path.write_bytes(bytes(data))
    warned = []
    for jobs in ("1", "2"):
        again, result = run(archive, tmp_path / f"again{jobs}.json", "-j", jobs, "--cache", cache)
        assert again == base, (damage, jobs)
        warned += [line for line in result.stderr.splitlines() if "is damaged" in line]
    assert len(warned) == 1 and warned[0].startswith("reelcheck: warning: the cache ")
    assert warned[0].endswith("; it is started afresh")
    # a damaged file says so once, is started afresh, and then serves as before
    assert run(archive, tmp_path / "later.json", "-j", "1", "--cache", cache)[0] == base
    assert _Caches.last()[2] == 1 or _Caches.last()[0] == 40
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_cache_is_keyed_on_the_code_that_makes_a_result(packs, tmp_path, archive, monkeypatch):  # noqa: F811
    from checker.audit import cache as cache_module

    _Caches.install(monkeypatch)
    cache = tmp_path / "cache"
    run(archive, tmp_path / "fill.json", "-j", "1", "--cache", cache)
    run(archive, tmp_path / "hit.json", "-j", "1", "--cache", cache)
    assert _Caches.last()[2] == 1
    monkeypatch.setattr(cache_module, "_CODE", "a normaliser that changed")
    run(archive, tmp_path / "miss.json", "-j", "1", "--cache", cache)
    assert _Caches.last()[:3] == (0, 43, 0)  # every record checked again (40 and 3 broken lines)
    fingerprint = cache_module.code_fingerprint
    monkeypatch.setattr(cache_module, "_CODE", None)
    first = fingerprint()
    assert len(first) == 64 and fingerprint() == first
