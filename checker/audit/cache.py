"""The audit's result cache: per-record results in one SQLite file (WAL), and the tables of the
whole-file layer (`filecache.py`).

A record's key hashes the raw record (an archive record; the text, offsets and metadata of any other
document), how it is read (format, CSV header, field options, declared metadata), the default markets,
the rule packs' content (`RuleSet.fingerprint`), `--select`/`--ignore` and the tool version. A cached
record is put back in its place without being parsed, and any pack change re-checks everything.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import struct
import sys
import time
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import __version__
from ..model import Document
from ..sources import Archive, Record
from .filecache import FILE_FORMAT, FileStart, decode_chunk
from .work import first_line, meta_values

CACHE_FILE = "audit-v2.sqlite3"
CACHE_FORMAT = "4"  # 4: results carry the commerce decision
CACHE_PAGES_KB = 32 << 10  # SQLite's page cache (the default 2 MB makes every look-up read the file)
_KEY = struct.Struct("<qq")  # a cache key: the first 16 bytes of a SHA-256, as (row id, check)
RESULT_ROWS = 16384  # per-record results written per transaction


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reelcheck"


class ResultCache:
    """Per-record results (`work.portable`'s JSON text, and the record's own id) in one SQLite file (WAL).

    A key is 128 bits of a SHA-256: the first 64 are the row id (an INTEGER PRIMARY KEY look-up; see
    docs/performance.md), the next 64 are checked on the way out."""

    def __init__(self, folder: str | os.PathLike, salt: str):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / CACHE_FILE
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(f"PRAGMA cache_size={-CACHE_PAGES_KB}")
        self.db.execute("CREATE TABLE IF NOT EXISTS results"
                        " (id INTEGER PRIMARY KEY, chk INTEGER NOT NULL, record TEXT, value TEXT NOT NULL)")
        # the whole-file layer (`FileLayer`): one row per archive file audited whole (key NULL while it is
        # written), its outcomes in `file_chunks`; `scope` and `path` find the older versions of a file
        self.db.execute("CREATE TABLE IF NOT EXISTS files (id INTEGER PRIMARY KEY, key BLOB UNIQUE,"
                        " scope BLOB NOT NULL, path BLOB NOT NULL, entries INTEGER NOT NULL, chunks INTEGER NOT NULL,"
                        " size INTEGER NOT NULL, written REAL NOT NULL)")
        self.db.execute("CREATE INDEX IF NOT EXISTS files_by_path ON files (scope, path)")
        self.db.execute("CREATE TABLE IF NOT EXISTS file_chunks (file INTEGER NOT NULL, seq INTEGER NOT NULL,"
                        " data BLOB NOT NULL, PRIMARY KEY (file, seq)) WITHOUT ROWID")
        self._salt = hashlib.sha256(salt.encode("utf-8"))
        self._sources: dict = {}  # Archive -> hash of the salt and how the archive is read
        self._rows: list[tuple] = []  # results queued by put_many
        self.hits = 0  # records looked up in the per-record table and found
        self.misses = 0  # and not found (checked)
        self.files_replayed = 0  # archive files replayed whole, and their records (as counted in records_read)
        self.records_replayed = 0
        self.files_stored = 0

    @staticmethod
    def salt(ruleset, select: Iterable[str], ignore: Iterable[str], markets: Iterable[str] = ()) -> str:
        """What every result depends on: tool, packs, rule selection, default markets."""
        return "\x1e".join([
            CACHE_FORMAT, __version__, ruleset.fingerprint, ",".join(sorted(select)), ",".join(sorted(ignore)),
            ",".join(sorted(set(markets))),
        ])

    def record_key(self, record: Record) -> tuple[int, int]:
        """An archive record: the raw record and how its archive is read (never its path, line or number)."""
        h = self._sources.get(record.source)
        if h is None:
            if len(self._sources) > 256:
                self._sources.clear()
            h = self._sources[record.source] = self._salt.copy()
            h.update(record.source.identity().encode("utf-8", "surrogatepass"))
        h = h.copy()
        raw = record.raw
        if not isinstance(raw, str):  # a CSV row's values
            raw = json.dumps(raw, ensure_ascii=False)
        h.update(raw.encode("utf-8", "surrogatepass"))
        return _KEY.unpack_from(h.digest())

    def document_key(self, doc: Document, markets: tuple[str, ...]) -> tuple[int, int]:
        """Any other document: text, offsets into the original, metadata, markets."""
        h = self._salt.copy()
        base = first_line(doc)
        h.update(repr((doc.format, markets, meta_values(doc.meta), doc.text)).encode("utf-8", "surrogatepass"))
        origins: dict[int, int] = {}
        for s in doc.segments:
            o = origins.get(id(s.origin))
            if o is None:
                o = origins[id(s.origin)] = len(origins)
                h.update(b"\x1dO")
                h.update(s.origin.encode("utf-8", "surrogatepass"))
            h.update(b"\x1dS")
            h.update(s.text.encode("utf-8", "surrogatepass"))
            h.update(repr((o, s.kind, s.pieces, s.index, s.cue, s.start_time, s.end_time, s.field, s.speaker,
                           s.line_offset - base)).encode())
        return _KEY.unpack_from(h.digest())

    def get_many(self, keys: list[tuple[int, int]]) -> list[tuple[str | None, str] | None]:
        """Per key, (own id, result text), or None when it is not there."""
        rows: dict[int, tuple] = {}
        ids = list(dict.fromkeys(k[0] for k in keys))
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            q = f"SELECT id, chk, record, value FROM results WHERE id IN ({','.join('?' * len(part))})"
            rows.update((row[0], row) for row in self.db.execute(q, part))
        out: list[tuple[str | None, str] | None] = []
        for row_id, chk in keys:
            row = rows.get(row_id)
            out.append(row[2:] if row is not None and row[1] == chk else None)
        return out

    def put_many(self, rows: list[tuple[tuple[int, int], str | None, str]]) -> None:
        """Store results: queued, and written RESULT_ROWS at a time in one transaction, and at `close`
        (the keys are random, so a commit rewrites nearly as many B-tree pages as it has rows: few, large
        transactions; docs/performance.md)."""
        self._rows.extend((key[0], key[1], record, value) for key, record, value in rows)
        if len(self._rows) >= RESULT_ROWS:
            self.flush()

    def flush(self) -> None:
        rows, self._rows = self._rows, []
        if not rows:
            return
        try:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO results (id, chk, record, value) VALUES (?, ?, ?, ?)", rows)
            self.db.execute("COMMIT")
        except (sqlite3.Error, UnicodeEncodeError):
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise

    # the whole-file layer

    def file_key(self, fmt: str, archive: Archive, digest: bytes) -> tuple[bytes, bytes]:
        """(key, scope) of an archive file: scope hashes the salt and how the file is read, the key that
        and the SHA-256 of its bytes."""
        h = self._salt.copy()
        h.update(f"\x1efile {FILE_FORMAT}\x1e{fmt}\x1e{archive.identity()}".encode("utf-8", "surrogatepass"))
        scope = h.digest()
        h.update(digest)
        return h.digest(), scope

    def find_file(self, key: bytes) -> tuple[int, int] | None:
        """(entry, chunks) of a stored file whose chunks are all there, or None."""
        try:
            row = self.db.execute("SELECT id, chunks, size FROM files WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            count, size = self.db.execute("SELECT count(*), total(length(data)) FROM file_chunks WHERE file = ?",
                                          (row[0],)).fetchone()
        except sqlite3.Error as exc:
            print(f"reelcheck: warning: cannot read the cache: {exc}", file=sys.stderr)
            return None
        if count != row[1] or int(size) != row[2]:  # damaged (a complete entry's chunks are never taken
            self.drop_file(row[0])                   # without it): dropped, so that it is stored again
            return None
        return row[0], row[1]

    def file_chunks(self, entry: int, chunks: int) -> Iterator[tuple]:
        """A stored file's chunks, decoded one at a time (`decode_chunk`); raises LookupError when one is
        missing or damaged (a concurrent audit replaced the entry, or the file is corrupt)."""
        for seq in range(chunks):
            try:
                row = self.db.execute("SELECT data FROM file_chunks WHERE file = ? AND seq = ?", (entry, seq)
                                      ).fetchone()
                if row is None:
                    raise LookupError("missing")
                yield decode_chunk(row[0])
            except (sqlite3.Error, zlib.error, ValueError, TypeError) as exc:
                raise LookupError(str(exc)) from exc

    def begin_file(self, start: FileStart) -> int:
        cursor = self.db.execute(
            "INSERT INTO files (key, scope, path, entries, chunks, size, written) VALUES (NULL, ?, ?, 0, 0, 0, ?)",
            (start.scope, _path_bytes(start.path), time.time()))
        return cursor.lastrowid

    def put_file_chunk(self, entry: int, seq: int, data: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO file_chunks (file, seq, data) VALUES (?, ?, ?)", (entry, seq, data))

    def end_file(self, entry: int, start: FileStart, entries: int, chunks: int, size: int) -> None:
        """Make a written entry findable, and drop the older entries of the same path read the same way
        (and any left incomplete a day ago by an audit that was killed)."""
        path = _path_bytes(start.path)
        stale = time.time() - 86400
        try:
            self.db.execute("BEGIN IMMEDIATE")
            if self.db.execute("SELECT count(*) FROM file_chunks WHERE file = ?", (entry,)).fetchone()[0] != chunks:
                raise sqlite3.IntegrityError("chunks missing")  # (taken by a concurrent prune)
            self.db.execute("UPDATE files SET key = ?, entries = ?, chunks = ?, size = ? WHERE id = ?",
                            (start.key, entries, chunks, size, entry))
            old = "(SELECT id FROM files WHERE (scope = ? AND path = ? AND key IS NOT NULL OR key IS NULL AND written < ?) AND id != ?)"
            args = (start.scope, path, stale, entry)
            self.db.execute(f"DELETE FROM file_chunks WHERE file IN {old}", args)
            self.db.execute(f"DELETE FROM files WHERE id IN {old}", args)
            self.db.execute("COMMIT")
            self.files_stored += 1
        except sqlite3.Error as exc:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if not isinstance(exc, sqlite3.IntegrityError):
                raise
            self.drop_file(entry)  # the same file stored meanwhile by another audit: that one is kept

    def drop_file(self, entry: int) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM file_chunks WHERE file = ?", (entry,))
            self.db.execute("DELETE FROM files WHERE id = ?", (entry,))
            self.db.execute("COMMIT")
        except sqlite3.Error:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def close(self) -> None:
        """Write what is queued and close (an error writing is raised, after closing)."""
        try:
            self.flush()
        finally:
            try:
                self.db.close()
            except sqlite3.Error:
                pass


def _path_bytes(path: str) -> bytes:
    return path.encode("utf-8", "surrogatepass")
