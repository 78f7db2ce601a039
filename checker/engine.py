"""Stage 6: findings. Runs compiled rules over a document's segments and turns hits into findings.

    segments -> normalize -> language(s) of each segment -> LanguageRules.find -> Finding

Offsets travel back the same way: normalized text -> segment text -> the user's original text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

import regex

from .model import SEVERITY_RANK, Document, Finding, Meta, UsageError
from .normalize import normalize
from .rules import CompiledRules, RuleSet
from .rules.matching import MatchContext

_HAN = regex.compile(r"\p{Han}")
_THAI = regex.compile(r"\p{Thai}")
_LATIN = regex.compile(r"\p{Latin}")
_VI_MARKS = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u0323]|[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.I)

SCRIPT_LANGUAGES = {"zh": _HAN, "th": _THAI}


def format_time(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


class _Lines:
    """Line starts of one original text, for offset -> (line, column)."""

    __slots__ = ("starts",)

    def __init__(self, text: str):
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def _when_holds(when: dict, meta: Meta) -> bool:
    if not when:
        return True
    if "sponsored" in when and bool(meta.sponsored) != when["sponsored"]:
        return False
    for key in ("product", "account", "platform"):
        if key in when:
            value = getattr(meta, key)
            if value is None or value.lower() not in when[key]:
                return False
    return True


class Checker:
    """Checks documents against the rules of their markets. Build once, use for many documents."""

    def __init__(self, ruleset: RuleSet, select: Iterable[str] = (), ignore: Iterable[str] = ()):
        self.ruleset = ruleset
        self.compiled = CompiledRules(ruleset)
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self._active: dict[tuple, frozenset] = {}

    # -- which rules apply --

    def _selected(self, rule_id: str) -> bool:
        def hit(prefixes):
            return any(rule_id == p or rule_id.startswith(p.rstrip(".") + ".") for p in prefixes)

        if self.select and not hit(self.select):
            return False
        return not hit(self.ignore)

    def active_rules(self, markets: tuple[str, ...], meta: Meta, kind: str) -> frozenset:
        key = (markets, meta.sponsored, meta.product, meta.account, meta.platform, kind)
        active = self._active.get(key)
        if active is None:
            ids = set()
            for code in markets:
                for rule_id, eff in self.ruleset.effective(code).items():
                    rule = eff.rule
                    if kind in rule.applies_to and _when_holds(rule.when, meta) and self._selected(rule_id):
                        ids.add(rule_id)
            active = self._active[key] = frozenset(ids)
        return active

    # -- languages --

    def segment_languages(self, text: str, market_langs: tuple[str, ...], forced: str | None) -> list[str]:
        langs = []
        for lang, rx in SCRIPT_LANGUAGES.items():
            if rx.search(text):
                langs.append(lang)
        if _LATIN.search(text):
            if forced and forced not in SCRIPT_LANGUAGES:
                langs.append(forced)
            else:
                latin = [lang for lang in market_langs if lang not in SCRIPT_LANGUAGES]
                if "vi" in latin and not _VI_MARKS.search(text):
                    latin.remove("vi")  # Vietnamese is written with its diacritics; plain Latin is English
                    if "en" not in latin:
                        latin.append("en")
                langs.extend(latin or ["en"])
        elif forced and forced not in langs and not langs:
            langs.append(forced)
        return langs

    # -- checking --

    def check(self, document: Document, markets: Iterable[str] | None = None) -> list[Finding]:
        markets = tuple(sorted(set(markets or document.meta.markets)))
        if not markets:
            raise UsageError(f"{document.path}: no market given (use --market, or a market field)")
        self.ruleset.check_markets(markets)
        meta = document.meta
        market_langs = self.ruleset.languages(markets)
        lines: dict[int, _Lines] = {}
        findings: list[Finding] = []
        used_langs: dict[str, int] = {}
        for seg in document.segments:
            if not seg.text or seg.text.isspace():
                continue
            active = self.active_rules(markets, meta, seg.kind)
            if not active:
                continue
            norm = normalize(seg.text)
            for lang in self.segment_languages(norm.text, market_langs, meta.language):
                used_langs[lang] = used_langs.get(lang, 0) + len(norm.text)
                rules = self.compiled.for_language(lang)
                ctx = MatchContext(lang, norm.text, active)
                for hit in rules.find(ctx):
                    resolved = self.ruleset.severity_for(hit.rule.id, markets)
                    if resolved is None:
                        continue
                    eff, applies = resolved
                    s, e = seg.span_to_original(*norm.span(hit.start, hit.end))
                    ln = lines.get(id(seg.origin))
                    if ln is None:
                        ln = lines[id(seg.origin)] = _Lines(seg.origin)
                    line, col = ln.position(s)
                    end_line, end_col = ln.position(max(e - 1, s))
                    rule = hit.rule
                    findings.append(
                        Finding(
                            rule=rule.id,
                            category=rule.category,
                            severity=eff.severity,
                            message=eff.message,
                            rationale=rule.rationale,
                            suggestion=eff.suggestion,
                            source=rule.source,
                            text=seg.origin[s:e],
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
                            time=format_time(seg.start_time) if seg.start_time is not None else None,
                            field=seg.field,
                            record=document.record,
                            signals=list(hit.signals),
                        )
                    )
        if used_langs:
            document.languages = tuple(sorted(used_langs))
            document.language = max(sorted(used_langs), key=lambda k: used_langs[k])
        return merge_findings(findings)


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per place and category: words flagged by several rules or markets come out once."""
    groups: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.field, f.start, f.end, f.category)
        kept = groups.get(key)
        if kept is None:
            groups[key] = f
            continue
        better = min(f, kept, key=lambda x: (-SEVERITY_RANK[x.severity], x.rule))
        other = kept if better is f else f
        better.markets = sorted(set(better.markets) | set(other.markets))
        related = set(better.related) | set(other.related) | {other.rule}
        related.discard(better.rule)
        better.related = sorted(related)
        groups[key] = better
    out = list(groups.values())
    for f in out:
        f.markets = sorted(f.markets)
    out.sort(key=Finding.sort_key)
    return out
