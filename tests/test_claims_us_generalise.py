"""US claim shapes taken from the FDA's and the FTC's own lists (issue 15, ninth pass).

Wording written for these tests, not copied from a case: a claim of each shape must give a claim
finding (warning or error) over its words in a post that sells, and everyday wording with the same
words must give none, whether or not the post sells. The shapes:

- the FDA's warning letters to skin care sold as cosmetics (us.claims.cosmetic_physiology): collagen
  stimulated, blood flow to the skin increased, oil production reduced, acne-causing bacteria killed,
  fatty tissue volume increased, wound healing activated, scar tissue broken down, the skin's
  anti-inflammatory response improved;
- 21 CFR 101.93(g)(2)(iv)-(vi) (us.claims.implied_disease): the body's ability to resist infection, its
  antiviral defences, use with a therapy (during chemotherapy, when taking insulin);
- in every English market (the shared layer, global.claims.*): a condition's symptoms "associated with"
  it, a list of conditions after a colon ("helps with: joint pain"), "helped with my ...", "protective
  against the development of ...", a health claim that cites research ("research shows ..."), the
  -ing forms of immunity verbs ("building your immunity"), the FTC's earnings examples of a business of
  a stated size ("start a six-figure business") and a sum made in someone's first month.
"""

from __future__ import annotations

import pytest
from claim_shapes import assert_flagged_over, claim_findings

ENGLISH = ("uk", "us", "sg", "my", "ph")

# (text, words the claim finding must cover)
SHARED = [
    ("A calming patch to ease the symptoms associated with eczema overnight",
     "ease the symptoms associated with eczema"),
    ("Our golden milk blend helps with: joint pain, stiffness and swelling", "helps with: joint pain"),
    ("Honestly this balm helped with my psoriasis in ten days", "helped with my psoriasis"),
    ("Broccoli sprout capsules, protective against the development of cancer",
     "protective against the development of cancer"),
    ("Studies and research show our gummies help with migraines", "help with migraines"),
    ("Building your immunity starts with one shot a day, order now", "Building your immunity"),
    ("Launch a seven-figure ecommerce store with our done-for-you program",
     "Launch a seven-figure ecommerce store"),
    ("Priya made $12,000 in her first month with our coaching", "made $12,000 in her first month"),
]

US_ONLY = [
    ("Our peptide night cream stimulates collagen while you sleep", "stimulates collagen"),
    ("A bakuchiol serum that doubles collagen production in a month", "doubles collagen production"),
    ("This rosemary scalp oil increases blood flow to the hair follicles",
     "increases blood flow to the hair follicles"),
    ("A niacinamide toner that regulates sebum production all day", "regulates sebum production"),
    ("Blue-light wand that destroys acne-causing bacteria in minutes", "destroys acne-causing bacteria"),
    ("A healing ointment to speed up wound healing on cracked heels", "speed up wound healing"),
    ("Silicone gel that remodels scar tissue after surgery", "remodels scar tissue"),
    ("Elderberry gummies that support your body's natural ability to fight off viruses",
     "your body's natural ability to fight off viruses"),
    ("A greens powder designed for drinking during chemotherapy", "designed for drinking during chemotherapy"),
]

PASSED = [
    "Costs associated with the move were higher than we planned.",
    "The lecture helped with my revision more than any book did.",
    "Bake sale on Saturday: every brownie funds cancer research at the hospital.",
    "The new bus lane helped with my commute, twenty minutes saved.",
    "Collagen-rich bone broth simmering all day, recipe below.",
    "Stretch every hour to keep the blood flowing at your desk.",
    "Oil production at the refinery is down this quarter.",
    "Wash the cut with clean water and see a nurse if it keeps bleeding.",
    "Your body's ability to adapt to cold water is wild, day 40 of sea swims.",
    "Mum's oncologist said rest is key during chemotherapy, so we binge-watched everything.",
    "We toured a million-dollar home on the lake last weekend.",
    "Spent $60 in my first week at college on coffee alone.",
]


CASES = [(m, t, w) for m in ENGLISH for t, w in SHARED] + [("us", t, w) for t, w in US_ONLY]


@pytest.mark.parametrize(("market", "text", "words"), CASES)
def test_us_shape_found_over_its_words(market, text, words):
    assert_flagged_over(text, words, market)


@pytest.mark.parametrize(("market", "text"), [(m, t) for m in ENGLISH for t in PASSED])
@pytest.mark.parametrize("commercial", [True, None])
def test_same_words_in_ordinary_use_pass(market, text, commercial):
    assert claim_findings(text, market, commercial) == [], f"{market} {text!r}"
