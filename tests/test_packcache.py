"""The compiled-pack cache (checker/rules/packcache.py): a warm load is the same RuleSet without
reading a pack; any change under a pack folder misses; a cache that cannot be used is no cache."""

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_audit import packs  # noqa: F401  (the fixture: three small packs as the built-in rules)

from checker import check_item
from checker.engine import Checker
from checker.model import Document, Meta, Segment
from checker.rules import packcache, regexcode
from checker.rules import packs as rule_packs
from checker.rules.packs import builtin_rules_dir, load_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of the test's own for the compiled packs. Its compiled regular expressions
    (`regexcode`, a store of their own: an entry is never stale) are the suite's, so a cold compile
    here costs what a run after another set of packs does, not a first run's parse of every pattern."""
    folder = tmp_path / "cache"
    suite = os.environ.get("REELCHECK_CACHE_DIR")
    if suite:
        (Path(suite) / regexcode.LAYOUT).mkdir(parents=True, exist_ok=True)
        folder.mkdir()
        (folder / regexcode.LAYOUT).symlink_to(Path(suite) / regexcode.LAYOUT, target_is_directory=True)
    monkeypatch.setenv("REELCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("REELCHECK_NO_CACHE", raising=False)
    return folder / packcache.LAYOUT


@pytest.fixture
def pack_copy(tmp_path):
    """A copy of the built-in packs that a test may edit."""
    target = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), target)
    return target


def _loads_counted(monkeypatch):
    calls = []
    real = rule_packs._load_rules

    def counted(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(rule_packs, "_load_rules", counted)
    return calls


def test_a_warm_load_reads_no_pack_and_gives_the_same_rules(cache, pack_copy, monkeypatch):
    calls = _loads_counted(monkeypatch)
    cold = load_rules(builtin_dir=pack_copy)
    warm = load_rules(builtin_dir=pack_copy)
    assert len(calls) == 1  # the second load came from the cache
    assert len(list(cache.glob("*.pickle"))) == 1
    assert warm.fingerprint == cold.fingerprint
    assert sorted(warm.rules) == sorted(cold.rules)
    assert {c: sorted(warm.effective(c)) for c in warm.markets} == {c: sorted(cold.effective(c)) for c in cold.markets}


def test_any_change_under_a_pack_folder_misses(cache, packs, monkeypatch):  # noqa: F811
    # (small packs: an edited pack's examples are checked again, which with the shipped packs is
    # a compile of the edited pack's rules each time)
    calls = _loads_counted(monkeypatch)
    load_rules(builtin_dir=packs)
    # a rule's message edited
    path = packs / "us" / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    assert "message:" in text
    path.write_text(text.replace("message:", "message: ", 1), encoding="utf-8")
    load_rules(builtin_dir=packs)
    # a file that no loader reads yet (a lexicon another pack will name)
    (packs / "us" / "lexicon-new.txt").write_text("miracle\n", encoding="utf-8")
    load_rules(builtin_dir=packs)
    load_rules(builtin_dir=packs)  # (unchanged since: a hit)
    assert len(calls) == 3


def test_no_cache_and_an_unusable_cache_still_load(cache, pack_copy, monkeypatch, tmp_path):
    calls = _loads_counted(monkeypatch)
    monkeypatch.setenv("REELCHECK_NO_CACHE", "1")
    load_rules(builtin_dir=pack_copy)
    load_rules(builtin_dir=pack_copy, cache=False)
    assert not cache.exists()
    monkeypatch.delenv("REELCHECK_NO_CACHE")
    # a cache folder that cannot be written: the packs load, nothing is stored
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("REELCHECK_CACHE_DIR", str(blocked))
    assert load_rules(builtin_dir=pack_copy).rules
    assert len(calls) == 3


def test_a_read_only_cache_folder_is_read_but_not_written(cache, pack_copy, monkeypatch):
    load_rules(builtin_dir=pack_copy)
    os.chmod(cache, 0o555)
    try:
        calls = _loads_counted(monkeypatch)
        assert load_rules(builtin_dir=pack_copy).rules  # served from it
        (pack_copy / "us" / "extra.txt").write_text("x\n", encoding="utf-8")
        assert load_rules(builtin_dir=pack_copy).rules  # a miss, not stored, no error
        assert len(calls) == 1
    finally:
        os.chmod(cache, 0o755)


def test_a_damaged_entry_is_a_miss(cache, pack_copy, monkeypatch):
    load_rules(builtin_dir=pack_copy)
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    calls = _loads_counted(monkeypatch)
    assert load_rules(builtin_dir=pack_copy).rules
    assert len(calls) == 1


@pytest.mark.slow
def test_a_language_is_stored_when_compiled_and_from_the_cache_finds_the_same(cache, pack_copy):
    """A compiled language is stored before any phrase is matched, and read back it finds what the
    rules compiled in the run found (one cold compile of English: the test's longest step)."""
    text = ("This serum cured my acne in a week, guaranteed results! DM me on WhatsApp to order, "
            "only $19.99 #skincare")

    def findings(checker):
        doc = Document("<t>", [Segment.whole(text)], Meta(markets=("us", "uk")), text=text)
        return [(f.rule, f.start, f.end, f.severity) for f in check_item(checker, doc).findings]

    cold = Checker(load_rules(builtin_dir=pack_copy))
    rules = cold.compiled.for_language("en")  # (compiled and stored: what a run without the cache finds)
    [entry] = cache.glob("*-en.pickle")
    assert sorted(pickle.loads(entry.read_bytes()).rules) == sorted(rules.rules)
    found = findings(cold)
    warm = findings(Checker(load_rules(builtin_dir=pack_copy)))  # (its English rules unpickled)
    assert found == warm
    assert any(r.startswith("us.claims") or r.startswith("global.claims") for r, *_ in warm)


def test_listing_markets_and_rules_from_a_warm_cache_does_not_import_spacy(cache):
    env = dict(os.environ, REELCHECK_CACHE_DIR=str(cache.parent))
    for args in (["markets"], ["rules", "list"], ["--version"], ["--help"]):
        subprocess.run([sys.executable, "-m", "checker", *args], env=env, cwd=ROOT, capture_output=True, check=False)
        out = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", *args], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=False)
        assert out.returncode == 0, out.stderr[-400:]
        assert not [line for line in out.stderr.splitlines() if line.rstrip().endswith("| spacy")], args


_CHECK_TEXTS = """
import sys
from checker import check_item
from checker.engine import Checker
from checker.model import Document, Meta, Segment
from checker.rules import load_rules
checker = Checker(load_rules())
for text in sys.argv[1:]:
    doc = Document("<t>", [Segment.whole(text)], Meta(markets=("us",)), text=text)
    print(sorted(f.rule for f in check_item(checker, doc).findings), "spacy" in sys.modules)
"""


def test_a_caption_no_rule_needs_the_tokens_of_is_checked_without_importing_spacy(checker):
    """A language read from the compiled-pack cache makes its phrase matchers (and imports spaCy) for
    the first segment whose tokens a live rule needs: the clean captions the screen lets through
    without one are checked without spaCy; then a caption with findings imports it, and each finds
    what a process with spaCy loaded from the start finds."""
    checker.compiled.for_language("en")  # (the suite's cache holds the English rules)
    texts = ["Rainy afternoon, playlist on, tidying the flat. Small steps count.",
             "Leg day done. Squats, lunges and a very slow walk home #fitness",
             "This serum cured my acne in a week! Link in bio to shop #skincare",
             "Sunday reset: a long walk, a face mask and an early night #selfcare"]
    out = subprocess.run([sys.executable, "-c", _CHECK_TEXTS, *texts], cwd=ROOT, capture_output=True, text=True,
                         check=False)
    assert out.returncode == 0, out.stderr[-600:]
    here = [str(sorted(f.rule for f in check_item(
        checker, Document("<t>", [Segment.whole(t)], Meta(markets=("us",)), text=t)).findings)) for t in texts]
    assert out.stdout.splitlines() == [f"{here[0]} False", f"{here[1]} False", f"{here[2]} True", f"{here[3]} True"]
    assert here[0] == here[1] == here[3] == "[]" and "us.claims.cure" in here[2]


def test_the_unicode_tables_of_normalizing_are_cached_and_a_damaged_entry_is_made_again(tmp_path, monkeypatch):
    from checker import normalize

    monkeypatch.setenv("REELCHECK_CACHE_DIR", str(tmp_path))
    made = normalize._tables()  # (read from every code point, then stored)
    [entry] = (tmp_path / normalize.TABLES_LAYOUT).glob("*.pickle")
    assert made == (normalize._IGNORABLE_CHAR_LIST, normalize._OTHER_CHARS, normalize._CHANGING)
    assert "\u200b" in made[0] and "\uff21" in made[2]  # a zero-width space; a full-width A
    assert normalize._tables() == made
    entry.write_bytes(b"not a pickle")
    assert normalize._tables() == made
    monkeypatch.setenv("REELCHECK_NO_CACHE", "1")
    entry.unlink()
    assert normalize._tables() == made and not entry.exists()


def test_check_with_no_cache_reads_and_stores_no_compiled_packs(cache, packs, tmp_path, monkeypatch):  # noqa: F811
    """`reelcheck check --no-cache` is `load_rules(cache=False)` for one run: the packs are compiled
    afresh, nothing is stored, and the findings are those of a run that fills the cache (the three
    small test packs: a cold compile of the shipped English rules takes a minute)."""
    from click.testing import CliRunner

    from checker.cli import main

    caption = tmp_path / "caption.txt"
    caption.write_text("This serum cures acne in 3 days. Shop now, 20% off with code GLOW20\n", encoding="utf-8")
    calls = _loads_counted(monkeypatch)

    def run(*args):
        result = CliRunner().invoke(main, ["check", str(caption), "--market", "us", "--format", "json", *args])
        assert result.exit_code == 1, result.output  # (findings)
        return result.output

    checked = run("--no-cache")
    assert not cache.exists() and len(calls) == 1 and "claims." in checked
    assert run() == checked
    assert len(list(cache.glob("*.pickle"))) >= 1 and len(calls) == 2


def test_phrases_are_stored_as_strings_and_read_back_the_same():
    """A Matcher's phrases, their closer looks and needles are stored as a few joined strings; a
    phrase whose words hold one of the separators keeps the pickled form. Read back, the set finds
    what it found before it was stored."""
    from checker.rules import matcher
    from checker.rules.matcher import MatcherSet, MatchSpec
    from checker.rules.matching import MatchContext

    ms = MatcherSet("en")
    ms.add("r.cure", MatchSpec(terms=("{cure|cures|treat} {acne|eczema}", "gets rid of acne"), mode="lemma"))
    ms.add("r.best", MatchSpec(terms=("best serum", "number one serum", "#1 serum"), mode="lower"))
    ms.build()
    state = ms.matchers["r.cure"].__getstate__()
    assert isinstance(state["_packed"], tuple) and isinstance(state["_needles"], list)
    again = pickle.loads(pickle.dumps(ms))
    for owner, m in ms.matchers.items():
        back = again.matchers[owner]
        assert (back.sequences, back.phrases_at, back.needles) == (m.sequences, m.phrases_at, m.needles)
    text = "This cream cures eczema, the best serum I had, number one serum"
    owners = {"r.cure", "r.best"}

    def found(matchers):
        return [(sp.owner, sp.start, sp.end) for sp in matchers.find(MatchContext("en", text, frozenset()), owners)]

    assert found(again) == found(ms) and {o for o, *_ in found(ms)} == owners
    assert matcher.unpack_phrases(matcher.pack_phrases([], {})) == ([], {})
    # (spaCy never leaves a separator, a space character, inside a token; a caller might)
    odd = [(("odd\x1eword", "here"), "odd\x1eword here"), (("plain",), "plain")]
    odd_at = {"odd\x1ewordhe": [(frozenset({"odd", "word", "here"}), "odd\x1ewordhere")]}
    assert isinstance(matcher.pack_phrases(odd, odd_at), bytes)
    assert matcher.unpack_phrases(matcher.pack_phrases(odd, odd_at)) == (odd, odd_at)
    assert matcher.unpack_needles(matcher.pack_needles((("a", "word"), ("b c", "compact")))) == (
        ("a", "word"), ("b c", "compact"))
    assert matcher.pack_needles((("x\x1ey", "literal"),)) == (("x\x1ey", "literal"),)


def test_a_truncated_or_damaged_language_entry_is_compiled_and_stored_again(cache, packs, monkeypatch):  # noqa: F811
    from checker.rules import compiled

    text = "Honestly this serum cures acne overnight, dm me on whatsapp for the price #skincare"
    compiles = []
    real = compiled.LanguageRules.__init__

    def counted(self, *args):
        compiles.append(args[1])
        real(self, *args)

    monkeypatch.setattr(compiled.LanguageRules, "__init__", counted)

    def findings():
        checker = Checker(load_rules())
        doc = Document("<t>", [Segment.whole(text)], Meta(markets=("us",)), text=text)
        return [(f.rule, f.start, f.end, f.severity) for f in check_item(checker, doc).findings]

    first = findings()
    assert {rule for rule, *_ in first} == {"us.claims.cure", "global.offplatform.whatsapp"}
    [entry] = cache.glob("*-en.pickle")
    whole = entry.read_bytes()
    assert findings() == first and compiles == ["en"]  # (read from the cache)
    for damaged in (whole[: len(whole) // 2], b"\x80\x05junk"):
        entry.write_bytes(damaged)
        before = len(compiles)
        assert findings() == first and len(compiles) == before + 1  # (compiled again, and stored...)
        assert findings() == first and len(compiles) == before + 1  # (...whole: read back)
    assert compiles == ["en"] * 3


TEAM_RULE = """
rules:
  - id: acme.words.miracle
    kind: terms
    category: claim
    severity: warning
    message: Acme does not call its products miracles
    rationale: Brand guideline.
    source: Acme brand book
    match: lower
    terms: ["{term}"]
    examples:
      flag: ["this {term} is back", "our {term} sold out"]
      pass: ["a miracle on ice", "it was a miracle we made it"]
"""


def _team_pack(folder: Path, term: str, name: str = "Acme") -> Path:
    (folder / "acme").mkdir(parents=True, exist_ok=True)
    (folder / "acme" / "pack.yaml").write_text(
        f"market: us\nname: {name}\nlanguages: [en]\nversion: '1'\nextends: global\n", encoding="utf-8")
    (folder / "acme" / "words.yaml").write_text(TEAM_RULE.replace("{term}", term), encoding="utf-8")
    return folder


def test_an_edited_team_pack_compiles_only_the_rules_it_changed(cache, packs, tmp_path, monkeypatch):  # noqa: F811
    from checker.rules import matcher

    compiled_owners = []
    real = matcher.compile_matchers

    def counted(lang, items, processes=1):
        compiled_owners.extend(owner for owner, _spec in items)
        return real(lang, items, processes)

    monkeypatch.setattr(matcher, "compile_matchers", counted)
    team = tmp_path / "brand"
    text = "Our miracle serum cures acne overnight, and the miracle balm is back. whatsapp me to order"

    def findings(cache_on=True):
        checker = Checker(load_rules([str(team)], cache=cache_on))
        doc = Document("<t>", [Segment.whole(text)], Meta(markets=("us",)), text=text)
        return [(f.rule, text[f.start:f.end]) for f in check_item(checker, doc).findings]

    _team_pack(team, "miracle serum")
    first = findings()
    assert ("acme.words.miracle", "miracle serum") in first
    assert "us.claims.cure" in compiled_owners and "acme.words.miracle" in compiled_owners
    compiled_owners.clear()
    _team_pack(team, "miracle balm")  # the team's rule edited: a new set of packs
    edited = findings()
    assert compiled_owners == ["acme.words.miracle"]  # (every other Matcher taken from the last compile)
    assert ("acme.words.miracle", "miracle balm") in edited
    assert ("acme.words.miracle", "miracle serum") not in edited
    assert edited == findings(cache_on=False)  # the same as compiling every rule again
    # the first term again, in a pack renamed (another set of packs): the last set compiled lacks
    # that rule's Matcher, the one before it has it (a team switching between two of its packs)
    compiled_owners.clear()
    _team_pack(team, "miracle serum", name="Acme, renamed")
    assert findings() == first
    assert compiled_owners == []
    # another version of the code takes nothing from entries the last one wrote
    compiled_owners.clear()
    monkeypatch.setattr(packcache, "_code_digest", lambda: "f" * 64)
    _team_pack(team, "miracle serum")
    assert findings() == first
    assert "us.claims.cure" in compiled_owners and "global.offplatform.whatsapp" in compiled_owners


def test_a_run_on_a_terminal_says_when_it_compiles_a_language(packs, tmp_path, monkeypatch):  # noqa: F811
    """A first run compiles the rules of its languages (seconds with the shipped packs) before it
    prints anything: on a terminal it says so on stderr, once a language, and a run that reads them
    from the cache, a quiet run and a run whose stderr is not a terminal say nothing."""
    from checker import cli

    monkeypatch.setenv("REELCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REELCHECK_NO_CACHE", raising=False)
    text = "This serum cures acne, whatsapp me for the price"

    def stderr(*extra):
        result = CliRunner().invoke(cli.main, ["check", "-", "--market", "us", "--format", "json", *extra], input=text)
        assert result.exit_code == 1 and {
            f["rule"] for doc in json.loads(result.stdout)["documents"] for f in doc["findings"]} == {
            "us.claims.cure", "global.offplatform.whatsapp"}
        return result.stderr

    assert "compiling" not in stderr()  # (not a terminal)
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)
    monkeypatch.setenv("REELCHECK_CACHE_DIR", str(tmp_path / "other-cache"))
    assert "compiling" not in stderr("--quiet")
    monkeypatch.setenv("REELCHECK_CACHE_DIR", str(tmp_path / "third-cache"))
    first = stderr()
    assert first.count("compiling") == 1
    assert "reelcheck: compiling the English rules of the packs once; later runs read them from the cache" in first
    assert "compiling" not in stderr()  # (read from the cache)
    assert "compiling the English rules of the packs..." in stderr("--no-cache")
