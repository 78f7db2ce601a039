"""`regex`: regular expressions on the normalized segment text (phone numbers, e-mails, prices).

Uses the `regex` module (Unicode-aware `\\b`, `\\p{Han}`) with a time limit per segment, so a
pathological pattern cannot hang a batch audit.
"""

from __future__ import annotations

import re._constants as _c
import re._parser as _sre_parser

import regex

from ..matching import COMMON_WORDS, Hit, Literals, MatchContext

TIMEOUT = 0.25  # seconds per rule and segment

FIELDS = {
    "regex": {
        "oneOf": [
            {"type": "string", "minLength": 1},
            {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string", "minLength": 1}},
        ]
    },
    "group": {"type": ["integer", "string"]},
    "prefilter": {
        "oneOf": [
            {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
            {"type": "object", "additionalProperties": False, "required": ["regex"],
             "properties": {"regex": {"type": "string", "minLength": 1}}},
        ]
    },
}
REQUIRED = ("regex",)


def languages_of(data: dict) -> list[str] | None:
    rx = data.get("regex")
    return list(rx) if isinstance(rx, dict) else None


def regex_for(rule, lang: str) -> str | None:
    rx = rule.spec["regex"]
    if isinstance(rx, dict):
        return rx.get(lang)
    return rx if lang in rule.languages else None


def check(rule) -> None:
    for lang in rule.languages:
        source = regex_for(rule, lang)
        if source is None:
            continue
        try:
            compiled = regex.compile(source, regex.V0)
        except regex.error as exc:
            raise ValueError(f"field 'regex': {exc}") from None
        try:
            pre = prefilter_regex(rule.spec.get("prefilter"))
        except regex.error as exc:
            raise ValueError(f"field 'prefilter.regex': {exc}") from None
        if pre is not None:
            for example in rule.examples["flag"]:
                text = example if isinstance(example, str) else example["text"]
                if compiled.search(text) and not pre.passes(text.lower()):
                    raise ValueError(f"field 'prefilter': it would skip the flag example {text!r}")
        group = rule.spec.get("group")
        if group is not None and (
            (isinstance(group, int) and group > compiled.groups)
            or (isinstance(group, str) and group not in compiled.groupindex)
        ):
            raise ValueError(f"field 'group': the regex has no group {group!r}")


class Prefilter:
    """A rule's prefilter: literal strings (any of them in the lower-cased text; plain `in` tests,
    faster than an alternation), or `{regex: ...}`, a cheap pattern such as '\\w@\\w'."""

    __slots__ = ("strings", "pattern", "needles")

    def __init__(self, prefilter):
        if isinstance(prefilter, dict):
            self.strings, self.pattern = (), regex.compile(prefilter["regex"])
        else:
            self.strings, self.pattern = tuple(sorted({s.lower() for s in prefilter})), None
        # what the screen looks for: strings one of which is in every text the prefilter lets through
        # (the literals a pattern needs: "@" for '\w@\w'); none when it cannot be screened, as when one
        # of them is only spaces, which the screen (reading the text without spaces) does not see
        needles = self.strings if self.pattern is None else required_literals(self.pattern.pattern, min_weight=1)
        self.needles = needles if needles and all(n.strip(" ") for n in needles) else ()

    def passes(self, lower: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(lower) is not None
        for s in self.strings:  # a plain loop: cheaper than any() over a generator on this hot path
            if s in lower:
                return True
        return False


def prefilter_regex(prefilter) -> Prefilter | None:
    return Prefilter(prefilter) if prefilter else None


def derived_prefilter(source: str, flag_examples=()) -> Prefilter | None:
    """For a regex without a `prefilter` of its own: one derived from the regex (`required_literals`),
    kept only if every flag example (a text, or a mapping with one) that the regex matches passes it."""
    literals = required_literals(source)
    if not literals:
        return None
    pre = Prefilter(list(literals))
    compiled = regex.compile(source)
    for example in flag_examples:
        text = example if isinstance(example, str) else example["text"]
        if compiled.search(text) and not pre.passes(text.lower()):
            return None
    return pre


# --- prefilters derived from a regex -----------------------------------------------------------------

_SCRIPT_CHAR = regex.compile(r"[\p{Han}\p{Thai}]")


def _weight(literal: str) -> int:
    """How selective a literal is: its length, a Han or Thai character counting double; a common word
    ("only", "like": in most captions) counts as one letter."""
    if literal.strip() in COMMON_WORDS:
        return 1
    return len(literal) + len(_SCRIPT_CHAR.findall(literal))


def required_literals(source: str, min_weight: int = 2) -> tuple[str, ...] | None:
    """Strings one of which (lower-cased) is in the lower-cased text wherever `source` matches, or
    None when no such set is found or it would be too weak to help (by default, any literal shorter
    than two Latin letters or one Han/Thai character).

    Read from the parse tree of Python's own `re` (which understands the syntax our packs use; a
    pattern it cannot parse gets no prefilter): a literal run is required where it stands, a group or a
    repeat of at least one is required when its body is, an alternation needs one of its branches, and
    of the requirements of a sequence the most selective one is kept."""
    try:
        tree = _sre_parser.parse(source)
    except Exception:  # re cannot read it (\p{...}, other regex-module syntax): no derived prefilter
        return None
    found = _sequence(list(tree))
    if not found or min(_weight(s) for s in found) < min_weight:
        return None
    return tuple(sorted(found))


def _sequence(items) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av).lower())
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        needed = None
        if op is _c.SUBPATTERN:
            needed = _sequence(list(av[-1]))
        elif op is _c.ATOMIC_GROUP:
            needed = _sequence(list(av))
        elif op is _c.BRANCH:
            branches = [_sequence(list(b)) for b in av[1]]
            if all(branches):
                needed = frozenset().union(*branches)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            lo, _hi, body = av
            needed = _sequence(list(body)) if lo >= 1 else None
        elif op is _c.IN and av and all(o is _c.LITERAL for o, _ in av):
            needed = frozenset(chr(v).lower() for _, v in av)
        if needed:
            options.append(needed)
    if run:
        options.append(frozenset(["".join(run)]))
    if not options:
        return None
    return max(options, key=lambda o: (min(_weight(s) for s in o), -len(o), sorted(o)))


class CompiledRegexes:
    """Every regex of one language. A rule's `prefilter` (its own, or one derived from its regex)
    names strings one of which must be in the lower-cased text for the regex to run at all: the
    strings of all active rules are looked for in one pass (`Literals`)."""

    def __init__(self, rules, lang: str):
        self.items = []
        for rule in rules:
            source = regex_for(rule, lang)
            if source is not None:
                pre = prefilter_regex(rule.spec.get("prefilter")) or derived_prefilter(
                    source, rule.examples.get("flag") or ())
                self.items.append((rule, regex.compile(source), rule.spec.get("group") or 0, pre))
        self._plans: dict[frozenset, RegexPlan] = {}

    possible = None  # prefilters are substrings, not words: checked in find()

    def screen_needles(self):
        return screen_needles(self.items)

    def unscreened(self, active: frozenset) -> bool:
        """Whether an active regex runs without a literal prefilter (none, or a `{regex: ...}` one)."""
        plan = self.plan(active)
        return bool(plan.always) or any(not screened for _item, _pattern, screened in plan.patterned)

    def plan(self, active: frozenset) -> RegexPlan:
        plan = self._plans.get(active)
        if plan is None:
            if len(self._plans) > 256:
                self._plans.clear()
            plan = self._plans[active] = RegexPlan([item for item in self.items if item[0].id in active])
        return plan

    def find(self, ctx: MatchContext) -> list[Hit]:
        hits = []
        shared = ctx.shared
        for rule, rx, group, _pre in self.plan(ctx.active).candidates(ctx):
            # a segment checked in several languages holds one text: a regex runs on it once
            key = ("regex", rx.pattern, group)
            spans = shared.get(key) if shared is not None else None
            if spans is None:
                spans = []
                try:
                    for m in rx.finditer(ctx.text, timeout=TIMEOUT):
                        s, e = m.span(group)
                        if e > s:
                            spans.append((s, e))
                except TimeoutError:
                    ctx.extra.setdefault("timeouts", []).append(rule.id)
                if shared is not None:
                    shared[key] = spans
            hits.extend(Hit(rule, s, e) for s, e in spans)
        return hits


def owner_of(item: tuple) -> str:
    """A plan item's owner: its rule's id (a regex rule) or its key (a signal)."""
    first = item[0]
    return first if isinstance(first, str) else first.id


def screen_needles(items):
    """(owner, literal, "literal") for the screen: an item's prefilter strings, or the literals its
    `{regex: ...}` prefilter needs (read from it as from any regex; "@" for '\\w@\\w')."""
    for item in items:
        for lit in screen_literals(item[-1]):
            yield owner_of(item), lit, "literal"


def screen_literals(pre: Prefilter | None) -> tuple[str, ...]:
    """A prefilter's needles for the screen (`Prefilter.needles`; none without a prefilter)."""
    return pre.needles if pre is not None else ()


class RegexPlan:
    """Regexes (or signals) with prefilters, sorted by how the prefilter is tested: no prefilter
    (always run), a cheap regex (tested one by one), literal strings (all found in one `Literals`
    pass, so a segment with none of them costs one scan, whatever the number of rules)."""

    __slots__ = ("order", "always", "patterned", "by_literal", "_literals", "by_owner")

    def __init__(self, items: list[tuple]):
        self.order = {id(item): i for i, item in enumerate(items)}
        self.always: list[tuple] = []  # no prefilter, or literals the screen cannot hold
        self.patterned: list[tuple] = []  # (item, prefilter pattern, whether the screen holds its literals)
        self.by_literal: dict[str, list[tuple]] = {}
        self.by_owner: dict[str, list[tuple]] = {}  # rule id (signal key) -> its literal-prefiltered items
        for item in items:
            pre = item[-1]
            if pre is None or pre.pattern is None and not pre.needles:
                self.always.append(item)
            elif pre.pattern is not None:
                self.patterned.append((item, pre.pattern, bool(pre.needles)))
            else:
                for lit in pre.strings:
                    self.by_literal.setdefault(lit, []).append(item)
                self.by_owner.setdefault(owner_of(item), []).append(item)
        self._literals: Literals | None = None  # built on first unscreened use (the engine screens)

    @property
    def literals(self) -> Literals:
        if self._literals is None:
            self._literals = Literals(self.by_literal)
        return self._literals

    def candidates(self, ctx: MatchContext) -> list[tuple]:
        """The items whose prefilter lets this segment through, in their original order. Screened
        (`ctx.live`), a literal prefilter is already answered: its owner is live or not."""
        out = list(self.always)
        live = ctx.live
        for item, pattern, screened in self.patterned:
            if screened and live is not None and owner_of(item) not in live:
                continue  # none of the pattern's literals in the segment
            if ctx.searches(pattern):
                out.append(item)
        if live is not None:
            for owner in live:
                items = self.by_owner.get(owner)
                if items:
                    out.extend(items)
        elif self.by_literal:
            found = ctx.literals_in(self.literals)
            if found:
                seen = {id(item) for item in out}
                for lit in found:
                    for item in self.by_literal[lit]:
                        if id(item) not in seen:
                            seen.add(id(item))
                            out.append(item)
        if len(out) > 1:
            out.sort(key=lambda item: self.order[id(item)])
        return out


def compile(rules, lang: str):
    compiled = CompiledRegexes(rules, lang)
    return compiled if compiled.items else None
