"""Compiled rules: every Matcher of one language (rules, their evidence and `unless` contexts,
sponsorship signals) in one `MatcherSet`, compiled once per process and language.

`LanguageRules.find(ctx)` screens the segment once, runs the live Matchers of the active rules,
drops hits cancelled by the rules' `unless` contexts, and keeps the longest hit where a rule matched
overlapping words. Owners in the MatcherSet are named after what they serve:

    <rule id>            the rule's findings
    <rule id>@<tag>      evidence for the rule's kind (a require rule's labels: @label, @weak)
    <rule id>#<n>        the rule's n-th `unless` context
    $<pack>:<signal id>  a sponsorship signal
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import segment
from ..normalize import normalize
from . import kinds as kind_registry
from . import phrases
from .matcher import MatcherSet, MatchSpec
from .matching import Hit, MatchContext
from .packs import RuleSet, lexicons_of

NEGATION = "!negation"  # the owner of the language's negation cues
NOT_NEGATION = "!not-negation"  # everyday words that hold a cue without denying anything


def describe_owner(owner: str) -> str:
    """What a MatcherSet owner is, for a user: "rule us.x", "signal us:gifted", "rule us.x (unless 0)"."""
    if owner.startswith("$"):
        return f"signal {owner[1:]}"
    if owner in (NEGATION, NOT_NEGATION):
        return "the negation cues"
    if "#" in owner:
        rule, n = owner.split("#", 1)
        return f"rule {rule} (its unless context {n})"
    if "@" in owner:
        rule, tag = owner.split("@", 1)
        return f"rule {rule} (its {tag}s)"
    return f"rule {owner}"


def signal_key(signal: dict) -> str:
    return f"{signal['pack']}:{signal['id']}"


class LanguageRules:
    # Pickled for the compiled-pack cache with its rules named by id, and joined to the loaded
    # RuleSet's own Rule objects when it is read back (`relink`).
    def __getstate__(self):
        state = dict(self.__dict__)
        state["rules"] = sorted(self.rules)
        state["_tag"] = {owner: (rule.id, tag) for owner, (rule, tag) in self._tag.items()}
        return state

    def relink(self, ruleset: RuleSet) -> LanguageRules:
        rules = ruleset.rules
        self.rules = {rid: rules[rid] for rid in self.rules}
        self._tag = {owner: (rules[rid], tag) for owner, (rid, tag) in self._tag.items()}
        return self

    def __init__(self, ruleset: RuleSet, lang: str, processes: int = 1, reuse: Iterable[MatcherSet] = ()):
        self.lang = lang
        self.rules = {r.id: r for r in ruleset.rules.values() if lang in r.languages}
        self.matchers = MatcherSet(lang)
        self._owners: dict[str, tuple[str, ...]] = {}  # rule id -> its owners (unless contexts apart)
        self._unless: dict[str, list[tuple[str, dict]]] = {}  # rule id -> [(owner, entry)]
        self._tag: dict[str, tuple[object, str | None]] = {}  # owner -> (rule, tag)
        for rule in self.rules.values():
            owners = []
            for tag, spec in kind_registry.matchers(rule, lang).items():
                owner = rule.id if tag is None else f"{rule.id}@{tag}"
                if self.matchers.add(owner, spec):
                    owners.append(owner)
                    self._tag[owner] = (rule, tag)
            self._owners[rule.id] = tuple(owners)
            for i, entry in enumerate(rule.unless):
                owner = f"{rule.id}#{i}"
                if self.matchers.add(owner, kind_registry.unless_spec(rule, entry, lang), screened=False):
                    self._unless.setdefault(rule.id, []).append((owner, entry))
        # rules an `unless` context anywhere in the segment cancels (a reading is looked at whole for them)
        self.segment_scoped = frozenset(rid for rid, items in self._unless.items()
                                        if any(entry.get("within") == "segment" for _, entry in items))
        # negation cues of the language (one Matcher for every rule that a cue before it cancels)
        self.negatable = frozenset(r.id for r in self.rules.values() if r.spec.get("negation", True))
        cues, exceptions, self.negation_window = ruleset.negation(lang)
        self.matchers.add(NEGATION, MatchSpec(terms=tuple(cues), mode="lower"), screened=False)
        self.matchers.add(NOT_NEGATION, MatchSpec(terms=tuple(exceptions), mode="lower"), screened=False)
        # sponsorship signals of every pack (the engine asks for those of the document's markets)
        self.signals: dict[str, dict] = {}
        for sig in ruleset.signals():
            languages = sig.get("languages") or ruleset.markets[sig["pack"]].languages
            if self.matchers.add("$" + signal_key(sig), kind_registry.signal_spec(sig, lang, languages)):
                self.signals[signal_key(sig)] = sig
        # single ambiguous words of a rule (`ambiguous_terms`): a finding on one alone is a warning at most
        self._ambiguous: dict[str, frozenset[str]] = {}
        for rule in self.rules.values():
            words = (rule.spec.get("ambiguous_terms") or {}).get(lang)
            if words:
                self._ambiguous[rule.id] = frozenset(normalize(w).text.lower() for w in words)
        # rules whose terms may match inside a longer word (True: all; else the terms, folded)
        self._inside: dict[str, object] = {}
        if lang in segment.WORD_LANGUAGES:
            for rule in self.rules.values():
                inside = rule.spec.get("inside_words")
                if inside is True:
                    self._inside[rule.id] = True
                elif inside:
                    self._inside[rule.id] = frozenset(normalize(t).text.lower() for t in inside)
        self.matchers.build(processes, reuse)  # (`reuse`: Matchers compiled before, see `MatcherSet.build`)
        # the lexicons' phrases of two words or more ("skin care"): a spelling the packs list, which
        # the evasion readings do not take for a listed word split in two
        lexicons = lexicons_of(ruleset.markets)
        self.spaced_phrases = frozenset(
            " ".join(phrase.lower().split()) for name, entries in lexicons.items() if entries.get(lang)
            for phrase in phrases.lexicon_phrases(lexicons, name, lang) if " " in phrase.strip())
        self._wanted: dict[tuple[frozenset, frozenset], frozenset] = {}
        self._signals_of: dict[frozenset, frozenset] = {}

    def wanted(self, active: frozenset, signals: frozenset) -> frozenset:
        """The owners a segment asks about: those of its active rules and of its markets' signals."""
        key = (active, signals)
        found = self._wanted.get(key)
        if found is None:
            if len(self._wanted) > 256:
                self._wanted.clear()
            owners = {o for rid in active for o in self._owners.get(rid, ())}
            owners |= {"$" + k for k in signals}
            found = self._wanted[key] = frozenset(owners)
        return found

    def signals_of(self, packs: frozenset[str]) -> frozenset[str]:
        """The keys of the signals that the packs in `packs` define (cached per set of packs)."""
        allowed = self._signals_of.get(packs)
        if allowed is None:
            allowed = self._signals_of[packs] = frozenset(
                k for k, sig in self.signals.items() if sig["pack"] in packs)
        return allowed

    def find(self, ctx: MatchContext) -> tuple[list[Hit], list[tuple[dict, int, int]]]:
        """The active rules' hits in the segment (tagged hits are evidence), and the signals asked
        about (`ctx.signals`) as (signal, start, end) in the normalized text."""
        live = self.matchers.live(ctx, self.wanted(ctx.active, ctx.signals))
        if not live:
            return [], []
        hits: list[Hit] = []
        signals: list[tuple[dict, int, int]] = []
        tags = self._tag
        for sp in self.matchers.find(ctx, live):
            if sp.owner[0] == "$":
                signals.append((self.signals[sp.owner[1:]], sp.start, sp.end))
            else:
                rule, tag = tags[sp.owner]
                hits.append(Hit(rule, sp.start, sp.end, sp.tok_start, sp.tok_end, tag=tag))
        if hits and self.lang in segment.WORD_LANGUAGES:
            hits = self._whole_words(ctx, hits)
        if hits and not self._unless.keys().isdisjoint(h.rule.id for h in hits):
            hits = self._apply_unless(ctx, hits)
        if hits and not self.negatable.isdisjoint(h.rule.id for h in hits) and NEGATION in self.matchers.matchers:
            hits = self._apply_negation(ctx, hits)
        return _longest_per_rule(hits), signals

    def ambiguous(self, hit: Hit, text: str) -> bool:
        """Whether a finding is a single ambiguous word of its rule (`ambiguous_terms`)."""
        words = self._ambiguous.get(hit.rule.id)
        return bool(words) and text[hit.start:hit.end].lower() in words

    def _whole_words(self, ctx: MatchContext, hits: list[Hit]) -> list[Hit]:
        """Findings of terms that stand as words by the language's segmenter (`segment.keeps`), unless
        their rule lets the term match inside words. A regular expression draws its own edges, and
        evidence (labels) is kept as found."""
        kept = []
        matchers = self.matchers.matchers
        for h in hits:
            inside = self._inside.get(h.rule.id)
            m = matchers.get(h.rule.id)
            if (h.tag is not None or inside is True or m is None or not m.has_phrases or h.tok_start is None
                    or (inside and ctx.lower[h.start:h.end] in inside)
                    or segment.keeps(self.lang, ctx.text, h.start, h.end)):
                kept.append(h)
        return kept

    def _apply_negation(self, ctx: MatchContext, hits: list[Hit]) -> list[Hit]:
        """A cue just before a hit ("not", 不是, ไม่, không phải) denies it: a finding is dropped ("not a
        cure", "I don't drink"), evidence keeps its place as `<tag>-denied` ("not an ad" is no label,
        and the rule's kind may judge the denial)."""
        cues, held = [], []
        for sp in self.matchers.find(ctx, (NEGATION, NOT_NEGATION)):
            if sp.tok_start is None:
                sp.tok_start, sp.tok_end = ctx.token_span(sp.start, sp.end)
            (cues if sp.owner == NEGATION else held).append((sp.tok_start, sp.tok_end))
        cues = [end for start, end in cues if not any(hs <= start and end <= he for hs, he in held)]
        if not cues:
            return hits
        doc = ctx.doc
        window = self.negation_window
        kept = []
        for h in hits:
            if h.rule.id in self.negatable and not ctx.text.startswith(("#", "＃"), h.start):
                if h.tok_start is None:
                    h.tok_start, h.tok_end = ctx.token_span(h.start, h.end)
                if any(0 <= h.tok_start - end <= window and not any(t.is_punct for t in doc[end:h.tok_start])
                       for end in cues):
                    if h.tag is None:
                        continue
                    h.tag = f"{h.tag}-denied"
            kept.append(h)
        return kept

    def _apply_unless(self, ctx: MatchContext, hits: list[Hit]) -> list[Hit]:
        """Hits whose rule's `unless` context is not found near them. The contexts are looked for only
        on segments with a hit of their rule (few), without the screen."""
        entries = {rid: self._unless[rid] for rid in {h.rule.id for h in hits} if rid in self._unless}
        owners = [o for items in entries.values() for o, _ in items]
        found: dict[str, list[tuple[int, int]]] = {}
        for sp in self.matchers.find(ctx, owners):
            if sp.tok_start is None:
                sp.tok_start, sp.tok_end = ctx.token_span(sp.start, sp.end)
            found.setdefault(sp.owner, []).append((sp.tok_start, sp.tok_end))
        if not found:
            return hits
        return [h for h in hits if not any(
            _cancels(ctx, h, entry, found.get(owner, ())) for owner, entry in entries.get(h.rule.id, ()))]


def _cancels(ctx: MatchContext, hit: Hit, entry: dict, spans) -> bool:
    if not spans:
        return False
    if hit.tok_start is None:
        hit.tok_start, hit.tok_end = ctx.token_span(hit.start, hit.end)
    s, e = hit.tok_start, hit.tok_end
    within = entry.get("within", 0)
    side = entry.get("side", "both")
    if within == "segment":
        return True
    if within == "sentence":
        doc = ctx.sentences()
        sent = doc[s].sent if s < len(doc) else None
        return sent is not None and any(sent.start <= us < sent.end or us <= sent.start < ue for us, ue in spans)
    for us, ue in spans:
        if us < max(e, s + 1) and s < ue:  # overlaps the match
            return True
        if side in ("before", "both") and ue <= s and s - ue <= within:
            return True
        if side in ("after", "both") and us >= e and us - e <= within:
            return True
    return False


def _longest_per_rule(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (h.rule.id, h.tag or "", h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    last, last_end = None, -1
    for h in hits:
        if (h.rule.id, h.tag) == last and h.start < last_end:
            continue  # overlaps a longer (or earlier) hit of the same rule
        kept.append(h)
        last, last_end = (h.rule.id, h.tag), h.end
    return kept


class CompiledRules:
    """Lazy per-language compilation over one RuleSet; a language not in the compiled-pack cache is
    compiled in up to `processes` processes (`matcher.compile_matchers`)."""

    def __init__(self, ruleset: RuleSet, processes: int = 1):
        self.ruleset = ruleset
        self.processes = processes
        self._by_lang: dict[str, LanguageRules] = {}
        # told (language, whether the result is stored for later runs) before a language is compiled:
        # the command line says so on a terminal (a first run is silent for seconds otherwise)
        self.on_compile: Callable[[str, bool], None] | None = None

    def compiled(self, lang: str) -> LanguageRules | None:
        """The rules of `lang` when they have been compiled (never compiles them)."""
        return self._by_lang.get(lang)

    def for_language(self, lang: str) -> LanguageRules:
        compiled = self._by_lang.get(lang)
        if compiled is None:
            compiled = self._by_lang[lang] = self._compile(lang)
        return compiled

    def _compile(self, lang: str) -> LanguageRules:
        """The rules of `lang`, from the compiled-pack cache when the packs came from it."""
        from . import packcache

        key = getattr(self.ruleset, "cache_key", None)
        if key is not None:
            found = packcache.load(f"{key}-{lang}")
            if isinstance(found, LanguageRules):
                try:
                    return found.relink(self.ruleset)
                except KeyError:  # (not the rules it was compiled from: compile them)
                    pass
        if self.on_compile is not None:
            self.on_compile(lang, key is not None)
        # the same language compiled from other packs by this code (the last few sets of packs, newest
        # first: the one before an edit, then others): their Matchers of unchanged specs are taken,
        # not compiled again
        before = (found.matchers for found in packcache.previous(key, lang) if isinstance(found, LanguageRules)
                  ) if key is not None else ()
        compiled = LanguageRules(self.ruleset, lang, self.processes, before)
        if key is not None:
            from .. import evasion

            evasion.vocabulary(compiled)  # (what every run needs first: stored with the rules)
            if lang == "vi":
                evasion.vocabulary(compiled, unaccented=True)
            packcache.store(f"{key}-{lang}", compiled)
        return compiled
