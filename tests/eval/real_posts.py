"""How often reelcheck cries wolf on real posts nobody wrote for it, and how it fares on a reviewer's verdicts (issue 14).

    python tests/eval/real_posts.py ../shared/corpus/real-posts-dev.jsonl
    python tests/eval/real_posts.py ../shared/corpus/real-posts-dev.jsonl \\
        --judged ../shared/corpus/real-posts-judged-dev.jsonl --split report --markdown

PATH is a JSONL of posts: `id` (`source:original id`; the part before the first `:` is the source),
`market`, `language`, `text`, `source`. The posts are third parties' texts: the script reads them where
they are and prints ids, rule ids and figures only, never a post's text.

Each post is checked once for its market with its declared language, as one caption (see
`check_post`). Printed per source and per language: posts, the share with at least one error, with at
least one warning, with any finding, and the rules that flag the most posts.

`--judged FILE` (the format of `real-posts-judged-dev.jsonl`) adds:

- per category, the reviewer's verdicts on single findings (TP, FP, INFO = a real pattern but not a
  violation or too severe, counted apart) and how many of them still fire now; precision is
  TP / (TP + FP) of the judged findings that fire;
- judged false positives still firing, judged true positives still found (single findings plus whole
  flagged posts of `census_all_flagged_in_source`);
- `targeted_miss` posts now found (a finding of the missed category, at any severity), and judged
  clean `unflagged_random` posts that are now flagged.

A judged finding **still fires** when a finding of the same rule, or of a rule of the same category,
flags the same post and overlaps an occurrence of the judged `match` (case-insensitive; a judged
finding with an empty match, such as a missing-disclosure finding, only needs the same post). A
judgement may give `start`/`end` (offsets into the post) instead of `match`, as the project's own
judgements do (tests/eval/judged-precision-dev.jsonl: ids, offsets and verdicts, never a post's text);
`"run": "commercial"` judges a finding made with the post declared commercial, and is checked again so. A census
post still fires when one of its judged rules, or a rule of the same category, flags it anywhere.
"Fires" counts every severity; the columns `>=warn` count only warnings and errors (an `info` note on a
post that sells nothing is not crying wolf). Judged findings of `"run": "nolang"` were made with no
language given, and are checked again that way.

With judgements (`--judged` and the project's own `judged-precision-dev.jsonl` beside this script, or
`--right-errors FILE`, repeatable), each "posts with an error" target of an ordinary source is repeated without the posts
whose every error a judge called right (a TP finding of that rule at error level): these sources hold
a few sellers' posts, and an error there is the rule doing its job. Unjudged errors count as wrong.
The raw figure stays the target; the second row says how much of it is crying wolf.

`--no-language` checks every post without its declared language, as an archive without a language
column is checked (the issue's first measurements were made that way for the tweets).

`--split tune|report` keeps half of the posts, chosen by a hash of the id (sha256 of the UTF-8 id, first
8 hex digits as an integer: even = tune, odd = report), so both halves hold every source in about equal
parts and a post never changes half; judgements follow their post. `--markdown` prints the tables as
Markdown for docs/quality.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OWN_JUDGEMENTS = HERE / "judged-precision-dev.jsonl"  # (the project's own verdicts on its findings)
try:  # run as a script from anywhere in the repository
    import checker  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(HERE.parents[1]))

SEVERITIES = ("info", "warning", "error")
RANK = {s: i for i, s in enumerate(SEVERITIES, 1)}
# ordinary posts that sell (almost) nothing: an error on them is crying wolf (issue 14's targets)
ORDINARY_SOURCES = ("zh_weibo", "id_twitter", "ms_twitter", "tl_twitter", "th_wisesight")
TARGET_ORDINARY_ERROR = 0.02
TARGET_FP_FIRING = 0.20
TARGET_TP_KEPT = 0.90
TARGET_EN_TIKTOK_WRONG = 0.005


@dataclass(frozen=True, slots=True)
class Hit:
    rule: str
    category: str
    severity: str
    start: int
    end: int


# ----------------------------------------------------------------------------------------------------
# The one place that talks to reelcheck (its API may change: adapt only this function).

_CHECKER = None
COMMERCIAL: bool | None = None  # --commercial: every post declared as one that sells (else inferred)


def check_post(text: str, market: str, language: str | None, commercial: bool | None = None) -> list[Hit]:
    """The findings of reelcheck on one post, as a caption for `market` with `language` declared
    (and declared commercial with `--commercial`, or `commercial=True`)."""
    global _CHECKER
    import checker
    from checker.model import Document, Meta, Segment

    if _CHECKER is None:
        _CHECKER = checker.load_checker()
    doc = Document(path="<post>", segments=[Segment.whole(text)], meta=Meta(markets=(market,), language=language,
                                                                      commercial=commercial or COMMERCIAL), text=text)
    outcome = _CHECKER.run(doc, (market,))
    findings = getattr(outcome, "findings", outcome)
    return [Hit(f.rule, f.category, f.severity, f.start, f.end) for f in findings]


def rule_categories() -> dict[str, str]:
    """Rule id -> category of the packs loaded now (to find 'a rule of the same category')."""
    try:
        return {rid: r.category for rid, r in _CHECKER.ruleset.rules.items()}
    except AttributeError:  # pragma: no cover - the engine changed shape; fall back on the judged file
        return {}


# ----------------------------------------------------------------------------------------------------


def source_of(post_id: str) -> str:
    return post_id.split(":", 1)[0]


def split_of(post_id: str) -> str:
    return "tune" if int(hashlib.sha256(post_id.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "report"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def worst(hits: list[Hit]) -> str | None:
    return max((h.severity for h in hits), key=RANK.__getitem__, default=None)


def pct(n: int, d: int) -> str:
    return f"{n / d:.1%}" if d else "-"


class Run:
    """Every post checked once; posts checked again with other settings on demand."""

    def __init__(self, posts: list[dict], declared_language: bool = True):
        self.declared_language = declared_language
        self.posts = {p["id"]: p for p in posts}
        self.hits: dict[tuple[str, str | None], list[Hit]] = {}
        self.failed: dict[str, str] = {}
        self.seconds = 0.0

    def get(self, post_id: str, language: str | None = "declared", commercial: bool | None = None) -> list[Hit]:
        post = self.posts[post_id]
        if language == "declared":
            language = post.get("language") if self.declared_language else None
        lang = language
        key = (post_id, lang) if commercial is None else (post_id, lang, commercial)
        if key not in self.hits:
            start = time.perf_counter()
            try:
                self.hits[key] = check_post(post["text"], post["market"], lang, commercial)
            except Exception as exc:  # noqa: BLE001 - one broken post must not end the evaluation
                self.failed[post_id] = f"{type(exc).__name__}: {exc}"
                self.hits[key] = []
            self.seconds += time.perf_counter() - start
        return self.hits[key]


# ---------------------------------------------------------------------------------------------------- stats


def group_stats(run: Run, ids: list[str], top: int) -> dict:
    n = len(ids)
    err = warn = anyf = 0
    rules: Counter = Counter()
    for pid in ids:
        hits = run.get(pid)
        sev = {h.severity for h in hits}
        err += "error" in sev
        warn += "warning" in sev
        anyf += bool(hits)
        rules.update({h.rule for h in hits})
    return {"posts": n, "error": err, "warning": warn, "any": anyf, "top": sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))[:top]}


def occurrences(text: str, match: str) -> list[tuple[int, int]]:
    low, m = text.lower(), match.lower()
    spans, i = [], low.find(m)
    while i >= 0 and m:
        spans.append((i, i + len(m)))
        i = low.find(m, i + 1)
    return spans


def firing(hits: list[Hit], rules: set[str], categories: set[str], spans: list[tuple[int, int]] | None) -> list[Hit]:
    """The hits of one of `rules` or `categories` that overlap one of `spans` (None: anywhere)."""
    out = []
    for h in hits:
        if h.rule not in rules and h.category not in categories:
            continue
        if spans is None or any(h.start < e and s < h.end for s, e in spans) or (
            h.start == h.end and any(s <= h.start <= e for s, e in spans)
        ):
            out.append(h)
    return out


def judge(run: Run, judged: list[dict], cats: dict[str, str]) -> dict:
    """Compare the judged verdicts with what fires now."""
    for j in judged:  # the judged file knows categories of rules that may since have been renamed
        if j.get("rule") and j.get("category"):
            cats.setdefault(j["rule"], j["category"])
    findings, census, misses, randoms = [], [], [], []
    for j in judged:
        kind = j.get("kind")
        lang = None if j.get("run") == "nolang" else "declared"
        hits = run.get(j["record"], lang, True if j.get("run") == "commercial" else None)
        if kind == "finding":
            match = j.get("match") or ""
            spans = occurrences(run.posts[j["record"]]["text"], match) if match else None
            if "start" in j and j["end"] > j["start"]:  # judged by offsets (the project's own judgements)
                spans = [(j["start"], j["end"])]
            if spans == []:  # the match is not in the post as given: judge by post
                spans = None
            fired = firing(hits, {j["rule"]}, {j["category"]}, spans)
            exact = [h for h in fired if h.rule == j["rule"]]
            findings.append((j, fired, exact))
        elif kind == "census_all_flagged_in_source":
            rules = set(j.get("rules") or [])
            categories = {cats[r] for r in rules if r in cats}
            census.append((j, firing(hits, rules, categories, None)))
        elif kind == "targeted_miss":
            misses.append((j, [h for h in hits if h.category == j.get("category")]))
        elif kind == "unflagged_random":
            randoms.append((j, hits))
    return {"findings": findings, "census": census, "misses": misses, "randoms": randoms}


def strong(hits: list[Hit]) -> bool:
    return any(RANK[h.severity] >= RANK["warning"] for h in hits)


# ---------------------------------------------------------------------------------------------------- output


class Out:
    def __init__(self, markdown: bool):
        self.md = markdown

    def heading(self, text: str) -> None:
        print(f"\n#### {text}\n" if self.md else f"\n== {text}")

    def note(self, text: str) -> None:
        print(text if not self.md else text + "\n")

    def table(self, header: list[str], rows: list[list]) -> None:
        rows = [[str(c) for c in r] for r in rows]
        if self.md:
            print("| " + " | ".join(header) + " |")
            print("|" + "|".join("---" if i == 0 or i == len(header) - 1 else "---:" for i in range(len(header))) + "|")
            for r in rows:
                print("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
            print()
            return
        widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        for r in rows:
            print("  ".join(c.ljust(w) if i in (0, len(r) - 1) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))


def stats_rows(run: Run, groups: dict[str, list[str]], top: int) -> list[list]:
    rows = []
    for name, ids in groups.items():
        s = group_stats(run, ids, top)
        rules = ", ".join(f"{r} {n}" for r, n in s["top"]) or "-"
        rows.append([name, s["posts"], pct(s["error"], s["posts"]), pct(s["warning"], s["posts"]), pct(s["any"], s["posts"]), rules])
    return rows


def sev_counts(items: list[list[Hit]]) -> str:
    c = Counter(worst(h) for h in items if h)
    return "/".join(str(c.get(s, 0)) for s in ("error", "warning", "info"))


def report_judged(out: Out, res: dict) -> dict:
    findings, census = res["findings"], res["census"]
    out.heading("Judged findings per category (still firing now)")
    by_cat: dict[str, Counter] = defaultdict(Counter)
    for j, fired, _exact in findings:
        c = by_cat[j["category"]]
        v = j["verdict"]
        c[v] += 1
        if fired:
            c[v + "_fire"] += 1
        if strong(fired):
            c[v + "_strong"] += 1
    rows = []
    total: Counter = Counter()
    for cat in sorted(by_cat):
        c = by_cat[cat]
        total.update(c)
        rows.append(_cat_row(cat, c))
    rows.append(_cat_row("all", total))
    out.table(["category", "TP", "FP", "INFO", "precision as judged", "TP firing", "FP firing", "INFO firing",
               "precision now", "precision now >=warn"], rows)
    out.note("TP/FP/INFO: the reviewer's verdicts on single findings; 'firing': the same words are still flagged "
             "(same rule or same category, any severity); precision = TP / (TP + FP) of those firing.")

    fp = [fired for j, fired, _ in findings if j["verdict"] == "FP"] + [f for j, f in census if j["verdict"] == "FP"]
    tp = [fired for j, fired, _ in findings if j["verdict"] == "TP"] + [f for j, f in census if j["verdict"] == "TP"]
    info = [fired for j, fired, _ in findings if j["verdict"] == "INFO"]
    n_fp_f = sum(1 for j, *_ in findings if j["verdict"] == "FP")
    n_tp_f = sum(1 for j, *_ in findings if j["verdict"] == "TP")
    out.heading("Judged verdicts: still firing")
    rows = []
    for label, items, n_single in (("judged FP", fp, n_fp_f), ("judged TP", tp, n_tp_f), ("judged INFO", info, len(info))):
        n_fire = sum(1 for f in items if f)
        n_strong = sum(1 for f in items if strong(f))
        single_fire = sum(1 for f in items[:n_single] if f)
        census_fire = n_fire - single_fire
        rows.append([label, f"{len(items)} ({n_single} + {len(items) - n_single})", f"{n_fire} ({pct(n_fire, len(items))})",
                     f"{single_fire}/{n_single}", f"{census_fire}/{len(items) - n_single}",
                     f"{n_strong} ({pct(n_strong, len(items))})", sev_counts(items)])
    out.table(["verdict", "items (findings + census posts)", "still firing", "findings", "census posts",
               "firing >=warn", "worst now err/warn/info"], rows)

    misses = res["misses"]
    found = [(j, h) for j, h in misses if h]
    out.heading("Targeted misses and random unflagged posts")
    rows = [["targeted_miss now found (any severity)", f"{len(found)}/{len(misses)}",
             ", ".join(sorted({f'{j["category"]}:{worst(h)}' for j, h in found})) or "-"]]
    randoms = res["randoms"]
    for verdict in sorted({j["verdict"] for j, _ in randoms}):
        group = [(j, h) for j, h in randoms if j["verdict"] == verdict]
        flagged = [(j, h) for j, h in group if strong(h)]
        rows.append([f"unflagged_random '{verdict}' now flagged >=warn", f"{len(flagged)}/{len(group)}",
                     ", ".join(sorted({h.rule for _, hs in flagged for h in hs if RANK[h.severity] >= 2})) or "-"])
    out.table(["what", "count", "detail"], rows)
    return {
        "fp_firing": (sum(1 for f in fp if f), len(fp)),
        "fp_strong": (sum(1 for f in fp if strong(f)), len(fp)),
        "tp_kept": (sum(1 for f in tp if f), len(tp)),
        "tp_strong": (sum(1 for f in tp if strong(f)), len(tp)),
    }


def _cat_row(cat: str, c: Counter) -> list:
    def prec(tp, fp):
        return pct(tp, tp + fp)

    return [cat, c["TP"], c["FP"], c["INFO"], prec(c["TP"], c["FP"]), c["TP_fire"], c["FP_fire"], c["INFO_fire"],
            prec(c["TP_fire"], c["FP_fire"]), prec(c["TP_strong"], c["FP_strong"])]


def right_errors(judgements: list[dict]) -> dict[str, set[str]]:
    """Record -> the rules whose error on it a judge called right (a TP finding at error level, or a
    TP census post whose worst finding was an error: all its rules)."""
    right: dict[str, set[str]] = defaultdict(set)
    for j in judgements:
        if j.get("verdict") != "TP":
            continue
        if j.get("kind") == "finding" and j.get("severity") == "error" and j.get("rule"):
            right[j["record"]].add(j["rule"])
        elif j.get("kind") == "census_all_flagged_in_source" and j.get("severity_max") == "error":
            right[j["record"]].update(j.get("rules") or [])
    return right


def report_targets(out: Out, run: Run, by_source: dict[str, list[str]], judged_figs: dict | None, judged: list[dict],
                   right: dict[str, set[str]] | None = None) -> None:
    out.heading("Targets of issue 14")
    rows = []
    for src in ORDINARY_SOURCES:
        ids = by_source.get(src, [])
        if not ids:
            continue
        errored = [pid for pid in ids if worst(run.get(pid)) == "error"]
        n = len(errored)
        lang = run.posts[ids[0]]["language"]
        ok = n / len(ids) <= TARGET_ORDINARY_ERROR
        rows.append([f"{src} ({lang}) posts with an error", "<= 2%", f"{n}/{len(ids)} = {pct(n, len(ids))}", "met" if ok else "NOT met"])
        if right is not None and n:
            # the same figure without the selling posts a judge called rightly errored (every rule
            # erroring on the post judged a right error there); unjudged errors count as wrong
            wrong = [pid for pid in errored
                     if not {h.rule for h in run.get(pid) if h.severity == "error"} <= right.get(pid, set())]
            ok = len(wrong) / len(ids) <= TARGET_ORDINARY_ERROR
            rows.append([f"{src} ({lang}) posts with an error not judged a right error", "<= 2%",
                         f"{len(wrong)}/{len(ids)} = {pct(len(wrong), len(ids))}", "met" if ok else "NOT met"])
    ids = by_source.get("en_tiktok", [])
    if ids:
        errored = [pid for pid in ids if worst(run.get(pid)) == "error"]
        right = {j["record"] for j in judged if j.get("verdict") == "TP" and (
            j.get("kind") == "census_all_flagged_in_source" and j.get("severity_max") == "error"
            or j.get("kind") == "finding" and j.get("severity") == "error")}
        wrong = [pid for pid in errored if pid not in right]
        ok = len(wrong) / len(ids) <= TARGET_EN_TIKTOK_WRONG
        rows.append(["en_tiktok captions errored, not judged a right error", "<= 0.5%",
                     f"{len(wrong)}/{len(ids)} = {pct(len(wrong), len(ids))} ({len(errored)} errored)", "met" if ok else "NOT met"])
    if judged_figs:
        n, d = judged_figs["fp_firing"]
        s, _ = judged_figs["fp_strong"]
        rows.append(["judged FPs still firing (any severity; >=warn in brackets)", "<= 20%",
                     f"{n}/{d} = {pct(n, d)} ({pct(s, d)})", "met" if d and n / d <= TARGET_FP_FIRING else "NOT met"])
        n, d = judged_figs["tp_kept"]
        s, _ = judged_figs["tp_strong"]
        rows.append(["judged TPs still found (any severity; >=warn in brackets)", ">= 90%",
                     f"{n}/{d} = {pct(n, d)} ({pct(s, d)})", "met" if d and n / d >= TARGET_TP_KEPT else "NOT met"])
    out.table(["target", "goal", "now", "status"], rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("path", type=Path, help="JSONL of posts (id, market, language, text, source)")
    ap.add_argument("--judged", type=Path, help="judgements file (format of real-posts-judged-dev.jsonl)")
    ap.add_argument("--split", choices=("tune", "report", "all"), default="all")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables (for docs/quality.md)")
    ap.add_argument("--no-language", action="store_true",
                    help="check every post without its declared language (reelcheck guesses it from the script)")
    ap.add_argument("--commercial", action="store_true",
                    help="declare every post commercial (what the rules find before the context decides)")
    ap.add_argument("--dump", type=Path, metavar="FILE",
                    help="write every post's findings (id, rule, severity, start, end; no text) as JSONL")
    ap.add_argument("--top", type=int, default=4, help="rules listed per group (default 4)")
    ap.add_argument("--list-errored", metavar="SOURCE", help="also print the ids of that source's posts with an error")
    ap.add_argument("--right-errors", type=Path, action="append", metavar="FILE",
                    help="judgements (repeatable; default: --judged and the project's own judgements, "
                         f"{OWN_JUDGEMENTS.name}) whose TP errors count as right errors of the ordinary sources: "
                         "each target row is then repeated without them")
    args = ap.parse_args(argv)

    global COMMERCIAL
    COMMERCIAL = True if args.commercial else None
    t0 = time.perf_counter()
    posts = read_jsonl(args.path)
    if args.split != "all":
        posts = [p for p in posts if split_of(p["id"]) == args.split]
    run = Run(posts, declared_language=not args.no_language)
    judged = []
    if args.judged:
        judged = [j for j in read_jsonl(args.judged) if j.get("record") in run.posts]

    start = time.perf_counter()
    check_post("warm-up", "us", "en")  # load the packs and pipelines outside the timed loop
    load_s = time.perf_counter() - start
    for pid in run.posts:
        run.get(pid)
    check_s = run.seconds

    out = Out(args.markdown)
    by_source: dict[str, list[str]] = defaultdict(list)
    by_lang: dict[str, list[str]] = defaultdict(list)
    for pid, p in run.posts.items():
        by_source[source_of(pid)].append(pid)
        by_lang[p.get("language") or "?"].append(pid)
    by_source = dict(sorted(by_source.items()))
    by_lang = dict(sorted(by_lang.items()))
    header = ["group", "posts", "with error", "with warning", "any finding", "top rules (posts they flag)"]
    out.note(f"{'**' if out.md else ''}{args.path.name}, split {args.split}: {len(run.posts)} posts"
             f"{', ' + str(len(judged)) + ' judgements' if args.judged else ''}"
             f"{', checked without their language' if args.no_language else ''}"
             f"{', every post declared commercial' if args.commercial else ''}{'**' if out.md else ''}")
    out.heading("Per source")
    out.table(header, stats_rows(run, by_source, args.top))
    out.heading("Per language")
    out.table(header, stats_rows(run, by_lang, args.top))
    out.note("'with warning': at least one warning (whatever else the post has); 'any finding' includes info notes.")

    figs = None
    if args.judged:
        figs = report_judged(out, judge(run, judged, rule_categories()))
    right = None
    if args.right_errors or args.judged:
        files = args.right_errors or [args.judged, *([OWN_JUDGEMENTS] if OWN_JUDGEMENTS.exists() else [])]
        right = right_errors([j for f in files for j in read_jsonl(f)])
        out.note("right errors as judged in: " + ", ".join(f.name for f in files))
    report_targets(out, run, by_source, figs, judged, right)

    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for pid in run.posts:
                fh.write(json.dumps({"id": pid, "findings": [[h.rule, h.severity, h.start, h.end] for h in run.get(pid)]},
                                    ensure_ascii=False) + "\n")
    if args.list_errored:
        ids = [pid for pid in by_source.get(args.list_errored, []) if worst(run.get(pid)) == "error"]
        out.note(f"{args.list_errored} posts with an error: " + ", ".join(
            f"{pid} ({', '.join(sorted({h.rule for h in run.get(pid) if h.severity == 'error'}))})" for pid in ids))
    if run.failed:
        out.note(f"{len(run.failed)} posts failed to check: " + "; ".join(f"{k}: {v}" for k, v in list(run.failed.items())[:5]))
    total = time.perf_counter() - t0
    rate = len(run.posts) / check_s if check_s else float("inf")
    import checker

    out.note(f"reelcheck {getattr(checker, '__version__', '?')} from {Path(checker.__file__).parent}")
    out.note(f"Timing: packs loaded in {load_s:.1f} s; {len(run.hits)} checks in {check_s:.1f} s "
             f"({rate:.0f} posts/s, one process); {total:.1f} s in all.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
