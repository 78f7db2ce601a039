"""`require`: something that must be present, early enough, when a condition holds.

Ad disclosures ("a sponsored post must carry #ad in its first 100 characters") and mandatory
statements ("a supplement ad in the Philippines must carry the MAHALAGANG PAALALA message") are
absences or misplacements, which no term list can find. A `require` rule matches its `require`
phrases (the valid labels or statements) and `weak` phrases (labels that do not count) in every
segment like a terms rule, then judges the whole document:

- `<id>.missing`: the condition holds and no valid label is present (no weak one either);
- `<id>.weak-label`: only weak labels are present;
- `<id>.buried`: a valid label is present, but none within the position limits (`within`);
- `<id>.mislabelled` (info): the post is declared not sponsored, yet carries a label.

Whether a post is sponsored comes from the user (`--sponsored`, front matter, archive field) or, with
`infer: true`, from the pack's weighted `signals` (discount codes, affiliate links, "gifted"...):
declared posts get the rule's severity, inferred ones one level lower, naming the signals found.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ...model import format_time
from ..matching import Hit, MatchContext
from .regex_kind import derived_prefilter, screen_literals
from .terms import PhraseSet, match_mode

_PHRASES = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
_TERMS = {"oneOf": [_PHRASES, {"type": "object", "additionalProperties": _PHRASES, "minProperties": 1}]}

FIELDS = {
    "require": {
        "type": "object",
        "additionalProperties": False,
        "properties": {"terms": _TERMS, "regex": {"type": "string"}, "match": {"enum": ["lemma", "lower", "exact"]}},
        "anyOf": [{"required": ["terms"]}, {"required": ["regex"]}],
    },
    "weak": {
        "type": "object",
        "additionalProperties": False,
        "properties": {"terms": _TERMS, "match": {"enum": ["lemma", "lower", "exact"]}},
        "required": ["terms"],
    },
    "within": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "chars": {"type": "integer", "minimum": 1},
            "trailing_hashtags": {"type": "integer", "minimum": 1},
            "lines": {"type": "integer", "minimum": 1},
            "seconds": {"type": "number", "minimum": 0},
        },
    },
    "infer": {"type": "boolean"},
    "messages": {
        "type": "object",
        "additionalProperties": False,
        "properties": {k: {"type": "string"} for k in ("missing", "weak-label", "buried", "mislabelled")},
    },
}
REQUIRED = ("require",)
OUTCOMES = ("missing", "weak-label", "buried", "mislabelled")

DEFAULT_MESSAGES = {
    "missing": "Sponsored post without a clear disclosure{signals}",
    "weak-label": "'{found}' is not a clear disclosure on its own{signals}",
    "buried": "Disclosure '{found}' is {where}; it must be {limit}",
    "mislabelled": "Post declared not sponsored carries the label '{found}'",
}

_HASHTAG_RUN = regex.compile(r"(?:(?:^|\s)[#＃][\p{L}\p{M}\p{N}_]+[\s\p{P}]*)+\s*$")
_HASHTAG = regex.compile(r"[#＃][\p{L}\p{M}\p{N}_]+")


def _terms_for(block: dict, lang: str, rule_languages) -> list[str]:
    terms = block.get("terms")
    if terms is None:
        return []
    if isinstance(terms, dict):
        return list(terms.get(lang) or [])
    return list(terms) if lang in rule_languages else []


def languages_of(data: dict) -> list[str] | None:
    langs: dict[str, None] = {}
    for block in (data.get("require") or {}, data.get("weak") or {}):
        if isinstance(block.get("terms"), dict):
            langs.update(dict.fromkeys(block["terms"]))
    return list(langs) or None


def check(rule) -> None:
    from .. import phrases

    for block in (rule.spec["require"], rule.spec.get("weak") or {}):
        for lang in rule.languages:
            for template in _terms_for(block, lang, rule.languages):
                phrases.expand(template)
    rx = rule.spec["require"].get("regex")
    if rx:
        try:
            regex.compile(rx)
        except regex.error as exc:
            raise ValueError(f"field 'require.regex': {exc}") from None
    infer = rule.spec.get("infer", False)
    if infer and rule.when.get("sponsored") is not True:
        raise ValueError("field 'infer': only meaningful with `when: {sponsored: true}`")


class CompiledRequire:
    """Matches the labels (tag `label`) and weak labels (tag `weak`) of every require rule.

    Its prefilter keys are the first words of the labels: a segment without any of them holds no
    label, and the document-level judgement needs nothing more from it.
    """

    def __init__(self, rules, lang: str):
        self.rules = {}
        self.labels = PhraseSet(lang)
        self.weak = PhraseSet(lang)
        self.regexes = []
        for rule in rules:
            req = rule.spec["require"]
            mode = req.get("match") or match_mode(rule, lang)
            templates = _terms_for(req, lang, rule.languages)
            if templates:
                self.labels.add(rule.id, templates, mode)
            if req.get("regex") and lang in rule.languages:
                pre = derived_prefilter(req["regex"])
                self.regexes.append((rule, regex.compile(req["regex"]), pre if screen_literals(pre) else None))
            weak = rule.spec.get("weak") or {}
            wt = _terms_for(weak, lang, rule.languages)
            if wt:
                self.weak.add(rule.id, wt, weak.get("match") or match_mode(rule, lang))
            self.rules[rule.id] = rule
        self.labels.prepare()
        self.weak.prepare()

    possible = None  # find() asks the label and weak-label phrase sets itself, once each

    def screen_needles(self):
        yield from self.labels.screen_needles()
        yield from self.weak.screen_needles()
        for rule, _rx, pre in self.regexes:  # a label regex: its literals (one is in every label)
            for lit in screen_literals(pre):
                yield rule.id, lit, "literal"

    def unscreened(self, active: frozenset) -> bool:
        return (self.labels.unscreened(active) or self.weak.unscreened(active)
                or any(pre is None and rule.id in active for rule, _rx, pre in self.regexes))

    def find(self, ctx: MatchContext) -> list[Hit]:
        hits = []
        doc = None
        for tag, phrase_set in (("label", self.labels), ("weak", self.weak)):
            if phrase_set.empty or not phrase_set.possible(ctx, ctx.active):
                continue
            doc = doc or ctx.doc
            for rule_id, s, e in phrase_set.matches(doc, ctx.active, ctx.live):
                if rule_id in ctx.active:
                    span = doc[s:e]
                    hits.append(Hit(self.rules[rule_id], span.start_char, span.end_char, s, e, tag=tag))
        for rule, rx, pre in self.regexes:
            if rule.id not in ctx.active:
                continue
            if pre is not None and (rule.id not in ctx.live if ctx.live is not None else not pre.passes(ctx.lower)):
                continue  # none of the literals every label of the regex holds
            for m in rx.finditer(ctx.text, timeout=0.25):
                if m.end() > m.start():
                    hits.append(Hit(rule, m.start(), m.end(), tag="label"))
        return hits


def compile(rules, lang: str):
    compiled = CompiledRequire(rules, lang)
    return compiled if compiled.rules else None


# --- judging a whole document -------------------------------------------------------------------

@dataclass(slots=True)
class Mark:
    """A label, weak label or signal found in a document, located in the original text."""

    tag: str  # label | weak | signal
    key: str  # rule id, or signal id
    name: str  # what to call it in messages
    text: str
    segment: object  # model.Segment
    seg_index: int  # position among the document's segments
    start: int  # original offsets (into segment.origin)
    end: int
    caption_offset: int | None  # characters from the start of the caption, for caption segments
    weight: float = 1.0  # signals: how strongly it says "this is an ad"


def _trailing_run(segment) -> tuple[int, int] | None:
    """(start offset in origin, number of hashtags) of the run of hashtags ending the caption."""
    m = _HASHTAG_RUN.search(segment.text)
    if not m:
        return None
    count = len(_HASHTAG.findall(m.group()))
    return segment.to_original(m.start()), count


def position_ok(mark: Mark, within: dict, script_lines: dict[int, int]) -> tuple[bool, str, str]:
    """Whether a label is placed well enough, and (if not) where it is and where it must be."""
    seg = mark.segment
    if seg.start_time is not None and "seconds" in within:
        limit = within["seconds"]
        if seg.start_time <= limit:
            return True, "", ""
        return False, f"first said at {format_time(seg.start_time)}", f"said within the first {limit:g} seconds"
    if seg.kind in ("spoken", "onscreen") and seg.start_time is None and "lines" in within:
        n = script_lines.get(mark.seg_index, 0)
        limit = within["lines"]
        if n <= limit:
            return True, "", ""
        return False, f"on script line {n}", f"said or shown in the first {limit} lines"
    if mark.caption_offset is not None:
        problems = []
        if "chars" in within and mark.caption_offset >= within["chars"]:
            problems.append(
                (f"at character {mark.caption_offset + 1}, past the first {within['chars']}",
                 f"in the first {within['chars']} characters, before the 'more' cut-off")
            )
        if "trailing_hashtags" in within:
            run = _trailing_run(seg)
            k = within["trailing_hashtags"]
            if run and mark.start >= run[0] and run[1] > k:
                problems.append(
                    (f"one of {run[1]} hashtags at the end", f"apart from a run of more than {k} hashtags")
                )
        if problems:
            return False, " and ".join(p[0] for p in problems), " and ".join(p[1] for p in problems)
    return True, "", ""


def one_level_lower(severity: str) -> str:
    return {"error": "warning", "warning": "info"}.get(severity, severity)


def evaluate(rule, severity: str, marks: list[Mark], sponsored: bool | None, inferred: list[Mark],
             script_lines: dict[int, int]) -> list[tuple[str, str, str, Mark | None, list[str]]]:
    """Judge one document for one require rule.

    Returns (outcome, severity, message, mark or None, signals) tuples; the engine turns them into
    findings (a None mark points at the start of the document).
    """
    messages = DEFAULT_MESSAGES | (rule.spec.get("messages") or {})
    labels = [m for m in marks if m.tag == "label" and m.key == rule.id]
    weak = [m for m in marks if m.tag == "weak" and m.key == rule.id]
    needs_sponsor = rule.when.get("sponsored") is True
    signal_names = sorted({m.name for m in inferred})
    if needs_sponsor:
        if sponsored is False:
            out = []
            for m in labels:
                if m.text.startswith(("#", "＃")) or (m.caption_offset is not None and m.caption_offset == 0):
                    out.append(("mislabelled", "info", messages["mislabelled"].format(found=m.text), m, []))
            return out[:1]
        if sponsored is None:
            if not rule.spec.get("infer") or not inferred:
                return []
            severity = one_level_lower(severity)
    signals_txt = f" (signals: {', '.join(signal_names)})" if sponsored is None and signal_names else ""
    within = rule.spec.get("within") or {}
    if labels:
        placed = [position_ok(m, within, script_lines) for m in labels]
        if any(ok for ok, _, _ in placed):
            return []
        first = labels[0]
        _, where, limit = placed[0]
        msg = messages["buried"].format(found=first.text, where=where, limit=limit, signals=signals_txt)
        return [("buried", severity, msg, first, signal_names if sponsored is None else [])]
    if weak:
        first = weak[0]
        msg = messages["weak-label"].format(found=first.text, signals=signals_txt)
        return [("weak-label", severity, msg, first, signal_names if sponsored is None else [])]
    msg = messages["missing"].format(signals=signals_txt, found="")
    return [("missing", severity, msg, None, signal_names if sponsored is None else [])]
