"""Reading bytes as text: encoding detection, binary detection, whole-file and streamed decoding.

Encodings: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM. Anything else that is not
valid UTF-8 is an error naming the byte offset of the first bad byte. A file with NUL bytes in its
first 8 KB (and no UTF-16/32 BOM) or starting with a known binary signature is a "binary file".

An archive of records is read leniently (`Undecodable`): a byte that is not UTF-8, or a stray NUL,
spoils the record it stands in, not the records after it (the archive readers report that record);
only a file whose first 8 KB hold more than `SPARSE_NULS` NUL bytes, or are mostly not UTF-8, is binary.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..model import LINE_BREAK, breaks

HEAD_SIZE = 8192
CHUNK_SIZE = 1 << 16
SPARSE_NULS = 3  # NUL bytes an archive's first 8 KB may hold and still be text (random bytes hold ~32)

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh91AY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
)


class ReadFailure(Exception):
    """A file cannot be read as text. `offset` is a byte offset, `line` the 1-based line of that byte."""

    def __init__(self, message: str, offset: int | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.line = line


class Undecodable:
    """Of a leniently decoded stream (`iter_text_chunks`): whether a byte that is not UTF-8 was seen.
    Each such byte is a lone surrogate U+DC80-U+DCFF in the text (Python's `surrogateescape`), which
    decoded UTF-8 never holds: `bad_byte` finds it in a record."""

    __slots__ = ("seen",)

    def __init__(self):
        self.seen = False

    def bad_byte(self, text: str) -> str | None:
        """Why `text` (a record's) cannot be read, or None: its first byte that is not UTF-8."""
        at = self.first_bad(text)
        return None if at is None else self.why(text, at, at + 1)

    def first_bad(self, text: str) -> int | None:
        """Where in `text` its first byte that is not UTF-8 stands, or None."""
        if not self.seen or text.isascii():
            return None
        found = _ESCAPED.search(text)
        return None if found is None else found.start()

    @staticmethod
    def why(text: str, at: int, column: int) -> str:
        """Why a record cannot be read, its bad byte at `text[at]`, on `column` of its line in the file."""
        return (f"not valid UTF-8: byte 0x{ord(text[at]) - 0xDC00:02x} at column {column}; "
                "the record was not read (save the file as UTF-8)")


_ESCAPED = re.compile("[\udc80-\udcff]")


def sniff(head: bytes, sparse_nul: bool = False) -> tuple[str, int]:
    """(encoding, BOM length) for a file starting with `head`; raises ReadFailure for binary data. With
    `sparse_nul` (an archive), a few NUL bytes are not binary: its reader reports the record holding one."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ReadFailure(f"binary file ({what}), not text")
    if head[4:8] == b"ftyp":
        raise ReadFailure("binary file (MP4/MOV video), not text")
    nuls = head[:HEAD_SIZE].count(b"\x00")
    if nuls and (not sparse_nul or head.startswith(b"\x00") or nuls > SPARSE_NULS):
        raise ReadFailure("binary file (contains NUL bytes), not text")
    if sparse_nul and len(_ESCAPED.findall(head[:HEAD_SIZE].decode("utf-8", "surrogateescape"))) * 8 > len(head):
        raise ReadFailure("binary file (mostly not UTF-8), not text")
    return "utf-8", 0


def _decode_failure(encoding: str, exc: UnicodeDecodeError, offset: int, line: int) -> ReadFailure:
    bad = exc.object[exc.start:exc.start + 1]
    byte = f"0x{bad[0]:02x}" if bad else "?"
    return ReadFailure(
        f"not valid {encoding.upper()}: byte {byte} at byte offset {offset} (line {line}); "
        "save the file as UTF-8", offset=offset, line=line,
    )


def decode_all(data: bytes) -> str:
    """Decode a whole file; raises ReadFailure (binary, or bad byte with its offset)."""
    encoding, bom = sniff(data[:HEAD_SIZE])
    try:
        return data[bom:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        line = _count_lines(data[bom:offset], encoding) + 1
        raise _decode_failure(encoding, exc, offset, line) from None


def _count_lines(data: bytes, encoding: str) -> int:
    """Line breaks in `data` (CR LF, LF or a lone CR: `model.LINE_BREAK`)."""
    if encoding == "utf-8":
        return data.count(b"\n") + (data.count(b"\r") - data.count(b"\r\n") if b"\r" in data else 0)
    return breaks(data.decode(encoding, errors="replace"))


_LONE_CR = re.compile("\r(?!\n)")


def read_binary(stream) -> BinaryIO:
    """The byte stream behind `stream` (a binary stream, or a text stream with a `.buffer`)."""
    return getattr(stream, "buffer", stream)


def iter_text_chunks(raw: BinaryIO, chunk_size: int = CHUNK_SIZE, lenient: Undecodable | None = None) -> Iterator[str]:
    """Decode a byte stream incrementally. Raises ReadFailure at the first bad byte (offset in the file);
    with `lenient` (UTF-8 only), a bad byte is kept as a lone surrogate instead and `lenient` notes it."""
    head = raw.read(HEAD_SIZE)
    encoding, bom = sniff(head, sparse_nul=lenient is not None)
    lenient = lenient if encoding == "utf-8" else None
    decoder = codecs.getincrementaldecoder(encoding)("surrogateescape" if lenient is not None else "strict")
    consumed = bom  # bytes handed to the decoder so far (plus the BOM)
    lines = 0
    after_cr = False  # whether the text so far ends with a CR (a CR LF cut by the chunks is one break)
    data = head[bom:]
    while True:
        final = not data
        buffered = decoder.getstate()[0]
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as exc:
            offset = consumed - len(buffered) + exc.start
            line = lines + _count_lines(exc.object[:exc.start], encoding) + 1
            if after_cr and exc.object[:exc.start].decode(encoding, errors="replace").startswith("\n"):
                line -= 1
            failure = _decode_failure(encoding, exc, offset, line)
            # hand on the good text before the bad byte: whole lines before it are still read
            good = exc.object[:exc.start].decode(encoding, errors="replace")
            if good:
                yield good
            raise failure from None
        consumed += len(data)
        if text:
            if lenient is None:  # (the line of a bad byte: a lenient decoder meets none)
                lines += breaks(text) - (after_cr and text[0] == "\n")
                after_cr = text[-1] == "\r"
            if lenient is not None and not lenient.seen and not text.isascii() and _ESCAPED.search(text):
                lenient.seen = True
            yield text
        if final:
            return
        data = raw.read(chunk_size)


def whole_breaks(chunks: Iterator[str]) -> Iterator[str]:
    """`chunks`, with a CR that ends one moved to the start of the next: then no CR LF is cut in two, and
    a CR is a lone one (a line break of its own) when the character after it in its chunk is not LF."""
    carry = ""
    for chunk in chunks:
        if carry:
            chunk = carry + chunk
        if chunk.endswith("\r"):
            chunk, carry = chunk[:-1], "\r"
        else:
            carry = ""
        if chunk:
            yield chunk
    if carry:
        yield carry


def _has_lone_cr(chunk: str) -> bool:
    return "\r" in chunk and _LONE_CR.search(chunk) is not None


def line_batches(chunks: Iterator[str]) -> Iterator[tuple[list[str], bool]]:
    """Decoded chunks cut into lines, without their line break (a line ends at LF, CR LF or a lone CR:
    `model.LINE_BREAK`; a CR LF line may keep its CR): per chunk that ends at least one line, (the lines
    it ends, True); at the end, ([the last line], False) if the text does not end with a line break. A
    line that spans chunks is joined once (linear time, however long the line)."""
    rest: list[str] = []  # the start of a line that goes on in the next chunk
    for chunk in whole_breaks(chunks):
        lines = LINE_BREAK.split(chunk) if _has_lone_cr(chunk) else chunk.split("\n")
        if len(lines) == 1:
            rest.append(chunk)
            continue
        if rest:
            rest.append(lines[0])
            lines[0] = "".join(rest)
        last = lines.pop()
        rest = [last] if last else []
        yield lines, True
    tail = "".join(rest)
    if tail:
        yield [tail], False


def iter_lines(chunks: Iterator[str]) -> Iterator[str]:
    """Split decoded chunks into lines, each keeping its own line break (LF, CR LF or a lone CR: what
    `csv.reader` reads, and keeps inside a quoted value, as the file has it)."""
    rest: list[str] = []  # the start of a line that goes on in the next chunk
    for chunk in whole_breaks(chunks):
        if _has_lone_cr(chunk):
            lines = _LINE.findall(chunk)
        else:
            lines = chunk.split("\n")
            last = lines.pop()
            lines = [line + "\n" for line in lines]
            if last:
                lines.append(last)
        tail = lines.pop() if lines and lines[-1][-1] not in "\r\n" else None
        if lines:
            if rest:
                rest.append(lines[0])
                lines[0] = "".join(rest)
                rest = []
            yield from lines
        if tail is not None:
            rest.append(tail)
    if rest:
        yield "".join(rest)


_LINE = re.compile("[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")
