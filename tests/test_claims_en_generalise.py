"""English claim shapes widened from the regulators' own guidance (issue 15, the English-language markets).

Each shape is checked in the markets whose English packs share it (uk, us, sg, my, ph; body-function claims outside the US), on wording
written for these tests: a claim of that shape must give a claim finding (warning or error) over its
words in a post that sells, and everyday wording with the same words must give none, whether or not the
post sells. The shapes: the -ing forms of phrasal treatment verbs ("warding off colds"), verbs that wipe
a condition out ("obliterate brain fog"), the harm of a condition between verb and condition ("stop the
ravages of arthritis"), plural pains, acne of a kind ("adult acne"), ADHD written out, marketing verbs of
stimulation ("ignite your metabolism", "promotes new hair growth"), "grow thicker hair", "the leading ...
service" (CAP AdviceOnline treats "leading" as an objective claim), "the fastest way to lose weight",
figures in words ("whitens teeth by four shades"), "steps to 6-figures", sums in words ("earn a
thousand dollars a week"), specialists as endorsers, a condition named with its treatment ("diabetes
treatment"); the FTC Gut Check weight-loss claims; the FDA's criteria for implied disease claims (21 CFR
101.93(g): a substitute for a named medicine, a disease named by its effect); and the CAP AdviceOnline
superlatives ("widest range", "the most customers", "the highest rated"); skin made stronger (CAP's
physiological effects); income over a year; absolute and comparative green claims in every English market (CAP
section 11, the CMA Green Claims Code, the FTC Green Guides; in sg, my and ph the CCS quality-claims
guide, the Malaysian Code of Advertising Practice, the ASC Code's Article VI), a percentage less carbon,
onset of action in minutes, award claims and "9 out of 10 prefer" (CAP's advice on awards or surveys), and
a health marker said to have fallen (21 CFR 101.93(g)(2))."""

from __future__ import annotations

import pytest
from claim_shapes import assert_flagged_over, assert_left_alone

MARKETS = ("uk", "us", "sg", "my", "ph")

# (text, words the claim finding must cover)
FLAGGED = [
    ("Elderberry syrup for warding off colds and flu all winter", "warding off colds"),
    ("These mushroom gummies obliterate brain fog before your first meeting", "obliterate brain fog"),
    ("A turmeric tonic to stop the ravages of arthritis in your fingers", "stop the ravages of arthritis"),
    ("Rub it in after the gym, it relieves knee pains in minutes", "relieves knee pains"),
    ("A clay mask that helps prevent adult acne along the jawline", "prevent adult acne"),
    ("Gummies that help children with attention deficit hyperactivity disorder sit still",
     "help children with attention deficit hyperactivity disorder"),
    ("Our tincture is traditionally used for fending off colds", "fending off colds"),
    ("We are the leading boiler repair service in Leeds", "the leading boiler repair service"),
    ("Discover the fastest way to lose weight before summer", "fastest way to lose weight"),
    ("The easiest way to get whiter teeth at home", "easiest way to get whiter teeth"),
    ("A whitening pen that whitens teeth by three shades", "whitens teeth by three shades"),
    ("Join my 7 steps to 6-figures masterclass tonight", "steps to 6-figures"),
    ("Stay-at-home parents earn a thousand dollars a week with our kit", "earn a thousand dollars a week"),
    ("A night cream approved by skin specialists for dry patches", "approved by skin specialists"),
    ("Our diabetes treatment tea, back in stock", "diabetes treatment"),
    # FTC Gut Check: loss whatever you eat, for good, melting off, from something worn
    ("Eat as much as you want and still lose the belly with our tea", "Eat as much as you want and still lose"),
    ("Shed the pounds no matter what you eat", "Shed the pounds no matter what you eat"),
    ("One capsule a day to lose the weight for good", "lose the weight for good"),
    ("This wrap melts your belly fat away while you watch TV", "melts your belly fat away"),
    ("Simply wear the sauna vest and burn fat all day", "Simply wear the sauna vest and burn"),
    # 21 CFR 101.93(g): a substitute for a named medicine, a disease named by its effect
    ("A soothing alternative to Xanax for long evenings", "alternative to Xanax"),
    ("No more sleeping pills, just two gummies at bedtime", "No more sleeping pills"),
    ("Calcium chews that prevent bone fragility after the menopause", "prevent bone fragility"),
    # CAP AdviceOnline superlatives: "widest range", "the most customers", "the highest rated"
    ("We stock the widest range of garden sheds", "widest range"),
    ("Trusted by the most customers of any boiler firm", "by the most customers"),
    ("The highest rated dentist in town, book today", "highest rated dentist"),
    ("The most complete multivitamin on the shelf", "most complete multivitamin"),
    # session 33: a percentage less carbon (CAP 11.3, 16 CFR 260.3(d)), onset of action in minutes
    # (NAD), awards (CAP's advice on comparisons based on awards or surveys), "9 out of 10 prefer"
    ("Our canned water makes 45% less CO2e than plastic bottles", "45% less CO2e"),
    ("This throat spray gets to work in 2 minutes, grab one", "gets to work in 2 minutes"),
    ("Our award-winning shampoo bars are back in stock", "award-winning shampoo"),
    ("Smoothest cold brew in town, 8 out of 10 preferred it", "8 out of 10 preferred"),
    # 21 CFR 101.93(g)(2): a health marker said to have changed after the product
    ("Two months on the capsules and my LDL cholesterol levels came down, shop now",
     "my LDL cholesterol levels came down"),
    ("Her A1C went from 8 to 6 on our bitter melon tea", "Her A1C went from"),
    # CAP AdviceOnline "Health: medicinal claims": "avoid" a condition is preventing it
    ("Zinc lozenges to help you avoid colds on the commute", "help you avoid colds"),
    ("Avoid catching the flu this winter with our elderberry gummies", "Avoid catching the flu"),
    ("A spot gel that fades acne scars in a fortnight", "fades acne scars"),
    # FTC Business Guidance Concerning Multi-Level Marketing: career income and lifestyle claims
    ("Sick of the commute? Fire your boss and join my team", "Fire your boss"),
    ("Ditch your office job and sell from your sofa with us", "Ditch your office job and"),
    ("Our top sellers earn enough to pay off their mortgage", "earn enough to pay off"),
    ("New members earn their investment back within weeks", "earn their investment back within"),
    ("This business paid for our new kitchen, ask me how", "This business paid for our"),
    # CAP AdviceOnline "Beauty and cosmetics: Physiological effect"
    ("A retinol serum that works at a cellular level overnight", "serum that works at a cellular level"),
    ("An oil that rebuilds ageing skin from within", "rebuilds ageing skin from within"),
    ("A cream to repair sun-damaged skin before summer", "repair sun-damaged skin"),
    # expert testimonials (16 CFR 255.3, CAP AdviceOnline "Testimonials and endorsements")
    ("As a qualified nurse I personally use these every night", "As a qualified nurse I personally use these"),
    ("I suggest this to most of my clients with thinning hair", "suggest this to most of my clients"),
    # 21 CFR 101.93(g)(2): a member of a class of disease products, or a named drug's stand-in
    ("Ginseng shots, the herbal Viagra your partner will thank you for", "herbal Viagra"),
    ("A plant-based laxative tea for a lighter morning", "plant-based laxative"),
    # CAP AdviceOnline "Beauty and cosmetics: Physiological effect": a cream that makes the skin stronger
    ("A barrier cream that fortifies your skin against harsh winds", "fortifies your skin"),
    # FTC Notice of Penalty Offenses (money-making opportunities): income over a year
    ("Our franchisees earn $40,000 to $70,000 next year, DM me", "earn $40,000 to $70,000 next year"),
    ("Sam made over $120,000 in a little over a year reselling trainers with us",
     "made over $120,000 in a little over a year"),
    # session 34: the FDA/FTC diabetes warning letters (2013, 2021) and 21 CFR 101.93(g)(2): diabetes
    # markers, "conquers", a medicine needed less, the organ diseases of diabetes
    ("Our cinnamon capsules conquer insulin resistance in weeks", "conquer insulin resistance"),
    ("Gymnema tea for better glycemic control after every meal", "for better glycemic control"),
    ("Berberine drops that lower your HbA1c the natural way", "lower your HbA1c"),
    ("Bitter melon shots that reduce your need for metformin", "reduce your need for metformin"),
    ("Bilberry chews to lower your chances of eye disease as you age", "lower your chances of eye disease"),
    ("A single coaching call and she was cured of a phobia of lifts", "cured of a phobia"),
    # the ASA on The Speakmans (2018) and the FTC's Quell complaint (2020): a phobia cured, a condition's
    # improvement as a noun
    ("One hypnotherapy call and my claustrophobia was cured", "claustrophobia was cured"),
    ("Nine in ten buyers noticed a reduction in migraines within a month", "reduction in migraines"),
    # ASA Water for Health (2015): a therapeutic power claimed with no condition named
    ("Our alkaline drops have curative properties you can feel", "curative properties"),
    # 21 CFR 101.93(g)(2): a disease's course slowed, an infection named, a drug class claimed, the cause
    # of a condition fought; remission; an organ's damage repaired
    ("Turmeric shots that slow the progression of dementia", "slow the progression of dementia"),
    ("A tea tree wash that is effective against MRSA on cuts", "effective against MRSA"),
    ("Nattokinase, a plant anticoagulant in every capsule", "anticoagulant"),
    ("A clay mask to kill the bacteria that cause acne overnight", "kill the bacteria that cause acne"),
    ("A paleo plan that brought my remission of autoimmune disorders", "remission of autoimmune disorders"),
    ("Chlorella tablets that detoxify heavy metals gently", "detoxify heavy metals"),
    # FTC advertorial tropes and MLM lifestyle claims: experts amazed, 9 in 10 of a profession, debts paid off
    ("Plastic surgeons are stunned by this five-minute face oil", "Plastic surgeons are stunned"),
    ("Recommended by 9 out of 10 paediatricians for teething", "Recommended by 9 out of 10 paediatricians"),
    ("She cleared all her credit card debt in a year with our team", "cleared all her credit card debt in"),
    # FDA cosmetics warning letters (a cream that "treats" a skin condition) and supplement letters ("prevent
    # disease"); FTC Gut Check: fat burned while at rest
    ("An aftershave gel that treats ingrown hairs on the neck", "treats ingrown hairs"),
    ("Moringa capsules to help prevent disease naturally", "prevent disease"),
    ("Green coffee pills that burn fat even while you're sitting", "burn fat even while you're sitting"),
    # FTC Health Products Compliance Guidance: study wording read as proof; FTC/NAD comparative claims; a
    # profession named as the formulator (16 CFR 255.3)
    ("Our joint chews are scientifically validated for daily use", "scientifically validated"),
    ("A bakuchiol oil that is 3x more effective than retinol", "3x more effective than retinol"),
    ("Liposomal vitamin C with double the absorption of standard capsules", "double the absorption of standard"),
    ("Our nappies outperform leading brands on leaks", "outperform leading brands"),
    ("A dermatologist formulated night cream for dry skin", "dermatologist formulated"),
    # testimonials as the seller's own claims (16 CFR 255.2): a medicine or device given up, a condition
    # gone for a time or a share better, a marker in range, "the only thing that helps"
    ("Since the drops I no longer need my nebuliser at night", "no longer need my nebuliser"),
    ("My GP took me off my statins after two months of this tea", "took me off my statins"),
    ("Honestly my back pain is 80% better after a week", "back pain is 80% better"),
    ("My daughter has been eczema free since March with this balm", "eczema free since"),
    ("I have fibromyalgia and this oil is the only thing that helps", "I have fibromyalgia and this oil is the only thing that helps"),
    ("Since these capsules my liver enzymes are normal again", "my liver enzymes are normal again"),
    # session 35: relief given to the sick, any number of them (CAP rule 12.1); conditions as sufferers
    # name them; money that cannot fail or comes at once, pay by the minute, tax-free sums (CAP 3.7 and
    # section 20, FTC Notice of Penalty Offenses Concerning Money-Making Opportunities)
    ("This copper band has brought relief to many of the people suffering from all forms of gout",
     "brought relief to many of the people suffering from all forms of gout"),
    ("Cupping that offers relief to patients with sciatica, book a slot", "offers relief to patients with sciatica"),
    ("I have GAD and this is really helping, restock is live", "I have GAD and this is really helping"),
    ("With our reseller kit it's impossible not to make money", "impossible not to make money"),
    ("If you can press a button you can earn money with our app", "If you can press a button you can earn money"),
    ("Earn money within minutes of signing up, link below", "Earn money within minutes"),
    ("Members get paid every 30 minutes from the ad pool", "get paid every 30 minutes"),
    ("Pocket $250 tax free a week from your sofa", "$250 tax free a week"),
    # medical conditions from CAP AdviceOnline "Health: medicinal claims" and the FTC Health Products
    # Compliance Guidance, in any word order
    ("Enzyme chews that beat lactose intolerance, shop the bundle", "beat lactose intolerance"),
    ("Tea tree drops that get rid of styes overnight", "get rid of styes"),
    ("My son's bedwetting stopped within a week of these gummies", "bedwetting stopped"),
    # a hangover by its euphemisms (CAP AdviceOnline "Health: hangover"); a named medicine matched "as well
    # as" or rivalled (21 CFR 101.93(g)(2)(iv)); an average income (FTC Business Guidance Concerning MLM)
    ("Two of these before the party and say goodbye to the dreaded morning after",
     "say goodbye to the dreaded morning after"),
    ("Ginger chews that work as well as Imodium on a long flight", "work as well as Imodium"),
    ("A magnesium spray that rivals sleeping pills, restocked", "rivals sleeping pills"),
    ("Our sellers make an average of $900 a week from home", "make an average of $900 a week"),
    # conditions in the words of ads and testimonials, any order (21 CFR 101.93(g)(2); CAP rules 12.1 and
    # 15.6.2): the sufferer addressed, the condition answered, settled, melting away, out-matched, absent
    # since, a rescue from it, sufferers named by their struggle
    ("Fed up with heartburn? Grab our chewables", "Fed up with heartburn? Grab"),
    ("Are you living with restless legs? Meet our magnesium", "Are you living with restless legs?"),
    ("Migraines? Not anymore, tap to shop", "Migraines? Not anymore"),
    ("My husband hasn't had a gout flare since the cherry juice", "hasn't had a gout flare since"),
    ("My hay fever just melts away with one spray of this", "hay fever just melts away"),
    ("These insoles were a godsend for my plantar fasciitis", "godsend for my plantar fasciitis"),
    ("Bye bye cystitis, these cranberry capsules are back", "Bye bye cystitis"),
    ("Made to support anyone coping with chronic fatigue", "support anyone coping with chronic fatigue"),
    # safety absolutes as adjectives (FTC Health Products Compliance Guidance, 2022)
    ("Melatonin-free and non-habit forming gummies, shop now", "non-habit forming"),
    ("A side effect free alternative for hot flushes", "side effect free"),
    # experts and regulators as the product's guarantors (16 CFR 255.3; CAP rules 3.50, 12.2)
    ("A gut powder created by a top gastroenterologist, link in bio", "created by a top gastroenterologist"),
    ("Compression socks loved by hospital nurses, 3 for 2", "loved by hospital nurses"),
    ("The first sleep gummy verified by the Food Standards Agency, shop now", "verified by the Food Standards Agency"),
]

# CAP section 11 and the CMA Green Claims Code (uk), the FTC Green Guides 16 CFR 260.4 (us), and the
# same shared lexicon in sg, my and ph: absolute and comparative benefit claims
ENVIRONMENTAL = [
    ("Our refill pods are gentler on our oceans than the old bottles", "gentler on our oceans"),
    ("An emission-free delivery van for your parcels, book a slot", "emission-free"),
    ("Nature-positive trainers, restocked this Friday", "Nature-positive"),
    # session 33: the shared green_claims lexicon, now in sg, my and ph as well (the Green Guides'
    # time to degrade, CAP 11.3's comparatives, "sustainable" as a quality, disposal nouns)
    ("Our laundry strips are the greenest option for wash day", "greenest option"),
    ("Grocery bags that biodegrade in approximately six months, 50 for 5 dollars",
     "biodegrade in approximately six months"),
    ("Pure cotton tees, stylish and sustainable, new colours in", "stylish and sustainable"),
    ("Our dishwasher sheets come in a plastic alternative wrap, try a box", "plastic alternative"),
    ("Fleece made from environmentally responsible fibres, 2 for 1", "environmentally responsible"),
    ("Choose our steel bottles and help us protect the planet", "help us protect the planet"),
    ("Espresso in home compostable coffee pods, 40 a box", "home compostable coffee pods"),
    ("Biodegradable dog poo bags, 300 in a pack", "Biodegradable dog poo bags"),
    # session 35: zero-waste products and purchases said to mend the environment (CAP rule 11.1, the CMA
    # Green Claims Code, 16 CFR 260.4)
    ("Refill our zero-waste kit and never buy a bottle again", "zero-waste kit"),
    ("Every bottle removes a pound of plastic from the beach", "Every bottle removes a pound of plastic"),
    ("Protecting the reefs with every tube of our sun cream", "Protecting the reefs with"),
]

# body-function claims: US supplements may make them with the FDA disclaimer, so the US pack shows
# them as a note (global.claims.body_function); every other English market flags them
BODY_FUNCTION = [
    ("One capsule a day to ignite your metabolism", "ignite your metabolism"),
    ("A peptide serum that promotes new hair growth along the hairline", "promotes new hair growth"),
    ("Vitamins to grow longer and thicker hair in one season", "grow longer and thicker hair"),
    ("A detox tea that cleans your liver overnight", "cleans your liver"),
    ("Drops that switch off fat storage between meals", "switch off fat storage"),
    # ASA Clinique (2006): a cream that sets off the skin's own repair is a physiological claim
    ("An eye cream that triggers the skin's own repair mechanism", "triggers the skin's own repair mechanism"),
]

# weight-loss mechanisms: a warning in the US too (us.claims.weight_function), where the general
# body-function rule is a note
WEIGHT_MECHANISM = [
    ("Two capsules switch off fat storage between meals", "switch off fat storage"),
    ("A morning powder that ignites fat burning before the gym", "ignites fat burning"),
    ("Green coffee drops to rev up your metabolism all day", "rev up your metabolism"),
]

# FDA "Is It a Cosmetic, a Drug, or Both?": skin and hair claims that make a cosmetic a drug (US only;
# the UK and ASEAN read skin lightening as cosmetic)
COSMETIC_DRUG_US = [
    ("A brightening serum that blocks melanin production overnight", "blocks melanin production"),
    ("Our retinol cream boosts cell turnover while you sleep", "boosts cell turnover"),
    ("A scalp tonic to reactivate dormant hair follicles", "reactivate dormant hair follicles"),
    ("Toner that stops new pigmentation from forming", "stops new pigmentation from forming"),
]

# the ASA's reading of supplement buzzwords as specific health claims (UK only)
FOOD_BUZZWORD_UK = [
    ("Adaptogenic mushroom coffee, 20% off this week", "Adaptogenic mushroom"),
    ("A nightly shot that neutralises free radicals", "neutralises free radicals"),
    ("Gummies that take your brain power to the next level", "take your brain power to the next level"),
]

# the same words in ordinary use
PASSED = [
    "Warding off the Monday blues with a cinnamon bun.",
    "The storm wiped out the power on our street for an hour.",
    "Leading up to the holidays our opening hours change.",
    "Lots of rain this week, leading to better results in the veg patch.",
    "The quickest way to get to the station is the number 42 bus.",
    "The leading cause of delays this morning was the snow.",
    "Ignite your love of baking at our Saturday class.",
    "Growing my hair out with you all, month three update.",
    "This app cleans your phone storage in one tap.",
    "Painted the hallway two shades lighter and it feels twice the size.",
    "Took the steps to the sixth floor, my legs are done.",
    "We bake a hundred cupcakes a day for the market stall.",
    "Specialists say the bridge repairs will take another month.",
    "Growing pains: our bakery is moving to a bigger kitchen.",
    "Eat whatever you like at the buffet, it's your birthday!",
    "The butter should melt away into the sauce, then add the herbs.",
    "Just wear the blue dress, you look lovely in it.",
    "No more aspirin jokes from the quiz team, please.",
    "Came off my antidepressants last year and feeling good.",
    "A vegan alternative to leather, stitched in Leeds.",
    "She had the most customers at the fair because of her lemonade.",
    "Our dentist gave the kids the best stickers after the check-up.",
    "Switch off the oven and let the bread cool in the tin.",
    "More cloud storage space boosts memory for your photo library.",
    "Avoid the motorway on Friday, the roadworks are back.",
    "Melanin basics for my biology students: why we tan.",
    "Our bakery stopped production for the bank holiday.",
    "Restoring the old dresser this weekend, before and after photos soon.",
    "Reading up on adaptogens for my nutrition module, any book tips?",
    "Our new course will take your sourdough to the next level.",
    "The bruise is fading, climbing is rough on the shins.",
    "Fire safety check at the office today, the boss made us all leave.",
    "Get your money back within 30 days if it doesn't fit.",
    "Earned enough for a coffee from the car boot sale, ha.",
    "Working at a cellular level in the lab all week, biology is wild.",
    "As a nurse I always recommend getting your flu jab early.",
    "A long walk to rejuvenate body and mind after exams.",
    "Took a painkiller and a nap, back to packing orders now.",
    "Five stretches to strengthen your lower back after a day at the desk.",
    "Next year our rent goes up by $1,200, so we are moving out.",
    "The greenest park in the city is five minutes from our flat.",
    "Leaves break down in the compost heap over winter, leave them be.",
    "Our school award ceremony is on Friday, parents welcome.",
    "Nine out of ten times the bus is late on a Monday.",
    "The roads were 30% less busy over the holiday weekend.",
    "My headache kicked in within 5 minutes of the meeting, send coffee.",
    "Closed for the beach clean-up on Saturday, let's protect the planet together!",
    "My step count went from 3,000 to 10,000 a day since I got a dog.",
    "Knitting is so therapeutic, new wool in the shop this week.",
    "We saw a real improvement in sales after the summer, thank you all.",
    "Our rota app reduces the need for cover staff on Mondays.",
    "Beat a new record at parkrun this morning, cake to celebrate.",
    "The cured meats platter is back on the menu from Friday.",
    "Lost my keys and my phone in one afternoon, what a day.",
    "My best friend is the best, happy birthday to her.",
    "The pain of moving house is real, boxes everywhere.",
    "Slow down this Sunday, the cafe opens at ten.",
    "Clear your diary for our summer sale on Saturday.",
    "Restore that old dresser with our chalk paint.",
    "Cabin fever? Our jigsaw puzzles are 20% off.",
    "I finally paid off my car loan this month, celebrating with pizza.",
    "Stop disease spreading through your tomatoes with our copper spray.",
    "Relax while you burn calories in our hot yoga class, first session free.",
    "This playlist triggers so many memories, link in bio.",
    "Dermatologically tested and fragrance free, new in store.",
    "My doctor formulated a plan for my recovery, so the shop is closed this week.",
    "Twice the size of regular cupcakes, only this weekend.",
    "Pain free waxing at our salon, book now.",
    "I don't need my glasses for reading menus, only for driving.",
    "Our sales numbers went from 9 to 60 this month, thank you!",
    "The cold snap brought relief to the allotment after the heatwave, new seeds in stock.",
    "What a relief to see the sun, our garden chairs are on sale.",
    "Drivers get paid every Friday, apply at the depot today.",
    "Children's shoes are tax free, so our school range costs less.",
    "Our charity bake sale failed to make money this year, but we had fun.",
    "This spring weather is bipolar, grab a brolly from our shop.",
    "Our toenail clippers are back in stock, sharp and rust free.",
    "Boiled eggs and soldiers on the brunch menu this Sunday.",
    "We packed up the stall the morning after the festival, thanks for visiting.",
    "These wellies work just as well as the pricey ones, half the price.",
    "Our local team rivals the best in the league, shirts in store.",
    "My sister is a nurse and she loved the cake, order yours for Friday.",
    "Each order plants a smile on my face, thanks for the support!",
    "Approved by the council, our market stall opens on Saturday.",
    "Tired of the same old pasta? Try our new sauce, out now.",
    "Goodbye summer, hello cosy knits, new in store.",
    "The storm has calmed down, the shop reopens at ten.",
    "Our rivals don't stand a chance at the quiz, tickets are five pounds.",
    "Haven't had a holiday since 2019, book your break with us.",
    "This planner is a game changer for my busy mornings, get yours.",
    "Warning: these crisps are not addictive, they are dangerous, 3 for £2.",
    "This puzzle game is so addictive, out now on mobile.",
]


# session 36: breadth from systematic lists (own wording): efficacy by amount, multiple, years, calories
# and before/after; speed; permanence; conditions by body system with new verbs and result words; a list
# of conditions; expert, TV-show and "doctors hate" endorsements; earnings while asleep or without
# experience; safety absolutes; green absolutes and comparatives; food equivalences.
CLAIMS_SIXTEENTH_EN = [
    # efficacy shapes: amounts, multiples, years off, calories, before/after (CAP rules 3.7, 13.1, 13.10)
    ("Down three jean sizes since January thanks to these shakes", "Down three jean sizes"),
    ("Her hips went down 3 inches with our sauna belt, shop now", "hips went down 3 inches"),
    ("A firming balm that knocks 5 years off your neck, order today", "knocks 5 years off your neck"),
    ("This green tea burns 250 calories a day, grab a tin", "burns 250 calories"),
    ("Brows twice as thick in eight weeks with our growth oil", "Brows twice as thick"),
    ("Drift off 2x faster with our magnesium spray", "Drift off 2x faster"),
    ("My before & after with this retinol serum after 6 weeks, link below", "before & after"),
    ("I shed two stone on the meal plan, sign up in bio", "shed two stone"),
    # speed (TikTok Shop: instant effects; NAD: "results are immediate")
    ("A spot patch that shrinks blemishes overnight, buy the pack", "shrinks blemishes overnight"),
    ("This roll-on relieves tension headaches instantly, order now", "relieves tension headaches instantly"),
    ("You'll notice the difference straight away with our collagen shots", "notice the difference straight away"),
    ("A jaw tape that sculpts your jawline in minutes, shop now", "sculpts your jawline in minutes"),
    # permanence (FTC Gut Check; CAP rules 12.12 and 13.12)
    ("A laser comb that gets rid of bald patches once and for all", "gets rid of bald patches once and for all"),
    ("Never struggle with dark circles again, order the eye cream", "Never struggle with dark circles again"),
    ("Lifelong results from one course of our fat-freezing pads", "Lifelong results"),
    # conditions by body system, new verbs and result words (CAP rule 12.1, 21 CFR 101.93(g))
    ("A foot soak that sorts out plantar fasciitis, shop now", "sorts out plantar fasciitis"),
    ("My keratosis pilaris has cleared right up with this body wash", "keratosis pilaris has cleared"),
    ("Herbal drops that stave off chest infections all winter", "stave off chest infections"),
    ("A pillow spray that works wonders for broken nights and insomnia", "works wonders for broken nights and insomnia"),
    ("These insoles are perfect for heel pain, order a pair", "perfect for heel pain"),
    ("If you suffer from hayfever, you need this nasal balm", "If you suffer from hayfever"),
    ("A mouth rinse that sees off gum infections, link in bio", "sees off gum infections"),
    ("I no longer get palpitations since starting these capsules, shop now", "no longer get palpitations"),
    ("A copper bracelet for tennis elbow, slipped discs and sciatica, order now", "tennis elbow, slipped discs and sciatica"),
    ("Ginger chews that melt away trapped wind, buy a bag", "melt away trapped wind"),
    # endorsement (CAP rules 3.50 and 12.5; 16 CFR 255.3)
    ("A nurse-approved nappy cream, back in stock", "nurse-approved"),
    ("Our gut powder is vetted by 200 dietitians, shop now", "vetted by 200 dietitians"),
    ("Dentists swear by this whitening foam, order yours", "Dentists swear by this"),
    ("A night serum created alongside leading dermatologists", "created alongside leading dermatologists"),
    ("As featured on Dragons' Den, our posture corrector is 20% off", "As featured on Dragons' Den"),
    # earnings and safety (FTC money-making notices 2021; FTC Health Products Compliance Guidance)
    ("Get paid while you sleep with my reselling blueprint, join now", "Get paid while you sleep"),
    ("Start earning online with zero experience, spots are limited", "Start earning online with zero experience"),
    ("Our sleep gummies are safe to take every day, shop now", "safe to take every day"),
    ("These drops won't harm your liver like painkillers do, order now", "won't harm your liver"),
    # green claims (CMA Green Claims Code, 16 CFR 260.4)
    ("A reef-safe sunscreen for your beach holiday, shop now", "reef-safe"),
    ("Our trainers have zero impact on the planet, order a pair", "zero impact on the planet"),
    ("Bamboo toothbrushes, more eco-friendly than plastic ones, buy now", "more eco-friendly than plastic"),
    # equivalence and absolutes
    ("One shot has as much vitamin C as 6 oranges, order a box", "as much vitamin C as 6 oranges"),
    ("Our stain spray works every time, buy two", "works every time"),
    # protective properties, the FDA's "mitigate", multiples of a competitor, figures of strengthening,
    # loose skin, glasses thrown away, weight loss of a stated amount, a body function by a date
    ("Our mushroom capsules are neuroprotective, shop now", "neuroprotective"),
    ("A herbal tea that mitigates the symptoms of shingles, order now", "mitigates the symptoms of shingles"),
    ("Whitening foam with double the whitening power of strips, buy now", "double the whitening power of"),
    ("A toothpaste that strengthens enamel by 40%, order now", "strengthens enamel by 40%"),
    ("A body wrap that firms loose skin after pregnancy, order now", "firms loose skin"),
    ("Throw away your reading glasses with our eye drops", "Throw away your reading glasses"),
    ("Gummies that protect your little one from colic, shop now", "protect your little one from colic"),
    ("A meal plan with weight loss of up to 12 pounds, join today", "weight loss of up to 12 pounds"),
    ("Ginseng shots that boost libido in a week, grab a box", "libido in a week"),
    # a condition gone in a testimonial: "-free since", "used to get ... not anymore", milder now, a
    # doctor amazed (16 CFR 255.2: a testimonial is the seller's claim)
    ("Cramp-free since I started the magnesium patches, shop now", "Cramp-free since I"),
    ("I used to get cold sores every month, not anymore with this balm", "used to get cold sores"),
    ("Her hot flushes and night sweats are much milder now, order the tea", "night sweats are much milder"),
    ("My dermatologist was speechless after a month of this serum", "My dermatologist was speechless"),
    # superiority without a superlative word (CAP AdviceOnline "Types of claims: superlative")
    ("Honestly, nothing beats our coffee on a cold morning, grab a bag", "nothing beats our coffee"),
    ("You won't find a better mattress at this price, order today", "You won't find a better mattress"),
    ("A toner that outshines every other toner on the shelf", "outshines every other toner"),
    ("Industry-leading battery life in a tiny speaker, shop now", "Industry-leading"),
]

INNOCENT_SIXTEENTH_EN = [
    "Reduce the gravy by half, then stir in the butter.",
    "We won 2-0 and dropped to third in the table.",
    "My new personal best: knocked 40 seconds off my 5k.",
    "Down 2 goals at half time and still won, what a team.",
    "The snow melted away overnight, the park is open again.",
    "Before and after of the kitchen we painted last weekend.",
    "Temperatures will drop by 5 degrees overnight, bring a coat.",
    "This train is twice as fast as the old one, tickets from £10.",
    "Friendships that last forever, happy birthday to my oldest mate.",
    "Goodbye summer forever, hello new term, school shoes in store.",
    "Loved by our regulars, the Sunday roast is back, book a table.",
    "Our café is perfect for long lunches, book now.",
    "Works wonders for a messy garage, this shelving kit is on sale.",
    "Reserve your spot now, the cookery class fills up straight away.",
    "Safe travels to everyone heading home for the holidays.",
    "Ten glasses of water a day, that is my new year goal.",
    "Our tea towels are made from 100% cotton, order a set.",
    "The bakery sold out overnight, more loaves tomorrow morning.",
    "We sorted out the parking, the market opens at nine.",
    "Protect your skin from the sun with a hat and some shade today.",
    "Our team has double the energy of last year, tickets on sale now.",
    "Reading glasses are on the shelf by the door, grab a pair on your way out.",
    "I used to get lost in this city, not anymore with the new map app.",
    "Gluten-free since 2019, our bakery now has a full vegan range.",
    "Nothing beats a cup of tea with my nan on a Sunday.",
    "There's no better time to plant bulbs than October.",
]


CASES = [(m, t, w) for m in MARKETS for t, w in FLAGGED] + [
    (m, t, w) for m in MARKETS if m != "us" for t, w in BODY_FUNCTION] + [
    (m, t, w) for m in MARKETS for t, w in WEIGHT_MECHANISM] + [
    ("us", t, w) for t, w in COSMETIC_DRUG_US] + [("uk", t, w) for t, w in FOOD_BUZZWORD_UK] + [
    (m, t, w) for m in MARKETS for t, w in ENVIRONMENTAL] + [
    (m, t, w) for m in MARKETS for t, w in CLAIMS_SIXTEENTH_EN]


@pytest.mark.parametrize(("market", "text", "words"), CASES)
def test_claim_shape_is_flagged_over_its_words(market, text, words):
    assert_flagged_over(text, words, market)


@pytest.mark.parametrize("text", PASSED + INNOCENT_SIXTEENTH_EN)
@pytest.mark.parametrize("market", MARKETS)
def test_ordinary_wording_is_left_alone(market, text):
    assert_left_alone(text, market)
