"""Evasion-robust matching: obfuscated claims and contacts are found at their exact place, clean
look-alikes stay clean, and a finding says what the words were read as (issue 16)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reporter_samples import HEADER, run, summarize

from checker.check import check_item
from checker.evasion import Vocabulary, raised, reading
from checker.model import Document, Meta, Segment
from checker.normalize import normalize
from checker.reporters.html import HtmlReporter
from checker.reporters.json_ import JsonReporter
from checker.reporters.sarif import SarifReporter
from checker.reporters.text import TextReporter

ROOT = Path(__file__).resolve().parents[1]
REPORT_SCHEMA = json.loads((ROOT / "checker" / "reporters" / "report.schema.json").read_text(encoding="utf-8"))

ZWJ, ZWNJ, ZWSP, WJ, LRM, RLO, CGJ, MVS, ALM, SHY = ("\u200d", "\u200c", "\u200b", "\u2060", "\u200e",
                                                    "\u202e", "\u034f", "\u180e", "\u061c", "\u00ad")


def findings(checker, text, market="us", **meta):
    meta.setdefault("commercial", True)
    doc = Document("-", [Segment.whole(text)], Meta(markets=(market,), **meta))
    return check_item(checker, doc).findings


def reading_of(checker, text, lang, unaccented=False):
    from checker.evasion import reading, vocabulary

    return reading(text, vocabulary(checker.compiled.for_language(lang), unaccented=unaccented), lang)


def found(checker, text, market="us", **meta):
    """(rule, the user's characters it flagged, how they were hidden or None) per rule of each finding
    (a rule's own words also where its finding was merged into another's around it)."""
    return [(rule, text[start:end], f.obfuscation and tuple(f.obfuscation["how"]))
            for f in findings(checker, text, market, **meta) for rule, start, end in f.rule_spans()]


# --- normalisation: invisible characters and look-alike letters -----------------------------------

@pytest.mark.parametrize("mark", [ZWJ, ZWNJ, ZWSP, WJ, LRM, RLO, CGJ, MVS, ALM, SHY, "\ufe0f", "\U000e0041", "\x01"])
def test_every_kind_of_invisible_character_is_removed_with_exact_offsets(mark):
    text = f"DM me on What{mark}sApp now"
    norm = normalize(text)
    assert norm.text == "DM me on WhatsApp now"
    start = norm.text.index("WhatsApp")
    s, e = norm.span(start, start + len("WhatsApp"))
    assert text[s:e] == f"What{mark}sApp"
    assert ("invisible" in [m[2] for m in norm.marks]) is True


def test_an_invisible_character_next_to_a_word_is_no_mark():
    norm = normalize(f"DM me on WhatsApp{ZWJ} to order")
    assert norm.text == "DM me on WhatsApp to order" and norm.marks == []


@pytest.mark.parametrize("text", [
    f"Cooking day 👩{ZWJ}🍳 sunny ☀\ufe0f and calm 🙂",
    f"DM me on What{ZWJ}sApp 👨{ZWJ}👩{ZWJ}👧 ☀\ufe0f",
    f"{ZWSP}café{ZWJ} ☀\ufe0f",
    f"晚饭做了鸡翅。👩{ZWJ}🍳回答评论区的问题",
    f"ผิวขาว{ZWSP}ใส ☀\ufe0f",
    "Whаtsapp ☀\ufe0f",  # (a Cyrillic а as well: not only invisible characters to change)
])
def test_a_text_whose_only_change_is_invisible_characters_normalizes_as_any_other(text):
    """The short way for emoji joined or styled by invisible characters (`_invisible_only`) gives what
    the general way, cluster by cluster, gives."""
    from checker import normalize as module

    general = module._homoglyphs(module._rebuild(text, ((m.start(), m.end(), None) for m in module._CHANGE.finditer(text))))
    norm = normalize(text)
    assert (norm.text, norm.runs, norm.marks) == (general.text, general.runs, general.marks)


def test_look_alike_letters_fold_only_inside_a_latin_word():
    text = "Add me on Whаtsapp, Москва is cold, Ελλάδα is warm, iPhоne"  # Cyrillic а and о
    norm = normalize(text)
    assert norm.text == "Add me on Whatsapp, Москва is cold, Ελλάδα is warm, iPhone"
    assert [text[s:e] for s, e, what in norm.marks] == ["а", "о"]
    assert len(norm.text) == len(text)


def test_thai_with_its_own_zero_width_spaces_reads_the_same():
    words = ["ครีม", "ตัว", "นี้", "ดี", "มาก"]
    norm = normalize(ZWSP.join(words))
    assert norm.text == "".join(words) and norm.marks == []  # between words: no obfuscation


def test_thai_and_vietnamese_tone_mark_variants_fold_to_one_spelling():
    assert normalize("ท\u0e48\u0e35").text == "ท\u0e35\u0e48"  # tone mark typed before the vowel
    assert normalize("ท\u0e35\u0e48\u0e48").text == "ท\u0e35\u0e48"  # a doubled tone mark
    assert normalize("hòa thúy").text == normalize("hoà thuý").text == "hoà thuý"
    # a tone mark on the first of two vowels that is no variant (u + a) leaves the text as it is
    for text in ("của mọi người", "mùa hè", "quỳ gối"):
        assert normalize(text).text == text and normalize(text).runs == []


def test_the_tone_mark_variant_test_that_begins_with_a_class_says_what_the_alternation_says():
    """`_VARIANTS` (one class first, which `re` skips to) finds a variant wherever the plain alternation
    does: every string of up to three characters over the tone marks, vowels and their neighbours."""
    import itertools
    import re

    from checker import normalize as module

    plain = re.compile(f"[{module._THAI_TONE}][{module._THAI_UPPER}{module._THAI_TONE}]|{module._VI_OLD_TONE}")

    alphabet = ("\u0e48\u0e49\u0e4a\u0e4b\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e01" + "òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ"
                + "aeyAEYioOuUǎ" + "\u0301\u0300 .x1_")
    for size in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            assert (module._VARIANTS.search(text) is None) == (plain.search(text) is None), text


def test_the_plain_classes_of_normalizing_match_unicodes_properties_on_every_code_point():
    """`_CHANGE` and `IGNORABLE` run in `re` with the ignorable characters listed (read once from
    `regex`'s property tables): they must match where the same patterns with the properties do."""
    import re

    import regex

    from checker import normalize as module

    with_properties = regex.compile(
        module._CHANGE.pattern.replace(module._IGNORABLE_CHARS, module._IGNORABLE_CLASS), regex.S)
    assert with_properties.pattern != module._CHANGE.pattern
    everything = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))
    # (each code point between two letters, where a fold or an invisible character counts)
    ignorable = regex.compile(f"[{module._IGNORABLE_CLASS}]+")
    for start in range(0, len(everything), 50_000):
        text = "a".join(everything[start:start + 50_000])
        assert [m.span() for m in module._CHANGE.finditer(text)] == \
            [m.span() for m in with_properties.finditer(text)], hex(ord(everything[start]))
        assert [m.span() for m in module.IGNORABLE.finditer(text)] == \
            [m.span() for m in ignorable.finditer(text)], hex(ord(everything[start]))
    assert isinstance(module._CHANGE, re.Pattern) and isinstance(module.IGNORABLE, re.Pattern)


# --- readings, per class and language ---------------------------------------------------------------

@pytest.mark.parametrize("text, flagged, how", [
    ("Add me on Whаtsapp to order", "Add me on Whаtsapp", "homoglyph"),
    (f"Add me on What{ZWSP}sApp to order", f"Add me on What{ZWSP}sApp", "invisible"),
    ("Add me on W.h.a.t.s.A.p.p to order", "Add me on W.h.a.t.s.A.p.p", "separator"),
    ("add me on whats app to order", "add me on whats app", "split"),
    ("add me on what's app to order", "add me on what's app", "split"),
    ("message me on tele gram to order", "message me on tele gram", "split"),
    ("This serum c-u-r-e-s acne in a week", "c-u-r-e-s acne", "separator"),
    ("This serum c*u*r*e*s acne in a week", "c*u*r*e*s acne", "separator"),
    ("This serum c✨u✨r✨e✨s acne in a week", "c✨u✨r✨e✨s acne", "separator"),
    ("This serum c_u_r_e_s acne in a week", "c_u_r_e_s acne", "separator"),
    ("This serum c u r e s acne in a week", "c u r e s acne", "spacing"),
    ("DM me to 0rder", "DM me to 0rder", "leet"),
    ("gu@r@nteed results in 7 days", "gu@r@nteed results", "leet"),
    ("guaranteeeed results in 7 days", "guaranteeeed results", "repeat"),
    ("call 0 8 1 2 3 4 5 6 7 8 9 to order", "0 8 1 2 3 4 5 6 7 8 9", "digits"),
])
def test_english_obfuscations_are_flagged_at_the_users_characters(checker, text, flagged, how):
    hits = found(checker, text)
    assert any(span == flagged and h and how in h for _rule, span, h in hits), hits


def test_obfuscated_matches_are_one_level_higher_where_the_pack_says(checker):
    plain = {f.rule: f.severity for f in findings(checker, "the best serum in the world")}
    spaced = {f.rule: f.severity for f in findings(checker, "the b e s t serum in the world")}
    assert plain and plain.keys() == spaced.keys()
    assert {spaced[r] for r in plain} == {raised(plain[r], "raise") for r in plain}
    assert "warning" in plain.values() and "error" in spaced.values()
    assert raised("warning", "raise") == "error" and raised("info", "warning") == "warning"
    assert raised("error", "warning") == "error" and raised("warning", None) == "warning"


@pytest.mark.parametrize("text, flagged, how", [
    ("想要的宝宝加 微 信下单", "加 微", "separator"),
    ("想要的宝宝加*微信下单", "加*微", "separator"),
    ("最 好的面霜，真的绝了", "最 好", "separator"),
    ("全网销量第1的洗面奶", "第1", "numeral"),
    ("#美食 #健身打卡 最 好的面霜", "最 好", "separator"),
    ("这瓶精华的效果堪·比医美项目", "效果堪·比医美", "separator"),  # a literal of a regex rule, not a listed term
    # decoration inside what a pattern spells with classes (a number and its unit): no listed term spans it
    ("这款精华抹5❤天就淡斑，姐妹们快冲", "5❤天就淡斑", "separator"),
    ("老爸喝了它，血糖两个月~就降下来了", "血糖两个月~就降下来了", "separator"),
    ("这支唇釉一·抹就变白", "一·抹就变白", "separator"),
])
def test_chinese_obfuscations_are_flagged(checker, text, flagged, how):
    hits = found(checker, text, "cn")
    assert any(span == flagged and h and how in h for _rule, span, h in hits), hits


def test_the_gap_before_a_hashtag_is_not_read_inside_a_term(checker):
    # "#美食 #健身" is two tags; read as one text it would hold the fragment 食健 of a pattern's 国食健字
    assert reading_of(checker, "周末在家做了早餐，很满足 #美食 #健身打卡", "zh") is None


def test_chinese_full_width_and_traditional_forms_are_read_without_calling_them_obfuscated(checker):
    hits = found(checker, "這款是全網銷量第一的產品", "cn")
    assert ("cn.absolute.first_only", "第一", None) in hits
    hits = found(checker, "ＮＯ．１的面霜，加ＶＸ下单", "cn")
    assert any(span == "加ＶＸ" for _r, span, _h in hits), hits


def test_a_word_a_regex_rule_spells_out_is_read_when_hidden(checker):
    # "kilo" is one way the weight-loss claim's pattern may be written, not the word its screen keys on
    hits = found(checker, "Pumayat ako ng 10 k.i.l.o sa loob ng isang buwan", "ph", language="tl")
    assert ("ph.claims.weight_timeline", "Pumayat ako ng 10 k.i.l.o", ("separator",)) in hits, hits


def test_a_vietnamese_post_typed_without_diacritics_reads_single_words_too(checker):
    # the whole post unaccented: "het" is read as "hết" next to the phrase "tieu duong"
    hits = found(checker, "Uong 1 thang la het tieu duong luon, mua ngay", "vn")
    assert ("vn.claims.disease", "het tieu duong", ("unaccented",)) in hits, hits
    # in an accented post a bare word stays the word written: "da" is skin, not "đã"
    hits = found(checker, "Xịt diệt nấm da tận gốc", "vn")
    assert any(rule == "vn.claims.disease" and how is None for rule, _span, how in hits), hits
    assert found(checker, "Hom nay troi dep qua, di choi cong vien voi ca nha", "vn") == []
    # an English caption in a Vietnamese market: its short words are not read as Vietnamese ones
    assert reading_of(checker, "I can do it, so can you: an hour a day", "vi", unaccented=True) is None


def test_vietnamese_without_diacritics_where_the_pack_allows_it(checker):
    hits = found(checker, "Mua si lien he zalo shop nha", "vn")
    assert ("vn.offplatform.zalo", "lien he zalo", ("unaccented",)) in hits
    # a typing habit, not a disguise: the severity stays the rule's own
    assert {f.severity for f in findings(checker, "Mua si lien he zalo shop nha", "vn")} == {"warning"}
    assert found(checker, "Mua si lien he zalo shop nha", "us") == []  # the us pack does not allow it


def test_thai_and_vietnamese_zero_width_characters_inside_a_term(checker):
    hits = found(checker, f"สนใจราคาส่ง ทักไล{ZWJ}น์มาได้เลยค่ะ", "th")
    assert any(span == f"ทักไล{ZWJ}น์" and h == ("invisible",) for _r, span, h in hits), hits
    # a zero-width space is how Thai marks a word boundary: the match, but no obfuscation
    assert any(span == f"ทัก{ZWSP}ไลน์" and h is None
               for _r, span, h in found(checker, f"สนใจราคาส่ง ทัก{ZWSP}ไลน์มาได้เลยค่ะ", "th"))
    hits = found(checker, f"Mua sỉ nhắn Za{ZWJ}lo shop nha", "vn")
    assert any(span == f"nhắn Za{ZWJ}lo" for _r, span, _h in hits), hits


def test_algospeak_lexicons_flag_short_and_look_alike_names(checker):
    assert found(checker, "Restock alert, add me on tele for the bundle price") == [
        ("global.offplatform.messaging_algospeak", "add me on tele", None)]
    assert ("cn.offplatform.algospeak", "加薇", None) in found(checker, "想要同款的姐妹加薇，私发优惠价", "cn")
    assert ("vn.offplatform.zalo_algospeak", "ib zl", None) in found(checker, "Mua sỉ ib zl shop nha", "vn")


# --- precision: clean look-alikes stay clean ---------------------------------------------------------

@pytest.mark.parametrize("text, market", [
    ("Cured meats and a cheese board for the curators' dinner", "us"),
    ("Road trip with my best friends, best weekend of the year", "us"),
    ("I'm your number one fan, saw the tour twice!", "us"),
    ("Our family WhatsApp chat is 90% grandma sending flower pictures.", "us"),
    ("Email jane.doe@example.com for press, the tote is $19.99 or $24.50", "us"),
    ("Москва зимой очень красивая, Ελλάδα το καλοκαίρι", "us"),
    ("e.g. the a.m. routine, then p.m. skincare", "us"),
    ("The best skin care serum I have tried this year, hair care next", "us"),  # a listed two-word spelling
    ("sooo good, I loooove this café's latte", "us"),
    ("Follow @the_best_skin_co and see my_first_vlog_2024.mp4 for the routine", "us"),  # snake_case names
    ("最近天气不错，第一次去这家店，最后买了杯咖啡", "cn"),
    ("第3天❤️打卡，周末·和闺蜜去逛街~买了新裙子，今天❤️好开心", "cn"),  # decoration between everyday words
    ("ครีม\u200bตัว\u200bนี้\u200bใช้\u200bดี", "th"),
])
def test_clean_look_alikes_stay_clean(checker, text, market):
    assert [h for h in found(checker, text, market) if h[2]] == []


def test_reading_is_none_for_clean_text_and_gated_by_listed_words():
    vocab = Vocabulary({"cures", "whatsapp", "best"}, set())
    assert reading("Cured meats and best friends, e.g. at 4pm for $19.99", vocab) is None
    assert reading("c.u.r.e.d meats", vocab) is None  # "cured" is no listed word here
    read = reading("c.u.r.e.s and whats app", vocab)
    assert read.text == "cures and whatsapp"
    assert read.span(0, 5) == (0, 9) and read.span(10, 18) == (14, 23)
    # a word the rules also list in two words is not hidden when written in two
    assert reading("my skin care routine", Vocabulary({"skincare"}, set(), spaced={"skin care"})) is None
    assert reading("my skin care routine", Vocabulary({"skincare"}, set())).text == "my skincare routine"


def test_a_link_is_an_address_not_words_written_to_hide():
    from checker.evasion import _suspect_cores

    # (a link's digits between letters look like leetspeak: its words are not looked at)
    for link in ("https://t.co/h0c1phI2A1", "http://amzn.to/1SJ3Fv0", "www.example.com/p4ge-2"):
        assert _suspect_cores(f"full review: {link} now") == ()
        assert _suspect_cores(f"full review: {link.rsplit('/', 1)[1]} now") != ()
    vocab = Vocabulary({"cures", "order"}, set())
    assert reading("this cream cur3s acne, 0rder now https://t.co/0rder", vocab).text == (
        "this cream cures acne, order now https://t.co/0rder")


# The look-closer scan's one pass (`_SUSPECT_HIT`) against the three patterns it stands for: a symbol
# next to a Latin letter, a leet digit next to one, a letter between underscores.
_LATIN_LETTER = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_SUSPECT_PARTS = [re.compile(p) for p in (
    f"[^\\w\\s](?:(?=[{_LATIN_LETTER}][^\\w\\s])|(?<=[$!|])(?=[{_LATIN_LETTER}])|(?<=\\S@)(?=[{_LATIN_LETTER}])"
    f"|(?<=[{_LATIN_LETTER}][@$])(?![0-9]))",
    f"[013457](?:(?=[{_LATIN_LETTER}])|(?<=[{_LATIN_LETTER}].)(?![0-9]))",
    f"_(?=[{_LATIN_LETTER}]_)")]


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("aZxéẠđ ы最ก\u0e31013457289_@$!|.-*'’#✨😍\t\n\u3000\U0001d400×")), max_size=14))
def test_the_one_pass_look_closer_finds_what_its_three_patterns_find(text):
    from checker.evasion import _SUSPECT_HIT

    assert {m.start() for m in _SUSPECT_HIT.finditer(text)} == \
        {m.start() for p in _SUSPECT_PARTS for m in p.finditer(text)}


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("0189٣๓ .-a\n")), max_size=8))
def test_the_digit_gap_looked_for_from_its_middle_is_the_one_written_from_its_first_digit(text):
    from checker.evasion import _DIGIT_GAP

    assert (_DIGIT_GAP.search(text) is None) == (re.search(r"\d[ .\-]\d", text) is None)


# `_may_find`: the one RE2 pass never rules out a search that finds something. Texts made of pieces
# each search looks for (a letter three times, digits one by one, letters with spaces, a symbol next to a
# letter, a Chinese character) among characters of every kind the engines may class apart.
_GATE_PIECES = [*"aZxéẠđ×÷ы最𠀀ก\u0e31013457289_@$!|.-*'’#✨😍\t\n\x0b\u3000\u00a0\u2028\U0001d400٣๓",
                "aaa", "ÉÉÉ", "ẠẠẠ", "aaA", "1 2", " 4-5", "٣ ٤", "a b c", "b e s", "\n", " ", "  ", "c.u", "_u_",
                "gu@r", "cur3", "$ale", "i\u200dn", "\u212a", "\u0130", "™", "\u210a", "\U0001f3fd", "\ufe0f"]


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_GATE_PIECES), max_size=10).map("".join))
@example("write b e s\n")  # (Python's `$` stands before a last line break too)
def test_the_one_pass_gate_never_rules_out_a_search_that_finds_something(text):
    from checker import evasion as module

    may = module._may_find(text)
    searches = {module._MAY_HIT: module._SUSPECT_HIT.search(text), module._MAY_TRIPLE: module._TRIPLE.search(text),
                module._MAY_DIGITS: module._DIGIT_GAP.search(text),
                module._MAY_SPACED: module._SPACED_HINT.search(" " + text), module._MAY_HAN: module._HAN.search(text),
                module._MAY_WIDE: next((c for c in text if _wide(c)), None)}
    for gate, found in searches.items():
        if found is not None:
            assert gate in may, (gate, text)
    if not may:
        assert module._Scan(text).cores == () and module._suspect_cores(text) == ()


def _wide(c: str) -> bool:
    from checker.evasion import _NOT_WIDE

    return not any(lo <= ord(c) <= hi for lo, hi in _NOT_WIDE)


def test_the_gate_classes_hold_every_character_of_the_classes_they_stand_for():
    """Where RE2 and Python class characters differently (their Unicode versions and their `\\w`, `\\d`
    and `\\p{Han}`), each class of the gate holds every character that the search it stands for
    matches, over every code point."""
    import re2

    from checker import evasion as module

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)

    def missing(python_class: str, gate_class: str, engine=re) -> set[str]:
        return set(engine.findall(python_class, every)) - set(re2.findall(gate_class, every))

    # (what the negated class leaves out, a few hundred characters, each a word character or white space in
    # Python: the same as every `[^\w\s]` character in it, without a million matches to compare)
    assert module._RE2_NOT_WORD.startswith("[^")
    left_out = "".join(re2.findall("[" + module._RE2_NOT_WORD[2:], every))
    assert len(left_out) > 700 and not re.findall(r"[^\w\s]", left_out)
    assert not re2.findall(module._RE2_NOT_WORD, left_out)
    assert not missing(r"\d", r"\p{Nd}")
    assert not missing(f"[{module._LATIN}]", f"[{module._RE2_LATIN}]")
    assert not missing(r"\p{Han}", module._RE2_GATES[module._MAY_HAN], engine=regex)
    assert set(re2.findall(f"[{module._RE2_LATIN}]", every)) == set(re.findall(f"[{module._LATIN}]", every))
    # `_MAY_WIDE` finds no character of `_NOT_WIDE` (an eighth of the code points) and every one next to them
    wide = module._RE2_GATES[module._MAY_WIDE]
    assert not re2.findall(wide, "".join(chr(c) for lo, hi in module._NOT_WIDE for c in range(lo, hi + 1)))
    edges = {chr(e) for lo, hi in module._NOT_WIDE for e in (lo - 1, hi + 1) if 0 <= e < 0x110000 and _wide(chr(e))}
    assert len(edges) > 10 and set(re2.findall(wide, "".join(sorted(edges)))) == edges - {chr(c) for c in range(0xD800, 0xE000)}
    assert all(_wide(c) for c in module._LOWER_ASCII)  # (`_Scan.ascii_words` looks for them only where it finds one)


def test_a_text_with_a_lone_surrogate_runs_every_search():
    from checker import evasion as module

    assert module._may_find("c.u.r.e.s \ud800") == module._EVERY
    assert module._Scan("c.u.r.e.s \ud800").cores


def test_the_classes_the_look_closer_passes_over_fast_hold_nothing_it_looks_for():
    """The first classes of the scan's patterns are bitmaps that stand for slower tests: `_PLAIN` (passed
    over) holds only letters, digits and white space, none a leet digit or an underscore; a character
    whose lower case holds an ASCII letter
    is listed in `_LOWER_ASCII`, and no cased letter stands above U+20000 (`_uppers`)."""
    from checker import evasion as module

    plain = re.compile(f"[{module._PLAIN}]")
    for code in range(0x110000):
        c = chr(code)
        if plain.match(c):
            assert (c.isalnum() or c.isspace()) and c not in "013457_", hex(code)
        low = c.lower()
        if low != c:
            assert code < 0x20000, hex(code)
            if not c.isascii() and any(x.isascii() for x in low):
                assert c in module._LOWER_ASCII, hex(code)


_SPLIT_VOCAB = Vocabulary({"whatsapp", "telegram", "éclairage", "guaranteed"}, set())
# (a listed word with a letter where the one-pass gate finds nothing: its vocabulary looks without it)
_UNGATED_VOCAB = Vocabulary({"whatsapp", "ℊoodness", "éclairage"}, set())


def test_a_vocabulary_whose_split_letters_the_gate_passes_over_looks_for_them_in_every_text():
    from checker.evasion import _may_find, _may_split, _scan

    assert _SPLIT_VOCAB.wide_gated and not _UNGATED_VOCAB.wide_gated
    assert not _may_find("so ℊood ness ✨")  # (nothing the gate looks for)
    assert _may_split(_scan("so ℊood ness ✨"), _UNGATED_VOCAB)
    read = reading("so ℊood ness ✨", _UNGATED_VOCAB)
    assert read is not None and read.text == "so ℊoodness ✨"


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.tuples(
    st.sampled_from(["", "x", "(", "✨", "é", "1", "'", "a ", "İ", "\u212a", "™", "😍🏽"]),
    st.sampled_from([("whats", "app"), ("what's", "app"), ("what’s", "app"), ("tele", "gram"), ("écl", "airage"),
                     ("guaran", "teed"), ("tel", "egram"), ("WHATS", "APP"), ("ÉCL", "AIRAGE"), ("Écl", "airage"),
                     ("ℊood", "ness")]),
    st.sampled_from([" ", "  ", "-", "'"]),
    st.sampled_from(["", "!", "x", "é", " now "])), min_size=1, max_size=3))
def test_the_look_for_splits_never_says_no_where_a_split_is_read(parts):
    from checker.evasion import _may_split, _scan, _split_edits

    scan = _scan("".join(before + first + gap + second + after for before, (first, second), gap, after in parts))
    for vocab in (_SPLIT_VOCAB, _UNGATED_VOCAB):
        if _split_edits(scan, vocab):
            assert _may_split(scan, vocab)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["whats", "app", "WHAT'S", " ", "  ", "-", "é", "İ", "\u212a", "™", "😍🏽", "ß", "\ufb01",
                                 "x9", "\ud800", "’", "\n"]), max_size=12).map("".join))
def test_a_texts_ascii_words_are_its_runs_of_ascii_letters_and_digits(text):
    """Taken from the UTF-8 the gate was given (`_Scan.ascii_words`): the runs of ASCII letters and digits
    of the lower-cased text, as the text written in ASCII with a `?` for every other character has them."""
    from checker.evasion import _Scan

    expected = text.lower() if any(c in text for c in "\u0130\u212a") else text
    expected = [w.lower().encode() for w in re.findall("[A-Za-z0-9]+", expected.encode("ascii", "replace").decode())]
    assert _Scan(text).ascii_words == expected


# --- long posts: a reading is looked at around what it made ----------------------------------------

_DIARY = "\n".join(f"Day {n} of the trip: a long walk by the river, lunch at the market and an early night." for n in range(1, 31))


@pytest.mark.parametrize("hidden, flagged", [
    ("This serum c.u.r.e.s acne in a week", "c.u.r.e.s acne"),
    ("Add me on W.h.a.t.s.A.p.p to order", "Add me on W.h.a.t.s.A.p.p"),
    ("add me on whats app to order", "add me on whats app"),
])
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_in_a_long_post_the_obfuscated_words_are_found_where_they_stand(checker, hidden, flagged, where):
    lines = _DIARY.split("\n")
    at = {"start": 0, "middle": len(lines) // 2, "end": len(lines)}[where]
    text = "\n".join(lines[:at] + [hidden] + lines[at:])
    short = found(checker, hidden)
    hits = found(checker, text)
    assert len(text) >= 2000 and hits == short, hits
    assert any(span == flagged and how for _rule, span, how in hits)
    starts = [text.index(hidden) + (f.start) for f in findings(checker, hidden)]
    assert sorted(f.start for f in findings(checker, text)) == sorted(starts)


def test_a_long_reading_is_looked_at_in_windows_of_whole_lines():
    from checker.evasion import windows

    vocab = Vocabulary({"cures"}, set())
    text = _DIARY + "\nThis serum c.u.r.e.s acne\n" + _DIARY
    read = reading(text, vocab)
    spans = windows(read)
    assert len(spans) == 1
    start, end = spans[0]
    assert "cures acne" in read.text[start:end] and end - start < 700
    assert start == 0 or read.text[start - 1] == "\n"
    assert end == len(read.text) or read.text[end] == "\n"
    short = reading("This serum c.u.r.e.s acne", vocab)
    assert windows(short) == [(0, len(short.text))]


def test_an_unless_anywhere_in_a_long_post_still_cancels_an_obfuscated_claim(checker):
    claim = "Our elderberry gummies supp0rt immune health all winter"
    disclaimer = ("These statements have not been evaluated by the Food and Drug Administration. "
                  "This product is not intended to diagnose, treat, cure, or prevent any disease.")
    alone = [r for r, _s, _h in found(checker, _DIARY + "\n" + claim + "\n" + _DIARY, product="supplement")]
    assert "us.claims.dshea_disclaimer" in alone
    text = claim + "\n" + _DIARY + "\n" + _DIARY + "\n" + disclaimer
    assert "us.claims.dshea_disclaimer" not in [r for r, _s, _h in found(checker, text, product="supplement")]


# --- what a finding says, in every format ------------------------------------------------------------

def _report(checker, text: str) -> dict:
    doc = Document("post.txt", [Segment.whole(text)], Meta(markets=("us",), commercial=True), text=text)
    d = check_item(checker, doc).to_dict()
    return {**HEADER, "summary": summarize([d]), "documents": [d], "errors": []}


def test_reports_say_the_words_were_obfuscated(checker):
    text = "Add me on W.h.a.t.s.A.p.p to order"
    report = _report(checker, text)
    data = json.loads(run(JsonReporter, report))
    jsonschema.validate(data, REPORT_SCHEMA)
    # (one finding: the messaging app and the request to order on it, `contact_app_to_order`, are
    # one redirect over the same words)
    [f] = data["documents"][0]["findings"]
    assert f["obfuscation"] == {"read_as": "Add me on WhatsApp to order", "how": ["separator"]}
    assert text[f["start"]:f["end"]] == f["text"] == "Add me on W.h.a.t.s.A.p.p to order"
    [result] = json.loads(run(SarifReporter, report))["runs"][0]["results"]
    assert result["properties"]["obfuscated"] is True
    assert result["properties"]["readAs"] == "Add me on WhatsApp to order"
    assert result["properties"]["obfuscation"] == ["separator"]
    note = "read as \u201cAdd me on WhatsApp to order\u201d (written with separators between the letters)"
    assert f"obfuscated: {note}" in run(TextReporter, report)
    assert "Obfuscated:</span>" in run(HtmlReporter, report) and "separators between the letters" in run(
        HtmlReporter, report)
    plain = json.loads(run(JsonReporter, _report(checker, "Add me on WhatsApp to order")))
    assert "obfuscation" not in plain["documents"][0]["findings"][0]
