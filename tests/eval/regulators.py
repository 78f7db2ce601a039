"""Recall and precision on real regulator cases (issue 15).

    python tests/eval/regulators.py                  # both splits, tables per split, category, market
    python tests/eval/regulators.py --split report   # the held-out half only
    python tests/eval/regulators.py --split tune -v  # list every miss and false alarm
    (the lists name a report-half item by its id, never by its text)
    python tests/eval/regulators.py --markdown       # the tables for docs/quality.md

`regulator_cases.jsonl` holds one case per line: {"id", "market", "language", "text", "category",
"claim_type", "verdict" ("violation" | "clean"), "regulator", "decision", "date", "source", "split"},
and "quoted": false where the text paraphrases a source that describes the claim without quoting it.
Texts are short quotes from published rulings, warning letters, regulator notices and platform guidance;
`source` is the page they were taken from. A "clean" item is wording a regulator accepted (an ASA
complaint not upheld) or the allowed example next to a prohibited one in the same guidance.

Scoring is per item: an item counts as flagged when the checker reports at least one finding of the
item's own `category` at `warning` or `error` severity (`info` findings are notes, not flags). A flagged
violation is a true positive, an unflagged one a false negative; a flagged clean item is a false
positive, an unflagged one a true negative. Findings of other categories do not count either way.

The split is fixed by the source URL (see `split_of`), so every claim quoted from one ruling lands in the
same half; the script checks that the stored `split` agrees with the rule. Tune the packs on `tune`,
report on `report`. No network; the whole set runs in well under a minute.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PATH = HERE / "regulator_cases.jsonl"
CATEGORIES = ("claim", "disclosure", "music", "taboo", "offplatform", "pricing", "engagement")
VERDICTS = ("violation", "clean")
SPLITS = ("tune", "report")
REQUIRED = ("id", "market", "language", "text", "category", "claim_type", "verdict", "regulator",
            "decision", "date", "source", "split")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}

try:  # run as a script from anywhere in the repository
    import checker
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(HERE.parents[1]))
    import checker


def split_of(source: str) -> str:
    """'tune' when the SHA-256 of the source URL (UTF-8) is even as an integer, else 'report'."""
    return "tune" if int(hashlib.sha256(source.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "report"


def load_cases(path: str | os.PathLike | None = None) -> list[dict]:
    path = path or DEFAULT_PATH
    items, seen = [], set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            item = json.loads(line)
            where = f"{path}:{n}"
            missing = [k for k in REQUIRED if k not in item]
            if missing:
                raise ValueError(f"{where}: missing fields {missing}")
            if item["category"] not in CATEGORIES:
                raise ValueError(f"{where}: unknown category {item['category']!r}")
            if item["verdict"] not in VERDICTS:
                raise ValueError(f"{where}: verdict must be one of {VERDICTS}")
            if item["split"] != split_of(item["source"]):
                raise ValueError(f"{where}: split {item['split']!r} disagrees with the source-hash rule")
            if item["id"] in seen:
                raise ValueError(f"{where}: duplicate id {item['id']!r}")
            seen.add(item["id"])
            items.append(item)
    return items


def make_runner():
    """A function item -> findings. checker.check_text when it has the expected signature, else a
    Checker from checker.load_checker() over a one-segment Document (as tests/eval/evaluate.py does)."""
    # every case is an advertisement a regulator ruled on: checked as a post that sells (whether a post
    # sells at all is measured on real posts, tests/eval/real_posts.py)
    try:
        checker.check_text("ok", markets=["uk"], language="en", commercial=True)

        def run(item):
            return checker.check_text(item["text"], markets=[item["market"]], language=item.get("language"),
                                      commercial=True)
        return run
    except TypeError:
        pass
    from checker.model import Document, Meta, Segment

    chk = checker.load_checker()

    def run(item):  # pragma: no cover - only when the API has moved
        text = item["text"]
        meta = Meta(markets=(item["market"],), language=item.get("language"), commercial=True)
        doc = Document(path="<text>", segments=[Segment.whole(text, kind="caption")], meta=meta, text=text)
        out = chk.check(doc)
        return getattr(out, "findings", out)
    return run


def _ratio(num: int, den: int):
    return num / den if den else None


class Cell:
    __slots__ = ("items", "tp", "fp", "fn", "tn")

    def __init__(self):
        self.items = self.tp = self.fp = self.fn = self.tn = 0

    def add(self, outcome: str):
        self.items += 1
        setattr(self, outcome, getattr(self, outcome) + 1)

    @property
    def recall(self):
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def precision(self):
        return _ratio(self.tp, self.tp + self.fp)

    def as_dict(self) -> dict:
        return {"items": self.items, "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "recall": self.recall, "precision": self.precision}


def evaluate(path=None, split: str = "all", min_severity: str = "warning") -> dict:
    """{"splits": {split: {"all": cell, "categories": {c: cell}, "markets": {m: cell}, "claim_types": {t: cell}}},
        "misses": [...], "false_alarms": [...], "errors": [...], "seconds": float}; cells as dicts."""
    started = time.monotonic()
    items = load_cases(path)
    if split != "all":
        items = [i for i in items if i["split"] == split]
    run = make_runner()
    floor = SEVERITY_RANK[min_severity]
    cells = defaultdict(Cell)
    misses, false_alarms, errors = [], [], []
    for item in items:
        try:
            findings = run(item)
        except Exception as exc:  # one broken item must not hide the rest
            errors.append({"id": item["id"], "error": f"{type(exc).__name__}: {exc}"})
            findings = []
        hits = [f for f in findings
                if f.category == item["category"] and SEVERITY_RANK.get(f.severity, 0) >= floor]
        violation = item["verdict"] == "violation"
        outcome = ("tp" if hits else "fn") if violation else ("fp" if hits else "tn")
        for sp in ((item["split"], "all") if split == "all" else (item["split"],)):
            for key in ((sp, "all", ""), (sp, "categories", item["category"]), (sp, "markets", item["market"]),
                        (sp, "claim_types", item["claim_type"])):
                cells[key].add(outcome)
        if outcome == "fn":
            other = sorted({f"{_rule(f)}:{f.severity}" for f in findings})
            misses.append({**_brief(item), "other_findings": other})
        elif outcome == "fp":
            false_alarms.append({**_brief(item), "findings": sorted({f"{_rule(f)}:{f.severity}" for f in hits})})
    out = {"splits": {}, "misses": misses, "false_alarms": false_alarms, "errors": errors}
    for (sp, kind, name), cell in sorted(cells.items()):
        block = out["splits"].setdefault(sp, {"all": None, "categories": {}, "markets": {}, "claim_types": {}})
        if kind == "all":
            block["all"] = cell.as_dict()
        else:
            block[kind][name] = cell.as_dict()
    out["seconds"] = time.monotonic() - started
    return out


def _rule(finding) -> str:
    return getattr(finding, "rule", None) or getattr(finding, "rule_id", "?")


HELD_OUT = "(held out: the report half's texts are not printed)"


def _brief(item: dict) -> dict:
    """An item as listed among the misses and false alarms: a report-half item without its text, so that
    no listing (`-v`, `--json`) shows the held-out half to whoever tunes the packs."""
    brief = {k: item[k] for k in ("id", "split", "market", "category", "claim_type", "verdict", "text")}
    if item["split"] == "report":
        brief["text"] = HELD_OUT
    return brief


def _fmt(x) -> str:
    return "   -" if x is None else f"{x:.2f}"


def _table(title: str, rows: dict) -> list[str]:
    lines = [f"  {title:<18} {'items':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'recall':>7} {'prec':>6}"]
    for name, c in rows.items():
        lines.append(f"  {name:<18} {c['items']:>5} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {c['tn']:>4} "
                     f"{_fmt(c['recall']):>7} {_fmt(c['precision']):>6}")
    return lines


def render(result: dict, verbose: bool = False) -> str:
    lines = []
    order = [s for s in (*SPLITS, "all") if s in result["splits"]]
    for sp in order:
        block = result["splits"][sp]
        lines.append(f"split {sp}")
        lines += _table("overall", {"all": block["all"]})
        lines += _table("category", dict(sorted(block["categories"].items())))
        lines += _table("market", dict(sorted(block["markets"].items())))
        if verbose:
            lines += _table("claim type", dict(sorted(block["claim_types"].items())))
        lines.append("")
    if result["errors"]:
        lines.append(f"{len(result['errors'])} items raised errors:")
        lines += [f"  {e['id']}: {e['error']}" for e in result["errors"]]
    if verbose:
        lines.append(f"misses (violations not flagged in their category): {len(result['misses'])}")
        for m in result["misses"]:
            other = f"  [other: {', '.join(m['other_findings'])}]" if m["other_findings"] else ""
            lines.append(f"  {m['id']} ({m['split']}, {m['market']}, {m['category']}/{m['claim_type']}): "
                         f"{m['text']}{other}")
        lines.append(f"false alarms (clean items flagged): {len(result['false_alarms'])}")
        for m in result["false_alarms"]:
            lines.append(f"  {m['id']} ({m['split']}, {m['market']}, {m['category']}): {m['text']}  "
                         f"[{', '.join(m['findings'])}]")
    lines.append(f"({result['seconds']:.1f}s)")
    return "\n".join(lines)


def render_markdown(result: dict) -> str:
    """The tables for docs/quality.md: per split, overall, per category, market and claim type."""
    def table(title: str, rows: dict) -> list[str]:
        out = [f"| {title} | items | TP | FP | FN | TN | recall | precision |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, c in rows.items():
            out.append(f"| {name} | {c['items']} | {c['tp']} | {c['fp']} | {c['fn']} | {c['tn']} | "
                       f"{_fmt(c['recall']).strip()} | {_fmt(c['precision']).strip()} |")
        return out + [""]

    lines = []
    for sp in [s for s in (*SPLITS, "all") if s in result["splits"]]:
        block = result["splits"][sp]
        lines += [f"#### {sp.capitalize()} half (`--split {sp}`)" if sp != "all" else "#### Both halves", ""]
        lines += table("overall", {"all": block["all"]})
        lines += table("category", dict(sorted(block["categories"].items())))
        lines += table("market", dict(sorted(block["markets"].items())))
        lines += table("claim type", dict(sorted(block["claim_types"].items())))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--path", default=None, help="JSON Lines file (default: regulator_cases.jsonl)")
    ap.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    ap.add_argument("--min-severity", choices=tuple(SEVERITY_RANK), default="warning",
                    help="lowest severity that counts as a flag (default: warning)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--markdown", action="store_true", help="print the tables for docs/quality.md")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also a table per claim type, and every miss and false alarm")
    args = ap.parse_args(argv)
    try:
        result = evaluate(args.path, args.split, args.min_severity)
    except ValueError as exc:  # a malformed case file
        print(f"regulators.py: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the packs or the engine do not load: say so in one line
        print(f"regulators.py: the checker does not load: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    elif args.markdown:
        print(render_markdown(result))
    else:
        print(render(result, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
