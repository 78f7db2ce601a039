"""Stage 5: compiled rules. Every rule of one language, compiled once per process.

`LanguageRules.find(ctx)` runs each kind's compiled matcher on a segment, drops hits cancelled by
the rules' `unless` context, and keeps the longest hit where a rule matched overlapping words.
"""

from __future__ import annotations

import regex

from . import kinds as kind_registry
from .kinds.regex_kind import RegexPlan, derived_prefilter, prefilter_regex, screen_needles
from .kinds.terms import PhraseSet, match_mode
from .matching import Hit, MatchContext
from .packs import RuleSet
from .screen import Screen


def _unless_phrases(entry: dict, lang: str, rule) -> list[str]:
    phrases = entry["phrases"]
    if isinstance(phrases, dict):
        return list(phrases.get(lang) or [])
    return list(phrases)


class LanguageRules:
    def __init__(self, ruleset: RuleSet, lang: str):
        self.lang = lang
        rules = [r for r in ruleset.rules.values() if lang in r.languages]
        self.rules = {r.id: r for r in rules}
        by_kind: dict[str, list] = {}
        for rule in rules:
            by_kind.setdefault(rule.kind, []).append(rule)
        self.compiled = []
        for name in sorted(by_kind):
            compiled = kind_registry.KINDS[name].compile(by_kind[name], lang)
            if compiled is not None:
                self.compiled.append(compiled)
        self.unless = PhraseSet(lang)
        self.unless_entries: dict[str, list[dict]] = {}
        for rule in rules:
            for i, entry in enumerate(rule.unless):
                templates = _unless_phrases(entry, lang, rule)
                if templates:
                    self.unless.add(f"{rule.id}#{i}", templates, match_mode(rule, lang))
                    self.unless_entries.setdefault(rule.id, []).append(entry | {"key": f"{rule.id}#{i}"})

        # sponsorship signals of every pack (the engine keeps those of the document's markets)
        self.signals: dict[str, dict] = {}
        self._signals_of: dict[frozenset, frozenset] = {}
        self._signal_plans: dict[frozenset, tuple] = {}
        self.signal_phrases = PhraseSet(lang)
        self.signal_regexes = []
        for sig in ruleset.signals():
            key = f"{sig['pack']}:{sig['id']}"
            langs = sig.get("languages") or ruleset.markets[sig["pack"]].languages
            terms = sig.get("terms")
            templates = (terms.get(lang) or []) if isinstance(terms, dict) else (terms or []) if lang in langs else []
            rx = sig.get("regex")
            rx = rx.get(lang) if isinstance(rx, dict) else (rx if lang in langs else None)
            if templates:
                self.signal_phrases.add(key, templates, sig.get("match") or "lower")
            if rx:
                pre = prefilter_regex(sig.get("prefilter")) or derived_prefilter(rx)
                self.signal_regexes.append((key, regex.compile(rx), pre))
            if templates or rx:
                self.signals[key] = sig
        self.unless.prepare()
        self.signal_phrases.prepare()
        self.screen = Screen()
        self._owners: list[frozenset[str]] = []  # per compiled kind, the owners of its needles
        for part in self.compiled:
            self._owners.append(self._add_needles(part.screen_needles()))
        self._signal_owners = self._add_needles(self.signal_phrases.screen_needles()) | self._add_needles(
            screen_needles(self.signal_regexes))
        self.screen.build()
        self._unscreened: dict[frozenset, tuple[bool, ...]] = {}

    def _add_needles(self, needles) -> frozenset[str]:
        owners = set()
        for owner, needle, mode in needles:
            if self.screen.add(owner, needle, mode):
                owners.add(owner)
        return frozenset(owners)

    def unscreened(self, active: frozenset) -> tuple[bool, ...]:
        """Per compiled kind, whether some of the active rules run whatever the screen finds (cached)."""
        found = self._unscreened.get(active)
        if found is None:
            if len(self._unscreened) > 256:
                self._unscreened.clear()
            found = self._unscreened[active] = tuple(part.unscreened(active) for part in self.compiled)
        return found

    def screen_segment(self, ctx: MatchContext) -> set[str]:
        """The owners (active rules, `ctx.signals`) the screen finds in the segment, once per context."""
        if ctx.live is None:
            ctx.live = self.screen.scan(ctx.lower, self.screen.wanted(ctx.active, ctx.signals), ctx.compact)
        return ctx.live

    def signals_of(self, packs: frozenset[str]) -> frozenset[str]:
        """The keys of the signals that the packs in `packs` define (cached per set of packs)."""
        allowed = self._signals_of.get(packs)
        if allowed is None:
            allowed = self._signals_of[packs] = frozenset(
                k for k, sig in self.signals.items() if sig["pack"] in packs)
            self.signal_plan(allowed)
        return allowed

    def signal_plan(self, allowed: frozenset[str]) -> RegexPlan:
        """The signal regexes of the `allowed` keys (cached per set of keys)."""
        plan = self._signal_plans.get(allowed)
        if plan is None:
            plan = self._signal_plans[allowed] = RegexPlan([i for i in self.signal_regexes if i[0] in allowed])
        return plan

    def find_signals(self, ctx: MatchContext, allowed: frozenset[str]) -> list[tuple[dict, int, int]]:
        """Sponsorship signals (of the `allowed` keys) in a segment: (signal, start, end) in the
        normalized text."""
        out = []
        if ctx.live is None:
            ctx.signals = allowed
            self.screen_segment(ctx)
        elif ctx.signals is not allowed:  # (signals asked of a context screened without them)
            ctx.live = ctx.live | self.screen.scan(ctx.lower, allowed, ctx.compact)
            ctx.signals = ctx.signals | allowed
        plan = self.signal_plan(allowed)
        ps = self.signal_phrases
        if ctx.live is not None and ctx.live.isdisjoint(self._signal_owners) and not (
                plan.always or any(not screened for *_, screened in plan.patterned) or ps.unscreened(allowed)):
            return out  # no needle of a signal in the segment, and none runs without one
        if not ps.empty and ps.possible(ctx, allowed):
            doc = ctx.doc
            for key, s, e in ps.matches(doc, allowed, ctx.live):
                if key in allowed:
                    span = doc[s:e]
                    out.append((self.signals[key], span.start_char, span.end_char))
        for key, rx, _pre in plan.candidates(ctx):
            for m in rx.finditer(ctx.text, timeout=0.25):
                if m.end() > m.start():
                    out.append((self.signals[key], m.start(), m.end()))
        return out

    def find(self, ctx: MatchContext) -> list[Hit]:
        hits: list[Hit] = []
        live = self.screen_segment(ctx)
        for compiled, owners, unscreened in zip(self.compiled, self._owners, self.unscreened(ctx.active),
                                               strict=True):
            if not unscreened and live is not None and live.isdisjoint(owners):
                continue  # none of its active rules' needles in the segment
            possible = compiled.possible
            if possible is None or possible(ctx):
                hits.extend(compiled.find(ctx))
        if not hits:
            return hits
        if any(h.rule.id in self.unless_entries for h in hits):
            hits = self._apply_unless(ctx, hits)
        return _longest_per_rule(hits)

    def _apply_unless(self, ctx: MatchContext, hits: list[Hit]) -> list[Hit]:
        found: dict[str, list[tuple[int, int]]] = {}
        for key, s, e in self.unless.matches(ctx.doc):
            found.setdefault(key, []).append((s, e))
        kept = []
        for hit in hits:
            entries = self.unless_entries.get(hit.rule.id)
            if not entries or not any(self._cancels(ctx, hit, e, found.get(e["key"], ())) for e in entries):
                kept.append(hit)
        return kept

    @staticmethod
    def _cancels(ctx: MatchContext, hit: Hit, entry: dict, spans) -> bool:
        if not spans:
            return False
        s, e = ctx.token_span(hit)
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
    """Lazy per-language compilation over one RuleSet."""

    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset
        self._by_lang: dict[str, LanguageRules] = {}

    def for_language(self, lang: str) -> LanguageRules:
        compiled = self._by_lang.get(lang)
        if compiled is None:
            compiled = self._by_lang[lang] = LanguageRules(self.ruleset, lang)
        return compiled
