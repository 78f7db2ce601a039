"""Input stage: CSV/TSV and JSON Lines / JSON array caption archives."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from source_counts import Counts

from checker.model import Document, InputError, Meta
from checker.sources import SourceOptions, is_fatal, iter_documents

ARCHIVES = Path(__file__).resolve().parent.parent / "examples" / "archives"


def assert_offsets(doc: Document) -> None:
    assert doc.text is None
    for seg in doc.segments:
        assert seg.kind == "caption" and seg.field
        for i, ch in enumerate(seg.text):
            assert seg.origin[seg.to_original(i)] == ch, (seg, i)


def run(paths, stats=None, **opts):
    items = list(iter_documents([str(p) for p in paths], SourceOptions(**opts)))
    if stats is not None:
        stats.count(items)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    for doc in docs:
        assert_offsets(doc)
    return docs, errors


def write_csv(path, rows, delimiter=","):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\n").writerows(rows)


def test_csv_records_ids_fields_and_meta(tmp_path):
    path = tmp_path / "c.csv"
    write_csv(path, [
        ["Video ID", "Market", "Sponsored", "Caption", "hashtags", "title"],
        ["v1", "us", "yes", "best serum ever, cures acne", "#skin #ad", "ignored title"],
        ["v2", "us,uk", "N", "multi\nline caption", "", ""],
        ["v3", "CN", "1", "最好的面霜", "#好物", ""],
    ])
    docs, errors = run([path], meta=Meta(product="cosmetic"))
    assert not errors
    assert [(d.record, d.record_line) for d in docs] == [("v1", 2), ("v2", 3), ("v3", 5)]
    v1, v2, v3 = docs
    assert v1.format == "csv"
    assert [(s.field, s.text) for s in v1.segments] == [("Caption", "best serum ever, cures acne"),
                                                        ("hashtags", "#skin #ad")]
    assert v1.segments[0].origin == "best serum ever, cures acne"
    assert v1.segments[0].line_offset == 1
    assert [s.index for s in v1.segments] == [0, 1]
    assert v1.meta.markets == ("us",) and v1.meta.sponsored is True and v1.meta.product == "cosmetic"
    assert v1.meta.type == "caption"
    assert v2.meta.markets == ("us", "uk") and v2.meta.sponsored is False
    assert v2.segments[0].text == "multi\nline caption"
    assert v3.meta.markets == ("cn",) and v3.segments[0].text == "最好的面霜"


def test_ragged_row_among_200(tmp_path):
    path = tmp_path / "c.csv"
    rows = [["video_id", "market", "sponsored", "caption"]]
    for n in range(1, 201):
        rows.append([f"v{n}", "us", "no", f"caption number {n}"])
    rows[42] = ["v42", "us", "caption with a missing column"]
    write_csv(path, rows)
    stats = Counts()
    docs, errors = run([path], stats)
    assert len(docs) == 199
    assert len(errors) == 1
    err = errors[0]
    assert (err.line, err.record) == (43, "v42")
    assert "3 fields" in err.message and "4" in err.message
    assert is_fatal(err)
    assert stats.as_dict() == {"records_read": 200, "records_checked": 199, "records_skipped": 0,
                               "records_failed": 1, "errors": 1}


def test_tsv_and_semicolon_csv_and_explicit_fields(tmp_path):
    tsv = tmp_path / "a.tsv"
    write_csv(tsv, [["post_id", "body", "country", "is_ad"], ["p1", "DM me on WhatsApp", "uk", "true"]],
              delimiter="\t")
    semi = tmp_path / "b.csv"
    semi.write_text("id;text;market\n7;加V了解;cn\n", encoding="utf-8")
    docs, errors = run([tsv], text_fields=("body",), id_field="post_id", market_field="country",
                       sponsored_field="is_ad")
    assert not errors
    (doc,) = docs
    assert (doc.record, doc.segments[0].field, doc.segments[0].text) == ("p1", "body", "DM me on WhatsApp")
    assert doc.meta.markets == ("uk",) and doc.meta.sponsored is True
    docs, errors = run([semi])
    assert not errors and docs[0].record == "7" and docs[0].segments[0].text == "加V了解"


def test_csv_without_text_column_or_id(tmp_path):
    path = tmp_path / "c.csv"
    write_csv(path, [["a", "b"], ["1", "2"]])
    docs, errors = run([path])
    assert not docs and len(errors) == 1 and "text" in errors[0].message
    write_csv(path, [["title", "market"], ["Hello", "us"], ["", "us"]])
    stats = Counts()
    docs, errors = run([path], stats)
    assert [d.record for d in docs] == ["1", "2"]  # no id column: the record number
    assert docs[0].segments[0].field == "title"
    assert docs[1].segments == []  # empty text: read, counted as skipped
    assert stats.records_skipped == 1 and stats.records_checked == 1


def test_bad_sponsored_value_is_a_partial_error(tmp_path):
    path = tmp_path / "c.csv"
    write_csv(path, [["id", "sponsored", "caption"], ["a", "maybe", "hello"]])
    stats = Counts()
    docs, errors = run([path], stats)
    assert len(docs) == 1 and docs[0].meta.sponsored is None
    assert len(errors) == 1 and not is_fatal(errors[0]) and errors[0].record == "a"
    assert stats.records_failed == 0 and stats.records_checked == 1 and stats.errors == 1


def test_jsonl_nested_fields_and_broken_lines(tmp_path):
    path = tmp_path / "e.jsonl"
    lines = [
        json.dumps({"video": {"id": "x1", "desc": "best serum ever"}, "market": "us", "is_ad": "no"}),
        "{broken json",
        "",
        "[1, 2]",
        json.dumps({"id": 5, "text": "加V", "hashtags": ["#a", "#b"], "sponsored": True}),
        json.dumps({"id": "6", "caption": ""}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stats = Counts()
    docs, errors = run([path], stats)
    assert [(d.record, d.record_line) for d in docs] == [("x1", 1), ("5", 5), ("6", 6)]
    assert docs[0].format == "jsonl"
    assert [(s.field, s.text) for s in docs[0].segments] == [("video.desc", "best serum ever")]
    assert docs[0].meta.markets == ("us",) and docs[0].meta.sponsored is False
    assert [(s.field, s.text) for s in docs[1].segments] == [("text", "加V"), ("hashtags", "#a #b")]
    assert docs[1].meta.sponsored is True
    assert docs[2].segments == []
    assert [e.line for e in errors] == [2, 4]
    assert stats.as_dict() == {"records_read": 5, "records_checked": 2, "records_skipped": 1,
                               "records_failed": 2, "errors": 2}


def test_jsonl_dotted_text_field_option(tmp_path):
    path = tmp_path / "e.ndjson"
    path.write_text(json.dumps({"data": {"desc": "cures acne", "title": "t"}, "meta": {"vid": "q"}}) + "\n",
                    encoding="utf-8")
    docs, errors = run([path], text_fields=("data.desc", "data.title"), id_field="meta.vid")
    assert not errors
    assert docs[0].record == "q"
    assert [(s.field, s.text) for s in docs[0].segments] == [("data.desc", "cures acne"), ("data.title", "t")]


def test_a_json_archive_whose_first_record_has_no_text_field_is_an_error_not_a_pass(tmp_path):
    """As a CSV header without the text column is: a misnamed `--text-field`, or records whose caption
    sits under a name nobody looks for, would otherwise have every record skipped and the run pass. The
    error stands in the first record's place (line and count); the records after it are read."""
    lines = [json.dumps({"id": "1", "market": "us", "body": "This serum cures acne"}),
             json.dumps({"id": "2", "market": "us", "body": "Link in bio", "caption": "DM me on WhatsApp"})]
    for name, text in (("a.jsonl", "\n".join(lines) + "\n"), ("a.json", "[" + ",\n".join(lines) + "]")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        stats = Counts()
        docs, errors = run([path], stats)
        assert [(e.line, e.message) for e in errors] == [
            (1, "no text field found in the first record: name one with --text-field (its fields: id, market, body)")]
        assert is_fatal(errors[0]) and [d.record for d in docs] == ["2"]
        assert stats.records_read == 2 and stats.records_failed == 1 and stats.records_checked == 1
        docs, errors = run([path], text_fields=("body",))  # named: every record read
        assert not errors and [d.segments[0].text for d in docs] == ["This serum cures acne", "Link in bio"]
    path = ARCHIVES / "export.jsonl"
    _docs, errors = run([path], text_fields=("vidoe.desc",))
    assert errors[0].line == 1 and errors[0].message.startswith(
        "the first record has no field named vidoe.desc (its fields: video, author, stats, market")
    _docs, errors = run([path], text_fields=("video",))
    assert errors[0].message.startswith("video holds an object, not text, in the first record: name a field "
                                        "inside it (video.id, video.desc")
    docs, errors = run([path], text_fields=("video.desc",))
    assert not errors and len(docs) == 50 and sum(bool(d.segments) for d in docs) == 49  # (one has an empty desc)


def test_json_array_streamed(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('[\n  {"id": 1, "caption": "a"},\n  {"id": 2,\n   "caption": "b \\u00e9"},\n  3\n]\n',
                    encoding="utf-8")
    docs, errors = run([path])
    assert [(d.record, d.record_line, d.segments[0].text) for d in docs] == [("1", 2, "a"), ("2", 3, "b é")]
    assert docs[0].format == "json"
    assert len(errors) == 1 and errors[0].line == 5 and "not an object" in errors[0].message


def test_json_array_broken_element_is_one_failed_record(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('[{"id": 1, "caption": "a"},\n {"id": 2, "caption": oops},\n {"id": 3}]', encoding="utf-8")
    docs, errors = run([path])
    assert [d.record for d in docs] == ["1", "3"]  # (its brackets are whole: the next element is read)
    assert len(errors) == 1 and errors[0].line == 2 and errors[0].message.startswith("broken JSON record")


def test_json_single_object_and_unclosed_array(tmp_path):
    one = tmp_path / "one.json"
    one.write_text('{"id": "solo", "desc": "hello"}', encoding="utf-8")
    docs, errors = run([one])
    assert [d.record for d in docs] == ["solo"] and not errors
    unclosed = tmp_path / "u.json"
    unclosed.write_text('[{"id": 1, "text": "a"}', encoding="utf-8")
    docs, errors = run([unclosed])
    assert [d.record for d in docs] == ["1"] and len(errors) == 1


def test_text_after_a_json_array_is_reported_not_ignored(tmp_path):
    """Two arrays written one after the other (a second export appended) left the second unread and
    unsaid; whitespace after the array is nothing."""
    path = tmp_path / "two.json"
    path.write_text('[{"id": 1, "text": "a"}]\n[{"id": 2, "text": "cures acne"}]\n', encoding="utf-8")
    docs, errors = run([path])
    assert [d.record for d in docs] == ["1"]
    assert [(e.line, e.message) for e in errors] == [
        (2, "unexpected '[' after the JSON array (the rest of the file was not read)")]
    assert is_fatal(errors[0])
    path.write_text('[{"id": 1, "text": "a"}]  \n\n', encoding="utf-8")
    docs, errors = run([path])
    assert [d.record for d in docs] == ["1"] and not errors


def test_json_array_from_small_chunks():
    from checker.sources.archives import iter_json_array

    text = "[" + ",\n".join(json.dumps({"id": n, "caption": "x" * (n % 7) + "é"}) for n in range(300)) + "]"
    chunks = (text[i:i + 5] for i in range(0, len(text), 5))
    items = list(iter_json_array("a.json", chunks, SourceOptions()))
    assert [d.record for d in items] == [str(n) for n in range(300)]
    assert [d.record_line for d in items] == list(range(1, 301))


def test_example_archives():
    stats = Counts()
    docs, errors = run([ARCHIVES / "captions.csv"], stats)
    assert not errors and len(docs) >= 200
    assert {d.meta.markets for d in docs} == {("us",), ("uk",), ("cn",)}
    assert all(d.record and d.record_line for d in docs)
    texts = " ".join(s.text for d in docs for s in d.segments)
    for problem in ("cures acne", "DM me on WhatsApp", "最好的", "加V"):
        assert problem in texts
    docs, errors = run([ARCHIVES / "export.jsonl"])
    assert not errors and len(docs) == 50
    assert docs[0].segments[0].field == "video.desc"
    assert docs[0].record.startswith("7")


def test_archive_from_stdin():
    data = "id,caption\nr1,hello\nr2,DM me\n"
    items = list(iter_documents(["-"], SourceOptions(input_format="csv"), stdin=io.BytesIO(data.encode())))
    assert [(d.path, d.record, d.segments[0].text) for d in items] == [("-", "r1", "hello"), ("-", "r2", "DM me")]
    items = list(iter_documents(["-"], SourceOptions(input_format="jsonl"),
                                stdin=io.StringIO('{"id": "s", "text": "hi"}\n')))
    assert [(d.record, d.segments[0].text) for d in items] == [("s", "hi")]


def test_records_with_the_same_meta_values_get_their_own_meta_and_errors():
    from checker.sources.archives import Archive

    archive = Archive("a.jsonl", "jsonl", SourceOptions(meta=Meta(product="food")))
    (first, errors1), (second, errors2) = (
        archive.document(json.dumps({"id": rid, "caption": "hi", "market": "US;uk", "sponsored": "maybe"}), n, n)
        for n, rid in ((1, "a"), (2, "b")))
    first.meta.markets = ("cn",)  # a document's meta is its own: changing it changes no other document
    assert second.meta == Meta(markets=("us", "uk"), product="food", type="caption")
    assert [(e.record, e.line) for e in errors1 + errors2] == [("a", 1), ("b", 2)]
    assert errors1[0].message == errors2[0].message
    # equal values of other types read differently: true/1/1.0 are three markets
    markets = [archive.document(json.dumps({"caption": "x", "market": v}), 1, 1)[0].meta.markets
               for v in (True, 1, 1.0, True)]
    assert markets == [("true",), ("1",), ("1.0",), ("true",)]


def test_caption_whitespace_trimmed_with_offsets_and_json_errors_as_json_loads():
    from checker.sources.archives import Archive

    archive = Archive("a.jsonl", "jsonl", SourceOptions())
    doc, _ = archive.document(json.dumps({"id": " 7 ", "caption": "\u3000 cures acne\n\x1c", "tags": 1}), 3, None)
    (seg,) = doc.segments
    assert (doc.record, seg.text, seg.pieces, seg.line_offset) == ("7", "cures acne", ((0, 2, 10),), 2)
    assert archive.document(json.dumps({"caption": " \u2028 "}), 1, 1)[0].segments == []
    for raw in (' {"caption": "x"}', '{"caption": "x"}\t '):
        assert archive.document(raw, 1, 1)[0].segments[0].text == "x"  # as json.loads, which allows whitespace
    for raw in ('\ufeff{"caption": "x"}', '{"caption": "x"}\u00a0', '{"caption": "x"} x', '{"caption": ', "[1]"):
        try:
            json.loads(raw)
            expected = "record is a JSON list, not an object"
        except json.JSONDecodeError as exc:
            expected = f"broken JSON record: {exc.msg} (column {exc.colno})"
        doc, errors = archive.document(raw, 1, 1)
        assert doc is None and [e.message for e in errors] == [expected]


def test_lone_surrogate_escape_is_replaced_and_reported(tmp_path):
    """JSON may escape half of a character ("\\ud83d" without its pair); no UTF-8 report can hold it, so
    the record is read with U+FFFD in its place (one character for one: offsets hold) and a partial error
    names the record. A whole escaped pair is an ordinary character and says nothing."""
    path = tmp_path / "s.jsonl"
    lines = [
        '{"id": "a1", "caption": "glow \\ud83d\\ude00 serum"}',  # a pair: 😀
        '{"id": "a\\ud800", "caption": "this serum cures acne \\udc00 fast"}',
        '{"id": "a3", "caption": "a calm sunday walk"}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stats = Counts()
    docs, errors = run([path], stats)
    assert [d.record for d in docs] == ["a1", "a\ufffd", "a3"]
    assert docs[0].segments[0].text == "glow 😀 serum"
    assert docs[1].segments[0].text == "this serum cures acne \ufffd fast"
    assert len(errors) == 1 and not is_fatal(errors[0])
    assert errors[0].line == 2 and errors[0].record == "a\ufffd" and "lone UTF-16 surrogate" in errors[0].message
    assert stats.records_checked == 3 and stats.records_failed == 0
