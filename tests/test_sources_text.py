"""Input stage: .txt / .md files, front matter, Markdown and shooting-script conventions."""

from __future__ import annotations

import pytest

from checker.model import Document, InputError, Meta
from checker.sources import SourceOptions, iter_documents


def assert_offsets(doc: Document) -> None:
    """Every character of every segment maps back to the same character of its origin."""
    for seg in doc.segments:
        assert seg.text, seg
        for i, ch in enumerate(seg.text):
            assert seg.origin[seg.to_original(i)] == ch, (seg, i)
        if doc.text is not None:
            assert seg.origin is doc.text or seg.origin == doc.text


def read_one(tmp_path, name: str, content: str, **opts) -> Document:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8", newline="")
    items = list(iter_documents([str(path)], SourceOptions(**opts)))
    assert len(items) == 1, items
    doc = items[0]
    assert isinstance(doc, Document), doc
    assert doc.text == content
    assert_offsets(doc)
    return doc


def find(doc: Document, text: str):
    matches = [seg for seg in doc.segments if text in seg.text]
    assert matches, f"{text!r} not in {[s.text for s in doc.segments]}"
    return matches[0]


def locate(seg, sub: str) -> tuple[int, int]:
    i = seg.text.index(sub)
    return seg.span_to_original(i, i + len(sub))


def test_plain_text_caption_file(tmp_path):
    content = "Best serum ever 😍 it cures acne\nfor real.\n\n#skincare #glow\n"
    doc = read_one(tmp_path, "post.txt", content)
    assert doc.format == "text"
    assert doc.meta.type == "caption"
    assert [s.text for s in doc.segments] == ["Best serum ever 😍 it cures acne\nfor real.", "#skincare #glow"]
    assert all(s.kind == "caption" for s in doc.segments)
    assert [s.index for s in doc.segments] == [0, 1]
    start, end = locate(doc.segments[0], "cures acne\nfor")
    assert content[start:end] == "cures acne\nfor"


def test_crlf_lines_keep_newline_in_pieces(tmp_path):
    content = "the best serum\r\never made\r\n"
    doc = read_one(tmp_path, "post.txt", content)
    seg = doc.segments[0]
    assert seg.text == "the best serum\never made"
    start, end = locate(seg, "serum\never")
    assert content[start:end] == "serum\r\never"


def test_front_matter_sets_meta(tmp_path):
    content = (
        "---\nmarket: [US, uk]\nlanguage: en\nsponsored: yes\nproduct: cosmetic\nplatform: tiktok\n"
        "account: creator\ntype: script\n---\nHOST: Hello there.\n"
    )
    doc = read_one(tmp_path, "s.md", content, meta=Meta(markets=("cn",), sponsored=False, platform="reels"))
    assert doc.meta.markets == ("us", "uk")
    assert doc.meta.language == "en"
    assert doc.meta.sponsored is True
    assert doc.meta.product == "cosmetic"
    assert doc.meta.platform == "tiktok"
    assert doc.meta.account == "creator"
    assert doc.meta.type == "script"
    assert [s.text for s in doc.segments] == ["Hello there."]


def test_front_matter_market_string_and_cli_defaults(tmp_path):
    doc = read_one(tmp_path, "s.md", "---\nmarket: us\n---\nJust a caption.\n", meta=Meta(sponsored=True))
    assert doc.meta.markets == ("us",)
    assert doc.meta.sponsored is True  # the CLI's declared default fills what the file does not say


def test_broken_front_matter_is_an_input_error(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\nmarket: [us\n---\nHOST: hi\n", encoding="utf-8")
    (item,) = iter_documents([str(path)], SourceOptions())
    assert isinstance(item, InputError)
    assert "front matter" in item.message
    assert item.line is not None


def test_bad_sponsored_value_in_front_matter(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\nsponsored: maybe\n---\ntext\n", encoding="utf-8")
    (item,) = iter_documents([str(path)], SourceOptions())
    assert isinstance(item, InputError)
    assert "sponsored" in item.message


def test_markdown_prose(tmp_path):
    content = (
        "# The **best** serum\n\n"
        "It *really* cures acne — see [our shop](https://wa.me/123 \"x\") or `code here`.\n"
        "- list item with __bold__\n"
        "1. numbered item\n"
        "> quoted line\n\n"
        "```\nbest serum ever in code\n```\n\n"
        "![alt text best](img.png) Image gone.\n"
        "<!-- a comment: cures acne -->\n"
        "Escaped \\*star\\* and snake_case_name stay.\n"
        "| cell one | cell two |\n|---|---|\n| best | ever |\n"
        "[ref]: https://example.com\n"
    )
    doc = read_one(tmp_path, "p.md", content)
    texts = [s.text for s in doc.segments]
    assert doc.format == "markdown"
    assert "The best serum" in texts
    body = find(doc, "cures acne")
    assert body.text == "It really cures acne — see our shop or ."
    assert "list item with bold" in texts
    assert "numbered item" in texts
    assert any(t.startswith("quoted line") for t in texts)
    joined = "\n".join(texts)
    assert "code" not in joined
    assert "https" not in joined
    assert "alt text" not in joined
    assert "comment" not in joined
    assert "Image gone." in joined
    assert "Escaped *star* and snake_case_name stay." in joined
    assert any("cell one" in t and "|" not in t for t in texts)
    start, end = locate(body, "cures acne")
    assert content[start:end] == "cures acne"
    start, end = locate(body, "our shop")
    assert content[start:end] == "our shop"
    start, end = locate(body, "really cures")
    assert content[start:end] == "really* cures"  # the gap the emphasis marker leaves is inside the span
    assert all(s.kind == "caption" for s in doc.segments)


SCRIPT = """\
---
sponsored: true
---
# Shoot

## SCENE 1 – Bathroom

[SHOT 3] Close-up on the jar

HOST: This is the best serum ever (holds up the jar) and it cures acne.
It really works.

(winks at camera)

SUPER: Results may vary (n=30)
**SARAH (V.O.):** DM me on WhatsApp
V.O.: Voice over line.
CAPTION: #ad best serum
TEXT ON SCREEN: 50% off
SFX: upbeat music

镜头1：特写
主播：这是最好的面霜（递给观众）加V了解更多
画外音：无添加
字幕：广告
（竖起大拇指）
【特写】

Plain line after a blank is prose.
"""


def test_script_conventions(tmp_path):
    doc = read_one(tmp_path, "shoot.md", SCRIPT)
    assert doc.meta.type == "script"
    by_text = {s.text: s for s in doc.segments}
    assert [s.index for s in doc.segments] == list(range(len(doc.segments)))

    spoken = find(doc, "best serum ever")
    assert spoken.kind == "spoken" and spoken.speaker == "HOST"
    assert spoken.text == "This is the best serum ever and it cures acne.\nIt really works."
    assert "HOST" not in spoken.text
    start, end = locate(spoken, "ever and it")
    assert SCRIPT[start:end] == "ever (holds up the jar) and it"

    gesture = by_text["holds up the jar"]
    assert gesture.kind == "direction" and gesture.speaker == "HOST"
    assert by_text["winks at camera"].kind == "direction"
    assert by_text["SCENE 1 – Bathroom"].kind == "direction"
    assert by_text["SHOT 3 Close-up on the jar"].kind == "direction"
    assert by_text["Results may vary (n=30)"].kind == "onscreen"
    assert by_text["Results may vary (n=30)"].speaker == "SUPER"
    sarah = by_text["DM me on WhatsApp"]
    assert (sarah.kind, sarah.speaker) == ("spoken", "SARAH")
    assert by_text["Voice over line."].speaker == "V.O."
    assert by_text["#ad best serum"].kind == "caption"
    assert by_text["50% off"].kind == "onscreen"
    assert by_text["upbeat music"].kind == "direction"

    assert by_text["镜头1：特写"].kind == "direction"
    zh = by_text["这是最好的面霜加V了解更多"]
    assert (zh.kind, zh.speaker) == ("spoken", "主播")
    start, end = locate(zh, "面霜加V")
    assert SCRIPT[start:end] == "面霜（递给观众）加V"
    assert by_text["递给观众"].kind == "direction"
    assert by_text["无添加"].kind == "spoken" and by_text["无添加"].speaker == "画外音"
    assert by_text["广告"].kind == "onscreen"
    assert by_text["竖起大拇指"].kind == "direction"
    assert by_text["特写"].kind == "direction"
    assert by_text["Plain line after a blank is prose."].kind == "caption"
    assert by_text["Shoot"].kind == "direction"  # a Markdown heading is production metadata


def test_prose_with_parentheses_is_not_a_script(tmp_path):
    content = "Best serum ever (seriously) 😍\nNote: results vary.\n"
    doc = read_one(tmp_path, "cap.txt", content)
    assert doc.meta.type == "caption"
    assert [s.text for s in doc.segments] == ["Best serum ever (seriously) 😍\nNote: results vary."]
    assert doc.segments[0].kind == "caption"


def test_declared_caption_type_turns_off_script_reading(tmp_path):
    doc = read_one(tmp_path, "cap.md", "---\ntype: caption\n---\nHOST: not a speaker (really)\n")
    assert [(s.kind, s.text) for s in doc.segments] == [("caption", "HOST: not a speaker (really)")]


def test_speaker_turn_without_text_on_label_line(tmp_path):
    content = "SARAH:\n(smiling)\nThis serum changed my life.\n\nNARRATOR: The end.\n"
    doc = read_one(tmp_path, "s.txt", content)
    kinds = [(s.kind, s.speaker, s.text) for s in doc.segments]
    assert kinds == [
        ("direction", "SARAH", "smiling"),
        ("spoken", "SARAH", "This serum changed my life."),
        ("spoken", "NARRATOR", "The end."),
    ]


def test_empty_file_is_a_document_without_segments(tmp_path):
    doc = read_one(tmp_path, "empty.md", "")
    assert doc.segments == []


@pytest.mark.parametrize("line", ["SCENE 2 – kitchen", "Scene 12: outro", "[SHOT 3]", "INT. KITCHEN - DAY",
                                  "镜头 2", "场景3：客厅", "【镜头4】"])
def test_scene_headings(tmp_path, line):
    doc = read_one(tmp_path, "s.txt", f"{line}\nHOST: hi\n")
    assert doc.segments[0].kind == "direction"
    assert doc.segments[1].kind == "spoken"


def test_numbered_and_bold_speakers(tmp_path):
    content = "HOST 2: hello (nods)\n**GUEST**: hi\nPrice: $20 stays with GUEST\n"
    doc = read_one(tmp_path, "s.txt", content)
    assert [(s.kind, s.speaker, s.text) for s in doc.segments] == [
        ("spoken", "HOST 2", "hello"),
        ("direction", "HOST 2", "nods"),
        ("spoken", "GUEST", "hi\nPrice: $20 stays with GUEST"),
    ]
