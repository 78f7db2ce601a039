"""Lexicon alternations written as tries, and a top-level alternation run as its alternatives (and an
alternative `before(?:a|b)after` as its own): all are speed-ups that must find exactly what the plain
pattern finds (property tests on generated
patterns and texts, plus the lexicon-built claims patterns on realistic captions)."""

from __future__ import annotations

import pickle

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import checker
import checker.rules.matcher as matcher_module
import checker.rules.phrases as phrases_module
from checker.rules.matcher import (
    LiteralSet,
    Matcher,
    MatchSpec,
    Needs,
    _distributed,
    alternatives_finditer,
    required_literal_sets,
    required_literals,
    spaced,
    timed_finditer,
    top_alternatives,
)
from checker.rules.phrases import trie_alternation

WORDS = st.text(alphabet="abAB .", min_size=1, max_size=6).map(str.strip).filter(lambda w: w and "  " not in w)


def flat(phrases: list[str]) -> str:
    ordered = sorted(dict.fromkeys(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(r"\s+".join(regex.escape(w) for w in p.split(" ")) for p in ordered) + ")"


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12), st.text(alphabet="abAB. \n", max_size=40),
       st.sampled_from(["", "(?i)"]), st.sampled_from(["", r"\b", r"\s+b"]))
def test_a_trie_finds_what_the_flat_alternation_longest_first_finds(phrases, text, flags, tail):
    trie = trie_alternation([p.split(" ") for p in phrases], fold=bool(flags))
    plain = regex.compile(flags + flat(phrases) + tail)
    shaped = regex.compile(flags + trie + tail)
    assert [m.span() for m in shaped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_trie_shares_prefixes_and_keeps_the_longer_phrase_first():
    trie = trie_alternation([["lost"], ["lose"], ["losing"], ["lost", "weight"], ["Drop"], ["drop"]], fold=True)
    assert trie == r"(?:(?:los(?:t(?:\s+weight)?|e|ing)|drop))"
    assert regex.compile("(?i)" + trie).search("I LOST   weight").group() == "LOST   weight"


def test_the_screen_still_reads_a_tries_words():
    trie = trie_alternation([["lost"], ["lose"], ["losing"], ["dropped"]], fold=True)
    assert set(required_literals(r"(?i)\b" + trie + r"\s+\d+\s*kg")) >= {"lost", "lose", "losing"}


def test_white_space_a_pattern_spells_joins_the_words_of_a_literal_set():
    trie = trie_alternation([["night", "sweats"], ["hot", "flashes"], ["acne"]], fold=True)
    pattern = r"(?i)\b(?:cures?|stops?)\s+(?:your\s+)?" + trie
    sets = [LiteralSet(o) for o in required_literal_sets(pattern)]
    assert {frozenset(o.members) for o in sets} >= {frozenset({"night sweats", "hot flashes", "acne"})}  # (not "night")
    # looked for in the text with each run of white space one space, as the pattern reads a line break
    text = "This tea STOPS night\n  sweats for good"
    assert regex.search(pattern, text) and all(o.found_in(spaced(text)) for o in sets)
    # the screen keeps one piece of each member, which its text holds as written
    assert set(required_literals(pattern)) <= {"night", "sweats", "hot", "flashes", "acne"}


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=8), st.text(alphabet="abAB. \n\t", max_size=40),
       st.sampled_from(["", "(?i)"]), st.sampled_from([r"\s+", r"\s", r"\s?", " "]))
def test_a_text_a_pattern_matches_holds_a_member_of_each_of_its_literal_sets(phrases, text, flags, gap):
    trie = trie_alternation([p.split(" ") for p in phrases], fold=bool(flags))
    pattern = flags + r"\b" + trie + gap + r"(?:ab|b\s+a)"
    if regex.search(pattern, text):
        assert all(LiteralSet(o).found_in(spaced(text)) for o in required_literal_sets(pattern))
        literals = required_literals(pattern, min_weight=0)
        assert literals is None or any(lit in text.lower() for lit in literals)


def test_top_alternatives_splits_only_what_it_can_split_safely():
    assert top_alternatives(r"(?i)(?:a|b(?:c|d)|[|(]x)") == ("(?i)", ["a", "b(?:c|d)", "[|(]x"])
    assert top_alternatives(r"\bfoo\b|ba\|r") == ("", [r"\bfoo\b", r"ba\|r"])
    assert top_alternatives(r"(?:a|b)c") is None  # the group is not the whole pattern
    assert top_alternatives(r"(a)|\1b") is None  # a back-reference
    # verbose: split without its layout (spaces and comments), a class's space kept
    assert top_alternatives("(?x)(?i) a | b c  # two\n | [ ]d") == ("(?i)", ["a", "bc", "[ ]d"])
    assert top_alternatives("(?x) a(?#note) | b") is None  # (a comment group: not read)
    assert top_alternatives(r"a|(?i)b") is None  # flags set inside
    assert top_alternatives(r"abc") is None


BRANCH = st.sampled_from([r"\bab+", r"b\s+a", r"(?<=a)b", r"[ab]{2}", r"a(?=b)", r"^b", r"ba?b", r"\d+\s*kg",
                          r"a b|b a", r"(?:ab|a)b", r"b$"])


@settings(max_examples=400, deadline=None)
@given(st.lists(BRANCH, min_size=2, max_size=5), st.text(alphabet="ab 1kg", max_size=30))
def test_alternatives_run_apart_find_what_the_alternation_finds(branches, text):
    _assert_apart_finds_what_whole_finds("(?:" + "|".join(f"(?:{b})" for b in branches) + ")", text)


def _assert_apart_finds_what_whole_finds(source: str, text: str) -> None:
    flags, parts = top_alternatives(source)
    compiled = [(regex.compile(flags + p), Needs(), ()) for p in parts]
    apart = alternatives_finditer(compiled, text, text.lower())
    assert apart is None or apart == timed_finditer(regex.compile(source), text)


@settings(max_examples=200, deadline=None)
@given(st.lists(BRANCH, min_size=2, max_size=5), st.text(alphabet="ab 1kg", max_size=30))
def test_a_verbose_alternation_run_apart_finds_what_it_finds_whole(branches, text):
    source = "(?x)(?:\n  " + "\n  | ".join(f"(?: {b} )  # one" for b in branches) + "\n)"
    _assert_apart_finds_what_whole_finds(source, text)


def test_an_alternative_whose_words_are_missing_is_not_run():
    rx = regex.compile("(?i)(?:never|matches)")
    calls = []

    class Spy:
        def search(self, *a, **k):
            calls.append(a)
            return rx.search(*a, **k)
        pattern = rx.pattern
        flags = rx.flags

    spans = alternatives_finditer([(Spy(), Needs([LiteralSet({"never"})]), ()), (regex.compile(r"\d+ kg"), Needs(), ())],
                                  "lost 5 kg", "lost 5 kg")
    assert spans == [(5, 9)] and calls == []


def test_a_lexicon_sized_literal_set_is_looked_up_in_one_pass():
    words = LiteralSet({f"word{i}" for i in range(300)} | {"eczema"})
    assert words.found_in("my eczema cleared") and not words.found_in("my skin cleared")
    assert LiteralSet({"a", "b"}).found_in("xbx")


@pytest.mark.slow
def test_the_claims_patterns_find_the_same_run_whole_or_apart():
    ruleset = checker.load_checker()
    en = ruleset.compiled.for_language("en")
    captions = [
        "I dropped 12 kg in 6 weeks with these shots, no gym needed",
        "my acne cleared in 3 days!! best serum in the world honestly",
        "Lost 5 kg without diet or exercise, the number 1 tea in Malaysia",
        "ordered on monday, arrived in 2 days, packaging was cute",
        "The best pizza in town, 10/10, no cap",
    ]
    split = 0
    for matcher in en.matchers.matchers.values() if hasattr(en, "matchers") else []:
        if isinstance(matcher, Matcher) and matcher.branches:
            split += 1
            for text in captions:
                assert alternatives_finditer(matcher.branches, text, text.lower()) in (
                    None, timed_finditer(matcher.regex, text))
    assert split >= 3


def test_a_member_after_a_word_boundary_is_looked_for_where_a_word_starts():
    pattern = r"(?i)\b(?:uti|ibs|acne)\s+(?:gone|cleared)"
    [members] = [LiteralSet(o) for o in required_literal_sets(pattern) if "uti" in LiteralSet(o).members]
    assert members.edged == {"uti", "ibs", "acne"}
    assert members.found_in(spaced("My UTI gone in two days")) and members.found_in("uti cleared")
    assert not members.found_in("a routine, then gone")  # (inside a word: the pattern cannot match there)
    big = LiteralSet({"\x01" + w for w in ("uti", "ibs", "acne", "gout", "flu", "lupus", "mumps", "croup", "colic",
                                             "gerd", "ptsd", "ocd", "adhd")})  # (an automaton past SMALL)
    assert big.found_in("ibs") and big.found_in("my flu") and not big.found_in("routine influencer ribs")
    assert pickle.loads(pickle.dumps(big)) == big


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=8), st.text(alphabet="abAB. \n_1", max_size=40),
       st.sampled_from(["", "(?i)"]), st.sampled_from([r"\b", r"\s+", r"(?:\s|\b)"]))
def test_a_text_a_pattern_with_word_boundaries_matches_holds_its_literal_sets(phrases, text, flags, lead):
    trie = trie_alternation([p.split(" ") for p in phrases], fold=bool(flags))
    pattern = flags + lead + trie + r"\b(?:\s*ab)?"
    if regex.search(pattern, text):
        assert all(LiteralSet(o).found_in(spaced(text)) for o in required_literal_sets(pattern))


def test_the_literal_sets_chosen_do_not_depend_on_the_hash_seed():
    # two groups equally selective by every measure but their words: the choice must not follow the
    # order a set is summed in, which changes with PYTHONHASHSEED from one run to the next
    import os
    import subprocess
    import sys

    pattern = r"(?:(?:aa|bbbbb|ccccccc|dddddddddd)\s*x\s*(?:ee|fffff|ggggggg|hhhhhhhhhh))+"
    code = ("import sys; from checker.rules.matcher import required_literal_sets as r; "
            "print(sorted(sorted(o) for o in r(sys.argv[1])))")
    seen = set()
    for seed in range(1, 9):
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        out = subprocess.run([sys.executable, "-c", code, pattern], capture_output=True, text=True, env=env,
                             cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))), check=True)
        seen.add(out.stdout)
    assert len(seen) == 1, seen


def test_an_alternative_around_a_group_of_alternatives_is_read_as_them():
    assert _distributed(r"\b(?:cures?|heals)\s+(?:acne|eczema)") == (r"\b", ["cures?", "heals"], r"\s+(?:acne|eczema)")
    assert _distributed(r"(?<!\w)\#(?:sale|deal)\b") == (r"(?<!\w)\#", ["sale", "deal"], r"\b")
    assert _distributed(r"no (?:more|longer) pain") == ("no ", ["more", "longer"], " pain")
    # not where what stands before it may match in more than one way, or the group is repeated
    assert _distributed(r"\s+(?:a|b)") is None
    assert _distributed(r"ab?(?:a|b)") is None
    assert _distributed(r"\b(?:a|b)+c") is None
    assert _distributed(r"\b(a|b)c") is None  # (a capturing group: not split)
    assert _distributed(r"[ab](?:a|b)") is None
    assert _distributed(r"\b(?:ab)c") is None  # (one alternative)


WORD_CHOICES = ["acne", "eczema", "cures", "cured", "heals", "stops", "pain", "kg", "5", "my", "the", "fast"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", r"\b", r"(?<!\w)", "my ", r"(?i)\b"]),
       st.lists(st.sampled_from([r"cures?", r"heals", r"stops\s+(?:the\s+)?", r"cured\s+my", r"heals\w*", r"\w+\s+fast"]),
                min_size=2, max_size=4, unique=True),
       st.sampled_from(["", r"\s+(?:acne|eczema)", r"\s*\d+\s*kg", r"(?:\s+\w+){0,2}?\s+pain\b"]),
       st.lists(st.sampled_from(WORD_CHOICES), max_size=12), st.sampled_from([" ", "  ", "\n", ", "]))
@example(r"\b", [r"heals\w*", r"\w+\s+fast", r"cured\s+my"], "", ["heals", "fast"], " ")  # (the first of two wins)
def test_an_alternative_run_as_its_own_alternatives_finds_what_it_finds_whole(before, middles, after, words, sep):
    source = f"{before}(?:{'|'.join(middles)}){after}|nothing\\s+here"
    text = sep.join(words)
    matcher = Matcher("t", MatchSpec(regex=source), "en")
    whole = timed_finditer(regex.compile(source), text)
    assert matcher.branches is not None
    assert alternatives_finditer(matcher.branches, text, text.lower()) in (None, whole)


def test_a_claim_whose_verb_is_missing_runs_none_of_the_alternatives_that_need_one(monkeypatch):
    source = r"(?i)\b(?:(?:cures?|heals)\s+(?:my\s+)?(?:acne|eczema)|(?:acne|eczema)\s+(?:is\s+)?(?:gone|cleared))\b"
    matcher = Matcher("t", MatchSpec(regex=source), "en")
    [(whole, needs, own)] = matcher.branches
    assert len(own) == 2 and all(sub_needs for _, sub_needs in own)
    ran = []
    run_alone = matcher_module._run_alone
    monkeypatch.setattr(matcher_module, "_run_alone", lambda src, rx: ran.append(src) or run_alone(src, rx))

    text = "my acne after a week of the new serum, cleared up a bit"
    assert alternatives_finditer(matcher.branches, text, text.lower()) == [] and ran == []  # (no verb, no "gone" after it)
    text = "Honestly this balm heals eczema overnight"
    assert alternatives_finditer(matcher.branches, text, text.lower()) == [(19, 31)]
    assert ran == [own[0][0]]  # (only the alternative whose verb is there)
    text = "It cures acne and my eczema is gone"  # (both: the whole, in one run)
    assert alternatives_finditer(matcher.branches, text, text.lower()) == [(3, 13), (21, 35)] and len(ran) == 1


def _analyses(source: str) -> tuple:
    for cached in (matcher_module._literal_sets, matcher_module._analysis, matcher_module._parse,
                   matcher_module._shared_group, matcher_module._untimed_length):
        cached.cache_clear()
    return (repr(matcher_module._parse(source)), matcher_module._literal_sets(source),
            required_literal_sets(source), required_literals(source),
            matcher_module._untimed_length(source), repr(matcher_module.required_run(source)))


def test_a_lexicon_named_many_times_is_parsed_once_and_read_as_written(monkeypatch):
    conditions = [f"{w} {tail}".strip().split(" ") for w in (
        "joint", "knee", "back", "neck", "nerve", "period", "muscle", "chronic", "stomach", "tooth", "ear", "hip")
        for tail in ("pain", "pains", "ache", "aches", "")] + [
        [w] for w in ("acne", "eczema", "psoriasis", "rosacea", "insomnia", "bloating", "migraines", "arthritis")]
    trie = trie_alternation(conditions, fold=True)
    assert len(trie) >= phrases_module.SHARED_TRIE
    source = (rf"(?i)\b(?:cures?|heals?|ends?)\s+(?:your\s+)?{trie}\b|{trie}\s+(?:gone|cleared)\b"
              rf"|(?:no\s+more\s+{trie}(?:\s+or\s+{trie})?\??)|\\{trie}|[(]{trie}")
    plain = _analyses(source)
    monkeypatch.setitem(phrases_module.SHARED_TRIES, trie, None)
    assert len(matcher_module._shared_groups(source)) == 6  # (after an escaped backslash too)
    calls = []
    real = matcher_module._sre_parser.parse
    monkeypatch.setattr(matcher_module._sre_parser, "parse", lambda text, *a: calls.append(text) or real(text, *a))
    shared = _analyses(source)
    assert shared == plain
    assert plain[1] and any(m.endswith("acne") for members in plain[1] for m in members)
    assert calls.count(trie) == 1 and all(len(text) < len(source) - 4 * len(trie) for text in calls if text != trie)
    rx = regex.compile(source)
    assert rx.search("this balm cures your knee pain").group() == "cures your knee pain"
    assert not rx.search("my knee is fine")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ab.-_ 1é#", min_size=1, max_size=5), st.booleans()),
                min_size=1, max_size=16),
       st.text(alphabet="ab.-_ 1é#\n\tÉ", max_size=40))
def test_a_set_with_members_that_start_a_word_is_found_wherever_one_is(members, text):
    # never missed where a member stands (where a word starts, for those marked so), however the text
    # spaces and punctuates it; and found nowhere else
    written = {("\x01" if edged else "") + m.lower() for m, edged in members}
    found = LiteralSet(written)
    lower = spaced(text)
    held = any(regex.search(("(?<!\\w)" if m in found.edged else "") + regex.escape(m), lower) for m in found.members)
    assert found.found_in(lower) == held


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab()|[]^\\\n?:", max_size=24))
@example("[|\n\\")  # (a class left open by a backslash at the end: nothing after it is structure)
@example(r"(?:a|[)|(]|\)|b)")
def test_the_grouping_scan_gives_the_parentheses_and_bars_the_character_walk_gives(body):
    """`_grouping` (one `re` scan) finds the same parentheses and bars at the same depths as walking the
    pattern a character at a time (`_structure`), escapes and character classes passed over alike."""
    walked = [(i, c, depth) for i, c, depth in matcher_module._structure(body) if c in "()|"]
    assert list(matcher_module._grouping(body)) == walked


def shipped_patterns(longest: int | None = None) -> list[str]:
    """The regular expressions of the shipped packs' rules in every language they are written for
    (lexicons resolved), sorted; with `longest`, those of up to that many characters (the longer ones
    are lexicons' tries, built of the same parts: hundreds of kilobytes, seconds to compile)."""
    from checker.rules import kinds, load_rules

    ruleset = load_rules()
    found = {spec.regex for rule in ruleset.rules.values() for lang in rule.languages
             for spec in kinds.matchers(rule, lang).values() if spec.regex}
    return sorted(s for s in found if longest is None or len(s) <= longest)


def test_the_grouping_scan_reads_the_shipped_patterns_as_the_character_walk_does():
    patterns = shipped_patterns()
    assert len(patterns) > 300
    for body in patterns:
        walked = [(i, c, depth) for i, c, depth in matcher_module._structure(body) if c in "()|"]
        assert list(matcher_module._grouping(body)) == walked, body[:80]
