"""Fuzzing the input parsers with Hypothesis (issue 17): whatever the bytes, reading them yields only
Documents and InputErrors (never raises, never a message over two lines), every record read is checked,
skipped or failed, every segment maps back into its original text and stays under the segment bound,
and an archive reads the same however its text is cut into chunks."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from source_counts import Counts

from checker.language import LANGUAGES
from checker.model import Document, InputError, Meta
from checker.sources import SourceOptions, is_fatal, iter_documents
from checker.sources._segments import MAX_SEGMENT_CHARS
from checker.sources.archives import csv_records, documents, json_array_records, jsonl_records

FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

KEYS = ["id", "caption", "text", "desc", "market", "language", "lang", "sponsored", "product", "hashtags", "title",
        "video", "x"]
WORDS = ["best", "cures acne", "最好", "ดีที่สุด", "tốt nhất", "#ad", "DM me", "en-US", "zh-Hans", "english",
         "en.examples", "klingon", "us", "cn,uk", "yes", "maybe", "\ufeff", "\ud800", "\\ud800", "é", "\u0301",
         "ﷺ", "\x00", "\r", "\t", " "]
PUNCT = list('{}[]",:\\\n\r\t -.01234567899') + ["true", "null", "-->", "->", "00:00:01,000", "00:00:61,5", "&a",
                                                  "*a", "---", "WEBVTT", "<i>", "{\\an8}", "HOST:", "(", ")"]

junk = st.lists(st.one_of(st.sampled_from(PUNCT + WORDS), st.text(max_size=4)), max_size=40).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False),
                    st.sampled_from(WORDS), st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
                      max_leaves=12)
records = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)


def record_text(record, mangle: str, cut: int) -> str:
    text = json.dumps(record, ensure_ascii=bool(cut % 2))
    if mangle:  # a broken record: something dropped into it
        text = text[:cut % (len(text) + 1)] + mangle + text[cut % (len(text) + 1):]
    return text


mangled_records = st.builds(record_text, records, st.one_of(st.just(""), st.just(""), junk), st.integers(0, 200))
deep = st.integers(1, 2500).map(lambda n: '{"caption": ' + "[" * n + '"best"' + "]" * n + "}")
record_lines = st.lists(st.one_of(mangled_records, mangled_records, junk, deep), max_size=12)
newlines = st.sampled_from(["\n", "\r\n", "\r"])
encodings = st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16"])


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass")


def read(data: bytes, fmt: str) -> list:
    """Read `data` as stdin in `fmt`; check what every input must satisfy; return the items."""
    items = list(iter_documents(["-"], SourceOptions(input_format=fmt, meta=Meta(markets=("us",))),
                                stdin=io.BytesIO(data)))
    counts = Counts()
    counts.count(items)
    assert counts.balanced(), counts.as_dict()
    assert counts.records_failed == sum(1 for i in items if isinstance(i, InputError) and is_fatal(i))
    for item in items:
        assert isinstance(item, Document | InputError), item
        if isinstance(item, InputError):
            assert item.message and "\n" not in item.message and "\r" not in item.message, item
            continue
        assert item.meta.language is None or item.meta.language in LANGUAGES
        for seg in item.segments:
            assert 0 < len(seg.text) <= MAX_SEGMENT_CHARS
            assert "".join(seg.origin[o:o + n] for _, o, n in seg.pieces) == seg.text
            if item.text is not None:
                assert seg.origin is item.text
    return items


def outcomes(items) -> list[tuple]:
    return [(type(i).__name__, i.record, i.record_line, len(i.segments)) if isinstance(i, Document)
            else (type(i).__name__, i.record, i.line, i.message) for i in items]


@FUZZ
@given(record_lines, newlines, encodings)
def test_fuzz_jsonl(lines, newline, encoding):
    text = newline.join(lines)
    items = read(encode(text, encoding), "jsonl")
    if newline != "\r" and encoding == "utf-8" and "\r" not in text and "\x00" not in text[:8192] \
            and not any("\ud800" <= ch <= "\udfff" for ch in text):  # (a lone surrogate is not UTF-8)
        # one outcome (a Document or the error that stops it) per non-blank line
        whole = [i for i in items if isinstance(i, Document) or is_fatal(i)]
        assert len(whole) == sum(1 for line in text.lstrip("\ufeff").split("\n") if line.strip())


@FUZZ
@given(st.lists(st.one_of(mangled_records, mangled_records, junk, deep), max_size=10),
       st.sampled_from([",", ",\n", " , ", ",,"]), st.sampled_from(["[", "", "[\n", "{"]),
       st.sampled_from(["]", "", "]\n", "] x"]), encodings)
def test_fuzz_json_array(elements, comma, opening, closing, encoding):
    read(encode(opening + comma.join(elements) + closing, encoding), "json")


csv_fields = st.one_of(st.sampled_from(WORDS), junk, st.text(max_size=10),
                       st.text(max_size=10).map(lambda t: '"' + t.replace('"', '""') + '"'))
csv_rows = st.lists(st.lists(csv_fields, min_size=1, max_size=5).map(",".join), max_size=10)
csv_headers = st.lists(st.sampled_from(KEYS + ["caption", "caption"]), min_size=1, max_size=5).map(",".join)


@FUZZ
@given(st.one_of(
    st.lists(st.one_of(mangled_records, deep), max_size=8).map(lambda e: "[" + ",\n".join(e) + "]"),
    st.lists(mangled_records, max_size=8).map("\n".join),
    st.builds(lambda header, rows: "\n".join([header, *rows]), csv_headers, csv_rows)), st.integers(1, 40))
def test_fuzz_archives_read_the_same_in_any_chunks(text, size):
    """The readers see the file in 64 KB chunks: cut anywhere, a record reads the same."""
    if text.startswith("["):
        reader = json_array_records
    elif text.startswith("{"):
        reader = jsonl_records
    else:
        def reader(path, chunks, options):
            return csv_records(path, chunks, options, delimiter=",")
    whole = outcomes(documents(reader("a", iter([text]), SourceOptions())))
    chunks = iter([text[i:i + size] for i in range(0, len(text), size)])
    assert outcomes(documents(reader("a", chunks, SourceOptions()))) == whole


@FUZZ
@given(csv_headers, csv_rows, newlines, st.sampled_from(["csv", "tsv"]))
def test_fuzz_csv(header, rows, newline, fmt):
    text = newline.join([header, *rows])
    if fmt == "tsv":
        text = text.replace(",", "\t")
    read(text.encode("utf-8", errors="surrogatepass"), fmt)


def stamp(h: int, m: int, s: int, ms: int, sep: str) -> str:
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


times = st.builds(stamp, st.integers(0, 99), st.integers(0, 99), st.integers(0, 99), st.integers(0, 999),
                  st.sampled_from([",", "."]))
arrows = st.sampled_from([" --> ", " --> ", "-->", " -> ", " ==> ", " "])
timings = st.one_of(st.builds(lambda a, arrow, b, rest: a + arrow + b + rest, times, arrows, times,
                              st.sampled_from(["", " align:start", " x"])), junk)
cue_text = st.lists(st.one_of(st.sampled_from(WORDS + ["<i>best</i>", "<v Host>cures acne", "{\\an8}ok", "1", ""]),
                              junk), min_size=0, max_size=3)


def srt(cues, newline):
    blocks = []
    for number, timing, lines, glue in cues:
        blocks.append(newline.join([number, timing, *lines]) + (newline if glue else newline * 2))
    return "".join(blocks)


cues = st.lists(st.tuples(st.one_of(st.integers(0, 99).map(str), junk), timings, cue_text, st.booleans()),
                max_size=8)


@FUZZ
@given(cues, newlines, encodings)
def test_fuzz_srt(items, newline, encoding):
    docs = [i for i in read(encode(srt(items, newline), encoding), "srt") if isinstance(i, Document)]
    for doc in docs:
        for seg in doc.segments:
            assert seg.start_time is not None and seg.start_time <= seg.end_time


@FUZZ
@given(st.sampled_from(["WEBVTT", "WEBVTT - title", "", "NOTE x"]), cues, newlines, encodings)
def test_fuzz_vtt(header, items, newline, encoding):
    body = srt([(n if n.isdigit() and len(n) % 2 else "", t, lines, glue) for n, t, lines, glue in items], newline)
    read(encode(header + newline * 2 + body, encoding), "vtt")


yaml_values = st.one_of(st.sampled_from(WORDS + ["[us, uk]", "&a [x, y]", "*a", "[*a, *a]", "{a: b}", "2020-99-99",
                                                 "!!binary xx", "!!float x", "'quoted'", '"\\ud800"', "[" * 40]),
                        junk)
front_lines = st.lists(st.tuples(st.sampled_from(["market", "markets", "language", "lang", "sponsored", "type",
                                                  "product", "platform", "x", "<<", "? [a]"]), yaml_values),
                       max_size=6).map(lambda kv: "\n".join(f"{k}: {v}" for k, v in kv))
bodies = st.lists(st.one_of(st.sampled_from(WORDS + ["HOST: best serum", "(holds jar)", "# Title", "- item",
                                                     "| a | b |", "```", "<!--", "[SHOT 1]"]), junk), max_size=8)


@FUZZ
@given(front_lines, bodies, st.sampled_from(["markdown", "text"]), newlines)
def test_fuzz_front_matter_and_scripts(front, body, fmt, newline):
    text = newline.join(["---", front, "---", *body])
    items = read(text.encode("utf-8", errors="surrogatepass"), fmt)
    assert sum(1 for i in items if isinstance(i, Document) or is_fatal(i)) == 1  # the file: read, or why not


@FUZZ
@given(st.binary(max_size=300), st.sampled_from(["jsonl", "json", "csv", "srt", "vtt", "markdown", "text"]))
def test_fuzz_any_bytes(data, fmt):
    read(data, fmt)


@pytest.mark.parametrize("text", ["[0{}]", "[1.5, {}]", "[true {}]", "[-12e3x]"])
def test_a_number_or_literal_reads_the_same_cut_after_any_character(text):
    # found by the fuzz test above: cut right after "0", the reader took "0{" for one broken record
    # where the whole file gives a number that is not an object, then a missing comma
    whole = outcomes(documents(json_array_records("a", iter([text]), SourceOptions())))
    for size in range(1, len(text)):
        chunks = iter([text[i:i + size] for i in range(0, len(text), size)])
        assert outcomes(documents(json_array_records("a", chunks, SourceOptions()))) == whole, size
