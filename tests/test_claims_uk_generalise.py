"""UK claim shapes taken from the ASA's rulings and the CAP, CMA and NHS guidance they apply (issue 15).

Written for these tests, not copied from the regulator cases: a claim of each shape must give a claim
finding (warning or error) over its words in a post that sells, and everyday wording with the same
words must give none, whether or not the post sells. The UK shapes: health and beauty effects a food or
supplement may not claim under the GB Nutrition and Health Claims Register (CAP rules 15.1 and 15.2:
"anti-ageing gummies", "collagen that reduces fine lines", "deeper sleep", "joint relief", "helps you
lose weight"); baby sleep products called safe for sleep (the ASA's safe-sleep guidance and the NHS
advice it applies); fat lost from one part of the body (CAP Code section 13); what other buyers earned
("my students made £40k", CAP rule 3.7 and the FTC's Business Opportunity Rule); the CMA Green Claims
Code's broad benefit and disposal words. The shared English shapes (every English market): a condition
made smaller ("less anxiety", "fewer migraines") or lifting ("the brain fog lifted"), "the very first ...
of its kind", a body-function verb in a testimonial's past tense ("improved my circulation"; outside
the US); comfort and taste superlatives are left alone as opinion (ASA, Hypnos Ltd 2014). General
health claims for foods (CAP rule 15.2: "a healthier you", "wellness shots") are UK only.
"""

from __future__ import annotations

import pytest
from claim_shapes import assert_flagged_over, assert_left_alone

MARKETS = ("uk", "us", "sg", "my", "ph")

# (text, words the claim finding must cover): every English market
SHARED = [
    ("Two gummies at bedtime and less anxiety by the morning", "less anxiety"),
    ("Fewer migraines since I started these magnesium drops", "Fewer migraines"),
    ("A week on the capsules and the brain fog lifted", "brain fog lifted"),
    ("The very first water bottle of its kind to track every sip", "very first water bottle of its kind to"),
    ("A nipple balm recommended by midwives, now in a travel size", "recommended by midwives"),
    # a testimonial's past tense of a body-function verb (a note in the US, where supplements may make
    # structure/function claims with the FDA disclaimer)
]

# (text, words): every English market but the US
SHARED_NOT_US = [
    ("Honestly these drops improved my circulation within a fortnight", "improved my circulation"),
    ("The tea boosted my metabolism like nothing else", "boosted my metabolism"),
]

# (text, words): UK only
UK_ONLY = [
    # GB NHC Register / CAP 15: effects no authorised claim allows for a food or supplement
    ("Our marine collagen sachets fight skin ageing from within", "sachets fight skin ageing"),
    ("The anti-ageing gummies everyone keeps asking about", "anti-ageing gummies"),
    ("Biotin capsules for thicker hair in time for the wedding", "capsules for thicker hair"),
    ("Ashwagandha tablets for less stress before exams", "tablets for less stress"),
    ("Night tea for deeper sleep, three flavours", "tea for deeper sleep"),
    ("Our krill softgels: energy, joint relief and focus", "softgels: energy, joint relief"),
    ("These apple cider vinegar gummies are brilliant for helping you lose weight", "gummies are brilliant for helping you lose weight"),
    # ASA safe-sleep guidance (nests, pods, positioners, anti-roll pillows)
    ("Our muslin baby nest is certified safe for overnight use", "baby nest is certified safe"),
    ("Newborn anti-roll wedge, back in stock", "Newborn anti-roll"),
    ("A cot bumper that reduces the risk of SIDS", "cot bumper that reduces the risk of SIDS"),
    # CAP Code section 13: fat lost from one place
    ("A sauna belt that melts the fat from your tummy", "melts the fat from your tummy"),
    ("A cream that shifts the flab on your upper arms", "shifts the flab on your upper arms"),
    # earnings of other buyers
    ("Last spring my mentees made over £50k between them", "mentees made over £50k"),
    ("Our students have generated six figures trading from home", "students have generated six figures"),
    # CMA Green Claims Code, ASA green disposal research
    ("Refill pouches that are kind to the planet, 3 for £10", "kind to the planet"),
    ("Compostable phone cases in six new colours", "Compostable phone cases"),
    # CAP rule 15.2, AdviceOnline "Food: General health claims"
    ("New matcha gummies. A healthier you by spring", "gummies. A healthier you"),
    ("Our beetroot wellness shots are back", "wellness shots"),
    ("Oat bars that look after your heart, 4 for £5", "look after your heart"),
    ("Two of these gummies a day will transform your life", "gummies a day will transform your life"),
]

# the same words in ordinary use (every English market)
PASSED = [
    "Less traffic than I expected on the M6 this morning.",
    "Fewer people at the gym on a Monday, bliss.",
    "The fog lifted by lunchtime and the view was amazing.",
    "Honestly the comfiest bed in the world after a night shift.",
    "Our shop's slippers: the most comfortable slippers in the world, I live in them.",
    "Our new throw: the cosiest blanket in the UK, now in oatmeal.",
    "Twenty minutes of yoga before bed and I get deeper sleep, no supplements needed.",
    "Vitamin C contributes to normal collagen formation for the normal function of skin.",
    "Restocked our fudge and tablet trays, grab them before the weekend.",
    "Safer Sleep Week reminder from the Lullaby Trust: baby on their back, in a clear cot.",
    "Our nursery bundle: cot, mattress and two fitted sheets, 15% off.",
    "Trim the fat from the lamb before it goes in the oven.",
    "Our pilates class works your core, but you can't spot reduce belly fat.",
    "Our students raised £2,000 for the food bank this term.",
    "Customers have made 5,000 orders since launch, thank you!",
    "A sustainable pace is the secret to finishing a marathon.",
    "Is glitter bad for the planet? We asked a marine biologist.",
    "Less pain than waxing and done in ten minutes.",
    "The new alarm app improved my sleep schedule, no more snoozing.",
    "The update improved memory usage on my phone.",
    "Book a free blood pressure check to look after your heart this month.",
    "The wellness centre opens at nine on Saturdays.",
    "Thank you to the midwives who looked after us this week.",
    "These tea towels will change your life in the kitchen, promise.",
]


CASES = [(m, t, w) for m in MARKETS for t, w in SHARED] + [
    (m, t, w) for m in MARKETS if m != "us" for t, w in SHARED_NOT_US] + [("uk", t, w) for t, w in UK_ONLY]


@pytest.mark.parametrize(("market", "text", "words"), CASES)
def test_claim_shape_is_flagged_over_its_words(market, text, words):
    assert_flagged_over(text, words, market)


@pytest.mark.parametrize("text", PASSED)
@pytest.mark.parametrize("market", MARKETS)
def test_ordinary_wording_is_left_alone(market, text):
    assert_left_alone(text, market)
