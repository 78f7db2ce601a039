"""Issue 15, session 50: claim shapes found missing by a third fresh blind set of regulator cases
(collected this session from sources the regulator set did not hold, scored before any change, then
mended on its tune half only) and by the tune half's misses that a reviewer reads from the words alone:

- earnings: a sum to retire or live on, averaged, "a minimum of" or "as much as" it, made "in a single
  month" (global.claims.earnings_amount); a headline sum made "using the method"
  (global.claims.earnings_told); money never a worry again, enough to quit a job, a system that makes
  money like clockwork or puts it in your pocket, profits predicted with certainty, a stake never at
  risk (global.claims.earnings_lifestyle);
- health: night-time trips to the toilet, a condition that stops, conditions named by their class
  ("conditions such as"), every symptom, fats in the blood, "cut down" (global.claims.condition_treatment);
  the risk of any listed condition reduced (global.claims.disease_risk); "without side-effects";
- a rhetorical question denies nothing ("Wouldn't you rather...", "Why not..."): English negation
  exceptions in rules/global/pack.yaml;
- "the top" scoped to a market, a market's top (global.claims.superlative_scope);
- UK: several 5 A DAY portions claimed (uk.claims.five_a_day), cosmetic surgery made to sound easy
  (uk.claims.surgery_trivialised);
- Chinese: slimming without the two rules of dieting, fat and sugar kept from absorption
  (cn.health.weight_promise), weight lost at a daily rate (cn.health.weight_loss), a condition
  "solved" (cn.health.condition_result), a pass promised at the first attempt
  (cn.claims.education_guarantee), a doctor vouched for by a public hospital
  (cn.health.hospital_pedigree);
- commercial context: asked to message for a price ("DM me on WhatsApp for the best price"), a product
  praised in the past tense ("this serum cleared my acne").

Every text is written for this test. The innocent texts use the same words in ordinary posts and must
stay silent at warning or above."""

from __future__ import annotations

import pytest
from claim_shapes import shape_tests

from checker import check_text

# (market, language, text, rule that must report it, words the finding must cover)
CLAIMS = [
    ("uk", "en", "My forex plan could let you retire on £4,500 a month, book a free call",
     "global.claims.earnings_amount", "retire on £4,500 a month"),
    ("us", "en", "Our members make a minimum of $600 in 14 days, join the next cohort",
     "global.claims.earnings_amount", "make a minimum of $600 in 14 days"),
    ("us", "en", "She made $19,500 in a single month reselling sneakers, the course opens Monday",
     "global.claims.earnings_amount", "made $19,500 in a single month"),
    ("uk", "en", "Earned £7,200 using this system. Doors close Sunday",
     "global.claims.earnings_told", "Earned £7,200 using this system"),
    ("us", "en", "Join my team and money will never be a problem again, DM me",
     "global.claims.earnings_lifestyle", "money will never be a problem again"),
    ("uk", "en", "An affiliate bot that brings in profits like clockwork, licences from £29",
     "global.claims.earnings_lifestyle", "brings in profits like clockwork"),
    ("us", "en", "Saw palmetto softgels to stop getting up at night to pee, order today",
     "global.claims.condition_treatment", "stop getting up at night to pee"),
    ("uk", "en", "A magnesium spray that eases conditions like restless legs, shop now",
     "global.claims.condition_treatment", "eases conditions like"),
    ("us", "en", "Our vinegar shots lower blood fat naturally, grab a case",
     "global.claims.condition_treatment", "lower blood fat"),
    ("uk", "en", "Zinc lozenges that reduce the risk of cold sores this winter, order now",
     "global.claims.disease_risk", "reduce the risk of cold sores"),
    ("us", "en", "Wouldn't you rather cure acne from the inside? Try our gummies",
     "global.claims.condition_treatment", "cure acne"),
    ("uk", "en", "We are the top dog groomer in the UK, book a slot",
     "global.claims.superlative_scope", "the top dog groomer in the UK"),
    ("uk", "en", "Our veg crisps give you two of your 5 a day in every bag",
     "uk.claims.five_a_day", "two of your 5 a day"),
    ("uk", "en", "New year, new nose: rhinoplasty was so easy at our clinic, book now",
     "uk.claims.surgery_trivialised", "rhinoplasty was so easy"),
    ("cn", "zh", "这款奶昔不需要迈开腿，也能轻松掉秤",
     "cn.health.weight_promise", "不需要迈开腿"),
    ("cn", "zh", "黑咖啡每周瘦5斤，宝妈都在喝",
     "cn.health.weight_loss", "每周瘦5斤"),
    ("cn", "zh", "喝了三个月，我妈的高血压问题能解决了",
     "cn.health.condition_result", "高血压问题能解决"),
    ("cn", "zh", "教师资格证冲刺班，一次性上岸，名额有限",
     "cn.claims.education_guarantee", "一次性上岸"),
    ("cn", "zh", "做双眼皮找张院长，曾在市立医院整形科任主任医师",
     "cn.health.hospital_pedigree", "曾在市立医院整形科任主任医师"),
]

INNOCENT = [
    ("uk", "en", "Grandad wants to retire on his state pension and a bit of gardening money."),
    ("us", "en", "We made $300 at the lemonade stand using Mom's old recipe."),
    ("us", "en", "Cooking at home puts money in your pocket, honestly, my budget says so."),
    ("us", "en", "The baby gets up at night to feed every three hours, send coffee."),
    ("uk", "en", "The pain stops here: new episode of our true crime podcast tonight."),
    ("uk", "en", "Stretching after a run lowers the risk of cramps, see you at club night."),
    ("uk", "en", "We got the top table in the restaurant in Leeds, birthday sorted."),
    ("uk", "en", "Trying to eat all five of my 5 a day this week, soup is saving me."),
    ("uk", "en", "My rhinoplasty recovery was hard, here is what six weeks looked like."),
    ("cn", "zh", "医生说减肥还是要管住嘴迈开腿，没有捷径"),
    ("cn", "zh", "每天吃两斤水果，夏天就是幸福"),
    ("cn", "zh", "我姑姑原来在三甲医院当护士长，现在退休了"),
]

test_claim_is_reported, test_innocent_use_stays_clean = shape_tests(CLAIMS, INNOCENT)


@pytest.mark.parametrize("text", [
    "This serum cleared my acne in a week! DM me on WhatsApp for the best price",
    "Message us for prices: this cream removed my dark spots in ten days",
])
def test_seller_asks_for_a_message_about_the_price_so_the_post_sells(text):
    # without --commercial: the post is found to sell from its own words, so the claim rules apply
    findings = check_text(text, markets=["us"], language="en")
    assert any(f.category == "claim" and f.severity in ("warning", "error") for f in findings), findings


def test_a_price_asked_for_a_second_hand_thing_is_no_claim():
    assert not [f for f in check_text("Text me for the price of the old bike, it's in the garage",
                                      markets=["us"], language="en") if f.severity != "info"]
