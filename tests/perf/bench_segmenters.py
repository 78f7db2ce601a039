"""How Chinese and Thai phrases are best matched: characters (what reelcheck does) or words.

For every Chinese and Thai term of the packs, on the packs' own examples (flag and pass) and the
evaluation set, count where the phrase occurs as a substring (the reference), and where each
tokenisation finds it as a run of whole tokens:

- `char`: reelcheck's character tokenizer (checker.nlp.CharTokenizer);
- `jieba` (Chinese) and `pythainlp newmm` (Thai): word segmenters, if installed (not dependencies
  of reelcheck; `pip install jieba pythainlp` to run this comparison).

A word segmenter misses a phrase when it segments it differently inside a sentence; it also skips
some hits inside longer words (最 in 最近), which reelcheck handles with `unless` lists instead.

    python tests/perf/bench_segmenters.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from checker.nlp import make_doc
from checker.rules import load_rules
from checker.rules.kinds.terms import phrase_words, phrases_for

ROOT = Path(__file__).resolve().parents[2]


def texts_and_phrases(ruleset, lang):
    phrases, texts = set(), []
    for rule in ruleset.rules.values():
        if lang not in rule.languages:
            continue
        if rule.kind == "terms":
            for words in phrase_words(lang, phrases_for(rule.spec["terms"], lang, rule.languages), "lower"):
                phrases.add("".join(words) if lang in ("zh", "th") else " ".join(words))
        for expect in ("flag", "pass"):
            for e in rule.examples[expect]:
                texts.append(e if isinstance(e, str) else e["text"])
    eval_set = ROOT / "tests" / "eval" / "sea.jsonl"
    if eval_set.exists():
        for line in eval_set.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    lo, hi = (0x4E00, 0x9FFF) if lang == "zh" else (0x0E00, 0x0E7F)
    phrases = {p for p in phrases if p and all(lo <= ord(c) <= hi for c in p if not c.isspace())}
    texts = [t for t in dict.fromkeys(texts) if any(lo <= ord(c) <= hi for c in t)]
    return sorted(phrases), texts


def count_runs(tokens: list[str], phrase_tokens: list[str]) -> int:
    n, m = len(tokens), len(phrase_tokens)
    return sum(1 for i in range(n - m + 1) if tokens[i : i + m] == phrase_tokens)


def substring_count(text: str, phrase: str) -> int:
    return text.count(phrase)


def measure(lang, phrases, texts, tokenize, name):
    start = time.perf_counter()
    tokenized = [tokenize(t) for t in texts]
    seconds = time.perf_counter() - start
    phrase_tokens = {p: tokenize(p) for p in phrases}
    found = sum(count_runs(toks, phrase_tokens[p]) for toks in tokenized for p in phrases)
    return name, found, len(texts) / seconds if seconds else float("inf")


def main() -> None:
    ruleset = load_rules()
    for lang in ("zh", "th"):
        phrases, texts = texts_and_phrases(ruleset, lang)
        reference = sum(substring_count(t, p) for t in texts for p in phrases)
        print(f"\n{lang}: {len(phrases)} phrases, {len(texts)} texts; substring hits (reference): {reference}")
        rows = [measure(lang, phrases, texts, lambda s, lang=lang: [t.text for t in make_doc(lang, s) if not t.is_space], "char (reelcheck)")]
        try:
            if lang == "zh":
                import jieba

                jieba.setLogLevel(60)
                rows.append(measure(lang, phrases, texts, lambda s: [w for w in jieba.lcut(s) if w.strip()], "jieba"))
            else:
                from pythainlp.tokenize import word_tokenize

                rows.append(measure(lang, phrases, texts,
                                    lambda s: [w for w in word_tokenize(s, engine="newmm") if w.strip()], "pythainlp newmm"))
        except ImportError as exc:
            print(f"  (word segmenter not installed: {exc.name}; pip install jieba pythainlp to compare)")
        print(f"  {'tokenizer':<18} {'hits':>6} {'of reference':>13} {'texts/s':>10}")
        for name, found, rate in rows:
            share = found / reference if reference else 1.0
            print(f"  {name:<18} {found:>6} {share:>12.1%} {rate:>10.0f}")


if __name__ == "__main__":
    main()
