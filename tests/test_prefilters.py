"""The cheap tests that decide which segments are tokenised and which rules run must never hide a
match: each prefilter is checked here against what the full matcher finds, on every example text of
every shipped pack and on the evaluation sets."""

import json
import unicodedata
from pathlib import Path

import pytest
import regex

from checker import nlp
from checker.engine import Checker
from checker.language import segment_languages
from checker.normalize import normalize
from checker.rules import load_rules
from checker.rules.kinds.regex_kind import (
    Prefilter,
    RegexPlan,
    prefilter_regex,
    regex_for,
    required_literals,
    screen_literals,
)
from checker.rules.kinds.terms import CompiledTerms, PhraseSet
from checker.rules.matching import _WORD, MatchContext, text_keys, word_keys
from checker.rules.screen import Screen

_RULESET = load_rules()
_CHECKER = Checker(_RULESET)
_EVAL = Path(__file__).parent / "eval"


def _example_texts() -> list[str]:
    texts = []
    for rule in _RULESET.rules.values():
        for which in ("flag", "pass"):
            for ex in rule.examples[which]:
                texts.append(ex if isinstance(ex, str) else ex["text"])
    for name in ("sea.jsonl", "sea_holdout.jsonl"):
        with open(_EVAL / name, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


TEXTS = _example_texts()


# --- literals derived from a regex ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?i)\b(?:turun|susut)\s+\d+\s*kg\b", ("susut", "turun")),
        (r"(?i)(?<![a-z0-9])(?:no\.\s?1|no1|top\s?1)(?![0-9])", ("no.", "no1", "top")),
        (r"(?:美白|变白)\s*\d+\s*天", ("变白", "美白")),
        (r"ขาว(?:ใส)?\s*ใน\s*\d+\s*วัน", ("วัน",)),  # one requirement of the sequence (ties: the last)
        (r"\d{7,}", None),  # no literal at all
        (r"(?:a|bc)\d", None),  # one branch needs only a single Latin letter: too weak to help
        (r"(?:colou?r)+ chart", (" chart",)),  # a literal run keeps its space
        (r"\p{Han}+好", None),  # syntax Python's re cannot read: no derived prefilter, never a wrong one
    ],
)
def test_required_literals(source, expected):
    assert required_literals(source) == expected


def test_derived_regex_prefilters_never_hide_a_match():
    """Wherever a shipped regex matches one of the texts, one of its derived literals is there too."""
    checked = 0
    for rule in _RULESET.rules.values():
        if rule.kind != "regex" or rule.spec.get("prefilter"):
            continue
        for lang in rule.languages:
            source = regex_for(rule, lang)
            literals = source and required_literals(source)
            if not literals:
                continue
            rx = regex.compile(source)
            for text in TEXTS:
                norm = normalize(text).text
                if rx.search(norm):
                    checked += 1
                    assert any(lit in norm.lower() for lit in literals), (rule.id, lang, text)
    assert checked > 50  # the flag examples of some thirty rules at least


def test_written_regex_prefilters_never_hide_a_match():
    """A `prefilter` written in a pack (strings, or a cheap regex) passes wherever its rule's regex
    matches one of the texts: the pack loader checks the rule's flag examples; this checks them all."""
    checked = 0
    for rule in _RULESET.rules.values():
        written = rule.spec.get("prefilter")
        if rule.kind != "regex" or not written:
            continue
        pre = prefilter_regex(written)
        for lang in rule.languages:
            source = regex_for(rule, lang)
            rx = source and regex.compile(source)
            for text in TEXTS if rx else ():
                norm = normalize(text).text
                if rx.search(norm):
                    checked += 1
                    assert pre.passes(norm.lower()), (rule.id, lang, text)
    assert checked > 20


# --- word keys and phrase indexes ------------------------------------------------------------------

def test_word_keys_agree_with_the_word_regex():
    samples = TEXTS + [
        "Don't miss it!!! #ad @brand $29.99 carry-on 100% off — café déjà-vu",
        "最好的面霜，真的！ best 2026 ทำไม ดีที่สุด x_y __init__ ９９",
        "Giảm 5kg trong 7 ngày, trắng da sau 3 tuần",
    ]
    for text in samples:
        norm = normalize(text).text
        assert word_keys(norm) == set(_WORD.findall(norm.lower())), text


def _segment_contexts(text: str):
    norm = normalize(text).text
    langs, _ = segment_languages(norm, ("en", "zh", "th", "id", "ms", "vi", "tl"), None)
    for lang in langs:
        yield lang, norm


def test_phrase_index_never_hides_a_match():
    """For every language's terms: where the PhraseMatcher finds a phrase, the index says possible."""
    found = 0
    for text in TEXTS:
        for lang, norm in _segment_contexts(text):
            rules = _CHECKER.compiled.for_language(lang)
            phrase_sets: list[PhraseSet] = [c.phrases for c in rules.compiled if isinstance(c, CompiledTerms)]
            phrase_sets += [rules.unless, rules.signal_phrases]
            for ps in phrase_sets:
                if ps.empty:
                    continue
                ctx = MatchContext(lang, norm, frozenset())
                matches = ps.matches(nlp.make_doc(lang, norm))
                if matches:
                    found += 1
                    assert ps.possible(ctx), (lang, text, matches[:3])
                    # and for the keys that matched alone, as a segment with only their rules would ask
                    keys = frozenset(k for k, _, _ in matches)
                    assert ps.possible(ctx, keys), (lang, text, sorted(keys))
    assert found > 300


def _hits(rules, lang: str, norm: str, screened: bool) -> tuple[list, list]:
    """Every rule and signal of the language asked about one text, with or without the screen."""
    ctx = MatchContext(lang, norm, frozenset(rules.rules), signals=frozenset(rules.signals))
    if not screened:
        ctx.live = None
        rules.screen_segment = lambda ctx: None  # (an instance attribute: this object only)
    try:
        hits = sorted((h.rule.id, h.start, h.end, h.tag or "") for h in rules.find(ctx))
        signals = sorted((sig["id"], s, e) for sig, s, e in rules.find_signals(ctx, ctx.signals))
    finally:
        rules.__dict__.pop("screen_segment", None)
    return hits, signals


def test_screen_never_hides_a_match():
    """The screen skips rules whose needles are not in the text: on every example and evaluation text,
    in every language it is read in, the rules find exactly what they find unscreened."""
    found = 0
    for text in TEXTS:
        for lang, norm in _segment_contexts(text):
            rules = _CHECKER.compiled.for_language(lang)
            screened = _hits(rules, lang, norm, screened=True)
            assert screened == _hits(rules, lang, norm, screened=False), (lang, text)
            found += bool(screened[0] or screened[1])
    assert found > 1000


def test_screen_finds_words_whole_and_literals_as_written():
    screen = Screen()
    screen.add("r.word", "ad", "word")
    screen.add("r.phrase", "link in bio", "compact")
    screen.add("r.literal", "ft.", "literal")
    screen.build()
    everyone = frozenset({"r.word", "r.phrase", "r.literal"})
    assert screen.scan("made it ready", everyone) == set()  # "ad" only inside words
    assert screen.scan("#ad: my honest take", everyone) == {"r.word"}
    assert screen.scan("link  in bio", everyone) == {"r.phrase"}  # (two spaces: the matcher decides)
    assert screen.scan("link in\nbio", everyone) == set()  # a line break is a token of its own
    assert screen.scan("gift, soft", everyone) == set()
    assert screen.scan("song ft. someone", everyone) == {"r.literal"}
    assert screen.scan("song ft. someone", frozenset({"r.word"})) == set()  # only what is asked about


def test_a_prefilter_the_screen_cannot_see_runs_its_regex_always():
    """The screen reads the text without spaces: a prefilter literal of spaces only is not screened
    (its regex runs on every segment) rather than never found."""

    class Rule:
        id = "team.two_spaces"

    item = (Rule, regex.compile("a  b"), 0, Prefilter(["  "]))
    plan = RegexPlan([item])
    ctx = MatchContext("en", "a  b", frozenset({Rule.id}))
    ctx.live = set()  # screened, nothing found
    assert screen_literals(item[-1]) == ()
    assert plan.candidates(ctx) == [item]
    assert screen_literals(Prefilter({"regex": r"\w@\w"})) == ("@",)


def test_phrase_index_says_no_when_the_words_are_apart():
    ps = PhraseSet("en")
    ps.add("r", ["only tonight"], "lower")
    near = MatchContext("en", "Only tonight: 20% off", frozenset())
    apart = MatchContext("en", "Tonight I cook the only pasta I know", frozenset())
    assert ps.possible(near) and ps.possible(apart, frozenset({"other"})) is False
    assert ps.possible(apart) is False  # both words are there, but not next to each other


def test_chinese_keys_ignore_spaces_like_the_matcher():
    ps = PhraseSet("zh")
    ps.add("r", ["最好"], "lower")
    ctx = MatchContext("zh", "这是 最 好的", frozenset())
    assert "最好" in text_keys("zh", ctx.text)
    assert ps.possible(ctx) and ps.matches(nlp.make_doc("zh", ctx.text))


# --- normalisation fast paths ------------------------------------------------------------------------

def test_full_width_punctuation_keeps_offsets():
    text = "最好的面霜，真的！你值得拥有：“第一”？"
    norm = normalize(text)
    assert norm.text == "最好的面霜,真的!你值得拥有:\"第一\"?"
    assert norm.span(5, 6) == (5, 6) and len(norm.text) == len(text)


def test_normalize_matches_nfkc_per_character():
    text = "ＷｈａｔｓＡｐｐ　１００％ ﬁne 𝐛𝐞𝐬𝐭 café ทำ"
    norm = normalize(text)
    assert norm.text == "WhatsApp 100% fine best café ทำ"
    start = norm.text.index("best")
    s, e = norm.span(start, start + 4)
    assert text[s:e] == "𝐛𝐞𝐬𝐭"
    assert unicodedata.is_normalized("NFC", norm.text)


def test_phrases_enter_the_matcher_only_when_a_segment_may_match_them():
    """A key's phrases become spaCy Docs in the matcher when the screen lets a segment through for it,
    not when the rules compile; the matches do not depend on which keys went in first."""
    ps = PhraseSet("en")
    ps.add("r.cure", ["cure acne"], "lemma")
    ps.add("r.best", ["best serum", "number one serum"], "lower")
    ps.prepare()
    assert set(ps._pending) == {"r.cure", "r.best"}
    doc = nlp.pipeline("en").make_doc("The best serum cures acne, number one serum")
    everything = [("r.best", 1, 3), ("r.cure", 3, 5), ("r.best", 6, 9)]
    # screened: only the live key goes in, and only its phrases are found
    assert ps.matches(doc, None, frozenset({"r.best"})) == [("r.best", 1, 3), ("r.best", 6, 9)]
    assert set(ps._pending) == {"r.cure"}
    # the other key joins later; the order of matches is the same as with both from the start
    assert ps.matches(doc, None, frozenset({"r.cure"})) == everything
    fresh = PhraseSet("en")
    fresh.add("r.best", ["best serum", "number one serum"], "lower")
    fresh.add("r.cure", ["cure acne"], "lemma")
    assert fresh.matches(doc) == everything and not fresh._pending  # not screened: all go in
    # a key not allowed for the segment stays out
    other = PhraseSet("en")
    other.add("r.cure", ["cure acne"], "lemma")
    assert other.matches(doc, frozenset({"r.best"}), None) == [] and set(other._pending) == {"r.cure"}
