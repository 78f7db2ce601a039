"""Issue 15, session 41: mends to claim rules found while landing the session's work. Aids and comfort
goods named next to a condition or a pregnancy are not health claims, while the same words on a product
taken or applied still are; counts of goods and rich foods are not wealth promised; a rank fused with
"bestseller" is a rank claim.

- `global.claims.condition_treatment` took "jar openers for people with arthritis" for a treatment: an
  aid made for people who live with a condition treats nothing.
- `global.claims.no_side_effects` took "this maternity pillow is safe during pregnancy" for a promise of no
  side effects: a pillow or a car seat is said to be physically safe.
- `global.claims.earnings_wealth` (new this session) took a count of goods ("made a million cupcakes"), a
  rich food ("get rich, creamy foam"), a bake sale's takings and a move to the coast for wealth promised:
  a bare "a million" or "millions" counts money only before a money word or nothing, and "a killing" or
  quitting the rat race only when credited to what is sold.
- `global.claims.rank_rated` (new this session) read "No. 1 best-selling" but not the one word
  "bestselling" or "bestseller".
- `cn.health.shape_no_rebound` (new this session) took a yoga mat or an insole that keeps its shape
  (不会反弹变形) for a weight result that never returns.

Every text is written for this test (not copied from a ruling or a real post)."""

from __future__ import annotations

import pytest
from claim_shapes import assert_left_alone, assert_quiet, assert_reported

# (market, text, rule that must still report it, words the finding must cover)
CLAIMS = [
    ("uk", "Turmeric capsules for people with arthritis, order yours today", "global.claims.condition_treatment", "for people with arthritis"),
    ("us", "Our new jar openers are here, and these capsules are for people with arthritis, shop now", "global.claims.condition_treatment", "for people with arthritis"),
    ("us", "Our calming drops are completely safe during pregnancy, shop now", "global.claims.no_side_effects", "safe during pregnancy"),
    ("uk", "This stretch-mark oil is safe for pregnant women, order today", "global.claims.no_side_effects", "safe for pregnant women"),
    ("us", "I made a million in my first year on this app, DM me to join", "global.claims.earnings_wealth", "made a million"),
    ("uk", "Our members are making a killing with this betting system, join now", "global.claims.earnings_wealth", "making a killing"),
    ("sg", "Meet the #1 bestseller of our skincare range, shop now", "global.claims.rank_rated", "#1 bestseller"),
]

# ordinary sales posts that must stay silent at warning or above, sold or not
INNOCENT = [
    ("us", "Easy-grip jar openers for people with arthritis, order now"),
    ("uk", "Large-print keyboards for people with low vision, free delivery this week"),
    ("uk", "Perching stools and grab rails for people with arthritis, order online"),
    ("us", "This maternity pillow is safe during pregnancy, shop now"),
    ("uk", "Our rear-facing car seat is safe for newborns, order today"),
    ("us", "A bump band that is totally safe while pregnant, shop the range"),
    ("us", "We made a million cookies for the school fair, order yours now"),
    ("uk", "Get rich, velvety hot chocolate with every order this week"),
    ("us", "We made a killing at the school fair, thanks everyone! Order cupcakes now"),
    ("uk", "I quit the rat race for a farm in Devon, shop our honey"),
]

# the same in Chinese: a mat or a sole that keeps its shape is not a weight result that never returns
INNOCENT_ZH = [
    ("cn", "加厚鞋垫，久站也不会反弹塌陷，今晚下单包邮"),
]


@pytest.mark.parametrize(("market", "text", "rule", "words"), CLAIMS)
def test_claim_still_reported(market: str, text: str, rule: str, words: str) -> None:
    assert_reported(text, market, rule, words)


@pytest.mark.parametrize(("market", "text"), INNOCENT)
def test_aid_left_alone(market: str, text: str) -> None:
    assert_left_alone(text, market)


@pytest.mark.parametrize(("market", "text"), INNOCENT_ZH)
def test_shape_kept_is_left_alone(market: str, text: str) -> None:
    assert_quiet(text, market, language="zh")
