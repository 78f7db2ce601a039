"""Languages per segment and the Southeast Asian done-when cases of issue 7."""

import checker
from checker.language import detect_latin, segment_languages
from checker.model import Document, Meta, Segment


def languages_of(text, market):
    doc = Document("x.txt", [Segment.whole(text)], Meta(markets=(market,), commercial=True), text=text)
    outcome = checker._default_checker(()).run(doc, (market,))
    return outcome, outcome.findings


def test_thai_caption_claims_and_offplatform_at_the_right_offsets():
    text = "สุดยอด ขาวใสใน 3 วัน แอดไลน์"
    found = {(f.category, f.text, f.start, f.end) for f in checker.check_text(text, markets=["th"], commercial=True)}
    assert ("claim", "สุดยอด", 0, 6) in found
    assert ("claim", "ขาวใสใน 3 วัน", 7, 20) in found
    assert ("offplatform", "แอดไลน์", 21, 28) in found


def test_vietnamese_superlative_needs_a_cited_document():
    bare = checker.check_text("Serum này tốt nhất cho da dầu", markets=["vn"], commercial=True)
    assert [f.text for f in bare if f.category == "claim"] == ["tốt nhất"]
    cited = checker.check_text(
        "Serum này tốt nhất cho da dầu (theo khảo sát của Nielsen Việt Nam, tháng 3/2026)", markets=["vn"],
        commercial=True,
    )
    assert [f for f in cited if f.category == "claim"] == []


def test_mixed_malay_english_chinese_caption_gets_all_three():
    outcome, findings = languages_of("Krim ni memang terbaik! Best cream ever 最好的面霜 PM saya", "my")
    assert {f.language for f in findings} >= {"ms", "en", "zh"}
    assert outcome.language == "ms" and set(outcome.languages) >= {"ms", "en", "zh"}
    assert outcome.problems == []


def test_latin_detection_by_function_words():
    assert detect_latin("Serum ini bagus banget, kulit aku jadi glowing", ["id", "en"]) == "id"
    assert detect_latin("Krim ni memang best, saya pakai tiap hari", ["ms", "en"]) == "ms"
    assert detect_latin("This is the best thing I own", ["ms", "en"]) == "en"
    assert detect_latin("Sulit na sulit talaga ito, mga beshie", ["tl", "en"]) == "tl"
    assert detect_latin("Kem này rất tốt", ["vi", "en"]) == "vi"


def test_scripts_pick_rule_languages():
    check, found = segment_languages("Best 最好 ที่สุด", ("en",), None)
    assert check == ["zh", "th", "en"] and set(found) == {"zh", "th", "en"}
    check, _ = segment_languages("tốt nhất", ("vi", "en"), None)
    assert check == ["vi", "en"]
    check, _ = segment_languages("plain english", ("vi", "en"), None)
    assert check == ["en"]
    check, _ = segment_languages("whatever words", ("ms", "en"), "en")
    assert check == ["en"]


def test_language_reported_in_json(tmp_path):
    import json

    from click.testing import CliRunner

    from checker.cli import main

    path = tmp_path / "cap.txt"
    path.write_text("Serum ini bagus banget! PM aku ya kak", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--market", "id", "--format", "json"])
    doc = json.loads(result.output)["documents"][0]
    assert doc["language"] == "id" and "id" in doc["languages"]
