"""Precision and recall of the Southeast Asian packs on the labelled evaluation set (issue 7).

    python tests/eval/evaluate.py                 # table for every market in the set
    python tests/eval/evaluate.py --market th -v  # one market, listing every false positive/negative

`sea.jsonl` holds one labelled text per line: {"id", "market", "lang", "text", "expected": [categories],
"note", optional "sponsored" and "product"}. Half the texts are clean posts ("expected": []), written
to be hard (brand names, "best friend", temples, certified halal food, "PM" as a time...).

Scoring counts (text, category) pairs: a category the checker reports for a text but the label does
not expect is a false positive; an expected category the checker does not report is a false negative.
Only findings of severity `warning` or `error` count as predictions (`info` findings are notes, not
flags; `--min-severity info` counts them too).

Each text is checked with `checker.check_text(text, markets=[market], sponsored=..., product=...)`.
When the built-in packs do not load as a whole (a pack being edited has a YAML error, say), each
market is loaded on its own (the global pack plus that market's pack) so the markets that do load can
still be measured; a market whose pack does not load, or has no rules yet, is reported as skipped
with the reason.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PATH = HERE / "sea.jsonl"
try:  # run as a script from anywhere in the repository
    import checker  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(HERE.parents[1]))
    import checker  # noqa: F401

from checker.vocabulary import CATEGORIES, SEVERITY_RANK  # noqa: E402


def load_set(path: str | os.PathLike | None = None) -> list[dict]:
    items = []
    with open(path or DEFAULT_PATH, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            item = json.loads(line)
            unknown = set(item["expected"]) - set(CATEGORIES)
            if unknown:
                raise ValueError(f"{path or DEFAULT_PATH}:{n}: unknown categories {sorted(unknown)}")
            items.append(item)
    return items


# ---------------------------------------------------------------------------------------------------
# Loading the packs: all at once (checker.check_text), or market by market when that fails.


def _market_status(ruleset, market: str) -> str | None:
    """None when `market` can be measured, else the reason it cannot."""
    m = ruleset.markets.get(market)
    if m is None:
        return f"no pack for market {market!r} (rules/{market}/pack.yaml missing)"
    if not m.own_rules:
        return f"pack rules/{market} loads but has no rules yet"
    return None


def _isolated_checker(market: str):
    """A Checker over the global pack and `market`'s pack only, from a temporary folder of links."""
    from checker.engine import Checker
    from checker.rules import load_rules
    from checker.rules.packs import builtin_rules_dir

    root = Path(builtin_rules_dir())
    tmp = Path(tempfile.mkdtemp(prefix="reelcheck-eval-"))
    for name in ("global", market):
        if (root / name).is_dir():
            os.symlink(root / name, tmp / name)
    ruleset = load_rules(builtin_dir=tmp)
    return Checker(ruleset), ruleset


def prepare(markets) -> tuple[dict, dict, str | None]:
    """(check functions by market, skip reasons by market, whole-load error or None)."""
    from checker.rules import load_rules

    checks, skipped = {}, {}
    try:
        ruleset = load_rules()
        load_error = None
    except Exception as exc:  # PackError, YAML errors, schema errors
        ruleset, load_error = None, f"{type(exc).__name__}: {exc}"
    for market in markets:
        if ruleset is not None:
            reason = _market_status(ruleset, market)
            if reason:
                skipped[market] = reason
            else:
                checks[market] = _via_check_text(market)
            continue
        try:
            chk, rs = _isolated_checker(market)
        except Exception as exc:
            skipped[market] = f"pack does not load: {type(exc).__name__}: {exc}"
            continue
        reason = _market_status(rs, market)
        if reason:
            skipped[market] = reason
        else:
            checks[market] = _via_checker(chk, market)
    return checks, skipped, load_error


#: the sets are seller captions (each written as a shop's post): checked as posts that sell, unless an
#: item says `commercial: false`. Whether a post sells at all is measured on real posts
#: (tests/eval/real_posts.py), not here.
SELLER_CAPTIONS = True


def _via_check_text(market):
    def run(item):
        return checker.check_text(item["text"], markets=[market], sponsored=item.get("sponsored"),
                                  product=item.get("product"), language=item.get("language"),
                                  commercial=item.get("commercial", SELLER_CAPTIONS))
    return run


def _via_checker(chk, market):
    from checker.model import Document, Meta, Segment

    def run(item):
        text = item["text"]
        meta = Meta(markets=(market,), language=item.get("language"), sponsored=item.get("sponsored"),
                    product=item.get("product"), commercial=item.get("commercial", SELLER_CAPTIONS))
        doc = Document(path="<text>", segments=[Segment.whole(text, kind="caption")], meta=meta, text=text)
        return chk.check(doc)
    return run


# ---------------------------------------------------------------------------------------------------
# Scoring


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _cell(tp: int, fp: int, fn: int) -> dict:
    return {
        "tp": tp, "fp": fp, "fn": fn,
        "precision": _ratio(tp, tp + fp),  # None: nothing predicted
        "recall": _ratio(tp, tp + fn),  # None: nothing expected
    }


def evaluate(path=None, markets=None, min_severity: str = "warning") -> dict:
    """Run the set through the checker and return the figures.

    {"overall": cell, "markets": {m: cell}, "categories": {c: cell}, "market_categories": {m: {c: cell}},
     "skipped": {m: reason}, "load_error": str|None, "errors": [...], "false_positives": [...],
     "false_negatives": [...], "counts": {...}, "items": n}
    A cell is {"tp", "fp", "fn", "precision", "recall"}; a ratio is None when its denominator is 0.
    """
    items = load_set(path)
    wanted = list(dict.fromkeys(i["market"] for i in items))
    if markets:
        wanted = [m for m in wanted if m in set(markets)]
        items = [i for i in items if i["market"] in set(markets)]
    checks, skipped, load_error = prepare(wanted)
    floor = SEVERITY_RANK[min_severity]

    tally = defaultdict(lambda: [0, 0, 0])  # key -> [tp, fp, fn]
    fps, fns, errors = [], [], []
    counts = {"items": defaultdict(int), "clean": defaultdict(int), "languages": defaultdict(lambda: defaultdict(int))}
    for item in items:
        market = item["market"]
        counts["items"][market] += 1
        counts["clean"][market] += not item["expected"]
        counts["languages"][market][item.get("lang", "?")] += 1
        run = checks.get(market)
        if run is None:
            continue
        try:
            findings = run(item)
        except Exception as exc:
            errors.append({"id": item["id"], "error": f"{type(exc).__name__}: {exc}"})
            findings = []
        counted = [f for f in findings if SEVERITY_RANK.get(f.severity, 0) >= floor]
        predicted = {f.category for f in counted}
        expected = set(item["expected"])
        for cat in predicted | expected:
            k = 0 if cat in predicted and cat in expected else (1 if cat in predicted else 2)
            for key in (("all",), ("m", market), ("c", cat), ("mc", market, cat)):
                tally[key][k] += 1
            if k == 1:
                fps.append(_report(item, cat, [f for f in counted if f.category == cat]))
            elif k == 2:
                notes = [f for f in findings if f.category == cat]  # below-threshold findings, if any
                fns.append(_report(item, cat, notes))

    def cell(key):
        return _cell(*tally[key])

    return {
        "items": len(items),
        "overall": cell(("all",)),
        "markets": {m: cell(("m", m)) for m in wanted if m in checks},
        "categories": {c: cell(("c", c)) for c in CATEGORIES if any(tally[("c", c)])},
        "market_categories": {
            m: {c: cell(("mc", m, c)) for c in CATEGORIES if any(tally[("mc", m, c)])} for m in wanted if m in checks
        },
        "skipped": skipped,
        "load_error": load_error,
        "errors": errors,
        "false_positives": fps,
        "false_negatives": fns,
        "counts": {
            "items": dict(counts["items"]),
            "clean": dict(counts["clean"]),
            "languages": {m: dict(v) for m, v in counts["languages"].items()},
        },
        "min_severity": min_severity,
    }


def _report(item, category, findings) -> dict:
    return {
        "id": item["id"], "market": item["market"], "category": category, "text": item["text"],
        "expected": item["expected"], "note": item.get("note", ""),
        "findings": [{"rule": f.rule, "severity": f.severity, "text": f.text, "start": f.start, "end": f.end}
                     for f in findings],
    }


# ---------------------------------------------------------------------------------------------------
# Output


def _pct(x) -> str:
    return "   n/a" if x is None else f"{x * 100:5.1f}%"


def format_table(result: dict) -> str:
    lines = []
    head = f"{'':<22}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>9}"
    def row(name, c):
        lines.append(f"{name:<22}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}{_pct(c['precision']):>11}{_pct(c['recall']):>9}")

    lines.append(f"Evaluation set: {result['items']} texts; counting findings of severity >= {result['min_severity']}")
    if result["load_error"]:
        lines.append(f"note: the packs do not load together ({result['load_error']}); markets loaded one by one")
    lines.append("")
    lines.append("By market")
    lines.append(head)
    for m, c in result["markets"].items():
        row(m, c)
    for m, reason in result["skipped"].items():
        lines.append(f"{m:<22}skipped: {reason}")
    row("overall", result["overall"])
    lines.append("")
    lines.append("By category (markets measured)")
    lines.append(head)
    for cat, c in result["categories"].items():
        row(cat, c)
    lines.append("")
    lines.append("By market and category")
    lines.append(head)
    for m, cats in result["market_categories"].items():
        for cat, c in cats.items():
            row(f"{m} {cat}", c)
    if result["errors"]:
        lines.append("")
        lines.append(f"{len(result['errors'])} texts raised errors:")
        for e in result["errors"]:
            lines.append(f"  {e['id']}: {e['error']}")
    return "\n".join(lines)


def format_errors(result: dict) -> str:
    lines = []
    by_market = defaultdict(lambda: ([], []))
    for r in result["false_positives"]:
        by_market[r["market"]][0].append(r)
    for r in result["false_negatives"]:
        by_market[r["market"]][1].append(r)
    for market in sorted(by_market):
        fps, fns = by_market[market]
        lines.append(f"== {market}: {len(fps)} false positives, {len(fns)} false negatives")
        for label, rows in (("FP", fps), ("FN", fns)):
            for r in rows:
                exp = ",".join(r["expected"]) or "clean"
                lines.append(f"  {label} {r['id']} [{r['category']}] (expected: {exp}) {r['text']}")
                if label == "FN":
                    lines.append(f"       why expected: {r['note']}")
                for f in r["findings"]:
                    lines.append(f"       {f['rule']} ({f['severity']}) {f['text']!r} @{f['start']}-{f['end']}")
                if label == "FN" and r["findings"]:
                    lines.append("       (findings above are below the severity threshold)")
    return "\n".join(lines)


def format_counts(result: dict) -> str:
    c = result["counts"]
    lines = ["Set composition"]
    for m, n in c["items"].items():
        clean = c["clean"].get(m, 0)
        langs = ", ".join(f"{k} {v}" for k, v in sorted(c["languages"][m].items(), key=lambda kv: -kv[1]))
        lines.append(f"  {m}: {n} texts, {clean} clean ({clean / n:.0%}); {langs}")
    total = sum(c["items"].values())
    clean = sum(c["clean"].values())
    lines.append(f"  all: {total} texts, {clean} clean ({clean / total:.0%})")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--market", action="append", help="only this market (repeatable)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false positive and false negative")
    ap.add_argument("--path", default=None, help=f"evaluation set (default {DEFAULT_PATH})")
    ap.add_argument("--min-severity", choices=tuple(SEVERITY_RANK), default="warning",
                    help="lowest finding severity that counts as a prediction (default warning)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    result = evaluate(args.path, markets=args.market, min_severity=args.min_severity)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(format_counts(result))
    print()
    print(format_table(result))
    if args.verbose:
        print()
        print(format_errors(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
