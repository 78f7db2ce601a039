"""UK claim shapes of the tenth pass (issue 15), each taken from a CAP list or guidance note.

Written for these tests, not copied from the regulator cases: a claim of each shape must give a claim
finding (warning or error) over its words in a post that sells, and everyday wording with the same
words must give none, whether or not the post sells. The shapes: absolute lowest-price claims (CAP's
guidance "Lowest price claims and promises"); promised rates of return on an investment (CAP section 14
and the ASA's whisky-cask rulings); health, weight-control and unpermitted nutrition claims for
alcoholic drinks (CAP rule 18.17: only "low alcohol", "reduced alcohol" and "reduced energy");
approval by a UK regulator that approves no such thing (DMCC Act 2024, Schedule 20); "the number one
choice" of a profession (CAP AdviceOnline "Types of claims: No. 1"); health or safety claimed for
sunbeds (CAP's sunbed guidance); boosting testosterone (the GB NHC Register allows only zinc's
"maintenance of normal testosterone levels"); "helps you lose weight" and a slimmer body part by a date
(CAP rules 13.1 and 13.9). Shared English: "miracle" in
quotation marks is still a miracle claim in a post that sells; "kiss/wave goodbye to" a condition is
a treatment claim like "say goodbye to"; the register's authorised
disease-risk-reduction and creatine wording is left alone, but only with its own subjects.
"""

from __future__ import annotations

import pytest
from claim_shapes import assert_flagged_over, assert_left_alone

UK = [
    # lowest-price claims (CAP guidance on lowest price claims and promises)
    ("Last pairs in stock and you won't find them cheaper anywhere online", "won't find them cheaper anywhere"),
    ("Flights to Malaga with prices that can't be beaten", "prices that can't be beaten"),
    ("Made-to-measure blinds at prices that will never be bettered", "prices that will never be bettered"),
    ("Honestly nowhere else is cheaper for school shoes, shop the link", "nowhere else is cheaper"),
    # investment returns (CAP section 14)
    ("Buy a cask today and enjoy returns of up to 14% per annum", "returns of up to 14% per annum"),
    ("Our trading signals group: make 10% a month from your phone", "make 10% a month"),
    ("Classic watch values have climbed by 250% since 2015, invest now", "watch values have climbed by 250%"),
    # the ASA's 2025 art-investment ruling: growth and an inflation hedge without a rate of return
    ("Vintage guitars that showed a 180% increase in value over ten years", "180% increase in value"),
    ("Fine wine, the perfect hedge against inflation, ask for our list", "perfect hedge against inflation"),
    # alcohol (CAP rule 18.17)
    ("New in: skinny wine, only 80 calories a glass", "skinny wine"),
    ("Keto margaritas in a can, six flavours", "Keto margaritas"),
    ("A detox gin for January? Yes please, order below", "detox gin"),
    # approval by a regulator (DMCC Act 2024, Schedule 20)
    ("Sleep gummies, FSA approved and vegan", "FSA approved"),
    ("Every batch is endorsed by the Food Standards Agency", "endorsed by the Food Standards Agency"),
    # first choice of a profession (CAP AdviceOnline "Types of claims: No. 1")
    ("The number one choice of midwives for nappy rash", "number one choice of midwives"),
    ("Our retinol serum is the top pick among dermatologists", "top pick among dermatologists"),
    # sunbeds (CAP guidance on sunbeds; rules 1.3, 3.1, 12.2)
    ("Winter blues? Our lay-down beds are packed with vitamin D goodness", "lay-down beds are packed with vitamin D"),
    ("Ten minutes on the sunbed is great for eczema, ask at reception", "sunbed is great for eczema"),
    # eleventh pass: tanning or UV with vitamin D or a skin condition, "safe tanning", a tan "without worry"
    ("Low on energy in January? UV exposure tops up your vitamin D, book a slot", "UV exposure tops up your vitamin D"),
    ("Safe, regulated tanning at our Wigan salon from £4", "Safe, regulated tanning"),
    ("Start your course today and tan safely all year round", "tan safely"),
    # lowering cortisol: the GB NHC Register authorises no such claim (CAP rule 15.1.1)
    ("Magnesium gummies that reduce your cortisol, 3 for 2", "reduce your cortisol"),
    # testosterone (GB NHC Register: zinc maintains normal levels, nothing raises them)
    ("Tongkat gummies to double your testosterone in six weeks", "double your testosterone"),
    ("Shop the T-levels booster stack, 20% off today", "T-levels booster"),
    # weight-control claims (CAP section 13, rules 13.1 and 13.9; the register's weight-loss entries)
    ("Just one scoop a day helps you lose weight, shop now", "helps you lose weight"),
    ("Peppermint slim tea for a flatter stomach in 10 days", "flatter stomach in 10 days"),
]

# every English market: "miracle" in quotation marks; the authorised wording's subject matters
SHARED = [
    ("Our apple cider vinegar has been shown to lower blood cholesterol", "lower blood cholesterol"),
    ("Wave goodbye to bloating with two capsules a day", "Wave goodbye to bloating"),
    ("Kiss goodbye to joint pain, our turmeric balm is back", "Kiss goodbye to joint pain"),
    ("I've been on these 'miracle' drops for a week and wow", "'miracle' drops"),
    ("The \"miraculous\" serum is finally back in stock", "\"miraculous\" serum"),
]

UK_PASS = [
    "I couldn't find them cheaper anywhere, so I waited for the sale.",
    "You won't find friendlier staff anywhere in Bristol, honestly.",
    "Free returns within 30 days, and 10% off your first order.",
    "Our easy access savings account pays 4.25% AER, FSCS protected.",
    "Skinny jeans, a cosy jumper and a glass of red.",
    "Our alcohol-free skinny spritz is back for Dry January.",
    "We're an FSA approved establishment, come and see the cutting room.",
    "Midwifery was her first choice of career after school.",
    "Please don't use sunbeds: book a spray tan instead, it's the safe option.",
    "Sunbed tokens now on sale at the front desk.",
    "Safe tanning means SPF 30 and a hat, the school nurse reminded us.",
    "My GP is checking my cortisol levels after the blood test.",
    "Zinc contributes to the maintenance of normal testosterone levels in the blood.",
    "The clinic will test your testosterone levels before any treatment.",
    "A daily walk helps you lose weight slowly, and it's free.",
    "My tummy has felt flatter since I stopped drinking fizzy drinks.",
    "House prices saw a 3% increase in value-for-money areas, says the report.",
]

SHARED_PASS = [
    # the GB/EU register's authorised wording, quoted whole, is no claim to flag
    "Plant sterols have been shown to lower blood cholesterol; high cholesterol is a risk factor in heart disease.",
    "Oat beta-glucan has been shown to reduce blood cholesterol, with 3g a day.",
    "Creatine increases physical performance in successive bursts of short-term, high intensity exercise.",
    "Beware of so-called 'miracle' pills sold in comment sections.",
    "They called it a 'miracle' when the lifeboat found him.",
    "Wave goodbye to summer with our new autumn menu.",
]


@pytest.mark.parametrize(("text", "words"), UK)
def test_uk_shape_flagged(text, words):
    assert_flagged_over(text, words, "uk")


@pytest.mark.parametrize(("text", "words"), SHARED)
@pytest.mark.parametrize("market", ["uk", "us", "sg", "my", "ph"])
def test_shared_shape_flagged(text, words, market):
    assert_flagged_over(text, words, market)


@pytest.mark.parametrize("text", UK_PASS)
def test_uk_everyday_left_alone(text):
    assert_left_alone(text, "uk")


@pytest.mark.parametrize("text", SHARED_PASS)
@pytest.mark.parametrize("market", ["uk", "us", "sg", "my", "ph"])
def test_shared_everyday_left_alone(text, market):
    assert_left_alone(text, market)


# Malaysia, Malay: a remedy offered "for" a disease in the Schedule of the Medicines (Advertisement and
# Sale) Act 1956, and a "No.1" written without a space (native reviewers to check the wording)
MY_MS = [
    ("Stok baru sampai, herba untuk darah tinggi, PM untuk harga", "herba untuk darah tinggi"),
    ("Petua untuk pesakit lelah, dah ramai cuba", "Petua untuk pesakit lelah"),
    ("Serum No.1 di Malaysia, order sekarang", "No.1 di Malaysia"),
]

MY_MS_PASS = [
    "Rawatan untuk pesakit kanser di hospital kerajaan adalah percuma.",
    "Mak saya ada darah tinggi, jadi kami masak kurang garam.",
]


def _ms_claims(text: str, commercial: bool | None) -> list:
    import checker

    found = checker.check_text(text, markets=["my"], language="ms", commercial=commercial)
    return [f for f in found if f.category == "claim" and f.severity in ("warning", "error")]


@pytest.mark.parametrize(("text", "words"), MY_MS)
def test_my_malay_shape_flagged(text, words):
    start = text.index(words)
    found = _ms_claims(text, True)
    assert any(f.start <= start and f.end >= start + len(words) for f in found), [
        (f.rule, text[f.start:f.end]) for f in found]


@pytest.mark.parametrize("text", MY_MS_PASS)
@pytest.mark.parametrize("commercial", [True, None])
def test_my_malay_everyday_left_alone(text, commercial):
    assert not _ms_claims(text, commercial)
