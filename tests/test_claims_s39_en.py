"""Issue 15, session 39: English claims recognised by their form in the us, uk, sg, ph and my packs (the
shared English layer of rules/global), so that conditions, body chemicals, body parts and studies nobody
listed are caught:

- a condition built like a disease name ("-itis", "-osis", "-emia", "-pathy", "<X> disease|syndrome")
  after a treating verb, or linked to what the product neutralises (global.claims.condition_morph);
- a body part's trouble ("tummy troubles", "bladder issues": global.claims.body_problem) and a symptom the
  product is sold as leaving out ("without a hangover": global.claims.absent_symptom);
- the level of a body chemical recognised by its form ("raise DHT levels": global.claims.marker_level),
  ageing itself changed (global.claims.ageing_process), a body function sped up or sharpened
  (global.claims.function_outcome), praise for an organ (global.claims.body_system_praise), and the body
  functions and function verbs the lexicons gained ("aids digestion", "natural defences");
- a mechanism in the body (free radicals neutralised, cells fed: global.claims.body_mechanism);
- a count of studies as proof (global.claims.proof_count), a stated number of hours of protection or
  hydration (global.claims.duration_effect), a share of users who "saw results"
  (global.claims.survey_figure), use equated to exercise (global.claims.exercise_equivalence), a product
  named as the destroyer of fat (global.claims.destroyer_noun), "doctor formulated multivitamin"
  (global.claims.expert_endorsement), a professional who vouches for the product or made it
  (global.claims.professional_voice), and income replaced or bills paid "plus some"
  (global.claims.earnings_replace).

Every text is written for this test (not copied from a ruling or a real post); each claim text was missed
on main before this session. The innocent texts use the same words in ordinary posts and must stay silent
at warning or above, whether or not the post sells."""

from __future__ import annotations

import pytest
from claim_shapes import assert_left_alone, assert_reported

# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    ("uk", "This mouthwash can reverse gingivitis within a fortnight, order today", "global.claims.condition_morph", "reverse gingivitis"),
    ("us", "Our foot cream eases neuropathy on long shifts, link in bio", "global.claims.condition_morph", "eases neuropathy"),
    ("sg", "Iron tonic that helps with anaemia in teens, buy now", "global.claims.condition_morph", "helps with anaemia"),
    ("ph", "These herbal drops fight candidiasis naturally, order now", "global.claims.condition_morph", "fight candidiasis"),
    ("my", "One sachet daily to prevent urinary tract infections, free shipping", "global.claims.condition_morph", "prevent urinary tract infections"),
    ("uk", "The jug filter neutralises acids linked to kidney disease, shop now", "global.claims.condition_morph", "neutralises acids linked to kidney disease"),
    ("us", "New bursitis relief balm in stock, grab yours", "global.claims.condition_morph", "bursitis relief"),
    ("uk", "Peppermint chews ease tummy troubles on the school run, 3 for £5", "global.claims.body_problem", "ease tummy troubles"),
    ("us", "Fish oil that lowers the risk of heart problems, order today", "global.claims.body_problem", "lowers the risk of heart problems"),
    ("sg", "Cranberry gummies against bladder issues, shop now", "global.claims.body_problem", "against bladder issues"),
    ("uk", "Party all night and wake up without a hangover, order the spritz", "global.claims.absent_symptom", "wake up without a hangover"),
    ("us", "Focus drink with no sugar crash, shop the cans", "global.claims.absent_symptom", "no sugar crash"),
    ("us", "Each scoop helps raise DHT levels in men over 40, buy now", "global.claims.marker_level", "raise DHT levels"),
    ("uk", "Our capsules boost glutathione levels in weeks, link in bio", "global.claims.marker_level", "boost glutathione levels"),
    ("my", "A powder to stimulate melatonin production at night, order now", "global.claims.marker_level", "stimulate melatonin production"),
    ("us", "The pill that could change how your body ages, order today", "global.claims.ageing_process", "change how your body ages"),
    ("uk", "Our serum slows down cellular ageing, shop the set", "global.claims.ageing_process", "slows down cellular ageing"),
    ("us", "NMN powder that lowers your biological age, order now", "global.claims.ageing_process", "lowers your biological age"),
    ("us", "Tart cherry gummies so you fall asleep faster, shop the tub", "global.claims.function_outcome", "fall asleep faster"),
    ("uk", "Collagen shots to help you heal faster after an operation, order now", "global.claims.function_outcome", "heal faster"),
    ("ph", "Ginkgo capsules for sharper memory at work, buy two", "global.claims.function_outcome", "sharper memory"),
    ("uk", "Our kefir is a hack for your immune system this winter, shop now", "global.claims.body_system_praise", "hack for your immune system"),
    ("us", "Turmeric capsules for healthy joints, 2 for $25", "global.claims.body_system_praise", "for healthy joints"),
    ("uk", "Our sauerkraut is your gut's best friend, order today", "global.claims.body_system_praise", "your gut's best friend"),
    ("uk", "Ginger shots that aid digestion after big meals, shop now", "global.claims.body_function", "aid digestion"),
    ("sg", "Elderberry syrup to support your natural defences, 2 for $20", "global.claims.body_function", "support your natural defences"),
    ("us", "Our collagen is backed by 40 clinical studies, order today", "global.claims.proof_count", "backed by 40 clinical studies"),
    ("uk", "A probiotic with over 30 clinical trials behind it, shop now", "global.claims.proof_count", "over 30 clinical trials"),
    ("us", "94% saw visible results in two weeks, shop the serum", "global.claims.survey_figure", "94% saw visible results"),
    ("uk", "Ten minutes on the plate is the equivalent of jogging for an hour, order now", "global.claims.exercise_equivalence", "the equivalent of jogging for an hour"),
    ("us", "One session equals 300 sit-ups, book today", "global.claims.exercise_equivalence", "equals 300 sit-ups"),
    ("uk", "Meet the belly fat destroyer, order yours today", "global.claims.destroyer_noun", "belly fat destroyer"),
    ("us", "Doctor formulated multivitamin for busy moms, shop now", "global.claims.expert_endorsement", "Doctor formulated multivitamin"),
    ("us", "This side hustle could replace a full-time salary, DM me to join", "global.claims.earnings_replace", "replace a full-time salary"),
    ("us", "My team bonus covers the rent plus some, ask me how", "global.claims.earnings_replace", "the rent plus some"),
    ("uk", "Experts agree it works, grab the tub today", "global.claims.professional_voice", "Experts agree it works"),
    ("us", "Our in-house GP swears by it, order now", "global.claims.professional_voice", "in-house GP swears by it"),
    ("sg", "A soothing balm created by a former nurse, shop now", "global.claims.professional_voice", "created by a former nurse"),
    ("uk", "Designed by a medical team for sore joints, order now", "global.claims.professional_voice", "Designed by a medical team"),
    ("uk", "The body brush smooths out cellulite in a week, order now", "global.claims.ageing_absolute", "smooths out cellulite"),
    ("us", "Our deodorant stick gives 72-hour protection, shop now", "global.claims.duration_effect", "72-hour protection"),
    ("uk", "A face gel that hydrates for up to 48 hours, order today", "global.claims.duration_effect", "hydrates for up to 48 hours"),
    ("uk", "Matcha that helps to neutralise damaging free radicals, shop now", "global.claims.body_mechanism", "neutralise damaging free radicals"),
    ("us", "Our greens powder reduces oxidative stress after workouts, order today", "global.claims.body_mechanism", "reduces oxidative stress"),
    ("ph", "Each sachet gives your cells the nutrients they need, buy now", "global.claims.body_mechanism", "gives your cells the nutrients"),
    ("my", "Enzymes that help your body absorb nutrients, buy two", "global.claims.body_mechanism", "help your body absorb nutrients"),
    ("uk", "Our far-infrared mat has a therapeutic effect on tired muscles, order now", "global.claims.medicinal_property", "therapeutic effect"),
]

# (market, text): the same words in ordinary posts
INNOCENT = [
    ("uk", "Treat yourself to our new aroma diffuser, shop now"),
    ("us", "Frame your diploma in minutes with our kit, order today"),
    ("uk", "Our spray prevents blight and leaf disease on tomato plants, shop now"),
    ("uk", "Join our charity walk to fight heart disease this Sunday"),
    ("us", "The novel explores empathy and grief, order your copy"),
    ("uk", "These gummies are not intended to diagnose, treat, cure or prevent any disease."),
    ("us", "We boost stock levels every Friday, shop now"),
    ("uk", "Reduce noise levels at home with our curtains, shop now"),
    ("us", "Boost your XP levels with the new pack, buy in the store"),
    ("uk", "We dry-age our beef for 28 days, order the box"),
    ("us", "Change the way you shop for jeans, new fits online now"),
    ("uk", "Our serum helps fight the signs of ageing, shop now"),
    ("us", "I read 3 studies on sleep this week and wrote up my notes."),
    ("uk", "Our course is supported by 12 tutors, book now"),
    ("uk", "Perfect for your sleep routine, our lavender pillow spray is back"),
    ("us", "Ten tips for better sleep, download the free guide"),
    ("uk", "Our engineers fix boiler problems the same day, book now"),
    ("uk", "Having heart problems? Talk to your GP before starting any new exercise."),
    ("uk", "Free from gluten, dairy and nuts, our cake is back"),
    ("us", "Back up your laptop and recover faster after a data breach, book a demo"),
    ("uk", "Get well soon, Grandad! Love from all of us"),
    ("us", "Paid the rent today, feeling grown up"),
    ("uk", "Freedom, sunshine and a good book, that's my holiday"),
    ("uk", "The climb is about as hard as walking for two hours on the flat, book your tour"),
    ("us", "Our cleaning spray is a real grease buster, shop now"),
    ("uk", "My doctor formulated a plan for my recovery, so I'm off work this week."),
    ("us", "Protect your hearing at gigs with our earplugs, shop now"),
    ("uk", "Sales are up: 40% saw more footfall, read the report"),
    ("uk", "Our doctor says it is fine to travel, so we are off to Spain"),
    ("us", "Created by a former teacher, the maths game is out now"),
    ("uk", "Experts agree the summer will be hot, stock up on fans"),
    ("uk", "Visibly reduces the appearance of cellulite, shop the body oil"),
    ("uk", "24-hour delivery on every order, shop now"),
    ("us", "The battery lasts up to 10 hours, order the speaker today"),
    ("uk", "Vitamin E contributes to the protection of cells from oxidative stress; our capsules are in stock"),
    ("uk", "Knitting is honestly so therapeutic after a long shift, new yarn in the shop."),
]


@pytest.mark.parametrize(("market", "text", "rule", "span"), CLAIMS)
def test_claim_is_reported(market, text, rule, span):
    assert_reported(text, market, rule, span)


@pytest.mark.parametrize(("market", "text"), INNOCENT)
def test_innocent_use_stays_clean(market, text):
    assert_left_alone(text, market)
