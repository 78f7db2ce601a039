"""US claim shapes of the tenth pass, taken from the FDA's and the FTC's own texts (issue 15).

Wording written for these tests, not copied from a case. Each claim must give a claim finding
(warning or error) over its words in a post that sells, in the market named; everyday wording with
the same words must give none, whether or not the post sells. The shapes:

- 21 CFR 101.93(g)(2)(ii) (characteristic symptoms of a disease) in every market's English: symptoms
  "commonly seen in" or "typical of" a condition; two-word items listed before a condition ("heals
  razor bumps and eczema"); the effects of alcohol intoxication decreased (the FDA's example in its
  final rule, 65 FR 1000); a product that "addresses" a condition "experienced by" or "of all" the
  people who have it (the FTC's CellMark complaint, 2018);
- a condition compounded with what the product does to it ("tumour-fighting", "flu fighting
  nutrients"; the FTC's Teami and Whole Leaf Organics complaints, 2020);
- a benefit aimed at people who have a condition ("... in people with hypertension", 21 CFR
  101.93(g)(2));
- the US pack: the FDA's cosmetic warning letters ("collagen-boosting serum", "rebuilds the dermis",
  "changes the structure of wrinkles"), "improves urine flow in older men" and "patients with reduced
  or compromised immune function" (21 CFR 101.93(g)(2)(ii) and (viii)), the FTC Gut Check's permanent
  loss and loss for every user;
- a rank scoped to a US state ("Ohio's favorite ...": the same claim as "America's favorite").

And the other way round, the common, mild symptoms of natural states that the FDA leaves to
structure/function claims for a dietary supplement (65 FR 1000: hot flashes, occasional
sleeplessness, ordinary morning sickness) are no warning in the US (a note, and a missing FDA
disclaimer is still a warning for a supplement), while they stay a health-claim warning in the UK.
"""

from __future__ import annotations

import pytest
from claim_shapes import assert_flagged_over, assert_left_alone, claim_findings

import checker

ENGLISH = ("uk", "us", "sg", "my", "ph")

# (text, words the claim finding must cover), in every English market
SHARED = [
    ("Turmeric drops that soothe symptoms commonly seen in arthritis, order today",
     "soothe symptoms commonly seen in arthritis"),
    ("Our chewables ease the restlessness typical of ADHD in kids", "ease the restlessness typical of ADHD"),
    ("A tea tree balm that heals razor bumps and eczema in days", "heals razor bumps and eczema"),
    ("Kudzu capsules that decrease the effects of alcohol intoxication by morning",
     "decrease the effects of alcohol intoxication"),
    ("A nutrition shake that addresses the weight loss experienced by many cancer patients",
     "addresses the weight loss"),
    ("Our tumour-fighting mushroom extract, now in capsules", "tumour-fighting"),
    ("Ginger shots loaded with flu fighting nutrients for the school run", "flu fighting nutrients"),
    ("Hibiscus tea that supports healthy blood pressure in people with hypertension",
     "supports healthy blood pressure in people with hypertension"),
    # eleventh pass: shapes from the FTC's and CAP's lists (safety absolutes in a while-clause, the Gut
    # Check's "eat what you want", prevention as "at bay", a regulator's approval without "the", a
    # multiple against the usual treatment, a stated monthly profit)
    ("These lavender sleep drops are totally safe when pregnant, grab yours", "totally safe when pregnant"),
    ("Eat what you like and still drop two sizes with our slim coffee", "Eat what you like and still drop"),
    ("Two capsules a day keep my migraines at bay, shop the link", "migraines at bay"),
    ("Whitening lotion approved by FDA, limited stocks", "approved by FDA"),
    ("Clear aligners that straighten your smile 2x faster than traditional braces",
     "2x faster than traditional braces"),
    ("Copy my store setup and pocket $2,500 monthly passive income", "$2,500 monthly passive income"),
    # CAP AdviceOnline on "first" claims and the GB apostrophe-less possessive; FDA letters likening a
    # botanical to a drug; "research has shown"; the LED-mask rulings' "signs of rosacea"
    ("Honestly the worlds No 1 lip oil, back in stock", "the worlds No 1"),
    ("The first bronzer to double as a primer, out now", "The first bronzer to"),
    ("Turmeric root with comparable efficacy to prescription anti-inflammatories",
     "comparable efficacy to prescription"),
    ("Research has shown our magnesium spray melts away tension", "Research has shown"),
    ("An LED mask that targets the signs of rosacea in ten minutes", "targets the signs of rosacea"),
    # the FTC Gut Check's absorption, permanence and rub-on claims
    ("These fat binder capsules stop your body absorbing the fat from takeaways",
     "stop your body absorbing the fat"),
    ("Keep the weight off permanently, join the 12-week reset", "Keep the weight off permanently"),
    ("Apply the firming gel to your thighs twice a day and watch them shrink",
     "Apply the firming gel to your thighs twice a day and watch them shrink"),
    ("Say bye bye to eczema flare-ups with our oat cream", "Say bye bye to eczema"),
]

US_ONLY = [
    ("Meet our collagen-boosting serum, 20% off this week", "collagen-boosting serum"),
    ("A retinal night cream that rebuilds the dermis while you sleep", "rebuilds the dermis"),
    ("Our microcurrent wand changes the structure of wrinkles in a month", "changes the structure of wrinkles"),
    ("Saw palmetto softgels to improve urine flow in older men, shop now", "improve urine flow in older men"),
    ("Ohio's favorite hot sauce is back in stock", "Ohio's favorite"),
    ("Elderberry gummies made for kids with weakened immune systems", "kids with weakened immune systems"),
    ("Shed the pounds and keep it off forever with our morning shake", "Shed the pounds and keep it off forever"),
    ("Everybody who used them lost weight, link in bio", "Everybody who used them lost weight"),
]

INNOCENT = [
    "So proud of my aunt, cancer-fighting champion, raising money for the hospice this weekend.",
    "Treat your mum and dad to brunch this Sunday, booking link in bio.",
    "Collagen-boosting foods I eat every week: bone broth, citrus and eggs.",
    "The renovation will restore the structure of the old mill by spring.",
    "The plumber restored the flow in the men's room sink, finally.",
    "Our nurse team addresses every question in the comments, ask away.",
    "Flu jab clinic Saturday: people with weakened immune systems should ask their doctor first.",
    "Switch the telly off and keep it off for good after 9pm, best sleep advice ever.",
    "Our charity run raised money for people with arthritis.",
    "Is it safe when pregnant to eat soft cheese? My midwife says no.",
    "Eat what you like this weekend, the barbecue is on us.",
    "Keep the seagulls at bay: no chips on the seafront, please.",
    "Research shows the new bus lane saves commuters four minutes, says the council.",
    "Our $1,200 monthly rent includes bills, DM if you want the room.",
    "The first bronzer I ever bought was orange, we've all been there.",
    "Know the signs of a stroke: our first aid course is free on Saturday.",
    "Apply sunscreen to your arms every two hours and watch the kids at the pool.",
    "Suitable for all skin types, including sensitive, and fragrance free.",
]

NATURAL_STATE = [
    ("Black cohosh capsules that ease hot flashes, shop the link", "ease hot flashes"),
    ("Two gummies at bedtime for relief of occasional sleeplessness", "relief of occasional sleeplessness"),
]


@pytest.mark.parametrize("market", ENGLISH)
@pytest.mark.parametrize("text,words", SHARED)
def test_shared_shapes_flagged(text, words, market):
    assert_flagged_over(text, words, market)


@pytest.mark.parametrize("text,words", US_ONLY)
def test_us_shapes_flagged(text, words):
    assert_flagged_over(text, words, "us")


@pytest.mark.parametrize("market", ("uk", "us"))
@pytest.mark.parametrize("text", INNOCENT)
def test_everyday_wording_left_alone(text, market):
    assert_left_alone(text, market)


@pytest.mark.parametrize("text,words", NATURAL_STATE)
def test_natural_state_symptoms_a_note_in_the_us(text, words):
    assert not claim_findings(text, "us", True), text
    start = text.index(words)
    notes = [f for f in checker.check_text(text, markets=["us"], language="en", commercial=True)
             if f.rule == "global.claims.natural_state_symptom"]
    assert [f.severity for f in notes] == ["info"] and notes[0].start <= start < notes[0].end


@pytest.mark.parametrize("text,words", NATURAL_STATE)
def test_natural_state_symptoms_still_a_health_claim_in_the_uk(text, words):
    assert_flagged_over(text, words, "uk")


def test_supplement_without_fda_disclaimer_still_warned_in_the_us():
    text = "Sage and black cohosh capsules that ease hot flashes, shop the link"
    findings = checker.check_text(text, markets=["us"], language="en", commercial=True, product="supplement")
    assert any(f.rule == "us.claims.dshea_disclaimer" and f.severity == "warning" for f in findings)
