"""How many obfuscated variants of the packs' own flag examples are still found, per obfuscation class
(issue 16), and how the evasion layer behaves on real posts.

    python tests/eval/evasion.py            # the generated set, per class, tune and report halves
    python tests/eval/evasion.py --corpus   # also: obfuscated findings on the real posts of /work/shared/corpus

The set is generated here (seeded, so every run makes the same one) from the flag examples with a
pinned span of every term and regex rule: one word of the pinned words (or, for the Chinese and
Vietnamese classes, the pinned words themselves) is written the way sellers hide it. A variant is
*caught* when the rule still reports exactly the pinned words as now written, and says they were
obfuscated (`obfuscation` on the finding; `traditional` characters are read without being called
obfuscated, so there the span alone counts). Variants are split into a tune half and a report half by
the sha256 of their id (first 8 hex digits even: tune), as the other evaluation scripts do; the layer
was developed against its own unit tests, and the report half was not looked at while tuning.

Classes whose writing does not apply to an example (a word without a letter that has a look-alike,
say) make no variant of it. `--corpus` runs the real posts (development half) and prints how many
findings each class produced there: real posts are rarely obfuscated, so a finding there is worth
reading (the figures say how often, not whether each is right).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.check import check_item  # noqa: E402
from checker.engine import Checker  # noqa: E402
from checker.evasion import CLASSES, strip_marks  # noqa: E402
from checker.model import Document, Meta, Segment  # noqa: E402
from checker.rules import load_rules  # noqa: E402
from checker.rules.selftest import markets_for  # noqa: E402

SEED = 16
CORPUS = ROOT.parent / "shared" / "corpus" / "real-posts-dev.jsonl"
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u202e", "\u034f", "\u180e", "\u061c", "\u00ad",
             "\U000e0020"]
LOOK_ALIKES = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "A": "А",
               "B": "В", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т", "X": "Х"}
LEET = {"a": "@", "e": "3", "o": "0", "s": "$", "i": "1", "t": "7", "l": "1"}
SEPARATORS = [".", "-", "*", "\u2728", "\u2022", "_", "/"]
HAN_SEPARATORS = [" ", "*", "\u00b7", ".", "\u2764", "~"]
NUMERALS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
WORD = re.compile(r"(?<![\w'\-])[A-Za-z]{4,}(?![\w'\-])")


def tune_half(variant_id: str) -> bool:
    return int(hashlib.sha256(variant_id.encode()).hexdigest()[:8], 16) % 2 == 0


def _word_variants(rng: random.Random, word: str) -> dict[str, str]:
    out = {}
    out["separator"] = rng.choice(SEPARATORS).join(word)
    out["spacing"] = " ".join(word)
    at = rng.randint(1, len(word) - 1)
    out["invisible"] = word[:at] + rng.choice(INVISIBLE) + word[at:]
    places = [i for i, c in enumerate(word) if c in LOOK_ALIKES]
    if places:
        i = rng.choice(places)
        out["homoglyph"] = word[:i] + LOOK_ALIKES[word[i]] + word[i + 1:]
    places = [i for i, c in enumerate(word.lower()) if c in LEET]
    if places:
        i = rng.choice(places)
        out["leet"] = word[:i] + LEET[word[i].lower()] + word[i + 1:]
    i = rng.randrange(len(word))
    out["repeat"] = word[:i + 1] + word[i] * rng.randint(3, 5) + word[i + 1:]
    if len(word) >= 6:
        at = rng.randint(3, len(word) - 3)
        out["split"] = word[:at] + " " + word[at:]
    return out


def generate(ruleset, vocab_words) -> list[dict]:
    """The variants: {id, rule, market, language, class, text, span, original}."""
    rng = random.Random(SEED)
    out = []
    try:
        from opencc import OpenCC

        s2t = OpenCC("s2t").convert
    except ImportError:  # (the reading itself uses only the package's table)
        s2t = None
    for rule in sorted(ruleset.rules.values(), key=lambda r: r.id):
        if rule.kind not in ("terms", "regex"):
            continue
        market = markets_for(ruleset, rule)
        for n, example in enumerate(rule.examples["flag"]):
            if isinstance(example, str) or "span" not in example:
                continue
            if any(k in example for k in ("sponsored", "product", "platform", "account", "kind", "format")):
                continue
            text, (s, e) = example["text"], example["span"]
            lang = example.get("language")
            pinned = text[s:e]

            # (in the part of a post the rule looks at, as its examples are run: a stage direction, say)
            kind = "caption" if "caption" in rule.applies_to else sorted(rule.applies_to)[0]
            # (and in the markets it names, as it is run: a global rule's Indonesian example in `id`)
            markets = tuple(example.get("markets") or (market,))
            base = {"rule": rule.id, "market": markets, "language": lang, "original": text, "n": n, "kind": kind}

            def add(cls, new_text, new_span, base=base):
                out.append(base | {"id": f"{base['rule']}#{base['n']}:{cls}", "class": cls, "text": new_text,
                                   "span": new_span})

            if re.search(r"[\u4e00-\u9fff]", pinned):  # Chinese: separators, numerals, traditional
                if len(pinned) >= 2:
                    at = rng.randint(1, len(pinned) - 1)
                    written = pinned[:at] + rng.choice(HAN_SEPARATORS) + pinned[at:]
                    add("separator", text[:s] + written + text[e:], (s, s + len(written)))
                    at = rng.randint(1, len(pinned) - 1)
                    written = pinned[:at] + rng.choice(INVISIBLE[:6]) + pinned[at:]
                    add("invisible", text[:s] + written + text[e:], (s, s + len(written)))
                digits = [i for i, c in enumerate(pinned) if c in NUMERALS and c != "〇"]
                if digits:
                    i = digits[0]
                    written = pinned[:i] + NUMERALS[pinned[i]] + pinned[i + 1:]
                    add("numeral", text[:s] + written + text[e:], (s, e))
                if s2t is not None:
                    trad = s2t(text)
                    if trad != text and len(trad) == len(text) and trad[s:e] != pinned:
                        add("traditional", trad, (s, e))
                continue
            if lang in (None, "vi") and "vn" in markets and strip_marks(pinned) != pinned:
                add("unaccented", text[:s] + strip_marks(pinned) + text[e:], (s, e))
                if len(strip_marks(text)) == len(text):  # (the whole post typed without diacritics)
                    add("unaccented_text", strip_marks(text), (s, e))
            if not text.isascii():
                continue
            words = [m for m in WORD.finditer(text) if s <= m.start() and m.end() <= e
                     and m.group().lower() in vocab_words]
            if not words:
                continue
            m = rng.choice(words)
            bounded = (m.start() == 0 or text[m.start() - 1] == " ") and (m.end() == len(text) or text[m.end()] == " ")
            for cls, written in _word_variants(rng, m.group()).items():
                if cls == "spacing" and not bounded:
                    continue
                add(cls, text[:m.start()] + written + text[m.end():], (s, e + len(written) - len(m.group())))
    digits = "0812 345 6789"
    for n, (before, after) in enumerate([("Order now, call ", " today"), ("WA ", " for wholesale"),
                                         ("Hubungi ", " ya kak"), ("Gọi ", " để đặt hàng")]):
        written = " ".join(digits.replace(" ", ""))
        for market in ("us", "id", "vn"):
            out.append({"id": f"phone#{n}:{market}:digits", "rule": "global.offplatform.phone_number", "kind": "caption",
                        "market": market, "language": None, "class": "digits",
                        "text": before + written + after, "span": (len(before), len(before) + len(written)),
                        "original": before + digits + after})
    return out


def check(checker, variant) -> tuple[bool, bool]:
    """(found at the exact span, and said to be obfuscated)."""
    doc = Document("-", [Segment.whole(variant["text"], kind=variant["kind"])],
                   Meta(markets=tuple(variant["market"]) if isinstance(variant["market"], (list, tuple))
                        else (variant["market"],), language=variant["language"], commercial=True))
    rule = variant["rule"]
    for f in check_item(checker, doc).findings:
        if (f.rule == rule or rule in f.related) and (f.start, f.end) == tuple(variant["span"]):
            return True, bool(f.obfuscation) or variant["class"] == "traditional"
    return False, False


def corpus_figures(checker) -> None:
    if not CORPUS.is_file():
        print(f"(no corpus at {CORPUS})")
        return
    posts = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    by_class: Counter = Counter()
    findings = obfuscated = 0
    examples = defaultdict(list)
    for post in posts:
        doc = Document("-", [Segment.whole(post["text"])], Meta(markets=(post["market"],)))
        for f in check_item(checker, doc).findings:
            findings += 1
            if f.obfuscation:
                obfuscated += 1
                for how in f.obfuscation["how"]:
                    by_class[how] += 1
                    examples[how].append((f.rule, post["id"]))
    print(f"\nreal posts: {len(posts)}; findings {findings}; said to be obfuscated {obfuscated}")
    for cls in CLASSES:
        if by_class[cls]:
            print(f"  {cls:12} {by_class[cls]:4}  e.g. {examples[cls][:3]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="store_true", help="also count obfuscated findings on the real posts")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the variants missed")
    args = ap.parse_args()
    ruleset = load_rules()
    checker = Checker(ruleset)
    from checker.evasion import vocabulary

    words = vocabulary(checker.compiled.for_language("en")).words
    variants = generate(ruleset, words)
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    missed = []
    for v in variants:
        half = "tune" if tune_half(v["id"]) else "report"
        hit, said = check(checker, v)
        row = table[(v["class"], half)]
        row[0] += 1
        row[1] += hit
        row[2] += hit and said
        if not (hit and said):
            missed.append((half, v["class"], v["rule"], v["text"], hit))
    print(f"{len(variants)} obfuscated variants of the packs' flag examples (seed {SEED})\n")
    print(f"{'class':15} {'half':6} {'variants':>8} {'found':>7} {'caught':>7}  share caught")
    for cls in [*CLASSES, "unaccented_text"]:  # (the last: a whole Vietnamese post without diacritics)
        for half in ("tune", "report"):
            n, hit, caught = table.get((cls, half), [0, 0, 0])
            if n:
                print(f"{cls:15} {half:6} {n:8} {hit:7} {caught:7}  {caught / n:6.1%}")
    for half in ("tune", "report"):
        n = sum(v[0] for (c, h), v in table.items() if h == half)
        caught = sum(v[2] for (c, h), v in table.items() if h == half)
        print(f"{'all':15} {half:6} {n:8} {'':7} {caught:7}  {caught / n:6.1%}")
    if args.verbose:
        print("\nmissed (found = the rule fired at the exact span but did not say it was obfuscated):")
        for half, cls, rule, text, hit in missed:
            if half == "tune":
                print(f"  {cls:11} {rule:45} found={hit!s:5} {text!r}")
    if args.corpus:
        corpus_figures(checker)


if __name__ == "__main__":
    main()
