"""What the claim misses of a regulator split look like, as counts only (issue 15).

    python tests/eval/miss_shapes.py --split report
    python tests/eval/miss_shapes.py --split report --guards-off   # every `unless` and negation off

For the violations of category `claim` in the split, found and missed (`regulators.evaluate`), it
counts how many are shorter than 40 characters and how many hold a word of the packs' lexicons of
conditions, of treating or result words, of both, of body functions and of periods (whole words in
languages written with spaces, substrings in Chinese and Thai). It prints no text, so the report half
can be looked at without being read. `--guards-off` runs the split again with every `unless` and
negation switched off and says how many misses that finds, and how many clean items it flags.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import regulators  # noqa: E402  (the evaluation this script counts over)

from checker.rules import load_rules, phrases  # noqa: E402
from checker.rules.packs import lexicons_of  # noqa: E402

GROUPS = {
    "condition": ("conditions", "symptoms", "concerns", "body_system_conditions", "serious_conditions",
                  "schedule_diseases", "nominal_conditions", "cosmetic_flaws", "natural_state_symptoms",
                  "symptom_sites"),
    "verb": ("treatment_verbs", "result_verbs", "result_words", "function_verbs", "care_verbs",
             "no_more_verbs", "change_verbs", "nominal_actions", "remedy_words"),
    "body": ("body_functions", "body_effects"),
    "period": ("periods",),
}
UNSPACED = ("zh", "th")
SHORT = 40


def lexicon_patterns(lexicons: dict):
    """group -> language -> a pattern of the group's lexicon phrases in that language (or None)."""
    cache: dict = {}

    def pattern(group: str, lang: str):
        if (group, lang) not in cache:
            words = {p.lower() for name in GROUPS[group] if lexicons.get(name, {}).get(lang)
                     for p in phrases.lexicon_phrases(lexicons, name, lang)}
            alternation = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
            cache[group, lang] = None if not words else regex.compile(
                f"(?:{alternation})" if lang in UNSPACED else rf"(?<!\w)(?:{alternation})(?!\w)")
        return cache[group, lang]
    return pattern


def counts(split: str) -> dict[str, Counter]:
    pattern = lexicon_patterns(lexicons_of(load_rules().markets))
    missed = {m["id"] for m in regulators.evaluate(split=split)["misses"]}
    out: dict[str, Counter] = defaultdict(Counter)
    for item in regulators.load_cases():
        if item["split"] != split or item["category"] != "claim" or item["verdict"] != "violation":
            continue
        lang, text = item.get("language") or "en", item["text"].lower()
        has = {g: bool((p := pattern(g, lang)) and p.search(text)) for g in GROUPS}
        for key in ("all", item["market"]):
            row = out[f"{key} {'missed' if item['id'] in missed else 'found'}"]
            row["items"] += 1
            row[f"< {SHORT} chars"] += len(item["text"]) < SHORT
            row.update({g: int(v) for g, v in has.items()})
            row["condition and verb"] += has["condition"] and has["verb"]
    return out


def guards_off(split: str) -> str:
    from checker.rules import compiled

    before = regulators.evaluate(split=split)
    compiled.LanguageRules._apply_unless = lambda self, ctx, hits: hits
    compiled.LanguageRules._apply_negation = lambda self, ctx, hits: hits
    after = regulators.evaluate(split=split)
    was, now = ({m["id"] for m in r["misses"]} for r in (before, after))
    fp = (before["splits"][split]["all"]["fp"], after["splits"][split]["all"]["fp"])
    return (f"guards off: misses {len(was)} -> {len(now)} ({len(was - now)} found), "
            f"clean items flagged {fp[0]} -> {fp[1]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=regulators.SPLITS, default="report")
    ap.add_argument("--guards-off", action="store_true", help="also count what switching the guards off finds")
    args = ap.parse_args(argv)
    columns = ["items", f"< {SHORT} chars", *GROUPS, "condition and verb"]
    print(f"{'':18s}" + "".join(f"{c:>20s}" for c in columns))
    for key, row in sorted(counts(args.split).items()):
        print(f"{key:18s}" + "".join(f"{row[c]:20d}" for c in columns))
    if args.guards_off:
        print(guards_off(args.split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
