"""Word-aware matching for Chinese, Thai and Vietnamese: which segmenter, if any (issue 14).

reelcheck matches zh and th terms by characters (a term matches wherever its characters stand) and vi
terms by syllables (whole space-separated syllables). This measures what a word segmenter would change:

- the phrases: every `terms` phrase of the packs' rules in that language (`rules/cn`, `rules/th`,
  `rules/vn`; templates expanded), matched in the packs' own examples (flag and pass, every rule of
  the pack) and in the corpus posts of that language (`../shared/corpus/real-posts-dev.jsonl`,
  third parties' posts: only ids and matched words are printed);
- each of today's hits (raw term hits, before `unless` lists) is, under a segmenter, **kept** (its
  start and end are word boundaries), **inside** a longer word (one word holds it: dropped, e.g. 最高
  in 最高级), or **split** (words cross its edges: 最好 in 最|好吃 — a word match is lost although the
  phrase may be a real word there);
- per rule, how many of its `flag` examples still have a term hit (a lost one would stop flagging),
  how many `pass` examples lose all their raw hits (the segmenter does the work of an `unless`), and
  how many corpus posts each rule's terms hit;
- the judged findings of `real-posts-judged-dev.jsonl` in that language: is the judged match kept?
  (dropping a judged FP helps; dropping a judged TP hurts);
- speed (segments/s over the corpus posts), import plus first-call time (a fresh interpreter), and
  the installed size of each package and of the dependencies it adds to reelcheck's.

Segmenters (none is a dependency of reelcheck; `pip install jieba pythainlp pyvi underthesea spacy`):
zh `jieba` (and `jieba+terms`: the pack terms added to its dictionary; spaCy's `zh` with
`segmenter: jieba` gives the same words and is timed too), th `pythainlp` newmm (and `newmm+terms`:
the pack terms added to its dictionary; spaCy's `th` uses newmm), vi `pyvi` (spaCy's `vi` default) and
`underthesea` (and `underthesea+terms`: pack terms as fixed words). A missing one is skipped. No
network is used.

    python tests/perf/bench_segmenters.py [--rules DIR] [--corpus FILE] [--judged FILE] [--lang zh,th,vi]
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
PACK = {"zh": "cn", "th": "th", "vi": "vn"}
EXAMPLES_SHOWN = 8

# ---------------------------------------------------------------------------------------------- phrases


def expand(template: str) -> list[str]:
    """`{a|b}` a choice, `[a]` an optional word, `[a|b]` an optional choice (docs/rule-packs.md)."""
    m = re.search(r"\{([^{}\[\]]*)\}|\[([^{}\[\]]*)\]", template)
    if not m:
        return [re.sub(r"\s+", " ", template).strip()]
    choices = (m.group(1) if m.group(1) is not None else m.group(2)).split("|")
    if m.group(2) is not None:
        choices.append("")
    out = []
    for c in choices:
        out.extend(expand(template[: m.start()] + c + template[m.end():]))
    return out


def in_script(lang: str, text: str) -> bool:
    if lang == "zh":
        return any("\u4e00" <= c <= "\u9fff" for c in text)
    if lang == "th":
        return any("\u0e00" <= c <= "\u0e7f" for c in text)
    return True  # vi: the vi key of the terms, and the posts declared vi


def load_pack(rules_dir: Path, lang: str):
    """(phrases by rule, examples as (name, rule, expect, text)) of the pack of `lang`."""
    phrases: dict[str, set[str]] = defaultdict(set)
    examples = []
    for path in sorted((rules_dir / PACK[lang]).glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:  # a pack being edited: measure the others
            print(f"  (skipped {path.name}: {exc.__class__.__name__})")
            continue
        for rule in data.get("rules") or []:
            terms = rule.get("terms")
            if rule.get("kind") == "terms" and isinstance(terms, dict):
                for template in terms.get(lang) or []:
                    for p in expand(str(template)):
                        if p and in_script(lang, p):
                            phrases[rule["id"]].add(unicodedata.normalize("NFC", p.lower()))
            for expect in ("flag", "pass"):
                for i, e in enumerate((rule.get("examples") or {}).get(expect) or []):
                    text = unicodedata.normalize("NFC", e if isinstance(e, str) else e.get("text", ""))
                    if lang == "vi" or in_script(lang, text):
                        examples.append((f"{rule['id']}:{expect}[{i}]", rule["id"], expect, text))
    return dict(phrases), examples


def occurrences(lang: str, text: str, phrase: str) -> list[tuple[int, int]]:
    """Today's hits: every substring (zh, th) or every run of whole syllables (vi), any case."""
    low = text.lower()
    if lang == "vi":
        pat = r"(?<![\w])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![\w])"
        return [m.span() for m in re.finditer(pat, low)]
    out, i = [], low.find(phrase)
    while i >= 0:
        out.append((i, i + len(phrase)))
        i = low.find(phrase, i + 1)
    return out


# ---------------------------------------------------------------------------------------------- segmenters


def align(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Character spans of `tokens` in `text`, found in order (segmenters may drop or respace)."""
    spans, pos = [], 0
    for tok in tokens:
        tok = tok.strip()
        if not tok:
            continue
        i = text.find(tok, pos)
        if i < 0:
            m = re.compile(r"\s*".join(re.escape(p) for p in tok.split())).search(text, pos)
            if not m:
                continue
            spans.append(m.span())
            pos = m.end()
            continue
        spans.append((i, i + len(tok)))
        pos = i + len(tok)
    return spans


def segmenters(lang: str, all_phrases: set[str]):
    """name -> (text -> word spans), for the segmenters installed."""
    found = {}
    if lang == "zh":
        try:
            import jieba

            jieba.setLogLevel(60)
            plain = jieba.Tokenizer()
            with_terms = jieba.Tokenizer()
            for p in all_phrases:
                with_terms.add_word(p)
            found["jieba"] = lambda s, t=plain: [(a, b) for w, a, b in t.tokenize(s) if w.strip()]
            found["jieba+terms"] = lambda s, t=with_terms: [(a, b) for w, a, b in t.tokenize(s) if w.strip()]
        except ImportError:
            print("  (jieba not installed)")
    elif lang == "th":
        try:
            from pythainlp.corpus import thai_words
            from pythainlp.tokenize import Tokenizer, word_tokenize
            from pythainlp.util import Trie

            custom = Tokenizer(custom_dict=Trie(set(thai_words()) | all_phrases), engine="newmm", keep_whitespace=True)
            found["newmm"] = lambda s: align(s, word_tokenize(s, engine="newmm", keep_whitespace=True))
            found["newmm+terms"] = lambda s: align(s, custom.word_tokenize(s))
        except ImportError:
            print("  (pythainlp not installed)")
    else:
        try:
            from pyvi import ViTokenizer

            found["pyvi"] = lambda s: align(s, [w.replace("_", " ") for w in ViTokenizer.tokenize(s).split(" ")])
        except ImportError:
            print("  (pyvi not installed)")
        try:
            from underthesea import word_tokenize as uts

            fixed = sorted(p for p in all_phrases if " " in p)
            found["underthesea"] = lambda s: align(s, uts(s))
            found["underthesea+terms"] = lambda s: align(s, uts(s, fixed_words=fixed))
        except ImportError:
            print("  (underthesea not installed)")
    return found


def classify(spans: list[tuple[int, int]], s: int, e: int, text: str) -> tuple[str, str]:
    """kept | inside | split | unaligned, and the word(s) the hit stands in."""
    over = [(a, b) for a, b in spans if a < e and b > s]
    if not over:
        return "unaligned", ""
    starts, ends = {a for a, _ in over}, {b for _, b in over}
    if s in starts and e in ends:
        return "kept", text[s:e]
    if len(over) == 1:
        a, b = over[0]
        return "inside", text[a:b]
    return "split", "|".join(text[a:b] for a, b in over)


# ---------------------------------------------------------------------------------------------- figures

IMPORT_SNIPPETS = {
    "jieba": "import jieba; jieba.setLogLevel(60); jieba.lcut('这是最好的面霜')",
    "spacy zh (jieba)": "import spacy; n = spacy.blank('zh', config={'nlp': {'tokenizer': {'segmenter': 'jieba'}}}); n('这是最好的面霜')",
    "pythainlp newmm": "from pythainlp.tokenize import word_tokenize; word_tokenize('ครีมที่ดีที่สุด', engine='newmm')",
    "spacy th (newmm)": "import spacy; n = spacy.blank('th'); n('ครีมที่ดีที่สุด')",
    "pyvi": "from pyvi import ViTokenizer; ViTokenizer.tokenize('Kem chống nắng tốt nhất')",
    "spacy vi (pyvi)": "import spacy; n = spacy.blank('vi'); n('Kem chống nắng tốt nhất')",
    "underthesea": "from underthesea import word_tokenize; word_tokenize('Kem chống nắng tốt nhất')",
}
SPEED_SNIPPETS = {
    "spacy zh (jieba)": ("zh", "import spacy; n = spacy.blank('zh', config={'nlp': {'tokenizer': {'segmenter': 'jieba'}}})", "n"),
    "spacy th (newmm)": ("th", "import spacy; n = spacy.blank('th')", "n"),
    "spacy vi (pyvi)": ("vi", "import spacy; n = spacy.blank('vi')", "n"),
}
LANG_IMPORTS = {"zh": ("jieba", "spacy zh (jieba)"), "th": ("pythainlp newmm", "spacy th (newmm)"),
                "vi": ("pyvi", "spacy vi (pyvi)", "underthesea")}
DISTS = {"zh": ("jieba",), "th": ("pythainlp",), "vi": ("pyvi", "underthesea")}


def fresh_seconds(snippet: str) -> str:
    code = f"import time; t = time.perf_counter()\n{snippet}\nprint(time.perf_counter() - t)"
    try:
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        if r.returncode == 0:
            return f"{float(r.stdout.strip().splitlines()[-1]):.2f} s"
        return "not installed" if "ModuleNotFoundError" in r.stderr else f"failed ({r.stderr.strip().splitlines()[-1][:80]})"
    except (subprocess.SubprocessError, ValueError, IndexError):
        return "failed"


def _requires(name: str) -> set[str]:
    try:
        reqs = md.requires(name) or []
    except md.PackageNotFoundError:
        return set()
    out = set()
    for r in reqs:
        if "extra ==" in r:
            continue
        out.add(re.split(r"[\s<>=!~;\[(]", r, maxsplit=1)[0].lower().replace("_", "-"))
    return out


def closure(names) -> set[str]:
    seen, todo = set(), [n.lower().replace("_", "-") for n in names]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        try:
            md.distribution(n)
        except md.PackageNotFoundError:
            continue
        seen.add(n)
        todo.extend(_requires(n))
    return seen


def dist_kib(name: str) -> int:
    try:
        dist = md.distribution(name)
    except md.PackageNotFoundError:
        return 0
    base = Path(dist.locate_file(""))
    tops = {Path(str(f)).parts[0] for f in dist.files or [] if not str(f).startswith("..")}
    paths = [str(base / t) for t in tops if (base / t).exists()]
    if not paths:
        return 0
    r = subprocess.run(["du", "-sk", *paths], capture_output=True, text=True)
    return sum(int(line.split()[0]) for line in r.stdout.splitlines() if line.strip())


def mb(kib: int) -> str:
    return f"{kib / 1024:.1f} MB"


def sizes(lang: str) -> None:
    base = closure(["reelcheck"])
    for name in DISTS[lang]:
        if not closure([name]):
            print(f"  {name}: not installed")
            continue
        added = sorted(closure([name]) - base - {name})
        own = dist_kib(name)
        extra = {d: dist_kib(d) for d in added}
        big = ", ".join(f"{d} {mb(k)}" for d, k in sorted(extra.items(), key=lambda x: -x[1])[:4])
        print(f"  size {name}: {mb(own)} itself, {mb(own + sum(extra.values()))} with the {len(added)} packages it adds to "
              f"reelcheck's ({big or 'none'})")


# ---------------------------------------------------------------------------------------------- main


def measure(lang: str, rules_dir: Path, corpus: Path | None, judged: Path | None) -> None:
    phrases, examples = load_pack(rules_dir, lang)
    every = set().union(*phrases.values()) if phrases else set()
    posts = []
    if corpus and corpus.exists():
        posts = [p for p in map(json.loads, corpus.read_text(encoding="utf-8").splitlines()) if p.get("language") == lang]
        for p in posts:
            p["text"] = unicodedata.normalize("NFC", p["text"])
    print(f"\n== {lang}: {len(every)} phrases in {len(phrases)} terms rules of rules/{PACK[lang]}; "
          f"{len(examples)} pack examples, {len(posts)} corpus posts")
    segs = segmenters(lang, every)
    texts = [(name, rule, expect, text) for name, rule, expect, text in examples]
    texts += [(p["id"], None, "post", p["text"]) for p in posts]
    hits = []  # (name, rule, expect, text, s, e, phrase, phrase's rule)
    for name, rule, expect, text in texts:
        for rid, ps in phrases.items():
            for p in ps:
                for s, e in occurrences(lang, text, p):
                    hits.append((name, rule, expect, text, s, e, p, rid))
    n_ex = sum(1 for h in hits if h[2] != "post")
    print(f"  today's raw term hits: {n_ex} in pack examples, {len(hits) - n_ex} in corpus posts")
    if not segs:
        return
    judged_rows = []
    if judged and judged.exists() and posts:
        by_id = {p["id"]: p["text"] for p in posts}
        for j in map(json.loads, judged.read_text(encoding="utf-8").splitlines()):
            if j.get("kind") == "finding" and j.get("language") == lang and j.get("match") and j["record"] in by_id:
                judged_rows.append((j, by_id[j["record"]]))

    classes = {}  # segmenter -> [verdict per hit]
    words_of = {}  # segmenter -> [(where, verdict, id, matched, word)]
    judged_of = {}  # segmenter -> [(verdict, {class of each occurrence})]
    rates = {}
    print(f"  {'hits by class':<18} {'where':<9} {'hits':>5} {'kept':>9} {'inside':>7} {'split':>6} {'other':>6}")
    for sname, seg in segs.items():
        seg(texts[0][3] if texts else "warm-up")  # dictionaries and models load on first use: not timed here
        timed = texts[len(examples):] or texts
        start = time.perf_counter()
        for _, _, _, text in timed:
            seg(text)
        rates[sname] = len(timed) / (time.perf_counter() - start)
        cache: dict[str, list] = {}
        verdicts, shown = [], []
        for name, _rule, expect, text, s, e, _p, _rid in hits:
            spans = cache.setdefault(name, seg(text))
            verdict, word = classify(spans, s, e, text)
            verdicts.append(verdict)
            if verdict in ("inside", "split") and word:
                shown.append(("posts" if expect == "post" else "examples", verdict, name, text[s:e], word))
        classes[sname], words_of[sname] = verdicts, shown
        judged_of[sname] = []
        for j, text in judged_rows:
            spans = cache.setdefault(j["record"], seg(text))
            occ = occurrences(lang, text, unicodedata.normalize("NFC", j["match"].lower()))
            judged_of[sname].append((j["verdict"], {classify(spans, s, e, text)[0] for s, e in occ}))
        for where in ("examples", "posts"):
            c = Counter(v for v, h in zip(verdicts, hits, strict=True) if (h[2] == "post") == (where == "posts"))
            total = sum(c.values())
            other = total - c["kept"] - c["inside"] - c["split"]
            share = f"{c['kept'] / total:.0%}" if total else "-"
            print(f"  {sname:<18} {where:<9} {total:>5} {c['kept']:>4} {share:>4} {c['inside']:>7} {c['split']:>6} {other:>6}")

    print(f"  {'effect on rules':<30} {'flag ex. matched':>16} {'pass ex. cleared':>17} {'posts hit':>10} "
          f"{'judged TP kept':>15} {'judged FP dropped':>18} {'segments/s':>11}")
    modes = [("chars (today)", None, None)]
    for sname in segs:
        modes.append((f"{sname} words", sname, {"kept"}))
        modes.append((f"{sname} veto", sname, {"kept", "split", "unaligned"}))
    for label, sname, keep in modes:
        ok = [True] * len(hits) if sname is None else [v in keep for v in classes[sname]]
        flag_raw = {(h[0]) for h in hits if h[2] == "flag" and h[1] == h[7]}
        flag_ok = {(h[0]) for h, k in zip(hits, ok, strict=True) if k and h[2] == "flag" and h[1] == h[7]}
        pass_raw = {h[0] for h in hits if h[2] == "pass"}
        pass_ok = {h[0] for h, k in zip(hits, ok, strict=True) if k and h[2] == "pass"}
        post_raw = {h[0] for h in hits if h[2] == "post"}
        post_ok = {h[0] for h, k in zip(hits, ok, strict=True) if k and h[2] == "post"}
        jrows = judged_of.get(sname) or [(j["verdict"], {"kept"}) for j, _ in judged_rows]
        jkeep = keep or {"kept"}
        tp = [bool(cls & jkeep) for v, cls in jrows if v == "TP"]
        fp = [bool(cls & jkeep) for v, cls in jrows if v == "FP"]
        rate = f"{rates[sname]:>11.0f}" if sname else ""
        print(f"  {label:<30} {len(flag_ok):>9}/{len(flag_raw):<6} {len(pass_raw - pass_ok):>10}/{len(pass_raw):<6} "
              f"{len(post_ok):>4}/{len(post_raw):<5} {sum(tp):>8}/{len(tp):<6} {len(fp) - sum(fp):>11}/{len(fp):<6} {rate}")
        if sname and flag_raw - flag_ok:
            lost = sorted(flag_raw - flag_ok)
            print(f"    flag examples that would stop matching: {', '.join(lost[:6])}" + (f" (+{len(lost) - 6})" if len(lost) > 6 else ""))
    print("  words: a hit counts only if it is a run of whole words; veto: only a hit inside one longer word is dropped")
    for sname, shown in words_of.items():
        groups = defaultdict(list)
        for where, verdict, name, m, w in shown:
            groups[(where, verdict)].append((name, m, w))
        for (where, verdict), rows in sorted(groups.items()):
            label = {"inside": "inside a longer word (dropped)", "split": "split differently (word match lost)"}[verdict]
            words = Counter((m, w) for _, m, w in rows)
            first = {}
            for name, m, w in rows:
                first.setdefault((m, w), name)
            print(f"    {sname}, {where}, {label}: "
                  + "; ".join(f"{m} in {w} x{n} ({first[(m, w)]})" for (m, w), n in words.most_common(EXAMPLES_SHOWN)))
    for name, (lg, setup, var) in SPEED_SNIPPETS.items():
        if lg != lang or not posts:
            continue
        try:
            scope: dict = {}
            exec(setup, scope)  # noqa: S102 - fixed snippets of this file
            pipe = scope[var]
            start = time.perf_counter()
            for p in posts:
                pipe(p["text"])
            print(f"  {name}: {len(posts) / (time.perf_counter() - start):.0f} segments/s")
        except Exception as exc:  # noqa: BLE001
            print(f"  {name}: {type(exc).__name__}")
    for name in LANG_IMPORTS[lang]:
        print(f"  import + first call, fresh interpreter: {name} {fresh_seconds(IMPORT_SNIPPETS[name])}")
    sizes(lang)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--rules", type=Path, default=ROOT / "rules")
    ap.add_argument("--corpus", type=Path, default=CORPUS / "real-posts-dev.jsonl")
    ap.add_argument("--judged", type=Path, default=CORPUS / "real-posts-judged-dev.jsonl")
    ap.add_argument("--lang", default="zh,th,vi")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"(no corpus at {args.corpus}: pack examples only)")
    print(f"reelcheck baseline without a segmenter: import + first check {fresh_seconds(_BASELINE)}")
    for lang in args.lang.split(","):
        measure(lang, args.rules, args.corpus, args.judged)
    return 0


_BASELINE = f"import sys; sys.path.insert(0, {str(ROOT)!r}); import checker; checker.check_text('这是最好的面霜', markets=['cn'])"

if __name__ == "__main__":
    sys.exit(main())
