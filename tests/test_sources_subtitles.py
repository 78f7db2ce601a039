"""Input stage: SubRip and WebVTT subtitles."""

from __future__ import annotations

from pathlib import Path

import pytest
from source_counts import Counts

from checker.model import Document, InputError
from checker.sources import SourceOptions, format_time, is_fatal, iter_documents

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "subtitles"


def assert_offsets(doc: Document) -> None:
    for seg in doc.segments:
        assert seg.origin == doc.text
        for i, ch in enumerate(seg.text):
            assert seg.origin[seg.to_original(i)] == ch, (seg, i)


def read(path, stats=None):
    items = list(iter_documents([str(path)], SourceOptions()))
    if stats is not None:
        stats.count(items)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 1
    assert_offsets(docs[0])
    return docs[0], errors


SRT = (
    "1\r\n00:00:01,000 --> 00:00:03,200\r\n<i>This is the best</i>\r\n{\\an8}serum ever\r\n\r\n"
    "2\r\n00:00:04,000 -> 00:00:05,000\r\nbroken timing\r\n\r\n"
    "3\r\n00:00:20,000 --> 00:00:22,500\r\n<font color=\"#ffffff\">#ad</font> <b>thanks</b> @brand\r\n\r\n"
    "4\r\n00:01:02,5 --> 00:01:04,250\r\n- It cures acne!\r\n"
)


@pytest.mark.parametrize(("seconds", "expected"), [
    (0, "00:00:00,000"), (3.2, "00:00:03,200"), (20, "00:00:20,000"), (62.5, "00:01:02,500"),
    (3723.0449, "01:02:03,045"),
])
def test_format_time(seconds, expected):
    assert format_time(seconds) == expected


def test_srt_cues_times_and_markup(tmp_path):
    path = tmp_path / "ad.srt"
    path.write_bytes(SRT.encode("utf-8"))
    stats = Counts()
    doc, errors = read(path, stats)
    assert doc.format == "srt"
    assert doc.text == SRT
    assert [s.cue for s in doc.segments] == [1, 3, 4]
    assert [s.index for s in doc.segments] == [0, 1, 2]
    assert all(s.kind == "spoken" for s in doc.segments)
    first, ad, last = doc.segments
    assert first.text == "This is the best\nserum ever"
    assert (first.start_time, first.end_time) == (1.0, 3.2)
    assert format_time(first.start_time) == "00:00:03,200".replace("03,200", "01,000")
    start, end = first.span_to_original(first.text.index("best\nserum"), first.text.index("best\nserum") + 10)
    assert SRT[start:end] == "best</i>\r\n{\\an8}serum"
    assert ad.text == "#ad thanks @brand"
    assert ad.start_time == 20.0 and format_time(ad.start_time) == "00:00:20,000"
    assert last.start_time == 62.5 and last.end_time == 64.25
    assert last.text == "- It cures acne!"
    # the malformed cue: an error with its line, skipped; the rest is still read
    assert len(errors) == 1
    assert errors[0].line == 7
    assert "cue 2" in errors[0].message
    assert not is_fatal(errors[0])
    assert stats.records_read == 1 and stats.records_checked == 1 and stats.errors == 1


def test_srt_without_blank_line_between_cues_and_missing_number(tmp_path):
    content = (
        "1\n00:00:00,000 --> 00:00:01,000\nfirst\n2\n00:00:01,000 --> 00:00:02,000\nsecond\n\n"
        "no number here\n00:00:03,000 --> 00:00:04,000\n\n"
        "5\n00:00:05,000 --> 00:00:04,000\nends before it starts\n\n"
        "6\n00:00:06,000 --> 00:00:07,000\n\n"
        "7\n00:00:07,000 --> 00:00:08,000\nlast\n"
    )
    path = tmp_path / "x.srt"
    path.write_text(content, encoding="utf-8")
    doc, errors = read(path)
    assert [(s.cue, s.text) for s in doc.segments] == [(1, "first"), (2, "second"), (7, "last")]
    assert [e.line for e in errors] == [8, 12]


def test_vtt_cues_voice_and_classes(tmp_path):
    content = (
        "WEBVTT - exported\n\nNOTE this is a comment\nspanning lines\n\nSTYLE\n::cue { color: red }\n\n"
        "intro\n00:01.000 --> 00:03.500 align:start\n<v Coach Dan>Burn <c.yellow>fat</c> fast\n\n"
        "00:00:04.000 --> 00:00:05.000\n<v.loud Mia>DM me</v> <00:00:04.500>now\n\n"
        "7\n00:00:06.000 --> 00:00:07.000\n<lang en>Clinically</lang> proven\n\n"
        "bad cue\nnot a timing line\n\n"
        "00:00:09.000 --> 00:00:10.000\n&amp; more\n"
    )
    path = tmp_path / "f.vtt"
    path.write_text(content, encoding="utf-8")
    doc, errors = read(path)
    assert doc.format == "vtt"
    got = [(s.cue, s.speaker, s.text, s.start_time) for s in doc.segments]
    assert got == [
        (1, "Coach Dan", "Burn fat fast", 1.0),
        (2, "Mia", "DM me now", 4.0),
        (7, None, "Clinically proven", 6.0),
        (5, None, "&amp; more", 9.0),
    ]
    assert len(errors) == 1 and errors[0].line == 21


def test_vtt_without_header_is_read_with_an_error(tmp_path):
    path = tmp_path / "f.vtt"
    path.write_text("00:00.000 --> 00:01.000\nhello\n", encoding="utf-8")
    doc, errors = read(path)
    assert [s.text for s in doc.segments] == ["hello"]
    assert len(errors) == 1 and "WEBVTT" in errors[0].message


def test_example_subtitles():
    doc, errors = read(EXAMPLES / "us_serum_ad.srt")
    assert not errors
    ad = [s for s in doc.segments if "#ad" in s.text]
    assert len(ad) == 1 and format_time(ad[0].start_time) == "00:00:20,000"
    assert any("best serum ever" in s.text for s in doc.segments)
    doc, errors = read(EXAMPLES / "cn_tea_live.srt")
    assert not errors and any("最好的" in s.text for s in doc.segments)
    assert any("加V" in s.text for s in doc.segments)
    doc, errors = read(EXAMPLES / "uk_fitness.vtt")
    assert not errors and len(doc.segments) == 7
    assert doc.segments[0].speaker == "Coach Dan"


def test_empty_subtitle_file_is_skipped(tmp_path):
    path = tmp_path / "empty.srt"
    path.write_text("", encoding="utf-8")
    stats = Counts()
    doc, errors = read(path, stats)
    assert doc.segments == [] and not errors
    assert stats.records_skipped == 1 and stats.records_checked == 0
