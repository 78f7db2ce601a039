"""What the word check of Chinese and Thai hits (checker/segment.py) changes, measured with it on and off.

    python tests/eval/segmentation.py [--corpus ../shared/corpus/real-posts-dev.jsonl] [--split tune|report|all]

Two sets of texts, each checked twice (the word check on, and off: every character hit kept):

- the packs' own examples (flag and pass, every rule with Chinese or Thai examples), checked as the
  selftest checks them (a post that sells, in the rule's market): findings of the example's rule
  that the word check drops are listed; a dropped flag example would be a lost hit;
- the corpus posts in zh and th, every post declared commercial (what the rules find before the
  commercial context decides): findings dropped, per rule, with post ids and the dropped words'
  offsets only (third parties' texts are never printed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script from anywhere in the repository

import checker  # noqa: E402
from checker import segment  # noqa: E402
from checker.check import check_item  # noqa: E402
from checker.model import Document, Meta, Segment  # noqa: E402
from checker.rules.selftest import example_document, markets_for  # noqa: E402

CORPUS = HERE.parents[2] / "shared" / "corpus" / "real-posts-dev.jsonl"
SCRIPT = {"zh": "\u4e00-\u9fff", "th": "\u0e00-\u0e7f"}


def split_of(post_id: str) -> str:
    return "tune" if int(hashlib.sha256(post_id.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "report"


def findings(chk, document, on: bool):
    saved = segment.POLICY
    segment.POLICY = saved if on else {}
    try:
        return {(f.rule, f.start, f.end) for f in check_item(chk, document).findings}
    finally:
        segment.POLICY = saved


def lang_of(text: str) -> str | None:
    import re

    for lang, chars in SCRIPT.items():
        if re.search(f"[{chars}]", text):
            return lang
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--split", choices=("tune", "report", "all"), default="all")
    args = ap.parse_args(argv)
    chk = checker.load_checker()
    policy = dict(segment.POLICY)
    print(f"word check: {policy}")

    print("\n== Pack examples (checked as posts that sell)")
    counts: Counter = Counter()
    for rule in sorted(chk.ruleset.rules.values(), key=lambda r: r.id):
        market = markets_for(chk.ruleset, rule)
        for expect in ("flag", "pass"):
            for example in rule.examples[expect]:
                text = example if isinstance(example, str) else example["text"]
                lang = lang_of(text)
                if lang is None:
                    continue
                doc = example_document(rule, example, market)
                off = findings(chk, doc, False)
                on = findings(chk, doc, True)
                counts[(lang, expect, "examples")] += 1
                counts[(lang, expect, "findings off")] += len(off)
                counts[(lang, expect, "findings on")] += len(on)
                mine_off = any(r.startswith(rule.id) for r, _, _ in off)
                mine_on = any(r.startswith(rule.id) for r, _, _ in on)
                if mine_off and not mine_on:
                    counts[(lang, expect, "own rule dropped")] += 1
                    print(f"  {lang} {expect} example of {rule.id}: its finding dropped: {text!r}")
                for r, s, e in sorted(off - on):
                    print(f"  {lang} {expect} example of {rule.id}: drops {r} on {text[s:e]!r}")
    for lang in SCRIPT:
        for expect in ("flag", "pass"):
            n = counts[(lang, expect, "examples")]
            print(f"  {lang} {expect}: {n} examples, findings {counts[(lang, expect, 'findings off')]} -> "
                  f"{counts[(lang, expect, 'findings on')]}, own rule's finding dropped in "
                  f"{counts[(lang, expect, 'own rule dropped')]}")

    if args.corpus.exists():
        print(f"\n== Corpus posts in zh and th, declared commercial ({args.corpus.name}, split {args.split})")
        dropped: Counter = Counter()
        posts = hit = 0
        total: Counter = Counter()
        with args.corpus.open(encoding="utf-8") as fh:
            for line in fh:
                p = json.loads(line)
                if p.get("language") not in SCRIPT or (args.split != "all" and split_of(p["id"]) != args.split):
                    continue
                posts += 1
                doc = Document(path="<post>", segments=[Segment.whole(p["text"])], text=p["text"],
                               meta=Meta(markets=(p["market"],), language=p["language"], commercial=True))
                off, on = findings(chk, doc, False), findings(chk, doc, True)
                total[(p["language"], "off")] += len(off)
                total[(p["language"], "on")] += len(on)
                hit += bool(off)
                for r, s, e in sorted(off - on):
                    dropped[(p["language"], r)] += 1
                    print(f"  {p['id']}: drops {r} at {s}-{e}")
        print(f"  {posts} posts, {hit} with a finding without the word check")
        for lang in SCRIPT:
            print(f"  {lang}: findings {total[(lang, 'off')]} -> {total[(lang, 'on')]}")
        for (lang, r), n in sorted(dropped.items()):
            print(f"  {lang} {r}: {n} dropped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
