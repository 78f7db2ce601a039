"""`require`: something that must be present, early enough, when a condition holds.

Ad disclosures ("a sponsored post must carry #ad in its first 100 characters") and mandatory
statements ("a supplement ad in the Philippines must carry the MAHALAGANG PAALALA message") are
absences or misplacements, which no term list can find. A `require` rule matches its `require`
phrases (the valid labels or statements) and `weak` phrases (labels that do not count) in every
segment like a terms rule, then judges the whole document:

- `<id>.missing`: the condition holds and no valid label is present (no weak one either);
- `<id>.weak-label`: only weak labels are present;
- `<id>.buried`: a valid label is present, but none within the position limits (`within`);
- `<id>.mislabelled` (info): the post is declared not sponsored, yet carries a label;
- `<id>.denied`: the post denies being an ad ("not an ad": a negation cue before a label) and is,
  or looks, sponsored.

Whether a post is sponsored comes from the user (`--sponsored`, front matter, archive field) or, with
`infer: true`, from the pack's weighted `signals` (discount codes, affiliate links, "gifted"...):
declared posts get the rule's severity, inferred ones one level lower, naming the signals found.
"""

from __future__ import annotations

import regex

from ...model import format_time
from ...vocabulary import one_level_lower
from ..matcher import MatchSpec, languages_named, spec_from
from ..matching import Evidence, Mark
from .terms import MODE, TERMS

FIELDS = {
    "require": {
        "type": "object",
        "additionalProperties": False,
        "properties": {"terms": TERMS, "regex": {"type": "string"}, "match": MODE},
        "anyOf": [{"required": ["terms"]}, {"required": ["regex"]}],
    },
    "weak": {
        "type": "object",
        "additionalProperties": False,
        "properties": {"terms": TERMS, "match": MODE},
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
        "properties": {k: {"type": "string"} for k in ("missing", "weak-label", "buried", "mislabelled", "denied")},
    },
}
REQUIRED = ("require",)
OUTCOMES = ("missing", "weak-label", "buried", "mislabelled", "denied")
JUDGED_WHEN = ("sponsored",)  # a require rule runs whatever is declared: it judges sponsorship itself

DEFAULT_MESSAGES = {
    "missing": "Sponsored post without a clear disclosure{signals}",
    "weak-label": "'{found}' is not a clear disclosure on its own{signals}",
    "buried": "Disclosure '{found}' is {where}; it must be {limit}",
    "mislabelled": "Post declared not sponsored carries the label '{found}'",
    "denied": "The post says it is not an ad ('{found}'), yet it is sponsored{signals}",
}

_HASHTAG_RUN = regex.compile(r"(?:(?:^|\s)[#＃][\p{L}\p{M}\p{N}_]+[\s\p{P}]*)+\s*$")
_HASHTAG = regex.compile(r"[#＃][\p{L}\p{M}\p{N}_]+")


def languages_of(data: dict) -> list[str] | None:
    langs: dict[str, None] = {}
    for block in (data.get("require") or {}, data.get("weak") or {}):
        langs.update(dict.fromkeys(languages_named(block)))
    return list(langs) or None


def check(rule) -> None:
    if rule.spec.get("infer", False) and rule.when.get("sponsored") is not True:
        raise ValueError("field 'infer': only meaningful with `when: {sponsored: true}`")


def matchers(rule, lang: str) -> dict[str | None, MatchSpec]:
    """No finding of its own: the valid labels (`label`) and the weak ones (`weak`), found in every
    segment and judged for the whole document (`judge`)."""
    mode = rule.spec.get("match")
    return {
        "label": spec_from(rule.spec["require"], lang, rule.languages, mode),
        "weak": spec_from(rule.spec.get("weak") or {}, lang, rule.languages, mode),
    }


# --- judging a whole document -------------------------------------------------------------------

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


def judge(rule, severity: str, evidence: Evidence) -> list[tuple[str, str, str, Mark | None, list[str]]]:
    """Judge one document for one require rule.

    Returns (outcome, severity, message, mark or None, signals) tuples; the engine turns them into
    findings `<rule id>.<outcome>` (a None mark points at the start of the document).
    """
    messages = DEFAULT_MESSAGES | (rule.spec.get("messages") or {})
    sponsored, inferred, script_lines = evidence.sponsored, evidence.signals, evidence.script_lines
    labels = [m for m in evidence.marks if m.tag == "label" and m.key == rule.id]
    weak = [m for m in evidence.marks if m.tag == "weak" and m.key == rule.id]
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
    denied = [m for m in evidence.marks if m.tag == "label-denied" and m.key == rule.id]
    if denied:  # "not an ad", 不是广告, "không phải quảng cáo" on a post that is (or looks) sponsored
        first = denied[0]
        msg = messages["denied"].format(found=first.text, signals=signals_txt)
        return [("denied", severity, msg, first, signal_names if sponsored is None else [])]
    msg = messages["missing"].format(signals=signals_txt, found="")
    return [("missing", severity, msg, None, signal_names if sponsored is None else [])]
