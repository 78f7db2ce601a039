"""A language's literal sets indexed together (`matcher.LiteralIndex`): after `MatcherSet.INDEX_AFTER`
texts, the sets that decide which regexes and alternatives run are answered from one Aho-Corasick read
of each text form instead of a look of their own. The answers must be the ones each set's own look
gives, on made-up sets and on the shipped packs' sets over real example texts."""

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.check import check_item
from checker.engine import Checker
from checker.model import Document, Meta, Segment
from checker.rules import load_rules
from checker.rules.matcher import LiteralIndex, LiteralSet, MatcherSet, _Texts
from checker.rules.matching import MatchContext, collapse_white

_MEMBER = st.tuples(st.text(alphabet="ab.-_ 1é#", min_size=1, max_size=6), st.booleans())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_MEMBER, min_size=1, max_size=8), min_size=1, max_size=6),
       st.text(alphabet="ab.-_ 1é#\n\tÉ", max_size=60))
@example([[("ab", False)], [(" ab.", True), ("b1", False)]], "x ab. b1")  # (a set of short members stays out)
@example([[("ab ab", True)]], "ab\n\tab")  # (a member with a space is looked for in the `spaced` form)
@example([[("bab", True), ("aba", False)]], "ababab")  # (overlapping members; "bab" starts no word here)
def test_an_index_answers_each_set_as_its_own_look_does(sets, text):
    literal_sets = [LiteralSet({("\x01" if edged else "") + m.lower() for m, edged in members}) for members in sets]
    index = LiteralIndex(literal_sets)
    texts = _Texts(text.lower())
    for literal_set in literal_sets:
        own = literal_set.found_in(collapse_white(text.lower()) if literal_set.spaced else text.lower())
        if literal_set.index is None:
            assert min(map(len, literal_set.members)) < LiteralIndex.MIN_LENGTH
            continue
        assert literal_set.index is index
        assert index.holds(literal_set, texts) == own, (literal_set.members, literal_set.edged)


_RULESET = load_rules()

_TEXTS = [
    "Routine check: my UTI is gone after 3 days of these gummies #ad",
    "night  sweats\nand hot flushes stopped in a week, link in bio",
    "Best serum ever!!! Clinically proven to clear acne, shop now",
    "Rainy afternoon, playlist on, tidying the flat. Small steps count.",
    "I make $500 a day from my phone, DM me on WhatsApp for the price",
    "Lost my keys again and my best friend found them under the sofa",
    "",
    " ",
]


def _example_texts(step: int) -> list[str]:
    texts = []
    for rule in sorted(_RULESET.rules.values(), key=lambda r: r.id):
        for which in ("flag", "pass"):
            texts.extend(ex if isinstance(ex, str) else ex["text"] for ex in rule.examples[which])
    return texts[::step]


def test_the_shipped_packs_sets_are_answered_through_the_index_as_by_their_own_looks():
    """English: every literal set of the language's regexes and their alternatives, through the index,
    on the texts above and a two-hundredth of the packs' examples (in every language: most hold none),
    against what the set's members say looked for one by one."""
    matchers = Checker(_RULESET).compiled.for_language("en").matchers
    index = matchers.index_literals()
    indexed = {id(s): s for m in matchers.matchers.values() for s in _sets_of(m) if s.index is index}
    assert len(indexed) > 1000  # (the claims lexicons' sets among them)
    members = {m for s in indexed.values() for m in s.members}
    compared = found = 0
    for text in _TEXTS + _example_texts(200):
        ctx = MatchContext("en", text, frozenset())
        held = {form: {m for m in members if m in form} for form in (ctx.lower, ctx.spaced)}
        for literal_set in indexed.values():
            form = ctx.spaced if literal_set.spaced else ctx.lower
            own = any(m in held[form] and (m not in literal_set.edged or regex.search(r"(?<!\w)" + regex.escape(m), form))
                      for m in literal_set.members)
            assert index.holds(literal_set, ctx) == own, (literal_set.members[:5], text)
            compared += 1
            found += own
    assert found > 100 and compared > found


def _sets_of(m):
    yield from m.regex_needs or ()
    for _rx, needs, subs in m.branches or ():
        yield from needs
        for _source, sub_needs in subs:
            yield from sub_needs


def test_a_language_is_indexed_after_its_first_texts_and_finds_the_same():
    """A fresh checker indexes a language once it has screened INDEX_AFTER texts; the findings of a
    text checked before and after are the same."""
    checker = Checker(_RULESET)
    matchers = checker.compiled.for_language("en").matchers
    assert matchers._contexts == 0

    def findings(text: str):
        doc = Document("<t>", [Segment.whole(text)], Meta(markets=("us",)), text=text)
        return sorted((f.rule, f.start, f.end) for f in check_item(checker, doc).findings)

    before = [findings(t) for t in _TEXTS]
    assert any(before) and matchers._contexts < MatcherSet.INDEX_AFTER
    indexed = {id(s) for m in matchers.matchers.values() for s in _sets_of(m) if s.index is not None}
    assert not indexed  # (not yet)
    filler = "Morning walk by the canal, coffee after #sundayvibes"
    while matchers._contexts < MatcherSet.INDEX_AFTER:
        findings(filler)
    assert any(s.index is not None for m in matchers.matchers.values() for s in _sets_of(m))
    assert [findings(t) for t in _TEXTS] == before
