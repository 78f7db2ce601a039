"""English claims other than health and efficacy, widened from the regulators' own lists (issue 15, session 37).

Each shape is checked in the English-speaking markets (uk, us, sg, my, ph; green claims in uk, us and sg,
whose green-claim rules name the new lists), on wording written for these tests: a claim of that shape
must give a claim finding (warning or error) over its words in a post that sells, and everyday wording
with the same words must give none, whether or not the post sells. The shapes: endorsements by the media,
celebrities, royalty, professionals and public bodies (16 CFR 255.1 and 255.3; CAP rules 3.45-3.52 and
12.5; DMCC Act 2024 Schedule 20; 40 CFR 156.10(a)(5)(ii)), a named or personal doctor's recommendation;
lifestyle and income promises and earnings told (16 CFR 437.1(f); the FTC's 2021 Notice of Penalty
Offenses Concerning Money-Making Opportunities); safety absolutes (40 CFR 156.10(a)(5)(ix)-(x); CAP rules
12.9 and 12.10); equivalence with medicines, professional services and servings (21 CFR
101.93(g)(2)(iv)); comparisons with unnamed or denigrated rivals (CAP rules 3.33 and 3.42); proof and
guarantee wording (the FTC's substantiation policy); green claims from the Green Guides and the CMA code
(16 CFR 260.7-260.16)."""

from __future__ import annotations

import pytest
from claim_shapes import assert_flagged_over, assert_left_alone

MARKETS = ("uk", "us", "sg", "my", "ph")
GREEN_MARKETS = ("uk", "us", "sg")

# (text, words the claim finding must cover)
FLAGGED = [
    # endorsement: media, celebrities, royalty, professionals, public bodies, named doctors
    ("As featured in Vogue, our silk pillowcase is back in stock", "As featured in Vogue"),
    ("The red-carpet secret for glowing skin, order the serum", "red-carpet secret"),
    ("A lash serum worn by supermodels, shop now", "worn by supermodels"),
    ("Make-up artists swear by this primer, grab one today", "Make-up artists swear by this"),
    ("The shampoo hairdressers use at home, order yours", "The shampoo hairdressers use"),
    ("Our nail oil is used in professional salons, buy now", "used in professional salons"),
    ("The favourite of dermatologists everywhere, shop the cleanser", "favourite of dermatologists"),
    ("Approved by 9 in 10 midwives, our nipple balm is back", "Approved by 9 in 10 midwives"),
    ("Proud winner of the Beauty Shortlist and Pure Beauty awards, shop the oil", "winner of the Beauty Shortlist and Pure Beauty awards"),
    ("The only dog shampoo endorsed by our breed society, order now", "The only dog shampoo endorsed by"),
    ("Our knee brace was spotted in Grazia, order yours", "spotted in Grazia"),
    ("Recognised by the National Institute of Cosmetic Science, shop now", "Recognised by the National Institute of Cosmetic Science"),
    ("Government-approved immunity gummies, order today", "Government-approved"),
    ("A hand gel certified by the European Commission, shop now", "certified by the European Commission"),
    ("Dr. Reyes recommends these probiotics, link in bio", "Dr. Reyes recommends these"),
    ("My dermatologist told me to use this serum every night, shop now", "My dermatologist told me to use this"),
    ("Formulated by Dr Hart, our night cream is 20% off", "Formulated by Dr Hart"),
    # earnings: lifestyle and income promises, earnings told, win rates and daily returns
    ("Time and financial freedom is waiting for you, join my team", "Time and financial freedom"),
    ("Become financially free with our reseller kit, message me", "Become financially free"),
    ("Work from home and earn with our affiliate app, sign up", "Work from home and earn"),
    ("Build multiple streams of income with my course, enrol today", "multiple streams of income"),
    ("Make easy money with this app, download now", "Make easy money"),
    ("We helped Sarah retire her husband in two years, join us", "retire her husband"),
    ("Never worry about money again with this trading bot", "Never worry about money again"),
    ("Meet our six-figure earners and join the team today", "six-figure earners"),
    ("Risk-free trading with our copy bot, start now", "Risk-free trading"),
    ("Triple your investment in a month with our signals", "Triple your investment"),
    ("I quit my 9-5 thanks to this business, ask me how", "quit my 9-5 thanks to"),
    ("She made $12,000 selling these candles on TikTok, join us", "She made $12,000 selling"),
    ("Our copy trading bot has a 93% win rate, subscribe today", "93% win rate"),
    ("Earn 1.5% daily returns on your crypto, link in bio", "1.5% daily returns"),
    ("Learn to make a living from crypto with my mentorship", "make a living from crypto"),
    ("Since joining the forex group we've made over £15,000, ask me", "we've made over £15,000"),
    ("Our traders pocketed $60k in gains last month, join the Discord", "pocketed $60k in gains"),
    ("With our starter kit you can earn over $4,000, message me", "can earn over $4,000"),
    ("Grab a print-on-demand shop in a box, no skills needed", "shop in a box"),
    ("Get paid to watch videos from your bed, link in bio", "Get paid to watch videos"),
    # safety absolutes
    ("Our slug pellets are harmless to pets and children, buy now", "harmless to pets"),
    ("A pet-safe floor cleaner, 2 for £8", "pet-safe"),
    ("Hypo-allergenic pillows for allergy sufferers, order today", "Hypo-allergenic"),
    ("This toner will not sting your eyes, shop now", "will not sting your eyes"),
    ("A deodorant that won't cause cancer like the others, order now", "won't cause cancer"),
    ("Free from harmful chemicals, our baby bath is back", "Free from harmful chemicals"),
    ("It's plant-based so it's totally safe, order the spray", "plant-based so it's totally safe"),
    ("Our moisturiser is clinically proven safe, shop now", "proven safe"),
    ("Suitable for pregnancy, our stretch oil is 15% off", "Suitable for pregnancy"),
    ("Safe if swallowed, our kids' toothpaste is back", "Safe if swallowed"),
    ("Mild enough for your baby, our wash is on sale", "Mild enough for your baby"),
    ("A completely safe and effective treatment for cellulite, book now", "safe and effective treatment"),
    # equivalence
    ("A calming tea that works like Ambien, order a box", "works like Ambien"),
    ("A herbal alternative to Rogaine for thinning hair, shop now", "alternative to Rogaine"),
    ("One gummy has more vitamin C than three oranges, order now", "more vitamin C than three oranges"),
    ("All your daily greens in one scoop, buy the tub", "All your daily greens in one scoop"),
    ("One capsule replaces your multivitamin, order today", "replaces your multivitamin"),
    ("A facial in a bottle for busy mornings, shop now", "facial in a bottle"),
    ("This eye cream is like getting fillers, order today", "like getting fillers"),
    ("Lip-filler results without the needles, buy the plumper", "filler results without the needles"),
    ("At-home whitening with the same results as in-clinic treatment, buy now", "same results as in-clinic"),
    # comparisons with unnamed or denigrated rivals
    ("Unlike high street brands, our serum has no fillers", "Unlike high street brands"),
    ("Supermarket brands are packed with cheap fillers, ours are not", "Supermarket brands are packed with cheap fillers"),
    ("Our bulbs last 5x longer than standard bulbs, shop now", "5x longer than standard bulbs"),
    ("Cleaner results versus leading brands, order today", "versus leading brands"),
    ("Our scent outlasts Chanel all day, order now", "outlasts Chanel"),
    ("Gentler than designer brands, and half the price", "Gentler than designer brands"),
    # proof and guarantee
    ("Research-backed formula for thicker lashes, shop now", "Research-backed formula"),
    ("Our clinical trial proved it works in two weeks, order now", "clinical trial proved"),
    ("Supported by dozens of studies, our omega oil is back", "Supported by dozens of studies"),
    ("Feel the difference or your money back, order today", "Feel the difference or your money back"),
    ("A scalp oil guaranteed to thicken hair, buy now", "guaranteed to thicken"),
]

# green claims: the Green Guides' disposal, free-of, renewable-energy and ozone claims, the CMA code's
# sourcing claims, green adjectives on goods (uk, us and sg)
GREEN = [
    ("Our coffee pods are fully compostable, order today", "are fully compostable"),
    ("Eco-friendly gift wrap, 3 rolls for £10", "Eco-friendly gift wrap"),
    ("Recyclable mailers on every order this month", "Recyclable mailers"),
    ("CFC-free deodorant spray, back in stock", "CFC-free"),
    ("Brewed with 100% renewable energy, order a crate", "Brewed with 100% renewable energy"),
    ("Responsibly sourced tuna, 4 tins for £5", "Responsibly sourced"),
    ("Our detergent protects the planet with every wash, buy now", "protects the planet"),
    ("A sunscreen that is kind to coral reefs, shop now", "kind to coral reefs"),
    ("Leggings made from eco-friendly fabrics, order today", "made from eco-friendly fabrics"),
    ("These bags will biodegrade, grab a roll", "will biodegrade"),
    ("A greener alternative to cling film, 20% off", "greener alternative to cling film"),
    ("Sustainable swimwear for summer, shop the drop", "Sustainable swimwear"),
    ("Yoga mats made from ocean-bound plastic, order now", "made from ocean-bound plastic"),
    ("Shampoo in a 100% recycled bottle, 2 for £9", "100% recycled bottle"),
]

PASSED = [
    "We watched the match on TV at my nan's, great night.",
    "Freedom Day at the lido: free entry for everyone this Sunday.",
    "Is this sunscreen safe for kids? Asking before the beach trip.",
    "My cat is pet-sitting queen of the sofa, no notes.",
    "Keep the medicine cabinet locked and safe for the kids.",
    "The dentist said the filling was just like new after the repair.",
    "Unlike other summers, we stayed home and painted the fence.",
    "Our team has a 90% win rate at home, come and cheer on Saturday.",
    "Triple chocolate cake for her birthday, recipe below.",
    "My doctor told me to rest for a week, so the shop opens on Monday.",
    "A study found that most dogs prefer the sofa, not surprised.",
    "Money back if your parcel is late, that's our delivery promise.",
    "Dr. Patel recommends arriving 10 minutes early for your appointment.",
    "Who approved this playlist? Bring back the 2000s hits, new merch in the shop.",
    "Beware of anyone promising financial freedom in the comments, it's a scam.",
    "We made $300 at the school bake sale for the library.",
    "The kids ate more carrots than three rabbits at dinner tonight.",
    "Is this box recyclable? The council leaflet doesn't say.",
    "Loved by our regulars, the Sunday roast is back, book a table.",
    "Sustainability week at school: the kids planted trees in the park.",
    "Congratulations to the winners of the village sports awards on Saturday.",
    "My knee surgery went without the pain I feared, thanks to the team.",
    "After the trading standards visit we've made over $200 of repairs.",
    "Earn $5 off your next coffee with our loyalty card.",
    "Rent here is $1,500 a month, so we moved out of town.",
    "My sister was featured in the local paper for her bake sale!",
]

CASES = [(m, t, w) for m in MARKETS for t, w in FLAGGED] + [
    (m, t, w) for m in GREEN_MARKETS for t, w in GREEN]


@pytest.mark.parametrize(("market", "text", "words"), CASES)
def test_claim_shape_is_flagged_over_its_words(market, text, words):
    assert_flagged_over(text, words, market)


@pytest.mark.parametrize("text", PASSED)
@pytest.mark.parametrize("market", MARKETS)
def test_ordinary_wording_is_left_alone(market, text):
    assert_left_alone(text, market)
