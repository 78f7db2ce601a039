"""Compiled regular expressions kept in the cache folder (`checker/rules/regexcode.py`): a pattern built
from its stored code matches exactly as the compiled one, and anything wrong with an entry only means
the pattern is compiled again."""

import threading

import pytest
import regex
from test_regex_shapes import shipped_patterns

import checker
from checker import diskcache
from checker.rules import matcher, regexcode

CONDITIONS = ["acne", "eczema", "psoriasis", "arthritis", "joint pain", "insomnia", "diabetes", "high blood pressure",
              "hair loss", "bloating", "migraine", "anxiety", "rosacea", "dandruff", "cellulite", "varicose veins"]
VERBS = ["cures?", "cured", "treats?", "heals?", "clears? up", "gets? rid of", "reverses?", "eliminates?"]
# (a pattern shaped like the packs' lexicon tries: case-insensitive, word edges, white space runs, a group)
PATTERN = (r"(?i)\b(?P<verb>" + "|".join(v.replace(" ", r"\s+") for v in VERBS) + r")\s+(?:my\s+|your\s+)?"
           r"(?P<condition>" + "|".join(c.replace(" ", r"\s+") for c in CONDITIONS) + r")\b")
TEXTS = [
    "This balm CURED my eczema in a week and clears up  acne too",
    "My nan's arthritis cream treats joint pain, she swears by it",
    "Cured meats and cheese board for the weekend, no eczema talk here",
    "gets rid of dandruff. Also heals\nyour rosacea?",
]


def spans(compiled, texts=TEXTS):
    return [[(m.span(), m.group("verb"), m.group("condition")) for m in compiled.finditer(t)] for t in texts]


@pytest.fixture
def store(tmp_path, monkeypatch):
    real = diskcache.folder  # (the compiled packs stay where the test session keeps them)
    monkeypatch.setattr(diskcache, "folder", lambda layout: tmp_path / layout if layout == regexcode.LAYOUT
                        else real(layout))
    monkeypatch.delenv("REELCHECK_NO_CACHE", raising=False)
    monkeypatch.setattr(regexcode, "SLOW", 0.0)
    # (a state of its own: the stored keys this test lists are of its folder, not the session's)
    monkeypatch.setattr(regexcode, "_state", {"on": False})
    regexcode.use(True)
    return tmp_path / regexcode.LAYOUT


def entries(folder):
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def no_python_compile(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("compiled in Python although the code was stored")
    monkeypatch.setattr(regexcode.regex, "compile", refuse)


def test_a_pattern_built_from_stored_code_matches_like_the_compiled_one(store, monkeypatch):
    expected = regex.compile(PATTERN)
    first = regexcode.compile(PATTERN)
    assert len(entries(store)) == 1
    assert spans(first) == spans(expected)
    assert spans(expected)[0] == [((10, 25), "CURED", "eczema"), ((40, 55), "clears up", "acne")]
    no_python_compile(monkeypatch)
    again = regexcode.compile(PATTERN)
    assert again is not first
    assert (again.pattern, again.flags, again.groupindex, again.groups) == \
        (expected.pattern, expected.flags, expected.groupindex, expected.groups)
    assert spans(again) == spans(expected)
    assert again.search("Cured meats") is None


def test_a_fast_pattern_is_not_stored(store, monkeypatch):
    monkeypatch.setattr(regexcode, "SLOW", 60.0)
    assert regexcode.compile(r"\bbest\b").search("the best one")
    assert entries(store) == []


@pytest.mark.parametrize("damage", ["empty", "not a pickle", "another pattern", "a flipped byte", "bare code"])
def test_a_damaged_or_foreign_entry_is_a_miss(store, damage, monkeypatch):
    regexcode.compile(PATTERN)
    (entry,) = entries(store)
    digest, blob = diskcache.load(regexcode.LAYOUT, entry.stem)
    other = regexcode._compile_keeping_code(r"(?i)\bcures?\b")[1]
    if damage == "empty":
        entry.write_bytes(b"")
    elif damage == "not a pickle":
        entry.write_bytes(b"not a pickle")
    elif damage == "another pattern":  # (its own checksum is right)
        diskcache.store(regexcode.LAYOUT, entry.stem, regexcode._sealed(other))
    elif damage == "a flipped byte":  # (one instruction changed: the checksum no longer holds)
        at = len(blob) // 2
        diskcache.store(regexcode.LAYOUT, entry.stem, (digest, blob[:at] + bytes([blob[at] ^ 1]) + blob[at + 1:]))
    else:  # (the code without its checksum)
        diskcache.store(regexcode.LAYOUT, entry.stem, other)
    calls = []
    real = regex.compile
    monkeypatch.setattr(regexcode.regex, "compile", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert spans(regexcode.compile(PATTERN)) == spans(real(PATTERN))
    assert calls, "compiled again"


def test_code_for_another_regex_version_is_not_read(store, monkeypatch):
    regexcode.compile(PATTERN)
    monkeypatch.setattr(regexcode.regex, "__version__", "0.0.0")
    calls = []
    real = regex.compile
    monkeypatch.setattr(regexcode.regex, "compile", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert spans(regexcode.compile(PATTERN)) == spans(real(PATTERN))
    assert calls and len(entries(store)) == 2


def test_off_stores_nothing(store, monkeypatch):
    regexcode.use(False)
    assert spans(regexcode.compile(PATTERN)) == spans(regex.compile(PATTERN))
    assert entries(store) == []
    monkeypatch.setenv("REELCHECK_NO_CACHE", "1")
    regexcode.use(True)
    assert not regexcode._state["on"]


def test_load_rules_follows_the_compiled_pack_cache(store, monkeypatch):
    from checker.rules import load_rules, packcache, packs

    loaded = object()
    monkeypatch.setattr(packs, "_load_rules", lambda *a: loaded)  # (what is loaded does not matter here)
    monkeypatch.setattr(packcache, "load", lambda key: None)
    monkeypatch.setattr(packcache, "store", lambda key, value: False)
    assert load_rules(cache=False) is loaded
    assert not regexcode._state["on"]
    assert load_rules() is loaded
    assert regexcode._state["on"]
    monkeypatch.setenv("REELCHECK_NO_CACHE", "1")
    load_rules()
    assert not regexcode._state["on"]


def test_the_stand_in_goes_away_even_when_the_pattern_is_invalid(store):
    c_module = regex._main._regex
    with pytest.raises(regex.error):
        regexcode.compile(r"(?i)\b(cures|treats")
    assert regex._main._regex is c_module
    assert entries(store) == []


def test_threads_compiling_side_by_side_each_keep_their_own_code(store):
    patterns = [PATTERN.replace("eczema", f"eczema{i}") for i in range(8)]
    done = {}

    def work(p):
        done[p] = regexcode.compile(p)

    threads = [threading.Thread(target=work, args=(p,)) for p in patterns]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(entries(store)) == len(patterns)
    assert regex._main._regex is not None and not isinstance(regex._main._regex, regexcode._Keeper)
    for p in patterns:
        built = regexcode._from_code(regexcode._unsealed(diskcache.load(regexcode.LAYOUT, regexcode._key(p))), p)
        assert built is not None and built.pattern == p
        texts = TEXTS + [f"it cured my eczema{i} overnight" for i in range(8)]
        assert spans(built, texts) == spans(regex.compile(p), texts)
        assert sum(map(len, spans(built, texts[len(TEXTS):]))) == 1


def test_findings_are_the_same_with_the_stored_code(store):
    text = "My son's eczema cleared up in 3 days with this balm, clinically proven. Shop now at the link!"
    matcher._compiled.cache_clear()
    compiled_here = [f.to_dict() for f in checker.check_text(text, markets=["us", "uk"], commercial=True)]
    assert entries(store), "the English claim patterns are slow to compile and stored"
    matcher._compiled.cache_clear()
    from_code = [f.to_dict() for f in checker.check_text(text, markets=["us", "uk"], commercial=True)]
    assert from_code == compiled_here
    assert {r for f in from_code for r in [f["rule"], *f.get("related", [])]} >= {
        "global.claims.condition_treatment", "global.claims.proof"}


def test_the_parser_hands_the_same_code_over_with_its_flags_as_plain_integers():
    """`_plain_flags` changes how fast a pattern compiles, not what it compiles to."""
    patterns = [*shipped_patterns(3000), PATTERN, r"(?f)STRASSE", r"(?iV1)[[:alpha:]--a]", r"(?x) a b # c",
                r"(?r)abc", r"(?b)(?:cat){e<=1}", r"(?w)\bword\b", r"(?sm)^.+$", r"(?a)\w+", r"(?V0)(?i)ǅ"]
    assert len(patterns) > 300 and regexcode._FLAG_NAMES
    core = regex._regex_core
    with regexcode._plain_flags():
        assert type(core.IGNORECASE) is int and core.IGNORECASE == regex.IGNORECASE
    assert isinstance(core.IGNORECASE, core.RegexFlag)  # (as they were, afterwards)
    for pattern in patterns:
        assert regexcode._compile_keeping_code(pattern)[1] == _code_with_enum_flags(pattern), pattern[:80]


def test_a_regex_module_without_those_flags_compiles_as_it_always_did(monkeypatch):
    """Another `regex` whose parser names no `RegexFlag` members: nothing is swapped, nothing breaks."""
    monkeypatch.setattr(regexcode, "_FLAG_NAMES", ())
    assert spans(regexcode.compile(PATTERN)) == spans(regex.compile(PATTERN))
    assert isinstance(regex._regex_core.IGNORECASE, regex._regex_core.RegexFlag)


def _code_with_enum_flags(pattern: str):
    """The arguments the C extension gets for `pattern` compiled with the parser's flags left alone
    (through the same stand-in `_compile_keeping_code` uses, without `_plain_flags`)."""
    inner = regex._main._regex
    keeper = regexcode._Keeper(inner, threading.get_ident())
    regex._main._regex = keeper
    try:
        regex.compile(pattern, cache_pattern=False)
    finally:
        regex._main._regex = inner
    return keeper.args
