"""Caption archives: CSV/TSV rows and JSON Lines / JSON array objects, one `Document` per record.

Everything is streamed from decoded text chunks: a JSON Lines or CSV file is read a line at a time,
a JSON array one element at a time (`json.JSONDecoder.raw_decode` over a sliding buffer), so memory
stays flat however large the file is.

Per record: `Document.record` is the id field's value (or the record number, 1-based, when there is
no id field), `record_line` the line the record starts on; each text field present becomes one
`caption` segment with `field` = the field name and `origin` = the field's value (offsets are into the
value); `Segment.line_offset` is `record_line - 1`. Meta comes from the market/language/sponsored/
product/platform/account fields, and `SourceOptions.meta` fills what a record does not say.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from functools import lru_cache

from ..model import Document, InputError, Segment
from ._io import iter_lines
from ._segments import build, meta_from_values
from .errors import PartialInputError

DEFAULT_TEXT_FIELDS = ("caption", "text", "desc", "description", "content")
FALLBACK_TEXT_FIELDS = ("title",)  # only when none of the above is present
EXTRA_TEXT_FIELDS = ("hashtags",)
DEFAULT_FIELDS = {
    "id": ("id", "video_id", "post_id", "record_id", "item_id", "aweme_id"),
    "markets": ("market", "markets", "country", "region"),
    "language": ("language", "lang", "locale"),
    "sponsored": ("sponsored", "is_sponsored", "is_ad", "paid_partnership", "branded_content"),
    "product": ("product", "product_type", "product_category"),
    "platform": ("platform",),
    "account": ("account", "account_type"),
}
OPTION_FIELDS = {
    "id": "id_field", "markets": "market_field", "language": "language_field",
    "sponsored": "sponsored_field", "product": "product_field", "platform": "platform_field",
    "account": "account_field",
}
MAX_RECORD_CHARS = 16 << 20  # a JSON array element larger than this is reported, not buffered further
_MISSING = object()


@lru_cache(maxsize=4096)
def _norm(name: str) -> str:
    return "_".join(str(name).strip().lower().replace("-", " ").replace(".", " ").split())


# --- field lookup --------------------------------------------------------------------------------


def lookup(record: dict, path: str):
    """The value at a dotted path ("video.desc"; a list index also works: "items.0.text"), or _MISSING.
    An exact key wins over the dotted reading ("data.desc" as one key)."""
    if path in record:
        return record[path]
    value = record
    for part in path.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _MISSING
    return value


def _find_default(record: dict, names: tuple[str, ...]) -> str | None:
    """The first of `names` present in the record, by normalized key, at the top level or one level down."""
    normalized = {}
    for key in record:
        normalized.setdefault(_norm(key), key)
    for name in names:
        if name in normalized:
            return normalized[name]
    for key, value in record.items():
        if isinstance(value, dict):
            inner = {}
            for sub in value:
                inner.setdefault(_norm(sub), sub)
            for name in names:
                if name in inner:
                    return f"{key}.{inner[name]}"
    return None


class FieldPlan:
    """Which fields of a record are text, id and meta: from the options, else the default names."""

    def __init__(self, options):
        self.options = options
        self.text_fields = tuple(options.text_fields)
        self.fields = {key: getattr(options, attr) for key, attr in OPTION_FIELDS.items()}
        self._cache: dict[tuple, tuple[list[str], dict[str, str | None]]] = {}

    def resolve(self, record: dict) -> tuple[list[str], dict[str, str | None]]:
        """(text paths, {id/markets/...: path}) for a record, cached by the record's shape."""
        shape = tuple(
            (key, tuple(value) if isinstance(value, dict) else None) for key, value in record.items()
        )
        found = self._cache.get(shape)
        if found is None:
            found = (self.text_paths(record), {key: self.path(record, key) for key in DEFAULT_FIELDS})
            if len(self._cache) > 1024:
                self._cache.clear()
            self._cache[shape] = found
        return found

    def text_paths(self, record: dict) -> list[str]:
        if self.text_fields:
            return list(self.text_fields)
        found: list[str] = []
        for name in DEFAULT_TEXT_FIELDS:
            path = _find_default(record, (name,))
            if path and path not in found:
                found.append(path)
        if not found:
            path = _find_default(record, FALLBACK_TEXT_FIELDS)
            if path:
                found.append(path)
        for name in EXTRA_TEXT_FIELDS:
            path = _find_default(record, (name,))
            if path and path not in found:
                found.append(path)
        return found

    def path(self, record: dict, key: str) -> str | None:
        given = self.fields.get(key)
        if given:
            return given
        return _find_default(record, DEFAULT_FIELDS[key])


def _as_text(value) -> str | None:
    if value is None or value is _MISSING or isinstance(value, dict):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return " ".join(p for p in parts if p)
    return str(value)


def _record_id(value) -> str | None:
    text = _as_text(value)
    if text is None:
        return None
    text = text.strip()
    return text or None


def make_document(
    path: str, record: dict, number: int, line: int, plan: FieldPlan, fmt: str,
) -> tuple[Document, list[InputError]]:
    """The document for one record, and any partial errors about its fields."""
    errors: list[InputError] = []
    text_paths, paths = plan.resolve(record)
    id_path = paths["id"]
    record_id = _record_id(lookup(record, id_path)) if id_path else None
    if record_id is None:
        record_id = str(number)
    values = {}
    for key in ("markets", "language", "sponsored", "product", "platform", "account"):
        field_path = paths[key]
        if field_path:
            value = lookup(record, field_path)
            if value is not _MISSING and value is not None and value != "":
                values[key] = value
    try:
        meta = meta_from_values(values)
    except ValueError as exc:
        errors.append(PartialInputError(path, f"{exc}; taken as not declared", line=line, record=record_id))
        values.pop("sponsored", None)
        meta = meta_from_values(values)
    if meta.type is None:
        meta.type = "caption"
    segments: list[Segment] = []
    for field_path in text_paths:
        value = _as_text(lookup(record, field_path))
        if not value:
            continue
        seg = build(value, [(0, len(value))], "caption", field=field_path, line_offset=line - 1)
        if seg is not None:
            seg.index = len(segments)
            segments.append(seg)
    doc = Document(path=path, segments=segments, meta=plan.options.meta.merged(meta), text=None,
                   format=fmt, record=record_id, record_line=line)
    return doc, errors


# --- CSV -----------------------------------------------------------------------------------------


def _pick_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def iter_csv(path: str, chunks: Iterator[str], options, delimiter: str | None = None):
    """One document per data row; the first row is the header."""
    lines = iter_lines(chunks)
    first = next(lines, None)
    if first is None:
        return
    if delimiter is None:
        delimiter = _pick_delimiter(first)

    def all_lines():
        yield first
        yield from lines

    reader = csv.reader(all_lines(), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        yield InputError(path, f"cannot read the CSV header: {exc}", line=1)
        return
    header = [h.lstrip("\ufeff").strip() for h in header]
    if not any(header):
        yield InputError(path, "the CSV header row is empty", line=1)
        return
    plan = FieldPlan(options)
    probe = dict.fromkeys(header, "")
    missing = [f for f in plan.text_fields if f not in probe]
    if plan.text_fields and len(missing) == len(plan.text_fields):
        yield InputError(path, f"no column named {', '.join(missing)} (columns: {', '.join(header)})", line=1)
        return
    if not plan.text_fields and not plan.text_paths(probe):
        yield InputError(
            path, "no text column found: name one with --text-field (columns: " + ", ".join(header) + ")",
            line=1)
        return
    id_path = plan.path(probe, "id")
    id_index = header.index(id_path) if id_path in header else None
    number = 0
    last_line = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield InputError(path, f"broken CSV row: {exc}", line=last_line + 1)
            last_line = reader.line_num
            continue
        line = last_line + 1
        last_line = reader.line_num
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        number += 1
        if len(row) != len(header):
            rid = row[id_index].strip() if id_index is not None and id_index < len(row) else None
            yield InputError(path, f"row has {len(row)} fields, header has {len(header)}; row skipped",
                             line=line, record=rid or None)
            continue
        record = dict(zip(header, row, strict=True))
        doc, errors = make_document(path, record, number, line, plan, "csv")
        yield from errors
        yield doc


# --- JSON Lines ----------------------------------------------------------------------------------


def iter_jsonl(path: str, chunks: Iterator[str], options):
    plan = FieldPlan(options)
    number = 0
    for line_no, line in enumerate(iter_lines(chunks), start=1):
        if line_no == 1:
            line = line.lstrip("\ufeff")
        stripped = line.strip()
        if not stripped:
            continue
        number += 1
        try:
            record = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"broken JSON record: {exc.msg} (column {exc.colno})", line=line_no)
            continue
        if not isinstance(record, dict):
            yield InputError(path, f"record is a JSON {type(record).__name__}, not an object", line=line_no)
            continue
        doc, errors = make_document(path, record, number, line_no, plan, "jsonl")
        yield from errors
        yield doc


# --- JSON array ----------------------------------------------------------------------------------


class _Buffer:
    """A sliding window over decoded chunks, tracking the line number of its start."""

    def __init__(self, chunks: Iterator[str]):
        self.chunks = chunks
        self.text = ""
        self.pos = 0
        self.line = 1  # line of self.pos
        self.eof = False

    def more(self) -> bool:
        if self.eof:
            return False
        for chunk in self.chunks:
            if chunk:
                if self.pos > 0:
                    self.text = self.text[self.pos:]
                    self.pos = 0
                self.text += chunk
                return True
        self.eof = True
        return False

    def advance(self, to: int) -> None:
        self.line += self.text.count("\n", self.pos, to)
        self.pos = to

    def skip_space(self) -> str | None:
        """Skip whitespace; the next character (not consumed), or None at the end."""
        while True:
            text, n = self.text, len(self.text)
            i = self.pos
            while i < n and text[i] in " \t\r\n\ufeff":
                i += 1
            self.advance(i)
            if i < n:
                return text[i]
            if not self.more():
                return None


def iter_json_array(path: str, chunks: Iterator[str], options):
    """Elements of a top-level JSON array (a single top-level object is one record)."""
    plan = FieldPlan(options)
    decoder = json.JSONDecoder()
    buf = _Buffer(chunks)
    first = buf.skip_space()
    if first is None:
        return
    single = first == "{"
    if first not in "[{":
        yield InputError(path, f"expected a JSON array of objects, found {first!r}", line=buf.line)
        return
    if not single:
        buf.advance(buf.pos + 1)
    number = 0
    expect_comma = False
    while True:
        ch = buf.skip_space()
        if ch is None:
            if not single:
                yield InputError(path, "the JSON array is not closed (file ends early)", line=buf.line)
            return
        if not single and ch == "]":
            return
        if expect_comma:
            if ch != ",":
                yield InputError(path, f"expected ',' or ']' between records, found {ch!r}; "
                                       "the rest of the file was not read", line=buf.line)
                return
            buf.advance(buf.pos + 1)
            expect_comma = False
            continue
        line = buf.line
        while True:
            try:
                record, end = decoder.raw_decode(buf.text, buf.pos)
                break
            except json.JSONDecodeError as exc:
                if len(buf.text) - buf.pos < MAX_RECORD_CHARS and buf.more():
                    continue
                err_line = line + buf.text.count("\n", buf.pos, exc.pos)
                yield InputError(path, f"broken JSON record: {exc.msg}; the rest of the file was not read",
                                 line=err_line)
                return
        number += 1
        buf.advance(end)
        expect_comma = True
        if not isinstance(record, dict):
            yield InputError(path, f"record is a JSON {type(record).__name__}, not an object", line=line)
        else:
            doc, errors = make_document(path, record, number, line, plan, "json")
            yield from errors
            yield doc
        if single:
            ch = buf.skip_space()
            if ch is not None:
                yield InputError(path, f"unexpected {ch!r} after the JSON object", line=buf.line)
            return
