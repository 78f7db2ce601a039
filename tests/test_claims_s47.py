"""Issue 15, session 47: claim shapes found missing by probing each market with new wording of the
classes regulators rule on (not by reading the regulator set):

- a family member's immune system strengthened ("your child's", "your kids'") and a body function of a
  child or a pet (global.claims.immunity, global.claims.body_function);
- healing offered for a condition ("reiki healing for anxiety": the `treatment_verbs` lexicon);
- the body's own healing set off ("works with your body to repair", "activate your body's natural
  healing": global.claims.body_mechanism);
- permanence said first ("permanently erases age spots") and fat cells destroyed for good
  (global.claims.permanent_shape);
- a Chinese figure cited from an unnamed study or survey ("研究表明，95%", "据调查，九成":
  cn.claims.uncited_figure, Advertising Law Art. 11(2));
- a Thai guarantee of ผลลัพธ์ and a refund if it does not work (th.claims.guarantee);
- a money-making opportunity said to pay for a lifestyle (global.claims.earnings_payer), and a post that
  recruits into one counted as one that sells (the `recruiting` signal of rules/global/commerce.yaml);
- every rival as a superlative's scope ("of any gel") and a percentage before a comparative ("30% deeper");
- a product said to be sustainable, and a percentage of a resource saved (global.claims.green_shape);
- Chinese: a pseudo-technology and its health effect on either side of a comma (cn.health.pseudo_tech),
  杀菌/除菌 with 99% (cn.health.pathogen_claim), 提分 with a bare number (cn.claims.score_gain);
- Thai: a blemish, hair or fat removed for good (…ถาวร) and grey hair gone (th.claims.erase_reshape);
- Indonesian: a guarantee with a percentage between ("dijamin 100% berhasil"), and a shop's safe delivery
  or payment left alone (id.claims.guarantee).

Every text is written for this test. The innocent texts use the same words in ordinary posts and must
stay silent at warning or above, whether or not the post sells (or, where a sale would change what the
words claim, in the posts they come from)."""

from __future__ import annotations

from claim_shapes import assert_left_alone, claim_findings, shape_tests

# (market, language, text, rule that must report it, words the finding must cover)
CLAIMS = [
    ("us", "en", "These elderberry gummies strengthen your kids' immunity all winter, shop now",
     "global.claims.immunity", "strengthen your kids' immunity"),
    ("uk", "en", "Our drops help build up your toddler's immune system before nursery, order today",
     "global.claims.immunity", "build up your toddler's immune system"),
    ("sg", "en", "Fish oil chews that support your child's brain development, buy two",
     "global.claims.body_function", "support your child's brain"),
    ("uk", "en", "A crystal bowl session of sound healing for insomnia, book this week",
     "global.claims.condition_treatment", "healing for insomnia"),
    ("my", "en", "Herbal remedies for gout delivered to your door, order via the link",
     "global.claims.condition_treatment", "remedies for gout"),
    ("uk", "en", "A red-light wand that works with your body to regenerate damaged skin, 30% off",
     "global.claims.body_mechanism", "works with your body to regenerate"),
    ("ph", "en", "Foot patches that stimulate your body's own healing overnight, order now",
     "global.claims.body_mechanism", "stimulate your body's own healing"),
    ("uk", "en", "Six sessions of our cryo treatment kill unwanted fat cells for good, book now",
     "global.claims.permanent_shape", "kill unwanted fat cells for good"),
    ("us", "en", "The only serum that permanently removes stubborn dark spots, shop the drop",
     "global.claims.permanent_shape", "permanently removes stubborn dark spots"),
    ("cn", "zh", "新品洗发水上线，调查发现，九成用户三周后脱发减少，拍下立减",
     "cn.claims.uncited_figure", "调查发现，九成"),
    ("cn", "zh", "这款益生菌大数据显示复购率高达87%，直播间下单",
     "cn.claims.uncited_figure", "大数据显示复购率高达87%"),
    ("th", "th", "ครีมทาฝ้าสูตรใหม่ รับประกันผลลัพธ์ ทักแชทเลย",
     "th.claims.guarantee", "รับประกันผลลัพธ์"),
    ("us", "en", "Two years in and my side hustle pays our rent, ask me about the opportunity",
     "global.claims.earnings_payer", "my side hustle pays our rent"),
    ("uk", "en", "The commission cheques are life-changing, looking for 3 driven mums to join",
     "global.claims.earnings_payer", "commission cheques are life-changing"),
    ("ph", "en", "We were living paycheck to paycheck, now we lead a team of 60, DM me to join",
     "global.claims.earnings_payer", "We were living paycheck to paycheck, now we lead a team"),
    ("us", "en", "The thickest lather of any shampoo in the aisle, grab two",
     "global.claims.superlative_scope", "thickest lather of any shampoo"),
    ("uk", "en", "Wake up 40% calmer with our sleep spray, shop now",
     "global.claims.figure_of_change", "40% calmer"),
    ("uk", "en", "Big news: our holidays are now sustainable, book the summer sale",
     "global.claims.green_shape", "our holidays are now sustainable"),
    ("us", "en", "The new dryer needs 45% less energy per load, order today",
     "global.claims.green_shape", "needs 45% less energy"),
    ("cn", "zh", "负离子手环，调理失眠，两件包邮", "cn.health.pseudo_tech", "负离子手环，调理"),
    ("cn", "zh", "厨房湿巾抑菌99%，拍下立减", "cn.health.pathogen_claim", "抑菌99%"),
    ("cn", "zh", "高考冲刺营，一个月提分80，报名从速", "cn.claims.score_gain", "提分80"),
    ("th", "th", "ครีมทาขา ลดรอยแตกลายได้ถาวร สั่งซื้อวันนี้", "th.claims.erase_reshape", "ลดรอยแตกลายได้ถาวร"),
    ("uk", "en", "Elderflower shots give your family's immunity a head start, order today",
     "global.claims.immunity", "give your family's immunity a head start"),
    ("uk", "en", "Vitamin D drops that make your baby's bones stronger, shop now",
     "global.claims.body_function", "make your baby's bones stronger"),
    ("uk", "en", "Our laser kit will forever remove body hair, buy yours",
     "global.claims.permanent_shape", "forever remove body hair"),
    ("id", "id", "Serum jerawat ini pasti 100% ampuh, order sekarang", "id.claims.guarantee", "pasti 100% ampuh"),
]

# (market, language, text): ordinary posts with the same words, silent whether or not they sell
INNOCENT = [
    ("uk", "en", "Your toddler's immune system is still learning, so expect a few colds in the first term."),
    ("us", "en", "Breastfeeding helps build your baby's immunity, our lactation group meets on Thursdays."),
    ("uk", "en", "Sending healing for your dad's surgery, thinking of you all."),
    ("uk", "en", "The coach works with your body type to plan a realistic week of training."),
    ("us", "en", "We permanently removed the fees from our checking accounts this year."),
    ("cn", "zh", "国家统计局数据显示，11月社会消费品零售总额同比增长3%，本店照常营业"),
    ("cn", "zh", "体检数据显示今年同事的参检率达到95%，下周安排复查"),
    ("cn", "zh", "据《2025中国茶饮报告》显示，六成年轻人爱喝果茶，新品上市"),
    ("th", "th", "ผลลัพธ์การเลือกตั้งออกมาแล้ว ทุกคนไปใช้สิทธิ์กันเยอะมาก"),
    ("us", "en", "Our company pays the suppliers' bills within 14 days, our accountant insists."),
    ("uk", "en", "Mum worked her last shift at the hospital after 38 years, we're so proud of her."),
    ("us", "en", "The business bought the building next door, so the café will finally have a terrace."),
    ("uk", "en", "She scored the best goal of any player this season, the club shop has her shirt."),
    ("us", "en", "Prices are 30% off this weekend only, the jackets are warmer than last year's too."),
    ("uk", "en", "Our pace is sustainable, five runs a week and a rest day, join the club."),
    ("cn", "zh", "纳米级镜片，清晰不起雾，今天下单包邮"),
    ("cn", "zh", "期末提分30个重点题型整理好了，免费领取"),
    ("th", "th", "ร้านเราลดราคาถาวรทุกชิ้น เริ่มวันนี้"),
    ("uk", "en", "We improved your hearing test booking page, it takes two minutes now."),
    ("id", "id", "Transaksi dijamin 100% aman, pengiriman cepat ke seluruh Indonesia"),
]


test_claim_is_reported, test_innocent_use_stays_clean = shape_tests(CLAIMS, INNOCENT)


def test_breastfeeding_statement_left_alone_in_every_english_market():
    # the Milk Code's statement, which Philippine posts carry, is no immunity claim in any market
    for market in ("ph", "us", "uk", "sg", "my"):
        assert_left_alone("Breast milk boosts your baby's immune system, and it is free.", market)


def test_a_recruiting_post_is_one_that_sells_and_a_charity_team_is_not():
    # nothing declared: whether the post sells is read from its signals
    recruiting = "Looking for 3 motivated mamas to join my business, the bonus checks are insane"
    assert [f.rule for f in claim_findings(recruiting, "us", None)] == ["global.claims.earnings_payer"]
    assert claim_findings("Join my team for the charity fun run, the bonus checks are insane", "us", None) == []
