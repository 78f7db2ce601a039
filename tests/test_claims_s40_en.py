"""Issue 15, session 40: English claim classes recognised by their form in the shared English layer
(rules/global/claims_forms.yaml), so that wording nobody listed is caught in every market (us, uk, sg, ph,
my and English posts in vn):

- a body faculty named by an adjective of a body system ("mental alertness", "cognitive performance") or
  a tissue (muscles, bones) said to be boosted (global.claims.faculty_boost), and a mood or energy state
  fought ("combat stress", "banish brain fog": global.claims.mood_combat);
- effects put in other people's mouths, promised to everyone or felt within days
  (global.claims.reported_effect);
- a prescription drug offered by its generic-name ending ("compounded semaglutide") or its active
  ingredient matched (global.claims.drug_equivalence), and addiction or withdrawal eased
  (global.claims.addiction);
- safety and purity: adulterants denied ("no steroids"), "100 percent herbal", invented grades
  ("therapeutic grade"), approvals by initials ("SGS approved": global.claims.adulterant_free, purity,
  grade_claim, acronym_approval);
- bare efficacy praise ("real results", "immediate effect", "complete cure"), a multiple of a rival
  ("3x faster than strips"), "the leader in", lash growth, research on N people, stains gone in seconds;
- hedged disease links ("may support ... in people with heart disease", "the toxins which cause
  hangovers"), science cited to link a body state to a disease, and a condition as what a benefit is for
  ("for ADHD focus").

Every text is written for this test (not copied from a ruling or a real post); each claim row names a
rule that main does not have. The innocent texts use the same words in ordinary posts and must stay
silent at warning or above, whether or not the post sells."""

from __future__ import annotations

import pytest
from claim_shapes import assert_left_alone, assert_reported

import checker

# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    ("uk", "Lion's mane shots to sharpen mental clarity before exams, order now", "global.claims.faculty_boost", "sharpen mental clarity"),
    ("sg", "Creatine chews that strengthen muscles while you rest, shop now", "global.claims.faculty_boost", "strengthen muscles"),
    ("sg", "A mushroom coffee to enhance cognitive performance, buy two", "global.claims.faculty_boost", "enhance cognitive performance"),
    ("ph", "Drink this daily to fortify your immune response, order now", "global.claims.faculty_boost", "fortify your immune response"),
    ("uk", "Magnesium gummies that combat stress after long shifts, order today", "global.claims.mood_combat", "combat stress"),
    ("sg", "Iron drops to banish brain fog, shop the range", "global.claims.mood_combat", "banish brain fog"),
    ("my", "One sachet to beat the afternoon fatigue, buy now", "global.claims.mood_combat", "beat the afternoon fatigue"),
    ("uk", "My followers keep messaging me how well they sleep on these drops, order now", "global.claims.reported_effect", "followers keep messaging me how well they sleep"),
    ("us", "Customers are saying this tea is changing their lives, link in bio", "global.claims.reported_effect", "changing their lives"),
    ("uk", "Honestly it works for everyone, grab a tub today", "global.claims.reported_effect", "it works for everyone"),
    ("us", "Within a week you will feel a massive difference, order the oil now", "global.claims.reported_effect", "you will feel a massive difference"),
    ("uk", "I felt a real difference within two weeks of the capsules, shop now", "global.claims.reported_effect", "felt a real difference within two weeks"),
    ("us", "Get compounded tirzepatide shipped to your door, order now", "global.claims.drug_equivalence", "compounded tirzepatide"),
    ("us", "Our patch has the same active ingredient as the prescription pens, buy now", "global.claims.drug_equivalence", "same active ingredient as the prescription pens"),
    ("uk", "A herbal alternative to atorvastatin, shop now", "global.claims.drug_equivalence", "herbal alternative to atorvastatin"),
    ("us", "This leaf powder eases opioid withdrawal in days, order now", "global.claims.addiction", "eases opioid withdrawal"),
    ("uk", "Drops that curb cravings for nicotine, buy now", "global.claims.addiction", "curb cravings for nicotine"),
    ("sg", "Herbal pills for joints, no steroids or mercury added, order now", "global.claims.adulterant_free", "no steroids or mercury added"),
    ("my", "Whitening cream that is hydroquinone-free, buy two", "global.claims.adulterant_free", "hydroquinone-free"),
    ("sg", "100 percent herbal slimming tea, order now", "global.claims.purity", "100 percent herbal"),
    ("ph", "Pure herbal capsules for men, buy now", "global.claims.purity", "Pure herbal"),
    ("us", "Our peppermint oil is therapeutic grade, shop now", "global.claims.grade_claim", "therapeutic grade"),
    ("uk", "Pharmaceutical-grade fish oil, two for £20", "global.claims.grade_claim", "Pharmaceutical-grade"),
    ("sg", "Slimming coffee, SGS approved, order now", "global.claims.acronym_approval", "SGS approved"),
    ("my", "This balm is approved by KKM, buy now", "global.claims.acronym_approval", "approved by KKM"),
    ("us", "Real results in your first month, order now", "global.claims.efficacy_praise", "Real results"),
    ("vn", "Slimming tea, immediate effect from the first cup, order now", "global.claims.efficacy_praise", "immediate effect"),
    ("ph", "This cream is a complete cure for cracked heels, buy two", "global.claims.efficacy_praise", "complete cure"),
    ("us", "Our brush heads clean 4x better than manual brushing, order now", "global.claims.multiplier_comparison", "4x better than manual brushing"),
    ("uk", "A serum twice as effective as retinol, buy now", "global.claims.multiplier_comparison", "twice as effective as retinol"),
    ("us", "Our hot tubs are the leader in water saving design, book a visit", "global.claims.leader_claim", "are the leader in water"),
    ("uk", "Naturally grown long lashes in six weeks with our serum, order now", "global.claims.lash_growth", "Naturally grown long lashes"),
    ("us", "A brow growth oil for sparse ends, shop now", "global.claims.lash_growth", "brow growth"),
    ("us", "Tested on 2,000 women with dry skin, shop now", "global.claims.study_sample", "Tested on 2,000 women"),
    ("ph", "Backed by research on thousands of people, order today", "global.claims.study_sample", "research on thousands of people"),
    ("uk", "A violet gel that cancels stains in 20 seconds, shop now", "global.claims.seconds_effect", "cancels stains in 20 seconds"),
    ("uk", "A pen to instantly conceal yellowing on your teeth, order today", "global.claims.seconds_effect", "instantly conceal yellowing"),
    ("us", "Our omega blend may support heart function in people with heart disease, order now", "global.claims.hedged_condition", "in people with heart disease"),
    ("us", "Capsules that help your liver process the toxins which cause hangovers, shop now", "global.claims.hedged_condition", "help your liver process"),
    ("uk", "Scientists have linked poor gut flora to eczema, try our kefir, order now", "global.claims.science_link", "Scientists have linked poor gut flora to eczema"),
    ("us", "Low magnesium has been linked to migraines, shop our tablets", "global.claims.science_link", "has been linked to migraines"),
    ("us", "Herbal blends for ADD/ADHD focus, order now", "global.claims.condition_modifier", "for ADD/ADHD focus"),
    ("sg", "Yerba shots to increase stamina and cognitive drive, order now", "global.claims.faculty_boost", "increase stamina and cognitive drive"),
    ("uk", "Our capsules enhance neuroplasticity, shop now", "global.claims.faculty_boost", "enhance neuroplasticity"),
    ("us", "Psyllium sachets that mimic GLP-1 in your gut, order now", "global.claims.drug_equivalence", "mimic GLP-1"),
    ("uk", "These tablets are safe during pregnancy, order now", "global.claims.safe_for", "safe during pregnancy"),
    ("us", "A valerian blend without any adverse effects, shop now", "global.claims.safe_for", "without any adverse effects"),
    ("us", "Our sleep gummies are non-habit forming, buy two", "global.claims.safe_for", "non-habit forming"),
    ("sg", "Slimming tea that is safe for long-term use, order today", "global.claims.safe_for", "safe for long-term use"),
    ("uk", "Anxiety relief drops for exam season, order now", "global.claims.mood_effect", "Anxiety relief drops"),
    ("sg", "Saffron chews that lift your mood by noon, shop now", "global.claims.mood_effect", "lift your mood"),
    ("uk", "Lavender capsules to quiet racing thoughts, buy now", "global.claims.mood_effect", "quiet racing thoughts"),
    ("us", "Beetroot capsules that unclog your arteries, order now", "global.claims.vessel_clearing", "unclog your arteries"),
    ("uk", "Get your blood sugar back to normal with our tea, shop now", "global.claims.vessel_clearing", "blood sugar back to normal"),
    ("uk", "Hemp drops that take the edge off your worries, order now", "global.claims.mood_effect", "take the edge off your worries"),
    ("sg", "Tablets that keep low moods at bay, buy two", "global.claims.mood_effect", "keep low moods at bay"),
    ("uk", "After a week on the drops you'll feel less overwhelmed, order now", "global.claims.mood_effect", "feel less overwhelmed"),
    ("uk", "The oil has helped my daughter's concentration at home, order now", "global.claims.child_effect", "helped my daughter's concentration"),
    ("uk", "Two weeks on the gummies and my son's tantrums have almost stopped, shop now", "global.claims.child_effect", "my son's tantrums have almost stopped"),
    ("sg", "Capsules to raise your IQ before exams, order now", "global.claims.faculty_boost", "raise your IQ"),
    ("uk", "Slimming tea for weight loss without the jab, shop now", "global.claims.drug_equivalence", "weight loss without the jab"),
    ("us", "Sachets that speed up alcohol metabolism, buy before the party", "global.claims.hedged_condition", "speed up alcohol metabolism"),
    ("uk", "Two capsules and no more morning-after misery, order now", "global.claims.hedged_condition", "morning-after misery"),
    ("us", "Have a few cocktails and still wake up fresh, shop the sachets", "global.claims.hedged_condition", "wake up fresh"),
    ("uk", "A tincture for focus, sleep and migraines, order now", "global.claims.condition_modifier", "for focus, sleep and migraines"),
    ("us", "Gummies trusted by thousands of women with endometriosis, shop now", "global.claims.condition_modifier", "trusted by thousands of women with endometriosis"),
    ("uk", "Enzyme capsules to dissolve blood clots, order now", "global.claims.vessel_clearing", "dissolve blood clots"),
    ("sg", "Sesame pills that protect your liver from damage, buy now", "global.claims.faculty_boost", "protect your liver from damage"),
    ("us", "Our herbal painkiller is safer than opioids, order now", "global.claims.safe_for", "safer than opioids"),
    ("us", "A leaf extract you can't overdose on, shop now", "global.claims.safe_for", "can't overdose"),
    ("uk", "Hemp gummies, zero THC so they're ideal for kids, order now", "global.claims.safe_for", "so they're ideal for kids"),
    ("sg", "Because it's herbal, it's completely safe, buy two", "global.claims.safe_for", "Because it's herbal, it's completely safe"),
    ("uk", "These drops are safe to give to toddlers, order now", "global.claims.safe_for", "safe to give to toddlers"),
    ("uk", "A clay mask that tightens sagging skin for good, order now", "global.claims.body_alter", "tightens sagging skin for good"),
    ("us", "Insoles that make you grow taller, shop now", "global.claims.body_alter", "make you grow taller"),
    ("sg", "Ionised water that regenerates your cells, buy now", "global.claims.body_alter", "regenerates your cells"),
    ("ph", "This tea cures sickness from within, order now", "global.claims.body_alter", "cures sickness"),
    ("uk", "A pendant that shields you from signals which cause insomnia, order now", "global.claims.hedged_condition", "shields you from signals which cause insomnia"),
]

# (market, text, rule): a structure/function claim that US law allows a dietary supplement with the FDA
# disclaimer is a note there (rules/us/pack.yaml), a warning elsewhere
US_NOTES = [
    ("Creatine chews that strengthen muscles while you rest, shop now", "global.claims.faculty_boost"),
    ("Ashwagandha gummies to combat stress at work, shop now", "global.claims.mood_combat"),
    ("Saffron chews that lift your mood by noon, shop now", "global.claims.mood_effect"),
]

# (market, text): the same words in ordinary posts
INNOCENT = [
    ("uk", "Our pilates class will strengthen your muscles in six weeks, book now"),
    ("us", "Improve your mental game with our golf coaching, book today"),
    ("uk", "Boost your brand's reach with our social media course, sign up now"),
    ("uk", "Beat the stress of moving house with our packing service, book now"),
    ("us", "Reinforced stitching to reduce stress on the seams, shop the jeans"),
    ("uk", "Customers keep telling me the new sizing is spot on, shop the jeans"),
    ("uk", "Feel the difference of Egyptian cotton, shop the sheets"),
    ("us", "Our planner works for everyone's schedule, order today"),
    ("us", "Our collagen peptides dissolve in coffee, shop now"),
    ("uk", "Same ingredients as our bestselling cookie, now gluten free, order today"),
    ("uk", "Surf's up: catch the spring tide with our boards, shop now"),
    ("us", "Ease the effects of a long commute with our seat cushion, shop now"),
    ("uk", "Our alcohol-free spritz is back in stock, order today"),
    ("us", "Kick the habit of impulse buying with our budget planner, order now"),
    ("uk", "Free from parabens and sulphates, our shampoo is back in stock"),
    ("us", "100% cotton tees in six colours, shop now"),
    ("uk", "Food-grade silicone lids, shop now"),
    ("us", "CEO approved snack box, order today"),
    ("uk", "MOT approved garage on the high street, book now"),
    ("uk", "The shop closes with immediate effect, thank you for your custom"),
    ("us", "Check your lab results in the app, download now"),
    ("us", "Deliveries are 2x faster than last year, shop now"),
    ("uk", "Our team leader in Leeds is hiring, apply now"),
    ("uk", "Mascara for the look of longer lashes, shop now"),
    ("us", "We tested 30 jackets in the rain, read the review"),
    ("uk", "Our spray bottle refills in 30 seconds, shop now"),
    ("us", "Our app helps your team deal with the emails that cause stress at work, book a demo"),
    ("uk", "Scientists have linked the two datasets, read the report"),
    ("uk", "Call our helpline for eczema support and advice"),
    ("us", "Shop for back-to-school supplies now"),
    ("uk", "She is the leader in the polls this week, read more"),
    ("uk", "This candle lifts your mood on grey days, shop now"),
    ("us", "A playlist to calm the mind, stream it now"),
    ("us", "Our camera lens improves focus in low light, shop now"),
    ("uk", "This coat keeps the cold at bay, shop now"),
    ("uk", "The weighted blanket helps you feel calmer at night, order now"),
    ("uk", "Our tutor helped my son's focus in maths, book a trial"),
    ("uk", "Next-day delivery on all orders over £20, shop now"),
    ("uk", "Shop for shoes, bags and accessories in the sale"),
    ("us", "Drive safe and enjoy the ride, book your rental today"),
    ("uk", "The rounded edges make our toy kitchen safe to give to toddlers, shop now"),
    ("uk", "Our yoga retreat helps heal the body and mind, book now"),
    ("us", "This charger will recharge your phone in an hour, shop now"),
    ("ph", "Breastmilk boosts your baby's immune system and is best for babies up to two years."),
]


@pytest.mark.parametrize(("market", "text", "rule", "span"), CLAIMS)
def test_claim_is_reported(market, text, rule, span):
    assert_reported(text, market, rule, span)


@pytest.mark.parametrize(("text", "rule"), US_NOTES)
def test_structure_function_is_a_note_in_the_us(text, rule):
    findings = checker.check_text(text, markets=["us"], language="en", commercial=True)
    assert any(f.rule == rule and f.severity == "info" for f in findings), [(f.rule, f.severity) for f in findings]
    assert_reported(text, "uk", rule, "")


@pytest.mark.parametrize(("market", "text"), INNOCENT)
def test_innocent_use_stays_clean(market, text):
    assert_left_alone(text, market)


@pytest.mark.parametrize(("text", "rule", "span"), [
    ("Guaranteed results in 2 weeks or your money back, shop now", "global.claims.guaranteed_results", "Guaranteed results"),
    ("Guaranteed relief for sore muscles, shop now", "global.claims.efficacy_praise", "Guaranteed relief"),
])
def test_a_guarantee_of_results_keeps_the_rule_that_explains_it(text, rule, span):
    # two rules over the same words give one finding, of the rule whose id sorts first: praise of
    # efficacy leaves guaranteed results to the guarantee rule, whose message and advice are about them
    findings = [(f.rule, f.text) for f in checker.check_text(text, markets=["us"], language="en", commercial=True)]
    assert (rule, span) in findings, findings
