"""The audit's result cache: per-record results in one SQLite file (WAL), and the tables of the
whole-file layer (`filecache.py`).

A record's key hashes the raw record (an archive record; the text, offsets and metadata of any other
document), how it is read (format, CSV header, field options, declared metadata), the default markets,
the rule packs' content (`RuleSet.fingerprint`), `--select`/`--ignore`, and what the code that makes a
result is (`code_fingerprint`: the source of the checker package but its reporters, the versions of the
libraries it depends on and Python's Unicode database, and CACHE_FORMAT). A cached record is put back in
its place without being parsed, and any pack or code change re-checks everything.

Fail closed: every stored result carries a checksum keyed by its own key (`_sum`; a whole file's chunks
theirs, `filecache.chunk_sum`), so a result that is damaged, edited, or moved to another record's row is
not used: it is dropped and the record checked again. A cache file SQLite cannot read (a damaged page,
not a database at all) is started afresh, with a warning; the report is the same either way.
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
from .filecache import FILE_FORMAT, FileStart, chunk_intact, decode_chunk
from .work import first_line, meta_values

CACHE_FILE = "audit-v2.sqlite3"
CACHE_FORMAT = "5"  # what a stored result is and how it is keyed (4: the commerce decision; 5: checksums, keyed on the code too)
CACHE_PAGES_KB = 32 << 10  # SQLite's page cache (the default 2 MB makes every look-up read the file)
_ROW = struct.Struct("<q")  # a key's row id: the first 8 bytes of a SHA-256; the next 16 key its checksum
RESULT_ROWS = 16384  # per-record results written per transaction
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26
_CODE: str | None = None


def code_fingerprint() -> str:
    """A hash of what makes a result besides the packs: the source files of the checker package (but
    its reporters, which only write results), the versions of the libraries reelcheck depends on,
    Python's version and Unicode database. Any change to parsing, normalisation, matching or the
    libraries under them gives new keys, without anyone remembering to bump CACHE_FORMAT."""
    global _CODE
    if _CODE is None:
        import unicodedata
        from importlib import metadata

        h = hashlib.sha256(f"{CACHE_FORMAT}\x1e{__version__}\x1e{sys.version_info[:2]}\x1e"
                           f"{unicodedata.unidata_version}".encode())
        root = Path(__file__).resolve().parent.parent
        for path in sorted(root.rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel.startswith("reporters/"):
                continue
            h.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
        try:
            requires = metadata.requires("reelcheck") or []
        except metadata.PackageNotFoundError:
            requires = []
        for requirement in sorted(requires):
            if "extra ==" in requirement:
                continue
            name = requirement.split(";")[0].split("[")[0].split("<")[0].split(">")[0].split("=")[0].strip()
            try:
                h.update(f"\x1e{name}={metadata.version(name)}".encode())
            except metadata.PackageNotFoundError:
                h.update(f"\x1e{name}=-".encode())
        _CODE = h.hexdigest()
    return _CODE


def _key(digest: bytes) -> tuple[int, bytes]:
    """(row id, checksum key) of a key's SHA-256."""
    return _ROW.unpack_from(digest)[0], digest[8:24]


def _sum(key: bytes, record: str | None, value: str) -> int:
    """A result's checksum: 64 bits of a BLAKE2b of its own id and text keyed by the rest of its key, so an
    edited result, or one copied to another record's row, does not match."""
    h = hashlib.blake2b(key=key, digest_size=8)
    if record is not None:
        h.update(record.encode("utf-8", "surrogatepass"))
    h.update(b"\x1f")
    h.update(value.encode("utf-8", "surrogatepass"))
    return int.from_bytes(h.digest(), "little", signed=True)


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite error says the file is damaged or not a database (not: locked, full, read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


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
        self.damaged = 0  # stored results that were not used (damaged or edited), and so checked again
        self.reset = False  # the file was unreadable and started afresh
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            self._start_afresh(exc)
        self._salt = hashlib.sha256(salt.encode("utf-8"))
        self._sources: dict = {}  # Archive -> hash of the salt and how the archive is read
        self._rows: list[tuple] = []  # results queued by put_many
        self.hits = 0  # records looked up in the per-record table and found
        self.misses = 0  # and not found (checked)
        self.files_replayed = 0  # archive files replayed whole, and their records (as counted in records_read)
        self.records_replayed = 0
        self.files_stored = 0

    def _open(self) -> None:
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

    def _start_afresh(self, exc: BaseException) -> None:
        """The cache file is damaged (or not a database): warn, remove it and start an empty one. Another
        audit that has it open keeps reading its own copy until it ends."""
        print(f"reelcheck: warning: the cache {self.path} is damaged ({exc}); it is started afresh",
              file=sys.stderr)
        try:
            self.db.close()
        except (AttributeError, sqlite3.Error):
            pass
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
        self.reset = True
        self._rows = []
        self._open()

    def damage(self, exc: BaseException) -> bool:
        """After an SQLite error: True when it was damage, and the cache was started afresh."""
        if not isinstance(exc, sqlite3.DatabaseError) or not is_damage(exc):
            return False
        try:
            self._start_afresh(exc)
        except (OSError, sqlite3.Error):
            return False
        return True

    @staticmethod
    def salt(ruleset, select: Iterable[str], ignore: Iterable[str], markets: Iterable[str] = ()) -> str:
        """What every result depends on: tool, packs, rule selection, default markets."""
        return "\x1e".join([
            CACHE_FORMAT, code_fingerprint(), ruleset.fingerprint, ",".join(sorted(select)), ",".join(sorted(ignore)),
            ",".join(sorted(set(markets))),
        ])

    def record_key(self, record: Record) -> tuple[int, bytes]:
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
        return _key(h.digest())

    def document_key(self, doc: Document, markets: tuple[str, ...]) -> tuple[int, bytes]:
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
        return _key(h.digest())

    def get_many(self, keys: list[tuple[int, bytes]]) -> list[tuple[str | None, str] | None]:
        """Per key, (own id, result text), or None when it is not there, or not as it was stored (its
        checksum does not match: dropped, so that the record is checked and stored again). A cache file
        that cannot be read is started afresh (every key is then missing)."""
        rows: dict[int, tuple] = {}
        ids = list(dict.fromkeys(k[0] for k in keys))
        try:
            for i in range(0, len(ids), 500):
                part = ids[i : i + 500]
                q = f"SELECT id, chk, record, value FROM results WHERE id IN ({','.join('?' * len(part))})"
                rows.update((row[0], row) for row in self.db.execute(q, part))
        except sqlite3.Error as exc:
            if not self.damage(exc):
                print(f"reelcheck: warning: cannot read the cache: {exc}", file=sys.stderr)
            return [None] * len(keys)
        out: list[tuple[str | None, str] | None] = []
        bad = []
        for row_id, key in keys:
            row = rows.get(row_id)
            if row is None:
                out.append(None)
            elif type(row[3]) is str and type(row[2]) in (str, type(None)) and row[1] == _sum(key, row[2], row[3]):
                out.append(row[2:])
            else:
                out.append(None)
                bad.append(row_id)
        if bad:
            self.damaged += len(bad)
            try:
                self.db.executemany("DELETE FROM results WHERE id = ?", [(b,) for b in bad])
            except sqlite3.Error:
                pass  # (replaced when the record is stored again)
        return out

    def put_many(self, rows: list[tuple[tuple[int, bytes], str | None, str]]) -> None:
        """Store results: queued, and written RESULT_ROWS at a time in one transaction, and at `close`
        (the keys are random, so a commit rewrites nearly as many B-tree pages as it has rows: few, large
        transactions; docs/performance.md)."""
        self._rows.extend((key[0], _sum(key[1], record, value), record, value) for key, record, value in rows)
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
        except (sqlite3.Error, UnicodeEncodeError) as exc:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if not self.damage(exc):  # (damaged: started afresh, these results are not kept)
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
        """(entry, chunks) of a stored file whose chunks are all there and all as they were written (each
        one's checksum is checked before any is replayed), or None: a damaged or edited entry is dropped,
        so that the file is read, checked and stored again."""
        try:
            row = self.db.execute("SELECT id, chunks, size FROM files WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            entry, chunks = row[0], row[1]
            count = size = 0
            good = True
            for seq, data in self.db.execute("SELECT seq, data FROM file_chunks WHERE file = ? ORDER BY seq",
                                             (entry,)):
                count += 1
                size += len(data) if isinstance(data, bytes) else 0
                good = good and seq == count - 1 and chunk_intact(key, seq, data)
        except sqlite3.Error as exc:
            if not self.damage(exc):
                print(f"reelcheck: warning: cannot read the cache: {exc}", file=sys.stderr)
            return None
        if not good or count != chunks or size != row[2]:  # damaged or edited (a complete entry's chunks
            self.damaged += 1                                # are never taken without it): dropped, so
            self.drop_file(entry)                            # that it is stored again
            return None
        return entry, chunks

    def file_chunks(self, entry: int, chunks: int, key: bytes) -> Iterator[tuple]:
        """A stored file's chunks, checked and decoded one at a time (`decode_chunk`); raises LookupError
        when one is missing or damaged (a concurrent audit replaced the entry, or the file is corrupt)."""
        for seq in range(chunks):
            try:
                row = self.db.execute("SELECT data FROM file_chunks WHERE file = ? AND seq = ?", (entry, seq)
                                      ).fetchone()
                if row is None:
                    raise LookupError("missing")
                if not chunk_intact(key, seq, row[0]):
                    raise LookupError("its checksum does not match")
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
