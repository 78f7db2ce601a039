"""Issue 15, session 42: English health, efficacy, endorsement, earnings, environmental and guarantee claims
recognised by their form in the us, uk, sg, ph and my packs (rules/global/claims_by_form.yaml, and the UK
prescription-only medicine shape in rules/uk/claims.yaml), so that wording nobody listed is caught:

- a product offered in place of a medicine or a medical procedure, the medicine named by its class, a
  brand or the ending of its generic name (global.claims.medicine_alternative);
- something carried to a body part ("sends more oxygen to your brain": global.claims.body_delivery);
- an organ, tissue or body system repaired, cleansed or rebalanced, carbs or fat blocked, damage repaired
  "at a cellular level" (global.claims.organ_repair);
- a first-person story of a symptom gone or a measure changed since the product, or a figure of change
  told as a testimonial (global.claims.health_testimony);
- a benefit told of people who have a disease, or a disease asked and answered ("Eczema? Our balm calms
  it", "hay fever season sorted": global.claims.condition_context);
- seasonal illness kept off and immunity pictured as armour (global.claims.illness_shield);
- professionals said to use the product or to have made it (global.claims.professional_use);
- environmental benefits by form ("made sustainably", "leaves no trace on the planet", litres of water
  saved: global.claims.green_shape);
- results promised outright or as the price of a refund (global.claims.works_or_refund);
- earnings pictured as an escape, a before-and-after or a prize (global.claims.earnings_escape);
- safety promised without limit (global.claims.safety_shape), elite groups named as users
  (global.claims.elite_users), performance compared with rivals, multiplied or told as a saving on bills
  (global.claims.performance_comparison), green compounds and smaller footprints
  (global.claims.green_morph), praise of the effect on the body (global.claims.praise_body), and superlatives scoped to "your area" or "you will ever use";
- precision: the FDA's authorised health claims ("diets low in ..."), "already within the normal range", a
  licensed medicine's "Always read the label", "probably the best" and "skin feels softer" stay silent;
- a prescription-only treatment promoted by its form in the UK (uk.claims.pom_shape).

Every text is written for this test (not copied from a ruling or a real post); each claim text was missed
on main before this session. The innocent texts use the same words in ordinary posts and must stay silent
at warning or above, whether or not the post sells."""

from __future__ import annotations

import pytest
from claim_shapes import assert_left_alone, assert_reported

# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    ("us", "The first natural replacement for Ozempic, order now", "global.claims.medicine_alternative", "replacement for Ozempic"),
    ("uk", "Swap your statins for our red yeast rice, order today", "global.claims.medicine_alternative", "Swap your statins"),
    ("us", "Nature's answer to Botox, shop the serum", "global.claims.medicine_alternative", "answer to Botox"),
    ("uk", "A herbal substitute for omeprazole, order now", "global.claims.medicine_alternative", "substitute for omeprazole"),
    ("us", "Better than melatonin pills, shop the gummies", "global.claims.medicine_alternative", "Better than melatonin pills"),
    ("uk", "Why take ibuprofen when you can take turmeric? Shop now", "global.claims.medicine_alternative", "Why take ibuprofen"),
    ("us", "Our nootropic is like Adderall but legal, link in bio", "global.claims.medicine_alternative", "like Adderall but"),
    ("sg", "Stop relying on antihistamines, try our local honey", "global.claims.medicine_alternative", "Stop relying on antihistamines"),
    ("ph", "Calm drops that work like sertraline, order now", "global.claims.medicine_alternative", "work like sertraline"),
    ("us", "Beetroot shots that send more oxygen to your muscles on match day, buy now", "global.claims.body_delivery", "send more oxygen to your muscles"),
    ("uk", "Biotin drops that deliver nutrients straight to your hair follicles, order today", "global.claims.body_delivery", "deliver nutrients straight to your hair follicles"),
    ("us", "Floods your cells with hydrogen for energy, shop the bottle", "global.claims.body_delivery", "Floods your cells with hydrogen"),
    ("my", "A spray that increases blood oxygen in minutes, buy now", "global.claims.body_delivery", "increases blood oxygen"),
    ("us", "Our colostrum rebuilds the intestinal lining, order now", "global.claims.organ_repair", "rebuilds the intestinal lining"),
    ("us", "Black seed oil modulates the immune response, shop now", "global.claims.organ_repair", "modulates the immune response"),
    ("uk", "Our probiotic restores balance to your microbiome after antibiotics, order now", "global.claims.organ_repair", "restores balance to your microbiome"),
    ("uk", "Colonic tonic that cleanses your bowel of old waste, order now", "global.claims.organ_repair", "cleanses your bowel"),
    ("uk", "Alkaline water that neutralises acid in your body, order now", "global.claims.organ_repair", "neutralises acid in your body"),
    ("uk", "Capsules that block carbs from being absorbed, order today", "global.claims.organ_repair", "block carbs from being absorbed"),
    ("uk", "Our cream penetrates 10 layers of skin, shop now", "global.claims.organ_repair", "penetrates 10 layers of skin"),
    ("sg", "Bitter herbs to reset your pancreas, buy two", "global.claims.organ_repair", "reset your pancreas"),
    ("uk", "I've had zero headaches since switching to this pillow, order now", "global.claims.health_testimony", "zero headaches since"),
    ("us", "My blood sugar has been stable ever since, thanks to these capsules", "global.claims.health_testimony", "My blood sugar has been stable ever since, thanks to these"),
    ("uk", "Saw a 40% drop in my cholesterol, order the oats", "global.claims.health_testimony", "Saw a 40% drop in my cholesterol"),
    ("us", "My energy went up 200% on this protocol, join now", "global.claims.health_testimony", "My energy went up 200%"),
    ("uk", "Customers reported big increases in energy and focus, shop now", "global.claims.health_testimony", "Customers reported big increases in energy"),
    ("us", "Eczema? Our balm calms it in days, shop now", "global.claims.condition_context", "Eczema? Our balm calms"),
    ("uk", "Hay fever season sorted, grab our drops", "global.claims.condition_context", "Hay fever season sorted"),
    ("uk", "Many customers with fibromyalgia say they have more good days, shop now", "global.claims.condition_context", "customers with fibromyalgia"),
    ("us", "Colloidal silver was used to treat patients with pneumonia, buy today", "global.claims.condition_context", "treat patients with pneumonia"),
    ("us", "Improves bone density in women with osteopenia, order now", "global.claims.condition_context", "women with osteopenia"),
    ("uk", "Your first line of defence against winter bugs, shop now", "global.claims.illness_shield", "first line of defence against winter bugs"),
    ("us", "Shield your family against flu season, order the kit", "global.claims.illness_shield", "Shield your family against flu season"),
    ("us", "Bulletproof immunity starts here, buy now", "global.claims.illness_shield", "Bulletproof immunity"),
    ("us", "Immunity in a bottle! Grab yours", "global.claims.illness_shield", "Immunity in a bottle"),
    ("us", "Keep sniffles at bay with our zinc lozenges, buy now", "global.claims.illness_shield", "Keep sniffles at bay"),
    ("uk", "The toothpaste vets use on their own dogs, shop now", "global.claims.professional_use", "vets use on their own"),
    ("us", "Every dentist I know uses this, link in bio", "global.claims.professional_use", "Every dentist I know uses this"),
    ("uk", "The NHS uses this brand, order today", "global.claims.professional_use", "The NHS uses this"),
    ("us", "Developed with leading oncologists, order now", "global.claims.professional_use", "Developed with leading oncologists"),
    ("uk", "Our founder is a pharmacist and she swears by it, shop now", "global.claims.professional_use", "Our founder is a pharmacist and she swears by it"),
    ("uk", "Our trainers leave no trace on the earth, order now", "global.claims.green_shape", "leave no trace on the earth"),
    ("us", "Made sustainably from recycled bottles, buy now", "global.claims.green_shape", "Made sustainably"),
    ("uk", "Our fashion is ethical and green, shop now", "global.claims.green_shape", "is ethical and green"),
    ("us", "Our jeans save 1,000 litres of water per pair, order now", "global.claims.green_shape", "save 1,000 litres of water"),
    ("uk", "Risk-free: it works or you don't pay, shop now", "global.claims.works_or_refund", "it works or you don't pay"),
    ("us", "If it doesn't cure your acne we'll refund you, order now", "global.claims.works_or_refund", "If it doesn't cure your acne we'll refund"),
    ("uk", "Never fails, order today", "global.claims.works_or_refund", "Never fails"),
    ("uk", "It will work for you, promise, shop now", "global.claims.works_or_refund", "It will work for you"),
    ("us", "I went from broke to booking first-class flights, DM me", "global.claims.earnings_escape", "from broke to"),
    ("us", "This company changed our financial future forever, join today", "global.claims.earnings_escape", "changed our financial future"),
    ("us", "Our Diamond leaders drive free Mercedes and go on free cruises", "global.claims.earnings_escape", "drive free Mercedes"),
    ("us", "Want to make your first 10k month? Message me", "global.claims.earnings_escape", "10k month"),
    ("uk", "Turn your side hustle into £5k a month, join the academy", "global.claims.earnings_escape", "Turn your side hustle into £5k"),
    ("us", "Escape the corporate grind with our team, DM me", "global.claims.earnings_escape", "Escape the corporate grind"),
    ("uk", "Lose post-baby weight with a medicated weight loss treatment, start online", "uk.claims.pom_shape", "medicated weight loss treatment"),
    ("uk", "Lose up to 20% of your body weight with our medicated programme, sign up", "uk.claims.pom_shape", "medicated programme"),
    ("uk", "We only have enough doses for 8 more patients this month, message to book", "uk.claims.pom_shape", "only have enough doses for 8 more patients"),
    ("us", "Our elderberry gives the same protection as a vaccine, order now", "global.claims.medicine_alternative", "same protection as a vaccine"),
    ("uk", "Garlic pearls that work as well as a flu shot, order today", "global.claims.medicine_alternative", "work as well as a flu shot"),
    ("us", "Doctors agree it's safe to use daily forever, buy now", "global.claims.safety_shape", "safe to use daily forever"),
    ("uk", "Our greens won't interact with your medications, order now", "global.claims.safety_shape", "won't interact with your medications"),
    ("uk", "Nothing in it can harm you, order now", "global.claims.safety_shape", "Nothing in it can harm"),
    ("us", "Safer than tap water, order today", "global.claims.safety_shape", "Safer than tap water"),
    ("uk", "So gentle you could use it on a newborn, shop now", "global.claims.safety_shape", "So gentle you could use it on a newborn"),
    ("us", "The protein used by Navy SEALs, order now", "global.claims.elite_users", "used by Navy SEALs"),
    ("uk", "The choice of professional athletes, shop now", "global.claims.elite_users", "The choice of professional athletes"),
    ("sg", "The energy gel used by Premier League players, order now", "global.claims.elite_users", "used by Premier League players"),
    ("us", "Our network is more reliable than any other carrier, switch now", "global.claims.performance_comparison", "more reliable than any other"),
    ("us", "Fewer dropped calls than Verizon, switch today", "global.claims.performance_comparison", "Fewer dropped calls than Verizon"),
    ("us", "Our paper towels are 3x more absorbent, shop now", "global.claims.performance_comparison", "3x more absorbent"),
    ("uk", "Our insulation halves your heating bills, book a survey", "global.claims.performance_comparison", "halves your heating bills"),
    ("uk", "Our broadband is the fastest in your area, switch now", "global.claims.superlative_scope", "fastest in your area"),
    ("us", "The strongest glue you will ever use, order now", "global.claims.superlative_scope", "strongest glue you will ever use"),
    ("us", "People who take our capsules experience deeper sleep and more energy, order now", "global.claims.health_testimony", "People who take our capsules experience deeper sleep"),
    ("ph", "A mask insert that protects wearers from catching diseases on the train, order now", "global.claims.illness_shield", "protects wearers from catching diseases"),
    ("uk", "Our meat is climate-smart, order now", "global.claims.green_morph", "climate-smart"),
    ("uk", "Every order is carbon balanced, shop now", "global.claims.green_morph", "carbon balanced"),
    ("uk", "Our cars produce lower emissions, book a test drive", "global.claims.green_morph", "lower emissions"),
    ("us", "Helping to fight climate change one cup at a time, order now", "global.claims.green_morph", "fight climate change"),
    ("uk", "Clean energy for a cleaner future, switch today", "global.claims.green_morph", "Clean energy"),
    ("uk", "It's pure magic for your joints, order now", "global.claims.praise_body", "pure magic for your joints"),
    ("uk", "Game changer for my gut, order now", "global.claims.praise_body", "Game changer for my gut"),
    ("us", "Say hello to pain-free days, buy now", "global.claims.praise_body", "pain-free days"),
    ("us", "Finally, relief that lasts, buy now", "global.claims.praise_body", "relief that lasts"),
    ("us", "This stuff actually works, link in bio", "global.claims.praise_body", "This stuff actually works"),
    ("uk", "Your skin will be clearer, we guarantee it, order now", "global.claims.works_or_refund", "we guarantee it"),
    ("uk", "If you don't lose 10 lbs, you get a full refund", "global.claims.works_or_refund", "If you don't lose 10 lbs, you get a full refund"),
    ("us", "Money-back guarantee if you don't see results in 30 days", "global.claims.works_or_refund", "Money-back guarantee if you don't see"),
    # mends when the rules landed: the claim beside the ordinary post below stays found
    ("uk", "Escape the 9 to 5 grind with my team, DM me", "global.claims.earnings_escape", "Escape the 9 to 5"),
    ("us", "It's zero risk, no side effects at all, order now", "global.claims.safety_shape", "zero risk"),
    ("uk", "Instead of medication, try our calming drops tonight", "uk.claims.discourage_treatment",
     "Instead of medication"),
]

# (market, text): the same words in ordinary posts
INNOCENT = [
    ("uk", "Our oat drink is a creamy alternative to dairy milk, order now"),
    ("us", "Never stop taking your medication without talking to your doctor; our pill organiser keeps you on track"),
    ("us", "This planner is my replacement for the old app, shop now"),
    ("uk", "Forget the sugar rush, our snack bars are back in stock"),
    ("us", "We deliver fresh flowers to your door every Friday, order now"),
    ("uk", "Our pump delivers nutrients straight to the roots of your plants, shop now"),
    ("us", "The charger sends energy to your phone while you sleep, order now"),
    ("us", "Our test strips balance the pH of your pool in minutes, order now"),
    ("uk", "Reset your router and restore your settings with our app"),
    ("us", "My energy bill went down 20% after the new boiler, book a survey"),
    ("uk", "My skin has never looked better since starting this moisturiser, shop now"),
    ("us", "Saw a 40% increase in my sales this quarter, book a call to learn how"),
    ("uk", "Easy-grip jar openers for people with arthritis, order now"),
    ("uk", "Book your flu jab at our pharmacy to protect yourself against flu this winter"),
    ("us", "Our antivirus keeps viruses away from your laptop, download now"),
    ("uk", "Citronella candles to keep bugs away from the patio, shop now"),
    ("uk", "Our vets use the latest scanners in every appointment, book now"),
    ("us", "Developed with our customers in mind, the new app is live"),
    ("uk", "Our sofa is green and grey, order a swatch today"),
    ("uk", "Leave no trace when you camp: pack out what you pack in"),
    ("uk", "This recipe never fails to impress, get the book"),
    ("us", "My local salon never fails me, booked again for Friday"),
    ("uk", "If it doesn't fit, return it free within 30 days, shop now"),
    ("us", "Find a meeting time that works for everyone with our calendar app"),
    ("us", "Walk 10k steps a day with our app, download now"),
    ("uk", "Escape the cold with our winter sun holidays, book now"),
    ("us", "Our 4k TV is back in stock, order today"),
    ("uk", "Book a weight-management consultation with our nurse, no obligation"),
    ("uk", "Enough snacks for 12 people in one hamper, order now"),
    ("uk", "Our gummies are safe for adults when taken as directed; ask your pharmacist if you take other medicines"),
    ("uk", "Zero-risk trial: return it within 30 days, order now"),
    ("us", "Our cot mattress is safe for newborns from day one, order now"),
    ("uk", "See the boots worn by soldiers in 1916 at our museum, book tickets"),
    ("uk", "I'd rather walk than drive, new trainers in the shop"),
    ("uk", "Our cake is better than Christmas, order a slice"),
    ("us", "Save 30% on your first order, shop now"),
    ("uk", "Probably the best lager in the world, grab a crate this weekend"),
    ("us", "Diets low in saturated fat and cholesterol may reduce the risk of heart disease; our oat bran is in store."),
    ("uk", "Contains ibuprofen. For the relief of headaches and period pain. Always read the label."),
    ("us", "Helps maintain healthy cholesterol levels already within the normal range*"),
    ("uk", "Skin feels softer and smoother after one use, shop the body butter"),
    ("uk", "A low-impact workout for sore knees, book a class"),
    ("uk", "Our new vacuum makes it easy to clean floors, shop now"),
    ("uk", "Our new mattress means pain-free mornings for your back, order a trial"),
    ("us", "This recipe actually works with gluten-free flour, get the book"),
    ("uk", "If you don't love the colour, return it for a refund within 30 days"),
    # mends when the rules landed (a commute, a mug's spills, a post that sends the viewer to a GP)
    ("uk", "Escape the 9 to 5 commute with our e-bike, order now"),
    ("us", "Zero risk of leaks with our new lunch box lid, shop now"),
    ("uk", "Instead of medication, ask your GP whether physio could help your knee, book a class with us"),
    # older rules' false positives the session's English writer found
    ("us", "The charger sends energy to your phone in minutes, order now"),
    ("uk", "Join our walk for people living with Parkinson's, every pound goes to research"),
    ("us", "Wide-fit shoes for people with bunions, shop the range"),
    ("us", "This sourdough recipe actually works every time, get the book"),
]


@pytest.mark.parametrize(("market", "text", "rule", "span"), CLAIMS)
def test_claim_is_reported(market, text, rule, span):
    assert_reported(text, market, rule, span)


@pytest.mark.parametrize(("market", "text"), INNOCENT)
def test_innocent_use_stays_clean(market, text):
    assert_left_alone(text, market)
