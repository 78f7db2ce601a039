"""Run the `examples` of rules: every `flag` example must raise its rule, every `pass` must not.

Examples are read as commercial posts (an example can say `commercial: false`, or leave it to the
post's signals with `commercial: null`).

Used by the test suite (every built-in pack) and by `reelcheck rules test` (a team's own packs).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check import check_item
from ..model import Document, Meta, Segment
from ..vocabulary import selected_by


@dataclass(frozen=True)
class ExampleResult:
    rule: str
    expect: str  # flag | pass
    text: str
    ok: bool
    found: tuple[str, ...]  # what the rule matched (flag) or wrongly matched (pass)
    span: tuple[int, int] | None = None  # the words a flag example pins

    def describe(self) -> str:
        if self.expect == "flag" and self.span and self.found:
            s, e = self.span
            return (f"{self.rule}: flag example flagged {', '.join(map(repr, self.found))}, not the pinned "
                    f"{self.text[s:e]!r}: {self.text!r}")
        if self.expect == "flag":
            return f"{self.rule}: flag example not flagged: {self.text!r}"
        return f"{self.rule}: pass example flagged ({', '.join(self.found)}): {self.text!r}"


def example_document(rule, example, market: str) -> Document:
    if isinstance(example, str):
        example = {"text": example}
    text = example["text"]
    kind = example.get("kind") or ("caption" if "caption" in rule.applies_to else sorted(rule.applies_to)[0])
    meta = Meta(
        markets=tuple(example.get("markets") or (market,)),
        language=example.get("language"),
        sponsored=example.get("sponsored"),
        product=example.get("product"),
        platform=example.get("platform"),
        account=example.get("account"),
        # an example is a post that sells, unless it says otherwise: what a rule finds in an ad, and
        # what it leaves alone even there
        commercial=example.get("commercial", True),
    )
    fmt = example.get("format")
    if fmt in ("script", "srt", "vtt"):
        import io

        from ..sources import SourceOptions, iter_documents

        options = SourceOptions(input_format={"script": "markdown"}.get(fmt, fmt), meta=meta)
        for item in iter_documents(["-"], options, stdin=io.StringIO(text)):
            if isinstance(item, Document):
                return item
        raise ValueError(f"{rule.id}: example could not be read as {fmt}: {text!r}")
    return Document(path="<example>", segments=[Segment.whole(text, kind=kind)], meta=meta, text=text)


def markets_for(ruleset, rule) -> str:
    if rule.pack in ruleset.markets and rule.id in ruleset.effective(rule.pack):
        return rule.pack
    for code in ruleset.market_codes():
        if rule.id in ruleset.effective(code):
            return code
    return rule.pack


def run_rule_examples(checker, rule) -> list[ExampleResult]:
    market = markets_for(checker.ruleset, rule)
    results = []
    for expect in ("flag", "pass"):
        for example in rule.examples[expect]:
            document = example_document(rule, example, market)
            result = check_item(checker, document)
            mine = (rule.id,)  # (require rules report <id>.missing, <id>.buried...)
            # (a finding of the rule merged into another rule's, over the same words or around them, is
            # named in its `related`, and its words in its `rule_spans()`: `engine.merge_findings`)
            ours = [f for f in result.findings
                    if selected_by(f.rule, mine) or any(selected_by(r, mine) for r in f.related)]
            found = tuple(f.text or f.rule for f in ours)
            trouble = tuple(e.message for e in result.errors())  # a rule that timed out, a failed check
            span = None if isinstance(example, str) else example.get("span")
            if span is not None:  # the rule's finding must cover exactly the pinned words
                hit = any((start, end) == tuple(span) for f in ours for rule_id, start, end in f.rule_spans()
                          if selected_by(rule_id, mine))
            else:
                hit = bool(found)
            ok = (hit if expect == "flag" else not found) and not trouble
            found += trouble
            text = example if isinstance(example, str) else example["text"]
            results.append(ExampleResult(rule.id, expect, text, ok, found, span and tuple(span)))
    return results
