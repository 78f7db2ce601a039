"""English health and efficacy claims widened in session 37 (issue 15), from the regulators' own lists.

Vocabulary and shapes written before reading any regulator case, from 21 CFR 101.93(g) (a disease's
characteristic signs or course), the FTC Health Products Compliance Guidance (2022) and its "Gut Check"
weight-loss list, and CAP Code sections 12 and 13 with the ASA's AdviceOnline entries on health, beauty
and slimming: a condition helped, used for, recovered from or pulled out; a condition fading, lessening,
back in range or not flaring; a cold's length, hair kept from falling out, night-time
trips to the loo; sufferers recovering from a disease; question openers ("Do you get migraines?");
a testimonial that ends "now my skin is clear"; a qualified difference or skin lightened by a date; a
body change as a percentage or a multiple; a transformation dated in days or weeks; the weight never
regained. Each row is written for these tests (none copies a regulator case). A claim must give a claim
finding (warning or error) over its words in a post that sells, in every English market; everyday wording
with the same words must give none.
"""

from __future__ import annotations

import pytest
from claim_shapes import assert_flagged_over, assert_left_alone

MARKETS = ("uk", "us", "sg", "my", "ph")

FLAGGED = [
    # condition_treatment: verbs of helping, using and recovering (21 CFR 101.93(g)(2); CAP rule 12.1)
    ("The turmeric drops have been helping my gout loads this winter", "helping my gout"),
    ("I've been using this balm for my psoriasis and it's incredible", "using this balm for my psoriasis"),
    ("Elderberry syrup to speed recovery from the flu, in stock now", "speed recovery from the flu"),
    ("Charcoal wraps that pull out toxins while you relax", "pull out toxins"),
    ("A peptide tonic that thickens thinning hair by summer", "thickens thinning hair"),
    ("A broth made for people recovering from cancer, order today", "people recovering from cancer"),
    # a condition's signs and course between verb and condition
    ("Since the air purifier his asthma hasn't flared up once", "asthma hasn't flared up once"),
    ("Sea moss shots to shorten the length of a cold, grab one", "shorten the length of a cold"),
    ("A scalp serum that stops hair from falling out after stress", "stops hair from falling out"),
    ("Pumpkin seed capsules to reduce night-time trips to the bathroom", "reduce night-time trips to the bathroom"),
    # results after the condition, testimonial forms (16 CFR 255.2)
    ("Since the gummies my reflux is way less, restocked", "reflux is way less"),
    ("My cholesterol is finally normal after the oat shots", "cholesterol is finally normal"),
    ("Three weeks in and the psoriasis patches are fading already", "psoriasis patches are fading"),
    ("My daughter's eczema hasn't flared since the new balm", "eczema hasn't flared"),
    ("I had rosacea for years and now my skin is clear, thank you serum", "I had rosacea for years and now my skin is clear"),
    # question openers in an ad
    ("Do you get cold sores? Our lip balm is back", "Do you get cold sores?"),
    ("Tired of heartburn after dinner? Try our chewable enzymes", "Tired of heartburn after dinner? Try"),
    # efficacy: a qualified difference or lightening by a date (CAP rule 3.7, 12.1)
    ("Expect a noticeable difference in 10 days with the night oil", "noticeable difference in 10 days"),
    ("Our cream will whiten your skin in 14 days", "whiten your skin in 14 days"),
    # a body change as a percentage, a multiple, a dated transformation, day against day (CAP 13.10)
    ("Lashes look 70% longer with our serum", "Lashes look 70% longer"),
    ("Up to 5x more hair growth with our scalp drops", "Up to 5x more hair growth"),
    ("Here's my 12-week transformation on the detox tea", "my 12-week transformation"),
    ("Day 1 vs day 60 on the slimming coffee", "Day 1 vs day 60"),
    ("Before and after 6 weeks of our firming cream", "Before and after 6 weeks"),
    # the weight never regained (FTC "Gut Check": permanent weight loss)
    ("Lose the weight with our shakes and never put back on the pounds", "never put back on the pounds"),
    # the FTC "Gut Check" claims as sellers word them, and slimming a body part (CAP rules 13.1, 13.9)
    ("Take it for a month and the pounds stay off after you stop", "pounds stay off after you stop"),
    ("You don't need to cut out bread to lose weight with our drops", "don't need to cut out bread to lose"),
    ("Enjoy your favourite treats and still slim down by summer", "Enjoy your favourite treats and still slim"),
    ("Wear our shapewear and slim while you sleep", "slim while you sleep"),
    ("Burn fat on autopilot with one scoop a day", "Burn fat on autopilot"),
    ("Strap it on and watch the belly fat melt away", "watch the belly fat melt away"),
    ("Bye bye love handles with our thermal wrap", "Bye bye love handles"),
    ("Appetite chews that quiet the food noise all afternoon", "quiet the food noise"),
    ("Six weeks of the coffee and I had to buy smaller jeans", "had to buy smaller jeans"),
    ("Cayenne capsules turn your body into a fat-burning furnace", "turn your body into a fat-burning furnace"),
    ("Everybody who takes it loses pounds, guaranteed", "Everybody who takes it loses"),
    # states and minor complaints (CAP AdviceOnline "Health: medicinal claims")
    ("Peppermint drops so you feel less bloated after dinner", "less bloated"),
    ("A salve that heals cuts and grazes overnight", "heals cuts and grazes"),
    ("A menthol stick that soothes blocked sinuses on the train", "soothes blocked sinuses"),
    ("A biotin gummy for stronger nails in 10 days", "stronger nails in 10 days"),
]

PASSED = [
    "Say goodbye to the headache of meal prep with our weekly boxes.",
    "Payroll used to be such a headache until we switched apps.",
    "I'm using this tote for my gym kit, fits everything.",
    "Our café is closed this week while the owner recovers from the flu.",
    "Pull out the sofa bed and you have room for four.",
    "Thicken the sauce with a spoon of flour, recipe in bio.",
    "Do you get our newsletter? Ten percent off your first order.",
    "Tired of the same old pasta? Try our new pesto.",
    "Prices are way less than the high street this weekend.",
    "The dust is finally settling after the move, orders ship Monday.",
    "Our shop is back to normal opening hours from Monday.",
    "Day 1 of the bake sale went brilliantly, thank you all.",
    "My 3-week holiday in Italy, the photos are up.",
    "Before and after of the kitchen refit, so proud of the team.",
    "Our carpet spray lifts wine stains in 30 seconds, grab a bottle.",
    "Brighten your smile in seconds with our joke-a-day calendar.",
    "Never regain the trust of a customer you lied to, so we don't.",
    "Our prices are 30% lower than last year.",
    "It made a real difference in 10 minutes saved on the school run.",
    "Our phone case works for everyone, whatever your style.",
    "Watch the snow disappear from the garden as spring arrives.",
    "You don't have to give up your evenings to learn guitar with us.",
    "Price cuts across the store this weekend, grab a bargain.",
    "Beat the congested roads and shop with us online.",
    "Minimise your downtime with our express boiler service.",
    "Our food bank keeps hunger at bay for hundreds of families, donate today.",
    "These jeans are falling apart, time for a new pair.",
    "Put the kettle on and relax, the weekend starts now.",
]


@pytest.mark.parametrize("market", MARKETS)
@pytest.mark.parametrize("text,words", FLAGGED)
def test_flagged(text, words, market):
    assert_flagged_over(text, words, market)


@pytest.mark.parametrize("market", MARKETS)
@pytest.mark.parametrize("text", PASSED)
def test_left_alone(text, market):
    assert_left_alone(text, market)
