"""Rule reference pages (docs/rules/<market>.md), generated from the packs by `reelcheck docs`."""

from __future__ import annotations

from .rules import RuleSet


def _cell(text: str | None) -> str:
    return (text or "-").replace("|", "\\|").replace("\n", " ")


def _example(e) -> str:
    return e if isinstance(e, str) else e["text"]


def render_rule_pages(ruleset: RuleSet) -> dict[str, str]:
    pages = {}
    index = ["# Rules by market", "", "Generated from `rules/` by `reelcheck docs`; do not edit by hand.", "",
             "| market | name | languages | rules (own) | rules (in force) | version |", "|---|---|---|---|---|---|"]
    codes = ["global", *ruleset.market_codes()] if "global" in ruleset.markets else ruleset.market_codes()
    for code in codes:
        m = ruleset.markets[code]
        in_force = len(ruleset.effective(code))
        index.append(f"| [{code}]({code}.md) | {m.name} | {', '.join(m.languages)} | {len(m.own_rules)} | {in_force} | {m.version} |")
        lines = [f"# {m.name} (`{code}`)", "", "Generated from `rules/` by `reelcheck docs`; do not edit by hand.", ""]
        if m.description:
            lines += [m.description, ""]
        lines += [f"Languages: {', '.join(m.languages)}. Pack version {m.version}."]
        if m.extends:
            lines += [f"Extends [`{m.extends}`]({m.extends}.md)."]
        if m.disable:
            lines += [f"Turns off: {', '.join(sorted(m.disable))}."]
        if m.overrides:
            lines += ["Changes: " + "; ".join(f"{k} {v}" for k, v in sorted(m.overrides.items())) + "."]
        lines += ["", "| id | category | severity | message |", "|---|---|---|---|"]
        rules = sorted(m.own_rules, key=lambda r: r.id)
        for r in rules:
            lines.append(f"| [{r.id}](#{r.doc_anchor()}) | {r.category} | {r.severity} | {_cell(r.message)} |")
        for r in rules:
            lines += [
                "",
                f'<a id="{r.doc_anchor()}"></a>',
                f"## {r.id}",
                "",
                f"**{r.severity}** · {r.category} · {r.kind} · languages: {', '.join(r.languages)}"
                + (f" · evidence: {r.evidence}" if r.evidence else ""),
                "",
                f"**What it flags.** {r.message}",
                "",
                f"**Why.** {r.rationale}",
                "",
                f"**Try instead.** {r.suggestion or '-'}",
                "",
                f"**Source.** {r.source}",
                "",
            ]
            if r.when:
                lines += [f"**Only when** {', '.join(f'{k}: {v}' for k, v in sorted(r.when.items()))}.", ""]
            lines += ["Flags:", ""] + [f"- `{_example(e)}`" for e in r.examples["flag"]]
            lines += ["", "Passes:", ""] + [f"- `{_example(e)}`" for e in r.examples["pass"]]
        pages[f"{code}.md"] = "\n".join(lines).rstrip() + "\n"
    pages["README.md"] = "\n".join(index) + "\n"
    return pages
