"""English rank and superlative claims recognised by their form (issue 15, session 38), checked in every
English-speaking market on wording written for these tests:

- a bare rank headline: "No.1", "Number one" or "The best" standing alone on a line of a post that sells
  is a rank claimed over every rival with nothing to qualify it (CAP rules 3.7 and 3.33; the Malaysian
  Code of Advertising Practice, General Principles 2.1);
- any regular superlative of the English lemma table ("silkiest", "sturdiest", "glossiest"), not only
  the hand-kept list, about a product or scoped to a market (global.claims.superlative_scope).

A sign-off, a list number, a fan's "number one", a superlative about people or a day, a subjective one
(looks, comfort, feelings) and "one of the ..." are left alone whether or not the post sells."""

from __future__ import annotations

import pytest
from claim_shapes import assert_flagged_over, assert_left_alone

MARKETS = ("uk", "us", "sg", "my", "ph")

# (text, words the claim finding must cover)
FLAGGED = [
    ("No. 1\nThe lip oil that sold out twice, restock Friday", "No. 1"),
    ("Our new hair mask ✨\nNumber 1 🔥🔥", "Number 1"),
    ("“The best.”\nTry the cold brew kit this weekend", "The best"),
    ("Summer range is live\n\nNo.1\n\nFree delivery over £30", "No.1"),
    ("THE NO.1!!\nLink in bio for the bundle", "THE NO.1"),
    ("Our sturdiest phone stand yet, order before Friday", "sturdiest phone"),
    ("Malaysia's crispiest crackers are back in stock", "Malaysia's crispiest"),
    ("The glossiest lip gloss on the market, shop now", "glossiest lip gloss on the market"),
    ("The roomiest backpack you can buy, link in bio", "roomiest backpack you can buy"),
]

PASSED = [
    "Best,\nThe team at Corner Bakery",
    "Best wishes to everyone sitting exams this week",
    "#1\nWhisk the eggs and sugar until pale.",
    "Step 1\nNumber one rule of camping: bring a torch.",
    "You're my number one, happy anniversary 💕",
    "Personal best at parkrun this morning!",
    "Best of luck to the under-12s on Saturday",
    "No. 1 Station Road is for sale, viewings by appointment",
    "The windiest day of the year in the UK, stay safe out there.",
    "Thanks to the loveliest customers in Manila for a great first year!",
    "He has one of the bushiest beards in the world, look at him.",
    "The cutest puppy in the world just fell asleep on my shoe.",
    "My youngest starts school on Monday.",
]

CASES = [(m, t, w) for m in MARKETS for t, w in FLAGGED]


@pytest.mark.parametrize(("market", "text", "words"), CASES)
def test_bare_rank_headline_is_flagged_over_its_words(market, text, words):
    assert_flagged_over(text, words, market)


@pytest.mark.parametrize("text", PASSED)
@pytest.mark.parametrize("market", MARKETS)
def test_ordinary_wording_is_left_alone(market, text):
    assert_left_alone(text, market)
