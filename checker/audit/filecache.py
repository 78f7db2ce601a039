"""The cache's whole-file layer: an archive file audited completely is stored as one entry and replayed
whole when its bytes have not changed.

`FileLayer` is the `archive_hook` of `sources.iter_records`. Per archive file, before it is read, its
bytes are hashed (SHA-256); the entry's key hashes that digest with the reader format,
`Archive.identity()` (how the file is read) and the cache's salt, not the path, so a file moved or copied
still hits. An entry holds what it takes to replay the file's outcomes (per record its line, number, own
id and result; the reader's errors) in compressed chunks (`ChunkWriter`, `decode_chunk`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import struct
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import TYPE_CHECKING

from ..model import InputError
from ..sources import Archive, Record
from ..sources.errors import PartialInputError, is_fatal

if TYPE_CHECKING:
    from .cache import ResultCache

FILE_FORMAT = f"2-{sys.byteorder}"  # of the whole-file entries (their chunks hold native 64-bit integers)
_SUM_SIZE = 16  # a stored chunk starts with its checksum (`chunk_sum`)
FILE_CHUNK = 4096  # entries per stored chunk of a file's outcomes (what a replay holds in memory at a time)
_CHUNK_HEAD = struct.Struct("<II")  # entries, length of the JSON part


class FileStart:
    """Marker before the records of an archive file that is read (and recorded, to be stored once complete)."""

    __slots__ = ("path", "key", "scope")

    def __init__(self, path: str, key: bytes, scope: bytes):
        self.path = path
        self.key = key
        self.scope = scope


class FileEnd:
    """Marker after them: `unchanged` when the file's bytes still hash to the key (it did not change as it was read)."""

    __slots__ = ("start", "unchanged")

    def __init__(self, start: FileStart, unchanged: bool):
        self.start = start
        self.unchanged = unchanged


class Replay:
    """Marker standing for a whole archive file whose outcomes are in the cache (`ResultCache.find_file`).
    `read` reads the file as if it were not cached: if its entry cannot be replayed to the end after all
    (another audit replaced it meanwhile), the rest of the file is read and checked from where it stopped."""

    __slots__ = ("path", "format", "entry", "chunks", "key", "read")

    def __init__(self, path: str, fmt: str, entry: int, chunks: int, key: bytes = b"", read=None):
        self.path = path
        self.format = fmt  # Document.format
        self.entry = entry
        self.chunks = chunks
        self.key = key
        self.read = read


MARKERS = (FileStart, FileEnd, Replay)


def file_digest(path: str) -> bytes:
    """SHA-256 of a file's bytes, read 64 KB at a time into one buffer (docs/performance.md)."""
    h = hashlib.sha256()
    buf = bytearray(1 << 16)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fh:
        while n := fh.readinto(buf):
            h.update(view[:n])
    return h.digest()


class FileLayer:
    """`sources.iter_records(..., archive_hook=layer)`; `audit_items` attaches its cache while it runs
    (unattached, every file is read as usual).

    - hit: the file is not read; a `Replay` marker stands for it and `audit_items` replays its stored
      outcomes through the same placing and emitting as read records, with this path. Not with
      --all-records (a clean record's text is not stored: those runs read the file, the per-record
      cache serving it).
    - miss: the file is read as usual between `FileStart` and `FileEnd` markers; `audit_items` records
      each outcome as it emits it and stores the entry when it reaches `FileEnd`, i.e. once every
      outcome of the file was handed on (not after Ctrl-C or a --max-errors stop), when the file still
      hashes the same, and when every outcome can be replayed (none is a check that failed: those are
      checked again, as the per-record cache does)."""

    def __init__(self):
        self.cache: ResultCache | None = None
        self.replay = True

    def __call__(self, path: str, fmt: str, archive: Archive, read) -> Iterable:
        cache = self.cache
        if cache is None:
            return read()
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return read()  # (a device or a FIFO: hashing it would read it to its end, if it has one)
            digest = file_digest(path)
        except OSError:
            return read()  # (the reader reports why)
        key, scope = cache.file_key(fmt, archive, digest)
        found = cache.find_file(key)
        if found is None:
            return self._recorded(path, key, scope, digest, read)
        if self.replay:
            return (Replay(path, archive.format, *found, key, read),)
        return read()  # (--all-records: stored already)

    @staticmethod
    def _recorded(path: str, key: bytes, scope: bytes, digest: bytes, read) -> Iterator:
        start = FileStart(path, key, scope)
        yield start
        yield from read()
        try:
            unchanged = file_digest(path) == digest
        except OSError:
            unchanged = False
        yield FileEnd(start, unchanged)


class ChunkWriter:
    """Records a file's outcomes as they are emitted, in chunks of FILE_CHUNK entries written as they fill
    (one `file_chunks` row each, under an incomplete `files` row), so memory does not grow with the file.

    A chunk (zlib) is a head (entries, length of the JSON part), the JSON ``[results, others, own ids]``
    and three arrays of 64-bit integers: line and number (each as the difference from the entry before)
    and ref. An entry is (line, number, own id, ref): ref >= 0 is an "ok" record, `results[ref]` its result
    (`work.portable`'s, stored as JSON in the JSON: decoded once with the chunk); a result without findings is
    stored once per chunk (clean results repeat: a few serve thousands of records), one with findings once
    per record (it is placed, and so changed, for its record). ref < 0 is `others[-1 - ref]`: an unreadable
    record ``["u", message, line, column]`` or an error of the reader ``["e", fatal, message, line, record,
    offset, column]``."""

    def __init__(self, cache: ResultCache, start: FileStart):
        self.cache = cache
        self.start = start
        self.path = start.path
        self.entry: int | None = None  # the files row, once a chunk is written
        self.chunks = 0
        self.size = 0
        self.entries = 0
        self._new_chunk()

    def _new_chunk(self) -> None:
        self.results: list[str] = []  # result texts
        self.clean: dict[str, int] = {}  # result text without findings -> its index in `results`
        self.others: list[list] = []
        self.ids: list[str | None] = []
        self.lines = array("q")
        self.numbers = array("q")
        self.refs = array("q")
        self.last = (0, 0)

    def _put(self, line: int, number: int, rid: str | None, ref: int) -> None:
        last_line, last_number = self.last
        self.lines.append(line - last_line)
        self.numbers.append(number - last_number)
        self.last = (line, number)
        self.ids.append(rid)
        self.refs.append(ref)
        if len(self.refs) >= FILE_CHUNK:
            self._flush()

    def add(self, item, outcome: tuple | None, value: list | None = None) -> bool:
        """Take an emitted item, its outcome and, for an "ok" outcome, its decoded result; False when the
        file cannot be stored."""
        if outcome is None:  # an error of the reader
            if type(item) not in (InputError, PartialInputError) or item.path != self.path:
                return False
            self.others.append(["e", is_fatal(item), item.message, item.line, item.record, item.offset,
                                item.column])
            self._put(self.last[0], self.last[1], None, -len(self.others))
            return True
        if not isinstance(item, Record) or item.source.path != self.path:
            return False
        status = outcome[0]
        if status == "ok":
            text = outcome[2]
            if not isinstance(text, str):
                return False
            if not value[6]:  # no findings: shared by every record of the chunk with the same result
                ref = self.clean.get(text)
                if ref is None:
                    ref = self.clean[text] = len(self.results)
                    self.results.append(text)
            else:
                ref = len(self.results)
                self.results.append(text)
            self._put(item.line, item.number, outcome[1], ref)
            return True
        if status == "unreadable":
            self.others.append(["u", *outcome[2:5]])
            self._put(item.line, item.number, None, -len(self.others))
            return True
        return False  # a failed check: checked again next time

    def _flush(self) -> None:
        if not self.refs:
            return
        rest = json.dumps([self.others, self.ids], separators=(",", ":"))  # (ASCII, as the results)
        js = f"[[{','.join(self.results)}],{rest[1:]}".encode("ascii")
        # (zlib level 1: docs/performance.md)
        data = zlib.compress(b"".join((_CHUNK_HEAD.pack(len(self.refs), len(js)), js, self.lines.tobytes(),
                                       self.numbers.tobytes(), self.refs.tobytes())), 1)
        if self.entry is None:
            self.entry = self.cache.begin_file(self.start)
        data = chunk_sum(self.start.key, self.chunks, data) + data
        self.cache.put_file_chunk(self.entry, self.chunks, data)
        self.chunks += 1
        self.size += len(data)
        self.entries += len(self.refs)
        self._new_chunk()

    def finish(self) -> None:
        self._flush()
        if self.entry is None:
            self.entry = self.cache.begin_file(self.start)
        self.cache.end_file(self.entry, self.start, self.entries, self.chunks, self.size)
        self.entry = None

    def abandon(self) -> None:
        if self.entry is not None:
            self.cache.drop_file(self.entry)
            self.entry = None


def chunk_sum(key: bytes, seq: int, data: bytes) -> bytes:
    """A chunk's checksum: a BLAKE2b of its place and bytes keyed by its file's key, so that a chunk that
    is damaged, edited (a finding taken out) or moved to another file or place is never replayed."""
    h = hashlib.blake2b(key=key[:64], digest_size=_SUM_SIZE)
    h.update(seq.to_bytes(8, "little", signed=True))
    h.update(data)
    return h.digest()


def chunk_intact(key: bytes, seq: int, data) -> bool:
    """Whether a stored chunk (checksum, then the compressed chunk) is as it was written."""
    return (isinstance(data, bytes) and len(data) > _SUM_SIZE
            and hmac.compare_digest(data[:_SUM_SIZE], chunk_sum(key, seq, data[_SUM_SIZE:])))


def decode_chunk(data: bytes) -> tuple[list[list], list[list], list, Iterator[int], Iterator[int], array]:
    """A stored chunk: (results, others, own ids, lines, numbers, refs), as `ChunkWriter` wrote it (after
    its checksum)."""
    raw = zlib.decompress(data[_SUM_SIZE:])
    n, size = _CHUNK_HEAD.unpack_from(raw)
    at = _CHUNK_HEAD.size
    results, others, ids = json.loads(raw[at : at + size])
    at += size
    columns = []
    for _ in range(3):
        column = array("q")
        column.frombytes(raw[at : at + 8 * n])
        at += 8 * n
        columns.append(column)
    if len(ids) != n or at != len(raw) or len(columns[2]) != n:
        raise ValueError("a cached chunk does not add up")
    lines, numbers, refs = columns
    return results, others, ids, accumulate(lines), accumulate(numbers), refs
