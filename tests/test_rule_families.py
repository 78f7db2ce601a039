"""The fifteen rule families of issue 20 and the markets each must cover.

Every family names the rules that belong to it and the markets the issue names for it; a market is
covered when a rule of the family applies there (a market pack's own rule, or a global rule, which
applies in every market) and that rule runs its flag and pass examples (the pack self-test checks them).
`python tests/test_rule_families.py` prints the table of markets per family.
"""

import pytest

from checker.rules import load_rules

_RULESET = load_rules()
MARKETS = ("us", "uk", "cn", "id", "th", "vn", "my", "ph", "sg")
SEA_CN = ("id", "th", "vn", "my", "ph", "sg", "cn")

# family -> (rule ids or id prefixes ending in "."), markets the issue names
FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "1 tobacco, e-cigarettes, vapes": (
        ("global.restricted.tobacco", "th.restricted.vape", "sg.restricted.vape", "vn.restricted.vape",
         "cn.restricted.tobacco", "uk.restricted.vape", "my.restricted.smoking_products"), MARKETS),
    "2 counterfeit cues": (("global.restricted.counterfeit", "global.restricted.counterfeit_local"), MARKETS),
    "3 gambling": (("id.restricted.gambling", "id.restricted.gambling_slang", "th.restricted.gambling",
                    "vn.restricted.gambling", "ph.restricted.gambling", "my.restricted.gambling",
                    "sg.restricted.gambling", "cn.restricted.gambling"), SEA_CN),
    "4 infant formula": (("vn.restricted.infant_formula", "ph.restricted.infant_formula",
                          "id.restricted.infant_formula", "th.restricted.infant_formula",
                          "my.restricted.infant_formula", "cn.restricted.infant_formula",
                          "uk.restricted.infant_formula", "ph.restricted.infant_formula_local"), ("vn", "ph", "id", "th", "my", "cn", "uk")),
    "5 CN mandatory statements": (("cn.statements.",), ("cn",)),
    "6 UK less healthy food, branded content": (("uk.restricted.less_healthy_food", "uk.restricted.branded_content"),
                                                ("uk",)),
    "7 DSHEA disclaimer": (("us.claims.dshea_disclaimer",), ("us",)),
    "8 fake and incentivised reviews": (("global.engagement.fake_social_proof", "cn.engagement.review_cashback",
                                         "uk.engagement.review_incentive", "us.engagement.review_incentive",
                                         "sg.engagement.review_reward"), ("us", "uk", "cn")),
    "9 reference prices": (("uk.pricing.reference_price", "cn.pricing.reference_price", "id.pricing.reference_price",
                            "vn.pricing.reference_price", "th.pricing.reference_price", "my.pricing.reference_price",
                            "ph.pricing.reference_price", "sg.pricing.reference_price", "us.pricing.former_price"),
                           ("uk", "cn", "id", "th", "vn", "my", "ph", "sg")),
    "10 registration and permit numbers": (("id.claims.bpom_number", "th.claims.fda_number", "ph.claims.fda_registration",
                                            "vn.claims.ad_confirmation", "my.claims.kkliu"),
                                           ("id", "th", "ph", "vn", "my")),
    "11 environmental claims": (("us.claims.environmental", "uk.claims.environmental", "cn.claims.environmental"),
                                ("us", "uk", "cn")),
    "12 endorsers": (("id.endorsers.", "th.endorsers.", "my.endorsers.", "cn.endorsers.", "id.claims.bpom_endorsement",
                      "global.endorsers."), ("id", "th", "my", "cn")),
    "12 minors as endorsers or live hosts": (("cn.endorsers.child", "cn.endorsers.minor_live_host",
                                              "global.endorsers.minor_live_host"), ("id", "th", "my", "cn")),
    "13 alcohol": (("vn.restricted.spirits", "cn.restricted.alcohol", "id.restricted.alcohol", "my.restricted.alcohol",
                    "th.alcohol.brand", "th.alcohol.sale", "th.alcohol.sponsor"), ("vn", "cn", "id", "my", "th")),
    "14 prize promotions": (("ph.engagement.raffle_permit", "cn.engagement.prize_cap", "uk.engagement.paid_prize_draw"),
                            ("ph", "cn", "uk")),
    "15 music beyond cues": (("global.music.named_track", "global.music.lyrics_slogan", "global.music.cross_post_sound"),
                             MARKETS),
}


def family_rules(patterns: tuple[str, ...]) -> list:
    return [rule for rid, rule in sorted(_RULESET.rules.items())
            if any(rid == p or (p.endswith(".") and rid.startswith(p)) for p in patterns)]


def coverage(patterns: tuple[str, ...]) -> dict[str, list[str]]:
    """market -> ids of the family's rules that apply there (own rules first, then global ones)."""
    out: dict[str, list[str]] = {m: [] for m in MARKETS}
    for rule in family_rules(patterns):
        for market in MARKETS if rule.pack == "global" else (rule.pack,):
            if market in out and rule.id in _RULESET.effective(market):
                out[market].append(rule.id)
    return out


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_has_rules_in_every_market_the_issue_names(family):
    patterns, wanted = FAMILIES[family]
    rules = family_rules(patterns)
    assert rules, f"{family}: no rule"
    listed = {p for p in patterns if not p.endswith(".")}
    assert listed <= set(_RULESET.rules), f"{family}: unknown rule ids {sorted(listed - set(_RULESET.rules))}"
    covered = coverage(patterns)
    missing = [m for m in wanted if not covered[m]]
    assert not missing, f"{family}: no rule in {', '.join(missing)}"
    for rule in rules:
        examples = rule.spec.get("examples") or {}
        assert len(examples.get("flag") or ()) >= 2 and len(examples.get("pass") or ()) >= 2, rule.id
        assert rule.spec.get("source") and rule.spec.get("reviewed"), rule.id


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_reads_each_markets_language(family):
    """In each SEA market and China the issue names for a family, one of the family's rules that apply
    there reads the market's first language (Singapore's is English)."""
    patterns, wanted = FAMILIES[family]
    covered = coverage(patterns)
    for market in wanted:
        local = _RULESET.markets[market].languages[0]
        readers = [rid for rid in covered[market] if local in (_RULESET.rules[rid].languages or ())]
        assert readers, f"{family}: no rule reads {local} in {market} ({', '.join(covered[market])})"


def table() -> str:
    head = "| family | " + " | ".join(MARKETS) + " |"
    lines = [head, "|" + "---|" * (len(MARKETS) + 1)]
    for family in sorted(FAMILIES, key=lambda f: (int(f.split()[0]), f)):
        covered = coverage(FAMILIES[family][0])
        wanted = FAMILIES[family][1]
        cells = []
        for m in MARKETS:
            own = [r for r in covered[m] if not r.startswith("global.")]
            glob = [r for r in covered[m] if r.startswith("global.")]
            cell = str(len(own)) if own else ""
            cell += ("+G" if own else "G") if glob else ""
            cells.append((cell or "-") + ("" if m in wanted or not covered[m] else "*"))
        lines.append(f"| {family} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
    print("\nN = market rules of the family, G = a global rule applies there; * = beyond the markets the issue names")
