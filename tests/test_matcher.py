"""The one matcher: every kind of text-matching spec (rule terms, patterns and regexes, require labels,
unless contexts, signals, prefilter overrides) runs with one time limit, and a timeout is reported
as a problem of the document that names what timed out, while every other rule still applies."""

import pickle
import sys
import time
from pathlib import Path

import pytest

from checker.engine import Checker
from checker.model import Document, Meta, Segment
from checker.rules import PackError, load_rules
from checker.rules.matcher import LiteralSet, MatcherSet, MatchSpec, Needs, _Texts, per_language, spec_from

SLOW = "(a|a)+$"  # exponential on a run of a's that does not end the text

HOSTILE = f"""
signals:
  - id: slow
    name: slow signal
    weight: 1
    regex: '{SLOW}'
rules:
  - id: team.rx
    kind: regex
    category: claim
    severity: warning
    message: Slow rule regex
    rationale: A team rule written carelessly.
    source: team style guide
    regex: '{SLOW}'
    examples: {{flag: ["ends with aa", "ends with a"], pass: ["abc", "def"]}}
  - id: team.pat
    kind: pattern
    category: claim
    severity: warning
    message: Slow token predicate
    rationale: A team rule written carelessly.
    source: team style guide
    patterns: [[{{LOWER: code}}, {{TEXT: {{REGEX: '^(a|a)+$'}}}}]]
    examples: {{flag: ["code aaa", "code aa"], pass: ["code b", "no code"]}}
  - id: team.label
    kind: require
    category: disclosure
    severity: warning
    message: Needs the team's label
    rationale: A team rule written carelessly.
    source: team style guide
    require: {{regex: '{SLOW}'}}
    examples: {{flag: ["nothing here", "still nothing"], pass: ["ends with aa", "ends with a"]}}
  - id: team.deal
    kind: terms
    category: claim
    severity: warning
    message: A deal
    rationale: A team rule written carelessly.
    source: team style guide
    terms: ["deal"]
    unless:
      - regex: '{SLOW}'
        within: segment
    examples: {{flag: ["great deal", "deal today"], pass: ["deal aa", "no"]}}
  - id: team.yes
    kind: regex
    category: claim
    severity: warning
    message: Prefiltered
    rationale: A team rule written carelessly.
    source: team style guide
    regex: 'yes'
    prefilter: {{regex: '{SLOW}'}}
    examples: {{flag: ["yes aa", "yes a"], pass: ["no", "nope"]}}
"""


def _team_pack(root: Path, body: str) -> Path:
    pack = root / "team"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text('market: team\nname: Team\nlanguages: [en]\nversion: "1"\n', "utf-8")
    (pack / "rules.yaml").write_text(body, "utf-8")
    return root


def test_only_a_bounded_search_runs_without_a_time_limit():
    from checker.rules.matcher import _untimed_length

    # nested or repeated unbounded repeats, in a lookaround too: always timed
    for hostile in (SLOW, r"(x+x+)+y", r"(?=(x+x+)+y)a", r"(?=x+)x+y", r"(?<=a)(\w+)*b"):
        assert _untimed_length(hostile) == 0, hostile
    # a lookaround is never backtracked into: its alternatives add to the cost, they do not multiply
    # the rest's (a brand tag looked at before and after: a 180-character caption runs untimed)
    tag = r"#(?!(?i:amazing|visit|love|pray|explore))[\p{L}\p{N}_]{4,}+(?<=[\p{Ll}](?:TH|MY|ID|VN|Thailand))"
    assert _untimed_length(tag) >= 180
    same_as_a_branch = r"#(?:amazing|visit|love|pray|explore)[\p{L}\p{N}_]{4,}+(?:TH|MY|ID|VN|Thailand)"
    assert _untimed_length(same_as_a_branch) < _untimed_length(tag)


def test_a_repeat_its_first_character_cannot_start_inside_searches_in_linear_time_untimed():
    """A hashtag pattern's runs of word characters begin after a `#`, which no run holds: runs from
    different starts do not overlap, so the search is linear and a whole caption (or a long
    description) runs without the clock. Where the first character may stand inside the run, the
    bound stays quadratic (a few hundred characters)."""
    from checker.rules.matcher import _untimed_length

    tag = r"#(?!(?i:amazing|visit|love|pray|explore))[\p{L}\p{N}_]{4,}+(?<=[\p{Ll}](?:TH|MY|ID|VN|Thailand))"
    assert _untimed_length(tag) >= 3000
    assert _untimed_length(r"@[\w.]+") >= 100_000
    for quadratic in (r"a\w+b", r"(?i)A[a-z]+!", r"x.{0,3}\w+y",
                      r"#\P{Han}+", r"#\p{P}+",  # (a property read as `\w` that `#` is part of)
                      r"#(?:\w+)+x"):
        assert _untimed_length(quadratic) < 2000, quadratic


def test_a_hostile_regex_anywhere_is_a_reported_problem_not_a_crash(tmp_path):
    checker = Checker(load_rules((str(_team_pack(tmp_path, HOSTILE)),)))
    text = "Best serum ever, great deal! yes code " + "a" * 30 + "b and then " + "a" * 30 + "!"
    doc = Document("post.txt", [Segment.whole(text)], Meta(markets=("team", "us"), commercial=True), text=text)
    checker.compiled.for_language("en")  # (compiling the packs is not what is timed: a hang is)
    started = time.monotonic()
    outcome = checker.run(doc, ("team", "us"))
    assert time.monotonic() - started < 20
    named = {p.split(": a regular expression")[0] for p in outcome.problems}
    assert named == {
        "rule team.rx", "rule team.pat", "rule team.label (its labels)",
        "rule team.deal (its unless context 0)", "rule team.yes", "signal team:slow",
    }
    assert all("ran out of time" in p for p in outcome.problems)
    rules = {f.rule for f in outcome.findings}
    # every other rule still applies: the superlative, the deal (its unless gave up: no cancel)
    assert {"global.claims.superlative_scope", "team.deal"} <= rules


def test_a_broken_regex_in_a_signal_or_unless_is_a_pack_error_naming_the_place(tmp_path):
    body = HOSTILE.replace(f"regex: '{SLOW}'\nrules:", "regex: '(unclosed'\nrules:", 1)
    with pytest.raises(PackError, match=r"rules\.yaml:\d+: signal slow: field 'regex': missing \)"):
        load_rules((str(_team_pack(tmp_path / "a", body)),))
    body = HOSTILE.replace(f"      - regex: '{SLOW}'", "      - regex: '[z-a]'")
    with pytest.raises(PackError, match=r"rule team.deal: field 'unless.0.regex': bad character range"):
        load_rules((str(_team_pack(tmp_path / "b", body)),))


def test_per_language_is_the_one_resolver():
    assert per_language({"en": ["best"], "zh": ["最好"]}, "zh", ("en", "zh")) == ["最好"]
    assert per_language({"en": ["best"]}, "th", ("en", "th")) is None
    assert per_language(["best"], "en", ("en",)) == ["best"]
    assert per_language(["best"], "zh", ("en",)) is None  # a plain list is for the rule's languages
    spec = spec_from({"phrases": {"en": ["best buy"]}, "within": 3}, "en", ("en",), "lower")
    assert spec == MatchSpec(terms=("best buy",), mode="lower")


def test_unless_contexts_can_be_token_patterns_too():
    """`unless` takes the same spec shape as a rule: here a token pattern (a number before "kg")."""
    ms = MatcherSet("en")
    ms.add("r#0", spec_from({"patterns": [[{"LIKE_NUM": True}, {"LOWER": "kg"}]]}, "en", ("en",)))
    ms.build()
    from checker.rules.matching import MatchContext

    ctx = MatchContext("en", "the bag holds 5 kg of rice", frozenset())
    live = ms.live(ctx, frozenset({"r#0"}))
    assert [(sp.start, sp.end) for sp in ms.find(ctx, live)] == [(14, 18)]


PINNED = """
rules:
  - id: team.cure
    kind: terms
    category: claim
    severity: error
    message: Cure claim
    rationale: A cosmetic that claims to cure a disease is sold as a drug.
    source: team style guide
    terms: ["cured my acne"]
    examples:
      flag: ["{flag}", "It cured my acne in a week"]
      pass: ["{passing}", "Cured salmon for lunch"]
"""


def _examples(tmp_path, flag, passing="Cured ham"):
    from checker.rules.selftest import run_rule_examples

    rs = load_rules((str(_team_pack(tmp_path, PINNED.format(flag=flag, passing=passing))),))
    return run_rule_examples(Checker(rs), rs.rules["team.cure"])


@pytest.mark.slow
def test_a_flag_example_pins_the_exact_words_its_finding_covers(tmp_path):
    good = _examples(tmp_path / "good", "This serum literally [[cured my acne]] 😭")
    assert [r.ok for r in good] == [True, True, True, True]
    assert good[0].text == "This serum literally cured my acne 😭" and good[0].span == (21, 34)
    wrong = _examples(tmp_path / "wrong", "This serum [[literally cured my acne]] 😭")
    assert not wrong[0].ok
    assert wrong[0].describe() == (
        "team.cure: flag example flagged 'cured my acne', not the pinned 'literally cured my acne': "
        "'This serum literally cured my acne 😭'")


def test_a_pass_example_cannot_pin_a_span(tmp_path):
    with pytest.raises(PackError, match=r"field 'examples': a pass example marks a span"):
        _examples(tmp_path, "It [[cured my acne]]", passing="[[Cured]] ham")


def test_a_template_that_would_expand_past_the_cap_is_refused_before_expanding(tmp_path, monkeypatch):
    """`{|}` forty times is 2**40 phrases: counted and refused, never expanded (no product of its
    parts is ever started)."""
    import itertools
    import math

    from checker.rules import phrases

    started = []
    real = itertools.product

    def product(*parts):
        started.append(math.prod(len(p) for p in parts))
        return real(*parts)

    monkeypatch.setattr(phrases.itertools, "product", product)
    body = PINNED.format(flag="It [[cured my acne]]", passing="Cured ham").replace(
        'terms: ["cured my acne"]', 'terms: ["cured my acne", "x' + "{|}" * 40 + '"]')
    with pytest.raises(PackError, match="expands to more than 10000 phrases"):
        load_rules((str(_team_pack(tmp_path, body)),))
    assert started and max(started) <= 4 * phrases.MAX_EXPANSIONS


def test_a_regex_or_prefilter_too_slow_for_its_own_flag_example_is_a_pack_error(tmp_path):
    body = HOSTILE.replace('examples: {flag: ["yes aa", "yes a"]', 'examples: {flag: ["yes aa", "yes ' + "a" * 30 + 'b"]')
    with pytest.raises(PackError, match=r"rule team.yes: field 'prefilter': runs out of time \(0.25 s\) on the example"):
        load_rules((str(_team_pack(tmp_path, body)),))
    body = HOSTILE.replace("regex: 'yes'", "regex: '(a|a)+b$'").replace(
        "prefilter: {regex: '(a|a)+$'}", "prefilter: ['b']").replace(
        'examples: {flag: ["yes aa", "yes a"]', 'examples: {flag: ["ab", "' + "a" * 30 + 'c"]')
    with pytest.raises(PackError, match=r"rule team.yes: field 'regex': runs out of time"):
        load_rules((str(_team_pack(tmp_path / "b", body)),))


def test_phrases_tokenized_hundreds_to_a_doc_come_out_as_one_at_a_time():
    """A pack's phrases are tokenized in batches joined by line breaks (`tokenized`); each must get
    the tokens and spacing `make_doc` gives it alone, contractions, prices, hashtags and
    abbreviations included, and a text the batch cannot hold (white space at an end, a line
    break of its own, nothing) is tokenized alone."""
    from checker import nlp
    from checker.rules.matcher import tokenized

    samples = {
        "en": ["don't buy it", "$19.99 only today", "#ad #sponsored", "lost 10 lbs. in a week", "a.m. routine",
               "dm me on WhatsApp", "won't", "see you at 9 a.m.", "U.S. made", "trailing space ",
               " leading space", "two\nlines", "", "best-ever serum!!", "it's 50% off (today)"],
        "zh": ["最好的面霜", "加V 信 联系", "第1名", "100%有效", "祛斑 美白", "换行\n之后"],
    }
    for lang, texts in samples.items():
        texts = texts * 60  # (more than one batch)
        pipe = nlp.pipeline(lang)
        alone = [([t.text for t in d], [t.whitespace_ for t in d]) for d in map(pipe.make_doc, texts)]
        assert tokenized(pipe, texts) == alone


def test_phrase_keys_are_the_ids_spacy_reads_from_a_doc_of_the_tokens(checker):
    """A PhraseSet gives spaCy's PhraseMatcher each phrase as token ids (`phrase_keys`) instead of a
    Doc of its tokens: the ids must be the ORTH, or LOWER, that PhraseMatcher reads from such a Doc,
    for the packs' own phrases and for tokens that are spaCy symbols ("number", "NOUN", whose ids are
    not hashes) or change under lower-casing outside ASCII."""
    from spacy.tokens import Doc

    from checker import nlp
    from checker.rules.matcher import phrase_keys

    tricky = [(("wa", "number", "in", "bio"), ""), (("NOUN", "ORTH", "lemma"), ""), (("Best", "SERUM"), ""),
              (("İstanbul", "ǅemal"), ""), (("STRASSE", "Straße", "ΣΟΦΙΑ"), ""), (("最好", "的"), ""),
              (("ดีที่สุด",), ""), (("Tốt", "NHẤT"), ""), (("do", "n't"), ""), (("$19.99", "#ad", "@Brand"), ""),
              ((), "")]
    for lang in ("en", "zh", "th", "vi", "id"):
        vocab = nlp.pipeline(lang).vocab
        matchers = checker.compiled.for_language(lang).matchers.matchers.values()
        sequences = [s for m in matchers if m.has_phrases for s in m.sequences[:200]] + tricky
        assert len(sequences) > 200
        docs = [Doc(vocab, words=list(tokens)) for tokens, _ in sequences]
        assert phrase_keys(vocab, sequences, lower=False) == [tuple(t.orth for t in d) for d in docs]
        assert phrase_keys(vocab, sequences, lower=True) == [tuple(t.lower for t in d) for d in docs]


def test_a_stored_matchers_closer_looks_are_read_one_needle_at_a_time():
    """A Matcher read from the compiled-pack cache makes the closer looks of a needle key (`PhrasesAt`)
    only when a segment asks for that key; they are those it was compiled with, key by key."""
    import pickle

    from checker.rules.matcher import PhrasesAt
    from checker.rules.matching import MatchContext

    ms = MatcherSet("en")
    ms.add("r.cure", MatchSpec(terms=("{cure|cures|cured} {acne|eczema|psoriasis} {fast|for good}",
                                      "gets rid of acne"), mode="lemma"))
    ms.build()
    compiled = ms.matchers["r.cure"].phrases_at
    stored = pickle.dumps(ms)
    back = pickle.loads(stored).matchers["r.cure"]
    at = back.phrases_at
    assert isinstance(at, PhrasesAt) and len(compiled) > 1
    assert list(at) == list(compiled) and not at._made
    key = next(iter(compiled))
    assert at[key] == compiled[key] and list(at._made) == [key]
    assert at.get("no such key", ()) == () and dict(at) == dict(compiled)
    ctx = MatchContext("en", "This balm cured eczema for good, my friends", frozenset())
    again = pickle.loads(stored)
    assert again.live(ctx, frozenset({"r.cure"})) == {"r.cure"}
    assert [(sp.start, sp.end) for sp in ms.find(ctx, {"r.cure"})] == \
        [(sp.start, sp.end) for sp in again.find(ctx, {"r.cure"})] == [(10, 31)]


# --- compiling in several processes (a cold start: checker/rules/matcher.py, `compile_matchers`) ----

_SPECS = [
    ("r.cure", MatchSpec(terms=("{cure|cures|cured} {acne|eczema}", "gets rid of acne"), mode="lemma")),
    ("r.kg", spec_from({"patterns": [[{"LIKE_NUM": True}, {"LOWER": "kg"}]]}, "en", ("en",))),
    ("r.best", MatchSpec(regex=r"(?i)\b(?:best|finest) (?:serum|cream)s?\b|\bno\.? ?1 (?:serum|toner)\b",
                         examples=("the best serum ever", "our no.1 toner"))),
    ("r.treats", MatchSpec(regex=r"(?i)\bit (?:cures (?:acne|eczema)|treats (?:gout|psoriasis))\b",
                           examples=("it treats gout",))),
    ("r.digits", MatchSpec(regex=r"\d{7,}", prefilter=["555"])),
    ("r.hash", MatchSpec(terms=("#gift", "n't"), mode="lower")),
]
_TEXTS = ["This cream cured eczema fast, it treats gout too", "The best serums and our No. 1 toner, 5 kg",
          "call 5551234567 #gift, don't wait", "nothing here at all"]


def _found(matchers: list, specs) -> list:
    from checker.rules.matching import MatchContext

    ms = MatcherSet("en")
    for (owner, _spec), m in zip(specs, matchers, strict=True):
        ms.matchers[owner] = m
        if m.has_phrases:
            ms.phrases.add(owner, m)
    ms.build()
    out = []
    for text in _TEXTS:
        ctx = MatchContext("en", text, frozenset())
        out.append([(sp.owner, sp.start, sp.end) for sp in ms.find(ctx, ms.live(ctx, frozenset(ms.matchers)))])
    return out


def test_matchers_compiled_in_other_processes_are_the_ones_compiled_here(monkeypatch):
    from checker.rules import matcher

    monkeypatch.setattr(matcher, "PARALLEL_FROM", 1)
    monkeypatch.setattr(matcher, "_can_fork", lambda: True)  # (pytest's workers run threads of their own)
    monkeypatch.setattr(matcher.os, "cpu_count", lambda: 2)
    forked = []
    real = matcher._in_processes
    monkeypatch.setattr(matcher, "_in_processes", lambda *a: forked.append(1) or real(*a))
    here = matcher.compile_matchers("en", _SPECS, 1)
    there = matcher.compile_matchers("en", _SPECS, 2)
    assert forked == [1]  # (compiled in other processes, not here after a failure)
    for a, b in zip(here, there, strict=True):
        assert (b.owner, b.needles, b.sequences, b.phrases_at, b.regex_needs, b.requirements, b.always) == (
            a.owner, a.needles, a.sequences, a.phrases_at, a.regex_needs, a.requirements, a.always)
        assert [(rx.pattern, needs, own) for rx, needs, own in b.branches or ()] == [
            (rx.pattern, needs, own) for rx, needs, own in a.branches or ()]
    found = _found(there, _SPECS)
    assert found == _found(here, _SPECS)
    assert {o for spans in found for o, *_ in spans} == {owner for owner, _ in _SPECS}


def test_a_spec_that_does_not_compile_fails_as_it_would_in_one_process(monkeypatch):
    from checker.rules import matcher

    monkeypatch.setattr(matcher, "PARALLEL_FROM", 1)
    monkeypatch.setattr(matcher, "_can_fork", lambda: True)
    monkeypatch.setattr(matcher.os, "cpu_count", lambda: 2)
    bad = [*_SPECS, ("r.bad", MatchSpec(regex="(unclosed"))]
    with pytest.raises(ValueError) as here:
        matcher.compile_matchers("en", bad, 1)
    with pytest.raises(ValueError) as there:
        matcher.compile_matchers("en", bad, 2)
    assert str(there.value) == str(here.value) and "regex" in str(here.value)


def test_a_worker_process_or_one_with_threads_compiles_in_itself(monkeypatch):
    import multiprocessing
    import threading

    from checker.rules import matcher

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert matcher._can_fork() is sys.platform.startswith("linux")
    if sys.platform.startswith("linux"):
        with multiprocessing.get_context("fork").Pool(1) as pool:
            assert pool.apply(matcher._can_fork) is False  # (a worker)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert matcher._can_fork() is False


def test_a_compiling_process_that_dies_leaves_the_compile_to_this_one(monkeypatch):
    """A process killed while it compiles (out of memory, say) never hangs the run: the Matchers are
    compiled here instead, the same."""
    import os

    from checker.rules import matcher

    monkeypatch.setattr(matcher, "PARALLEL_FROM", 1)
    monkeypatch.setattr(matcher, "_can_fork", lambda: True)
    monkeypatch.setattr(matcher.os, "cpu_count", lambda: 2)
    real = matcher._compile_one

    def dies_on_the_third(i):
        if i == 2:
            os._exit(9)
        return real(i)

    monkeypatch.setattr(matcher, "_compile_one", dies_on_the_third)
    back = matcher.compile_matchers("en", _SPECS, 2)
    assert [m.owner for m in back] == [owner for owner, _ in _SPECS]
    assert _found(back, _SPECS) == _found(matcher.compile_matchers("en", _SPECS, 1), _SPECS)


def test_literal_sets_are_looked_for_in_the_order_that_turns_texts_away_soonest():
    # a regex's sets, as compiled: a lexicon of product nouns first (they read as more telling), then
    # " our ": in captions the nouns are parts of other words ("app" of "happy") and hold, " our " is
    # what is missing
    nouns = LiteralSet({"app", "oil", "tea", "kit", *(f"noun{i}" for i in range(40))})
    our = LiteralSet({" our "})
    needs = Needs([nouns, our])
    captions = ["so happy with this view", "tea time at the beach", "oil painting class today",
                "the kit arrived", "try our new tea"] * 60
    answers = [needs.hold(_Texts(c)) for c in captions]
    assert answers == [all(s.found_in(c) for s in (nouns, our)) for c in captions]  # the same answers
    assert needs.sets == (our, nouns)  # what turns most captions away, and costs least, first
    assert set(pickle.loads(pickle.dumps(needs)).sets) == {nouns, our}



TWO_OVER_THE_SAME_WORDS = """
rules:
  - id: team.a_cure
    kind: terms
    category: claim
    severity: error
    message: Cure claim
    rationale: A cosmetic that claims to cure a disease is sold as a drug.
    source: team style guide
    terms: ["cured my acne", "cured my eczema"]
    examples:
      flag: ["It [[cured my acne]] in a week", "This balm [[cured my eczema]]"]
      pass: ["Cured salmon for lunch", "The eczema clinic moved to Leeds"]
  - id: team.b_acne
    kind: terms
    category: claim
    severity: warning
    message: Acne claim
    rationale: Acne is a condition; only a medicine may claim to clear it.
    source: team style guide
    terms: ["cured my acne", "cleared my acne"]
    examples:
      flag: ["It [[cured my acne]] in a week", "This gel [[cleared my acne]]"]
      pass: ["Cured ham", "My acne cream ran out"]
"""


def test_a_pinned_example_holds_when_its_finding_merges_into_another_rules_over_the_same_words(tmp_path):
    """Two rules over the same words give one finding (the error's, `merge_findings`), naming the other
    in `related`: the other rule's pinned example still finds its words."""
    from checker.check import check_item
    from checker.rules.selftest import example_document, markets_for, run_rule_examples

    rs = load_rules((str(_team_pack(tmp_path, TWO_OVER_THE_SAME_WORDS)),))
    checker = Checker(rs)
    rule = rs.rules["team.b_acne"]
    doc = example_document(rule, rule.examples["flag"][0], markets_for(rs, rule))
    [finding] = [f for f in check_item(checker, doc).findings if f.rule == "team.a_cure"]
    assert "team.b_acne" in finding.related
    assert ("team.b_acne", 3, 16) in finding.rule_spans() and doc.text[3:16] == "cured my acne"
    results = run_rule_examples(checker, rule)
    assert [(r.expect, r.ok) for r in results] == [("flag", True), ("flag", True), ("pass", True), ("pass", True)]
    assert all(r.ok for r in run_rule_examples(checker, rs.rules["team.a_cure"]))


ONE_INSIDE_ANOTHER = """
rules:
  - id: team.rank
    kind: regex
    category: claim
    severity: warning
    message: Rank claim
    rationale: A rank needs the survey or sales figures behind it.
    source: team style guide
    regex: '(?i)#1 selling'
    examples:
      flag: ["Our [[#1 selling]] tea is back", "The [[#1 Selling]] kettle"]
      pass: ["Selling my #1 fan tee", "#1 fan here"]
  - id: team.scope
    kind: regex
    category: claim
    severity: warning
    message: Superlative scoped to a market
    rationale: A claim over a whole country needs evidence over that country.
    source: team style guide
    regex: '(?i)#1 selling \\w+ in america'
    examples:
      flag: ["The [[#1 selling serum in America]] is here", "Our [[#1 selling mop in America]]"]
      pass: ["Selling tea in America since 1990", "#1 in my heart"]
  - id: team.cure
    kind: regex
    category: claim
    severity: error
    message: Cure claim
    rationale: A cosmetic that claims to cure a disease is sold as a drug.
    source: team style guide
    regex: '(?i)\\bcures\\b'
    examples:
      flag: ["This balm [[cures]] it", "It [[cures]] dry lips"]
      pass: ["Cured salmon", "A cure for boredom"]
  - id: team.condition
    kind: regex
    category: claim
    severity: warning
    message: Condition treated
    rationale: Eczema is a condition; only a medicine may claim to treat it.
    source: team style guide
    regex: '(?i)cures eczema in \\d+ days'
    examples:
      flag: ["It [[cures eczema in 3 days]]", "This balm [[cures eczema in 5 days]] flat"]
      pass: ["Eczema in 3 days? No.", "My eczema flared"]
"""


def test_a_finding_inside_another_of_its_category_is_merged_into_it_and_its_example_still_holds(tmp_path):
    """One claim, one finding: the rank inside the superlative around it is named in the wider finding's
    `related` (equal severity: the wider is kept); an error inside a warning is kept and takes the
    warning's wider words, naming it in its `related`; every rule's pinned example still holds."""
    from checker.rules.selftest import run_rule_examples

    rs = load_rules((str(_team_pack(tmp_path, ONE_INSIDE_ANOTHER)),))
    checker = Checker(rs)
    text = "The #1 selling serum in America cures eczema in 3 days #ad"
    doc = Document(path="x", segments=[Segment.whole(text)], meta=Meta(markets=("team",), commercial=True),
                   text=text)
    found = [(f.rule, f.text, [r for r in f.related if r.startswith("team.")])  # (the global layer's too)
             for f in checker.check(doc) if f.category == "claim"]
    assert found == [("team.scope", "#1 selling serum in America", ["team.rank"]),
                     ("team.cure", "cures eczema in 3 days", ["team.condition"])]
    for rule in rs.rules.values():
        if rule.id.startswith("team."):
            assert all(r.ok for r in run_rule_examples(checker, rule)), rule.id


def test_merge_findings_keeps_findings_apart_that_overlap_without_one_holding_the_other():
    """Overlapping findings that do not hold one another, findings of other categories, a finding with
    no words (a missing disclosure at the document's start) and one with a replacement for its own words
    stay apart."""
    from checker.engine import merge_findings
    from checker.model import Finding

    def finding(rule, start, end, category="claim", severity="warning"):
        return Finding(rule, category, severity, "m", "r", None, "s", "x" * (end - start), start, end,
                       1, start, 1, end, ["us"], "caption", "en")

    fixed = finding("g", 11, 13, severity="error")
    fixed.fix = "tested"  # (its replacement leaves the words around it as they were)
    out = merge_findings([finding("a", 0, 10), finding("b", 5, 15), finding("c", 6, 9),
                          finding("d", 0, 0, "disclosure"), finding("e", 0, 4, "disclosure"),
                          finding("f", 2, 4, "music"), fixed])
    assert [(f.rule, f.start, f.end, f.related, f.rule_spans()) for f in out] == [
        ("d", 0, 0, [], [("d", 0, 0)]), ("e", 0, 4, [], [("e", 0, 4)]),
        ("a", 0, 10, ["c"], [("a", 0, 10), ("c", 6, 9)]), ("f", 2, 4, [], [("f", 2, 4)]),
        ("b", 5, 15, [], [("b", 5, 15)]), ("g", 11, 13, [], [("g", 11, 13)])]


# --- case-insensitive patterns run on the lower-cased text (`folded_source`, `MatchContext.folded`) ----

@pytest.mark.parametrize("source, folded", [
    (r"(?i)\bbest (?:serum|cream)s?\b", r"\bbest (?:serum|cream)s?\b"),
    (r"(?i)(?<![\p{L}\d])no\.?\s*1\b", r"(?<![\p{L}\d])no\.?\s*1\b"),  # a property that ignores case
    (r"(?ims)^free\b", r"(?ms)^free\b"),  # other flags are kept
    (r"(?i)\bBest\b", r"\bbest\b"),  # letters lower-cased: the lower-cased text holds no capital
    (r"(?i)(?:US|HK)\$\s?\d|\bRM\d", r"(?:us|hk)\$\s?\d|\brm\d"),
    (r"(?i)\b[A-Z]{3}\b", r"\b[a-z]{3}\b"),  # a range of capitals is one of letters
    (r"(?i)[A-z]", None),  # a range that holds [, \, ], ^, _ and ` too
    (r"(?i)Anti-Aging", None),  # (a hyphen next to a capital is read as a range: left alone)
    (r"(?i)(?P<Word>cure)s?", None),  # a group's name
    (r"(?i)\bİstanbul\b", None),  # a letter whose lower case is two characters
    (r"(?i)\p{Lu}\w+", None),  # a property by case
    (r"(?i)[[:upper:]]+", None),
    (r"(?i)\x41", None),  # "A", escaped
    (r"(?i)a(?-i:b)", None),  # flags set inside it
    (r"(?i)(?i:a)b", None),
    (r"(?fi)strasse", None),  # full case folding: one letter may match two
    (r"\bbest\b", None),  # not case-insensitive: runs on the text as written
    (r"(?i)\N{LATIN SMALL LETTER A}", None),
])
def test_a_case_insensitive_pattern_without_case_in_it_runs_without_the_flag(source, folded):
    from checker.rules.matcher import folded_source

    assert folded_source(source) == folded


def test_a_folded_pattern_finds_what_the_case_insensitive_one_finds_at_the_same_places():
    """Offsets into the lower-cased text are offsets into the text: a letter whose lower case is two
    characters (İ) is kept as written, so a match after it is where it is in the text."""
    import regex

    from checker.rules.matching import MatchContext

    source = r"(?i)\b(?:best|purest) (?:serum|cream|water)s?\b|\bno\.?\s?1\b"
    ms = MatcherSet("en")
    ms.add("r.best", MatchSpec(regex=source, examples=("the best serum", "No.1 in Britain")))
    ms.build()
    assert ms.matchers["r.best"].folded
    for text in ["The BEST Serum and the Purest WATER", "İSTANBUL's best cream, No. 1",
                 "İİ best CREAMS İ no1", "nothing at all", "BESTSERUM best serumS"]:
        ctx = MatchContext("en", text, frozenset())
        found = [(sp.start, sp.end) for sp in ms.find(ctx, {"r.best"})]
        assert found == [m.span() for m in regex.finditer(source, text)], text
        assert len(ctx.folded) == len(text)


# --- the phrases of a long text, matched in the lines that may hold them (`_lines_to_read`) ----------

_DIARY = "\n".join([
    "Day 3 in Lisbon and my feet are done",
    "We walked up to the castle, ate far too many pastries and watched the sunset from the viewpoint",
    "Tomorrow: Sintra, if the trains run",
    "Full itinerary and the cafe list: link in bio!",
    "Thanks for all the tips in the comments",
    "Shop now? No, just saving for the next trip",
    "See you in the next one",
])


@pytest.mark.parametrize("text", [_DIARY, _DIARY.replace("link in bio", "link\nin bio")])
def test_phrases_of_a_long_text_are_matched_in_its_lines_that_may_hold_them(text):
    """A text of many lines with a phrase's needle on a few is not tokenized whole: each of those lines
    is, and the spans are those found in the whole text's tokens (a line break is a token of its own,
    so a phrase broken by one is no match either way)."""
    from checker.rules.matching import MatchContext

    ms = MatcherSet("en")
    ms.add("r.bio", MatchSpec(terms=("link in bio", "{shop|buy} now"), mode="lower"))
    ms.build()
    by_line = MatchContext("en", text, frozenset())
    found = [(sp.start, sp.end) for sp in ms.find(by_line, ms.live(by_line, frozenset({"r.bio"})))]
    assert by_line._doc is None
    whole = MatchContext("en", text, frozenset())
    assert whole.doc is not None  # (tokenized whole first: the phrases are matched in its tokens)
    assert found == [(sp.start, sp.end) for sp in ms.find(whole, ms.live(whole, frozenset({"r.bio"})))]
    assert [text[s:e] for s, e in found] == (["link in bio"] if "link in bio" in text else []) + ["Shop now"]


def test_a_text_of_one_line_or_mostly_needles_is_tokenized_whole():
    from checker.rules.matching import MatchContext

    ms = MatcherSet("en")
    ms.add("r.bio", MatchSpec(terms=("link in bio",), mode="lower"))
    ms.build()
    for text in ["Cafe list: link in bio", "link in bio\nlink in bio\nok"]:
        ctx = MatchContext("en", text, frozenset())
        assert [text[sp.start:sp.end] for sp in ms.find(ctx, ms.live(ctx, frozenset({"r.bio"})))][0] == "link in bio"
        assert ctx._doc is not None
