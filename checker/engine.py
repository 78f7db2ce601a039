"""Stage 6: findings. Runs compiled rules over a document's segments and turns hits into findings.

    segments -> normalize -> language(s) of each segment -> [evasion.reading] -> LanguageRules.find -> Finding

Offsets travel back the same way: normalized text -> segment text -> the user's original text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from . import evasion, suppress
from .check import item_markets
from .language import segment_languages
from .model import SEVERITY_RANK, Document, Finding, Meta, UsageError, format_time, line_span, line_starts
from .normalize import normalize
from .rules import CompiledRules, RuleSet
from .rules import kinds as kind_registry
from .rules.compiled import describe_owner
from .rules.matcher import TIMEOUT
from .rules.matching import Evidence, Mark, MatchContext
from .vocabulary import closest, one_level_lower, selected_by


def _looks_at_reading(rules, lang: str, read, active: frozenset) -> list[tuple]:
    """The rules' hits in a reading: (the reading, where the text looked at starts in it, its context,
    hits, signals (none: a reading is not asked for them)) per window (`evasion.windows`); the whole
    reading when a rule found has an `unless` context that may stand anywhere in the segment."""
    looks = []
    for off, end in evasion.windows(read):
        ctx = MatchContext(lang, read.text[off:end], active)
        hits, _signals = rules.find(ctx)
        if end - off < len(read.text) and not rules.segment_scoped.isdisjoint(h.rule.id for h in hits):
            ctx = MatchContext(lang, read.text, active)
            return [(read, 0, ctx, rules.find(ctx)[0], [])]
        looks.append((read, off, ctx, hits, []))
    return looks


class _Lines:
    """Line starts of one original text, for offset -> (line, column); lines end at CR LF, LF or a lone
    CR (`model.line_starts`)."""

    __slots__ = ("starts",)

    def __init__(self, text: str):
        self.starts = line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


@dataclass(slots=True)
class Outcome:
    """What checking one document found. `problems` name the rules that could not finish on it (a
    regular expression that ran out of time): the document is checked with every other rule, and the
    caller reports each problem as a non-fatal error of the document, at the line `problem_lines` gives
    it (the line of the file where the segment it gave up on starts)."""

    findings: list[Finding]
    language: str | None = None  # the main language found
    languages: tuple[str, ...] = ()  # every language checked
    problems: list[str] = field(default_factory=list)
    commercial: bool = False  # whether the post promotes or sells something (declared, or by its signals)
    commercial_signals: list[str] = field(default_factory=list)  # what made an undeclared post commercial
    problem_lines: dict[str, int] = field(default_factory=dict)  # a problem -> its line


class Active(NamedTuple):
    """The rules that apply to a segment of one kind, by when they run."""

    now: frozenset[str]  # at once
    later: frozenset[str]  # once the post's sponsorship is known (a post that declares none)
    selling: frozenset[str]  # once it is known whether the post sells (rules silent on one that does not)


def _when_holds(when: dict, meta: Meta, judged: tuple[str, ...]) -> bool:
    """Whether a rule's `when` holds for what the document declares. An undeclared `sponsored` is
    decided once the document's signals are known (`_DocumentRun.finish`); keys in `judged` are
    judged by the rule's kind."""
    for key, wanted in when.items():
        if key in judged:
            continue
        if key == "sponsored":
            if meta.sponsored is not None and meta.sponsored != wanted:
                return False
            continue
        value = getattr(meta, key)
        if value is None or value.lower() not in wanted:
            return False
    return True


class RuleNames:
    """Which rule ids and prefixes a ruleset knows, for `--select`, `--ignore` and suppressions: a rule id,
    any dotted prefix of one (`us`, `us.claims`), or a rule's outcome (`us.disclosure.ad.missing`)."""

    def __init__(self, ruleset: RuleSet):
        self.rules = frozenset(ruleset.rules)
        prefixes = set()
        for rule_id in self.rules:
            parts = rule_id.split(".")
            prefixes.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        self.prefixes = frozenset(prefixes)

    def known(self, name: str) -> bool:
        name = name.strip().rstrip(".")
        return not name or name in self.prefixes or name.rsplit(".", 1)[0] in self.rules

    def unknown(self, names: Iterable[str]) -> list[str]:
        """`names` this ruleset does not know, each as `'x' (did you mean 'y'?)`."""
        return [f"{name!r}{closest(name.strip().rstrip('.'), sorted(self.prefixes))}"
                for name in names if not self.known(name)]


PREPARED_CHARS = 50_000  # longer segment texts are not prepared ahead (their own check dwarfs the gain)


class Checker:
    """Checks documents against the rules of their markets. Build once, use for many documents.

    `select` and `ignore` are rule ids or prefixes; one the packs do not know is a UsageError (a typo would
    otherwise select nothing, or ignore nothing, silently). `processes`: how many processes may compile
    a language's rules that the compiled-pack cache does not hold (the command line gives its `--jobs`)."""

    def __init__(self, ruleset: RuleSet, select: Iterable[str] = (), ignore: Iterable[str] = (),
                 processes: int = 1):
        self.ruleset = ruleset
        self.names = RuleNames(ruleset)
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        for option, names in (("--select", self.select), ("--ignore", self.ignore)):
            unknown = self.names.unknown(names)
            if unknown:
                raise UsageError(f"{option}: unknown rule or prefix {unknown[0]}")
        self.compiled = CompiledRules(ruleset, processes)
        self._active: dict[tuple, Active] = {}
        # rules that are silent on a post that sells nothing (most claims, off-platform and pricing
        # rules): on a post that does not declare, they wait for its signals (no kind's judgement
        # reads their matches)
        self.silent_unless_selling = frozenset(
            rule_id for rule_id, rule in ruleset.rules.items()
            if ruleset.context_of(rule) == ("commercial", "silent") and kind_registry.judge(rule.kind) is None)
        self._market_info: dict[tuple, tuple] = {}
        self._judged: dict[tuple, list[str]] = {}
        self._normalized: dict[str, object] = {}  # segment text -> Normalized, made by `prepare`

    def prepare(self, documents: Iterable[Document], default_markets: tuple[str, ...] = ()) -> None:
        """Normalize the segments of documents about to be checked and scan them for the evasion
        readings, one after the other (`evasion.prepare`), with the split looks of the vocabularies
        of the languages of the markets they are checked for (`check.item_markets`) whose rules are
        compiled: the audit checks its items a batch at a time, and this first stage of the check
        costs less run over the batch at once than item by item between the checks. What `run` then
        finds is the same; a text not prepared is made as always."""
        made = self._normalized
        made.clear()
        reads: dict[str, set] = {}  # normalized text -> the vocabularies it may be read with
        of_markets: dict[tuple[str, ...], tuple] = {}
        for document in documents:
            markets = item_markets(document, default_markets)
            vocabularies = of_markets.get(markets)
            if vocabularies is None:
                vocabularies = of_markets[markets] = self._vocabularies(markets)
            for seg in document.segments:
                text = seg.text
                if seg.has_text and len(text) <= PREPARED_CHARS:
                    norm = made.get(text)
                    if norm is None:
                        norm = made[text] = normalize(text)
                    reads.setdefault(norm.text, set()).update(vocabularies)
        evasion.prepare(reads)

    def _vocabularies(self, markets: tuple[str, ...]) -> tuple:
        """The evasion vocabularies of the markets' languages whose rules are compiled (none for a
        market the packs do not know: its check says so)."""
        if not markets or not all(code in self.ruleset.markets for code in markets):
            return ()
        langs, _packs, unaccented = self.market_info(markets)
        return tuple(evasion.vocabulary(rules, lang in unaccented)
                     for lang in langs if (rules := self.compiled.compiled(lang)) is not None)

    def normalized(self, text: str):
        """`normalize(text)`, taken from what `prepare` made when it made it."""
        return self._normalized.pop(text, None) or normalize(text)

    # -- which rules apply --

    def selected(self, rule_id: str) -> bool:
        if self.select and not selected_by(rule_id, self.select) and not any(
                selected_by(p, (rule_id,)) for p in self.select):
            return False  # (selecting an outcome such as us.disclosure.ad.missing keeps its rule running)
        return not selected_by(rule_id, self.ignore)

    def market_info(self, markets: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
        """The languages of `markets`, every pack their rules come from, and the languages whose
        phrases they also match written without diacritics (cached per market set)."""
        info = self._market_info.get(markets)
        if info is None:
            info = self._market_info[markets] = (
                self.ruleset.languages(markets),
                frozenset(c for m in markets for c in self.ruleset.chain(m)),
                evasion.unaccented_languages(self.ruleset, markets),
            )
        return info

    def active_rules(self, markets: tuple[str, ...], meta: Meta, kind: str) -> Active:
        """The rules that apply to a segment of this kind: those to run now, those that wait until the
        document's sponsorship is known (a rule for sponsored, or for unsponsored, posts on a post
        that declares neither), and those that wait until it is known whether the post sells (a rule
        silent on a post that does not, on a post that declares neither: its signals decide). A rule
        silent without a commercial post does not apply to a post declared not commercial. Cached per
        market set, declared meta and segment kind."""
        commercial = meta.declared_commercial
        key = (markets, meta.sponsored, meta.product, meta.account, meta.platform, commercial, kind)
        active = self._active.get(key)
        if active is None:
            now, later, selling = set(), set(), set()
            silent = self.silent_unless_selling
            for code in markets:
                for rule_id, eff in self.ruleset.effective(code).items():
                    rule = eff.rule
                    judged = kind_registry.judged_when(rule.kind)
                    if kind in rule.applies_to and _when_holds(rule.when, meta, judged) and self.selected(rule_id):
                        if commercial is False and rule_id in silent:
                            continue
                        if meta.sponsored is None and "sponsored" in rule.when:
                            later.add(rule_id)
                        elif commercial is None and rule_id in silent:
                            selling.add(rule_id)
                        else:
                            now.add(rule_id)
            active = self._active[key] = Active(frozenset(now), frozenset(later), frozenset(selling))
        return active

    def judged_rules(self, markets: tuple[str, ...], meta: Meta, kinds: frozenset[str]) -> list[str]:
        """The rules with a document-level judgement that apply to a document with segments of these
        kinds, sorted."""
        key = (markets, meta.sponsored, meta.product, meta.account, meta.platform, kinds)
        found = self._judged.get(key)
        if found is None:
            ids: set[str] = set()
            for kind in kinds:
                ids.update(*self.active_rules(markets, meta, kind))
            rules = self.ruleset.rules
            found = self._judged[key] = sorted(i for i in ids if kind_registry.judge(rules[i].kind))
        return found

    # -- checking --

    def run(self, document: Document, markets: Iterable[str]) -> Outcome:
        """Check `document` against the rules of `markets` (the document itself is not changed)."""
        markets = tuple(sorted(set(markets)))
        if not markets:
            raise UsageError(f"{document.path}: no market given (use --market, or a market field)")
        self.ruleset.check_markets(markets)
        run = _DocumentRun(self, document, markets)
        for index, seg in enumerate(document.segments):
            if seg.has_text:
                run.segment(index, seg)
        return run.finish()

    def check(self, document: Document, markets: Iterable[str] | None = None) -> list[Finding]:
        """The findings of `run`, for the markets given or else the document's own."""
        return self.run(document, markets or document.meta.markets).findings


class _DocumentRun:
    """The state of checking one document: findings so far, and the evidence for document-level
    judgements (marks: kinds' tagged matches and sponsorship signals)."""

    def __init__(self, checker: Checker, document: Document, markets: tuple[str, ...]):
        self.checker = checker
        self.ruleset = checker.ruleset
        self.document = document
        self.markets = markets
        self.meta = document.meta
        self.market_langs, self.packs, self.unaccented = checker.market_info(markets)
        self.lines: dict[int, _Lines] = {}
        self.findings: list[Finding] = []
        self.marks: list[Mark] = []
        self.used_langs: dict[str, int] = {}
        self.caption_start: dict[int, int] = {}  # id(origin) -> offset where the caption text starts
        self.script_lines: dict[int, int] = {}  # segment index -> its number among spoken/onscreen lines
        self.waiting: list[tuple[int, object, frozenset]] = []  # (index, segment, rules not run yet)
        self.selling: list[tuple[int, object, frozenset]] = []  # the same, for rules of posts that sell
        self.prepared: dict[int, tuple] = {}  # segment index -> (normalized text, languages checked, found)
        # (segment index, language) -> its text's MatchContext, asked again by a later pass (its tokens,
        # lower-cased forms and regex results made once)
        self.contexts: dict[tuple[int, str], MatchContext] = {}
        self.problems: dict[str, tuple[str, int]] = {}  # owner -> (what went wrong, line) (once per document)
        self.language: str | None = None

    def segment(self, index: int, seg) -> None:
        if seg.kind in ("spoken", "onscreen") and seg.start_time is None:
            self.script_lines[index] = len(self.script_lines) + 1
        if seg.kind == "caption":
            self.caption_start.setdefault(self._caption_key(seg, index), seg.pieces[0][1] if seg.pieces else 0)
        now, later, selling = self.checker.active_rules(self.markets, self.meta, seg.kind)
        if later:
            self.waiting.append((index, seg, later))
        if selling:
            self.selling.append((index, seg, selling))
        self.match(index, seg, now, first=True)

    def match(self, index: int, seg, active: frozenset, first: bool) -> None:
        """Run the `active` rules on a segment in each of its languages; on the `first` pass over it,
        count its languages and look for sponsorship signals too."""
        prepared = self.prepared.get(index)
        if prepared is None:
            norm = self.checker.normalized(seg.text)
            prepared = self.prepared[index] = (norm, *segment_languages(norm.text, self.market_langs, self.meta.language))
        norm, check_langs, found = prepared
        if first:
            for lang, chars in found.items():
                self.used_langs[lang] = self.used_langs.get(lang, 0) + chars
        shared = {} if len(check_langs) > 1 else None  # (regex results shared by the languages)
        asks_signals = first and (self.meta.sponsored is None or self.meta.declared_commercial is None)
        unaccented = self.unaccented
        for lang in evasion.languages(check_langs, unaccented, self.market_langs):
            rules = self.checker.compiled.for_language(lang)
            signals = rules.signals_of(self.packs) if asks_signals and rules.signals else frozenset()
            if not active and not signals:
                continue
            # how the text reads with its obfuscations undone (when it reads otherwise), then as written
            read = evasion.reading(norm.text, evasion.vocabulary(rules, lang in unaccented))
            looks = _looks_at_reading(rules, lang, read, active) if read is not None else []
            if lang in check_langs:
                ctx = self.contexts.get((index, lang))
                if ctx is None:
                    ctx = self.contexts[index, lang] = MatchContext(lang, norm.text, active, shared=shared,
                                                                    signals=signals)
                else:
                    ctx.ask(active, signals)
                looks.append((None, 0, ctx, *rules.find(ctx)))
            # (category, start, end, severity rank) of what the reading made
            made_here: list[tuple[str, int, int, int]] = []
            for rd, off, ctx, hits, found_signals in looks:
                text = ctx.text
                for hit in hits:
                    hs, he = hit.start + off, hit.end + off
                    obfuscated, made = evasion.obfuscation(norm, rd, hs, he)
                    ns, ne = (hs, he) if rd is None else rd.span(hs, he)
                    if rd is not None:
                        if not made:
                            continue  # the plain text's own match: found as written below
                        made_here.append((hit.rule.category, ns, ne, self.severity_rank(hit.rule)))
                    elif made_here and self.said_in_reading(hit.rule, ns, ne, made_here):
                        continue  # part of words found (and described) in the reading
                    s, e = seg.span_to_original(*norm.span(ns, ne))
                    if hit.tag is None:
                        self.add_finding(hit.rule, s, e, seg, lang, signals=list(hit.signals), obfuscation=obfuscated,
                                         ambiguous=rules.ambiguous(hit, text))
                    else:
                        self.add_mark(hit.tag, hit.rule.id, hit.rule.id, seg, index, s, e)
                for sig, ns, ne in found_signals:
                    s, e = seg.span_to_original(*norm.span(ns, ne))
                    self.add_mark("signal", f"{sig['pack']}:{sig['id']}", sig["name"], seg, index, s, e, sig)
                for owner, pattern in ctx.problems:
                    if owner not in self.problems:
                        self.problems[owner] = (pattern, self.line_of(seg))

    def line_of(self, seg) -> int:
        """The line of the file where `seg` starts."""
        ln = self.lines.get(id(seg.origin))
        if ln is None:
            ln = self.lines[id(seg.origin)] = _Lines(seg.origin)
        return ln.position(seg.pieces[0][1] if seg.pieces else 0)[0] + seg.line_offset

    def _caption_key(self, seg, index: int):
        """What a caption offset is counted from: in a script, each caption line (`CAPTION: ...`) is the
        caption the viewer reads, counted from its own start; elsewhere the caption is the whole text."""
        return index if self.meta.type == "script" else id(seg.origin)

    def add_mark(self, tag, key, name, seg, index, s, e, signal=None) -> None:
        start = self.caption_start.get(self._caption_key(seg, index)) if seg.kind == "caption" else None
        mark = Mark(tag, key, name, seg.origin[s:e], seg, index, s, e, None if start is None else s - start)
        if signal is not None:
            mark.weight = signal.get("weight", 1.0)
            mark.means = signal.get("means", "sponsored")
        self.marks.append(mark)

    def severity_rank(self, rule) -> int:
        """The rank of the severity `rule` has in the document's markets (0 where it does not apply)."""
        resolved = self.ruleset.severity_for(rule.id, self.markets)
        return 0 if resolved is None else SEVERITY_RANK[resolved[0].severity]

    def said_in_reading(self, rule, start: int, end: int, made: list[tuple[str, int, int, int]]) -> bool:
        """Whether a hit of `rule` as written lies within words a reading's finding of its category covers
        at no lower a severity (an error found as written is kept inside a warning found in the reading)."""
        around = [rank for c, s, e, rank in made if c == rule.category and s <= start and end <= e]
        return bool(around) and self.severity_rank(rule) <= max(around)

    def add_finding(self, rule, s, e, seg, lang, signals=(), severity=None, message=None, rule_id=None,
                    obfuscation=None, ambiguous=False) -> None:
        resolved = self.ruleset.severity_for(rule.id, self.markets)
        if resolved is None:
            return
        eff, applies = resolved
        if obfuscation is not None and obfuscation.raises:  # written to get past a filter: as the pack says
            severity = evasion.raised(severity or eff.severity, evasion.severity_setting(self.ruleset, rule))
        elif ambiguous and SEVERITY_RANK[severity or eff.severity] > SEVERITY_RANK["warning"]:
            severity = "warning"  # a single ambiguous word without context is never an error
        rule_id = rule_id or rule.id
        if rule_id != rule.id and not self.checker.selected(rule_id):
            return
        ln = self.lines.get(id(seg.origin))
        if ln is None:
            ln = self.lines[id(seg.origin)] = _Lines(seg.origin)
        line, col = ln.position(s)
        end_line, end_col = ln.position(max(e - 1, s))
        text = seg.origin[s:e]
        self.findings.append(
            Finding(
                rule=rule_id,
                category=rule.category,
                severity=severity or eff.severity,
                message=message or eff.message,
                rationale=rule.rationale,
                suggestion=eff.suggestion,
                source=rule.source,
                text=text,
                start=s,
                end=e,
                line=line + seg.line_offset,
                column=col,
                end_line=end_line + seg.line_offset,
                end_column=end_col,
                markets=applies,
                segment=seg.kind,
                language=lang,
                cue=seg.cue,
                time=format_time(seg.start_time),
                field=seg.field,
                record=self.document.record,
                signals=list(signals),
                reviewed=rule.reviewed,
                obfuscation=None if obfuscation is None else obfuscation.to_dict(),
            )
        )
        if rule.replacements:
            self.findings[-1].fix, self.findings[-1].fix_safe = replacement_of(rule, text)

    def _signals(self, what: str) -> list[Mark]:
        """The distinct signals that say the post is `what` ("sponsored", or "commercial": every signal
        of a sponsorship says so too), when together they weigh enough; else none."""
        found: dict[str, Mark] = {}
        for m in self.marks:
            if m.tag == "signal" and (what == "commercial" or m.means == what):  # (every signal: commercial)
                found.setdefault(m.key, m)
        weight = sum(m.weight for m in found.values())
        return list(found.values()) if found and weight >= self.ruleset.threshold(self.markets, what) else []

    def sponsorship(self) -> tuple[bool | None, list[Mark]]:
        """Declared sponsorship, or None with the signals found (when they weigh enough). A brand
        speaking for itself (a business account, or "our shop", "shop our new collection") endorses
        nothing: its post is commercial, but not sponsored by anyone."""
        if self.meta.sponsored is not None:
            return self.meta.sponsored, []
        if (self.meta.account or "").lower() == "business" or self._signals("own"):
            return None, []
        return None, self._signals("sponsored")

    def commerce(self) -> tuple[bool, list[Mark]]:
        """Whether the post promotes or sells something: as declared, or as its signals say."""
        declared = self.meta.declared_commercial
        if declared is not None:
            return declared, []
        found = self._signals("commercial")
        return bool(found), found

    def _apply_context(self, commercial: bool) -> None:
        """Findings of rules that need a commercial post (advertising-law claims, off-platform selling,
        pricing), on a post that is not one: dropped, or shown at the severity the rule says."""
        if commercial:
            return
        rules = self.ruleset.rules
        kept = []
        for f in self.findings:
            rule = rules.get(f.rule)
            needs, otherwise = self.ruleset.context_of(rule) if rule is not None else ("any", "")
            if needs == "commercial":
                if otherwise == "silent":
                    continue
                f.severity = "info" if otherwise == "info" else one_level_lower(f.severity)
            kept.append(f)
        self.findings = kept

    def finish(self) -> Outcome:
        sponsored, signals = self.sponsorship()
        commercial, commercial_signals = self.commerce()
        if self.waiting:
            # the rules that waited for the post's sponsorship: those for what it turned out to be
            inferred = bool(signals)
            rules = self.ruleset.rules
            silent = self.checker.silent_unless_selling
            for index, seg, later in self.waiting:
                due = frozenset(r for r in later if rules[r].when["sponsored"] == inferred
                                and (commercial or r not in silent))
                if due:
                    self.match(index, seg, due, first=False)
        if commercial:
            # the rules that waited for the post to turn out to sell something
            for index, seg, selling in self.selling:
                self.match(index, seg, selling, first=False)
        self._apply_context(commercial)
        language, languages = None, ()
        if self.used_langs:
            # the languages found, and any other language a finding was made in (English in a Malay caption)
            languages = tuple(sorted(set(self.used_langs) | {f.language for f in self.findings}))
            language = max(sorted(self.used_langs), key=lambda k: self.used_langs[k])
        self.language = language
        self._judge(sponsored, signals)
        findings = self.findings
        text = self.document.text
        if text and "reelcheck:" in text:  # before merging: a rule switched off leaves the others' findings
            findings = apply_suppressions(text, findings)
        findings = merge_findings(findings)
        problem_lines = {f"{describe_owner(owner)}: a regular expression ran out of time ({TIMEOUT:g} s) on "
                         f"this text and was given up, so its matches may be missing: {pattern[:60]!r}": line
                         for owner, (pattern, line) in sorted(self.problems.items())}
        return Outcome(findings, language, languages, list(problem_lines), commercial,
                       sorted({m.name for m in commercial_signals}), problem_lines)

    def _judge(self, sponsored, signals) -> None:
        doc = self.document
        first = next((s for s in doc.segments if s.has_text), None)
        if first is None:
            return
        evidence = Evidence(self.marks, sponsored, signals, self.script_lines, doc.text, self.checker.names)
        kinds = frozenset(s.kind for s in doc.segments)
        for rule_id in self.checker.judged_rules(self.markets, self.meta, kinds):
            rule = self.ruleset.rules[rule_id]
            resolved = self.ruleset.severity_for(rule_id, self.markets)
            if resolved is None:
                continue
            outcomes = kind_registry.judge(rule.kind)(rule, resolved[0].severity, evidence)
            for outcome, severity, message, mark, names in outcomes:
                seg = mark.segment if mark else first
                s, e = (mark.start, mark.end) if mark else (seg.pieces[0][1], seg.pieces[0][1])
                lang = self.language or (self.market_langs[0] if self.market_langs else "en")
                self.add_finding(rule, s, e, seg, lang, signals=names, severity=severity,
                                 message=message, rule_id=f"{rule.id}.{outcome}")


def replacement(replacements: dict, text: str) -> str | None:
    """The text to write instead of `text`: a replacement for the whole of it, or for one of its
    words (case-insensitive); None when the rule has none for these words."""
    return _replace(replacements, text)[0]


def replacement_of(rule, text: str) -> tuple[str | None, bool]:
    """The rule's rewording of `text` (`replacement`), and whether the pack marks it safe to apply."""
    fixed, key = _replace(rule.replacements, text)
    return fixed, fixed is not None and key.lower() in rule.safe_replacements


def _replace(replacements: dict, text: str) -> tuple[str | None, str | None]:
    if not replacements:
        return None, None
    lower = text.lower()
    for key, value in replacements.items():
        if key.lower() == lower:
            return value, key
    for key, value in sorted(replacements.items(), key=lambda kv: -len(kv[0])):
        m = regex.search(rf"(?<!\w){regex.escape(key.lower())}(?!\w)", lower)
        if m:
            return text[: m.start()] + value + text[m.end():], key
    return None, None


def suppressions(text: str) -> tuple[dict[int, tuple[str, ...]], tuple[str, ...]]:
    """Inline suppressions (`suppress.comments`): on a line of its own a comment covers the next line
    with text; at the end of a line, that line; `ignore-file`, the whole file. Returns ({line: rule
    prefixes}, file-wide prefixes); "" stands for every rule. (A name no rule has is reported by the
    rules of kind `suppression`.)"""
    by_line: dict[int, tuple[str, ...]] = {}
    whole: list[str] = []
    lines = _Lines(text)
    for comment in suppress.comments(text):
        prefixes = tuple(name for name, _, _ in comment.names)
        if comment.whole_file:
            whole.extend(prefixes)
            continue
        line, _ = lines.position(comment.start)
        line_start = lines.starts[line - 1]
        line_end = line_span(text, comment.end)[1]
        alone = not text[line_start : comment.start].strip() and not text[comment.end : line_end].strip()
        target = line
        if alone:  # the next line with text
            for n in range(line, len(lines.starts)):
                start = lines.starts[n]
                end = lines.starts[n + 1] if n + 1 < len(lines.starts) else len(text)
                if text[start:end].strip():
                    target = n + 1
                    break
        by_line[target] = by_line.get(target, ()) + prefixes
    return by_line, tuple(whole)


def apply_suppressions(text: str, findings: list[Finding]) -> list[Finding]:
    by_line, whole = suppressions(text)
    return [
        f for f in findings
        if not selected_by(f.rule, whole) and not selected_by(f.rule, by_line.get(f.line, ()))
    ]


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per claim and category: words flagged by several rules or markets come out once, and
    so do findings that lie inside another of their category (the "#1 selling" of "the #1 selling serum
    in America"). Of each such group the most severe finding is kept; at equal severity a market's own
    rule (it names that market's law) before the global layer's, then the wider, then the first id. It
    covers the group's outermost words, and names the other rules in its `related`. A finding with no
    words (a missing disclosure, pointed at the document's start), or with a replacement for its own
    words (`fix`: writing it leaves the words around them as they were), is merged only with findings
    over the same words."""
    groups: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.field, f.start, f.end, f.category)
        kept = groups.get(key)
        groups[key] = f if kept is None else _merged(kept, f)
    out: list[Finding] = []
    nests: dict[tuple, list[list[Finding]]] = {}  # by field and category: outermost finding first
    for f in sorted(groups.values(), key=lambda f: (f.start - f.end, f.start, f.rule)):
        if f.start == f.end or f.fix is not None:
            out.append(f)
            continue
        same = nests.setdefault((f.field, f.category), [])
        nest = next((n for n in same if n[0].start <= f.start and f.end <= n[0].end), None)
        if nest is None:
            same.append([f])
        else:
            nest.append(f)
    for same in nests.values():
        for nest in same:
            outer = nest[0]
            kept = min(nest, key=_precedence)
            for f in nest:
                if f is not kept:
                    _absorb(kept, f)
            if kept is not outer:  # it takes the outermost words (its own stay in `rule_spans()`)
                for name in ("start", "end", "text", "line", "column", "end_line", "end_column", "cue", "time"):
                    setattr(kept, name, getattr(outer, name))
            out.append(kept)
    for f in out:
        f.markets = sorted(f.markets)
    out.sort(key=Finding.sort_key)
    return out


def _precedence(f: Finding) -> tuple:
    return (-SEVERITY_RANK[f.severity], f.rule.startswith("global."), f.start - f.end, f.rule)


def _merged(a: Finding, b: Finding) -> Finding:
    """The one of two findings over the same words that is kept, with the other merged into it."""
    better = min(a, b, key=_precedence)
    _absorb(better, b if better is a else a)
    return better


def _absorb(kept: Finding, other: Finding) -> None:
    kept.markets = sorted(set(kept.markets) | set(other.markets))
    related = set(kept.related) | set(other.related) | {other.rule}
    related.discard(kept.rule)
    kept.related = sorted(related)
    kept.merged = [*kept.rule_spans(), *other.rule_spans()]
    if kept.obfuscation is None and other.obfuscation:  # the words were written to get past a filter
        kept.obfuscation = other.obfuscation
