"""Input stage: encodings, binary and missing files, directories, stdin, counting."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from source_counts import Counts

from checker.model import Document, InputError, UsageError
from checker.sources import SourceOptions, detect_format, is_fatal, iter_documents

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def items_for(paths, stdin=None, stats=None, **opts):
    items = list(iter_documents([str(p) for p in paths], SourceOptions(**opts), stdin=stdin))
    return items if stats is None else stats.count(items)


def only_doc(items) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


CAPTION = "Best serum ever — cures acne 😍\n主播：加V\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"])
def test_encodings(tmp_path, encoding):
    path = tmp_path / "caption.txt"
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + CAPTION.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + CAPTION.encode("utf-16-be")
    else:
        data = CAPTION.encode(encoding)
    path.write_bytes(data)
    doc = only_doc(items_for([path]))
    assert doc.text == CAPTION  # the BOM is not part of the text
    seg = doc.segments[0]
    i = seg.text.index("cures")
    assert doc.text[seg.to_original(i):seg.to_original(i) + 10] == "cures acne"


def test_utf16_archive(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes("id,caption\nv1,最好的\nv2,加V\n".encode("utf-16"))
    docs = items_for([path])
    assert [(d.record, d.segments[0].text) for d in docs] == [("v1", "最好的"), ("v2", "加V")]


def test_invalid_byte_names_offset_and_other_files_still_read(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"first line ok\nsecond " + b"\xff\xfe bad" + b"\n")
    good = tmp_path / "good.txt"
    good.write_text("fine", encoding="utf-8")
    stats = Counts()
    items = items_for([bad, good], stats=stats)
    assert isinstance(items[0], InputError)
    assert items[0].offset == 21 and items[0].line == 2
    assert "byte offset 21" in items[0].message and "0xff" in items[0].message
    assert isinstance(items[1], Document) and items[1].segments[0].text == "fine"
    assert stats.as_dict() == {"records_read": 2, "records_checked": 1, "records_skipped": 0,
                               "records_failed": 1, "errors": 1}


def test_invalid_byte_in_streamed_archive_spoils_its_record_only(tmp_path):
    """A byte that is not UTF-8 (a Latin-1 é) is an error of the record it stands in, at its line and
    column; the records after it are read (in JSON Lines, a JSON array and CSV alike)."""
    good = {"id": "a", "text": "ok"}
    bad = b'{"id": "b", "text": "caf\xe9"}'
    for name, data in [("e.jsonl", (json.dumps(good) + "\n").encode() * 3 + bad + b"\n" + json.dumps(good).encode()),
                       ("e.json", b"[" + (json.dumps(good) + ",\n").encode() * 3 + bad + b",\n"
                        + json.dumps(good).encode() + b"]"),
                       ("e.csv", b"id,text\na,ok\na,ok\na,ok\nb,caf\xe9\na,ok\n")]:
        path = tmp_path / name
        path.write_bytes(data)
        items = items_for([path])
        assert [type(i).__name__ for i in items] == ["Document"] * 3 + ["InputError", "Document"], name
        err = items[3]
        line, column = {"e.jsonl": (4, 25), "e.json": (4, 25), "e.csv": (5, 6)}[name]
        assert (err.line, err.message) == (
            line, f"not valid UTF-8: byte 0xe9 at column {column}; the record was not read (save the file as UTF-8)")


def test_a_stray_nul_in_an_archive_spoils_no_other_record_but_a_nul_dense_one_is_binary(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "x\x00y"}\n{"id": "c", "text": "ok"}\n')
    items = items_for([path])
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert items[1].line == 2 and "control character" in items[1].message
    path.write_bytes(b'{"id": "a", "text": "o\x00k"}\n' * 40)  # (a NUL in every record: no text)
    (err,) = items_for([path])
    assert "binary file" in err.message


def test_utf8_bom_archive_header(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"\xef\xbb\xbfvideo_id,caption\nv1,hello\n")
    (doc,) = items_for([path])
    assert doc.record == "v1"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, b"PK\x03\x04rest", b"text\x00with nul",
                                  b"\x00\x00\x00\x18ftypmp42"])
def test_binary_file(tmp_path, data):
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    (err,) = items_for([path])
    assert isinstance(err, InputError) and "binary file" in err.message
    assert str(err).startswith(str(path))


def test_binary_archive(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)))
    (err,) = items_for([path])
    assert isinstance(err, InputError) and "binary file" in err.message


def test_missing_file(tmp_path):
    stats = Counts()
    (err,) = items_for([tmp_path / "nope.srt"], stats=stats)
    assert isinstance(err, InputError) and "no such file" in err.message
    assert is_fatal(err) and stats.records_failed == 1


def test_directory_recursion_sorted_with_globs(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z", encoding="utf-8")
    (tmp_path / "a" / "y.md").write_text("y", encoding="utf-8")
    (tmp_path / "a" / "x.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nx\n", encoding="utf-8")
    (tmp_path / "a" / "notes.py").write_text("print('skipped silently')", encoding="utf-8")
    (tmp_path / "a" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".git" / "c.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "drafts" / "d.txt").write_text("draft", encoding="utf-8")
    (tmp_path / "top.txt").write_text("top", encoding="utf-8")
    items = items_for([tmp_path])
    rel = [Path(i.path).relative_to(tmp_path).as_posix() for i in items]
    assert rel == ["top.txt", "a/x.srt", "a/y.md", "b/z.txt", "drafts/d.txt"]
    assert all(isinstance(i, Document) for i in items)
    items = items_for([tmp_path], exclude=("drafts",), include=("*.txt", "*.srt"))
    assert [Path(i.path).relative_to(tmp_path).as_posix() for i in items] == ["top.txt", "a/x.srt", "b/z.txt"]
    items = items_for([tmp_path], exclude=("a/*",))
    assert [Path(i.path).name for i in items] == ["top.txt", "z.txt", "d.txt"]


def test_unknown_extension_given_explicitly_is_text(tmp_path):
    path = tmp_path / "caption.caption"
    path.write_text("HOST: best serum ever", encoding="utf-8")
    doc = only_doc(items_for([path]))
    assert doc.format == "text" and doc.segments[0].kind == "spoken"


def test_input_format_forces_format(tmp_path):
    path = tmp_path / "subs.capcut"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nhello\n", encoding="utf-8")
    doc = only_doc(items_for([path], input_format="srt"))
    assert doc.format == "srt" and doc.segments[0].cue == 1
    known = tmp_path / "caption.txt"
    known.write_text("hello", encoding="utf-8")
    assert only_doc(items_for([known], input_format="srt")).format == "text"  # a known extension wins
    with pytest.raises(UsageError):
        items_for([path], input_format="docx")


def test_detect_format():
    assert detect_format("a/b.SRT") == "srt"
    assert detect_format("x.ndjson") == "jsonl"
    assert detect_format("x.markdown") == "markdown"
    assert detect_format("x.weird") == "text"
    assert detect_format("x.weird", explicit=False) is None


def test_stdin_text_and_bytes():
    doc = only_doc(items_for(["-"], stdin=io.StringIO("HOST: hi (waves)\n")))
    assert doc.path == "-" and [(s.kind, s.text) for s in doc.segments] == [("spoken", "hi"), ("direction", "waves")]
    doc = only_doc(items_for(["-"], stdin=io.BytesIO("\ufeff# Title\n**best** serum".encode("utf-8")),
                             input_format="md"))
    assert doc.format == "markdown" and [s.text for s in doc.segments] == ["Title", "best serum"]


def test_stdin_sniffs_subtitles_and_reports_bad_bytes():
    doc = only_doc(items_for(["-"], stdin=io.BytesIO(b"1\r\n00:00:01,000 --> 00:00:02,000\r\nhi\r\n")))
    assert doc.format == "srt" and doc.segments[0].start_time == 1.0
    doc = only_doc(items_for(["-"], stdin=io.BytesIO(b"WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n")))
    assert doc.format == "vtt"
    (err,) = items_for(["-"], stdin=io.BytesIO(b"ok \xc3("))
    assert isinstance(err, InputError) and err.path == "-" and err.offset == 3


def test_whole_examples_directory_reads_cleanly():
    stats = Counts()
    items = items_for([EXAMPLES], stats=stats)
    errors = [i for i in items if isinstance(i, InputError)]
    assert not errors, errors
    formats = {i.format for i in items}
    assert {"srt", "vtt", "markdown", "csv", "jsonl"} <= formats
    assert stats.records_read == stats.records_checked + stats.records_skipped + stats.records_failed
    assert stats.records_read == len(items)
    for doc in items:
        for seg in doc.segments:
            for i, ch in enumerate(seg.text):
                assert seg.origin[seg.to_original(i)] == ch
