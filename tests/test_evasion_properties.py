"""Property tests of evasion-robust matching (Hypothesis; bounded example counts so that CI stays fast).

1. For the flag examples of the English term rules, a word of the pinned span written with any one
   obfuscation (separators, leetspeak, a look-alike letter, an invisible character, a repeated letter,
   letters spaced out) is still flagged by the rule, and the finding covers exactly the pinned words as
   now written.
2. Invisible characters inserted anywhere in any example (flag or pass, every language) never change
   which rules fire nor where: each finding maps back onto the same characters of the clean text.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.check import check_item
from checker.engine import Checker
from checker.evasion import vocabulary
from checker.language import segment_languages
from checker.model import Document, Meta, Segment
from checker.rules import load_rules
from checker.rules.selftest import markets_for

RULESET = load_rules()
CHECKER = Checker(RULESET)
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u200f", "\u202a", "\u202e", "\u034f",
             "\u180e", "\u061c", "\u00ad", "\ufe0f", "\U000e0041", "\ufeff"]
LOOK_ALIKES = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і"}  # Cyrillic
LEET = {"a": "@", "e": "3", "o": "0", "s": "$", "i": "1", "t": "7"}
SEPARATORS = [".", "-", "*", "\u2728", "\u2022"]


def _run(text: str, market: str, lang: str | None = None):
    doc = Document("-", [Segment.whole(text)], Meta(markets=(market,), language=lang, commercial=True))
    return check_item(CHECKER, doc).findings


def _cases():
    """(rule id, market, text, pinned span, candidate words (start, end)) of the English term rules."""
    words = vocabulary(CHECKER.compiled.for_language("en")).words
    import re

    out = []
    for rule in sorted(RULESET.rules.values(), key=lambda r: r.id):
        if rule.kind != "terms" or rule.languages != ("en",) and "en" not in rule.languages:
            continue
        for example in rule.examples["flag"]:
            if isinstance(example, str) or "span" not in example or example.get("language") not in (None, "en"):
                continue
            if any(k in example for k in ("sponsored", "product", "platform", "account", "kind", "format")):
                continue
            text, (s, e) = example["text"], example["span"]
            if not text.isascii() or set(segment_languages(text, ("en", "id", "ms", "tl"), None)[1]) != {"en"}:
                continue  # (English examples: the words tried are English listed words)
            cands = [(m.start(), m.end()) for m in re.finditer(r"(?<![\w'\-])[A-Za-z]{4,}(?![\w'\-])", text)
                     if s <= m.start() and m.end() <= e and m.group().lower() in words]
            market = markets_for(RULESET, rule)
            if cands and any(f.rule == rule.id and (f.start, f.end) == (s, e) for f in _run(text, market, "en")):
                out.append((rule.id, market, text, (s, e), cands))  # (flagged as English, as written)
    return out


CASES = _cases()


def _obfuscate(word: str, how: str, data) -> str | None:
    lower = word.lower()
    if how == "separator":
        return data.draw(st.sampled_from(SEPARATORS)).join(word)
    if how == "spacing":
        return " ".join(word)
    if how == "invisible":
        at = data.draw(st.integers(1, len(word) - 1))
        return word[:at] + data.draw(st.sampled_from(INVISIBLE)) + word[at:]
    if how == "homoglyph":
        places = [i for i, c in enumerate(word) if c in LOOK_ALIKES]
        if not places:
            return None
        i = data.draw(st.sampled_from(places))
        return word[:i] + LOOK_ALIKES[word[i]] + word[i + 1:]
    if how == "leet":
        # a word written with "@" for its first letter is an @handle ("@udio"), read as a mention
        places = [i for i, c in enumerate(lower) if c in LEET and not (i == 0 and LEET[c] == "@")]
        if not places:
            return None
        i = data.draw(st.sampled_from(places))
        return word[:i] + LEET[lower[i]] + word[i + 1:]
    if how == "repeat":
        i = data.draw(st.integers(0, len(word) - 1))
        if not word[i].isalpha():
            return None
        return word[:i + 1] + word[i] * data.draw(st.integers(3, 5)) + word[i + 1:]
    raise AssertionError(how)


def test_there_are_cases():
    assert len(CASES) >= 20


@SETTINGS
@given(st.data())
def test_an_obfuscated_word_of_a_flag_example_is_still_flagged_at_its_exact_span(data):
    rule_id, market, text, (s, e), cands = data.draw(st.sampled_from(CASES))
    ws, we = data.draw(st.sampled_from(cands))
    how = data.draw(st.sampled_from(["separator", "spacing", "invisible", "homoglyph", "leet", "repeat"]))
    if how == "spacing" and not ((ws == 0 or text[ws - 1] == " ") and (we == len(text) or text[we] == " ")):
        return  # letters spaced out stand between spaces ("c u r e s", not "c h e m i c a l-free")
    written = _obfuscate(text[ws:we], how, data)
    if written is None:
        return
    new = text[:ws] + written + text[we:]
    span = (s, e + len(written) - (we - ws))
    found = [(f.rule, f.start, f.end, f.related) for f in _run(new, market, "en")]
    assert any((r == rule_id or rule_id in related) and (fs, fe) == span for r, fs, fe, related in found), (
        how, new, new[span[0]:span[1]], [(r, new[fs:fe]) for r, fs, fe, _ in found])


def _examples():
    out = []
    for rule in sorted(RULESET.rules.values(), key=lambda r: r.id):
        for which in ("flag", "pass"):
            for example in rule.examples[which]:
                if isinstance(example, str):
                    out.append((markets_for(RULESET, rule), example, None))
                elif not any(k in example for k in ("sponsored", "product", "platform", "account", "kind", "format")):
                    out.append((markets_for(RULESET, rule), example["text"], example.get("language")))
    return out


EXAMPLES = _examples()


def _key(findings, shift=lambda i: i):
    return sorted((f.rule, shift(f.start), shift(f.end)) for f in findings)


@SETTINGS
@given(st.data())
def test_invisible_characters_anywhere_change_neither_what_fires_nor_where(data):
    market, text, lang = data.draw(st.sampled_from(EXAMPLES))
    count = data.draw(st.integers(1, 4))
    places = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=count, max_size=count)))
    marks = [data.draw(st.sampled_from(INVISIBLE)) for _ in places]
    pieces, prev = [], 0
    inserted = []  # positions of the inserted characters in the new text
    for at, mark in zip(places, marks, strict=True):
        pieces.append(text[prev:at])
        inserted.append(sum(map(len, pieces)))
        pieces.append(mark)
        prev = at
    pieces.append(text[prev:])
    new = "".join(pieces)

    def back(i: int) -> int:
        return i - sum(1 for p in inserted if p < i)

    clean = _run(text, market, lang)
    messy = _run(new, market, lang)
    assert _key(messy, back) == _key(clean), (repr(new), _key(messy, back), _key(clean))
    for f in messy:  # the finding's words are the clean words, with what was inserted among them
        assert "".join(c for i, c in enumerate(new[f.start:f.end], f.start) if i not in inserted) == \
            text[back(f.start):back(f.end)]
