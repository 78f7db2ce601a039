"""Issue 15, session 41: English earnings, US-origin, rank and weight-rate claims recognised by their form
in the us, uk, sg, ph and my packs (the shared English layer of rules/global, and the US pack for origin),
so that wording nobody listed is caught:

- a hashtag built of an earning verb and a money word (global.claims.earnings_hashtag);
- money-making offered online, from home or as easy, and courses that "teach you how to make money"
  (global.claims.earnings_online);
- wealth without a period: a million dollars, becoming a millionaire, from broke to six figures, more
  money than most people make (global.claims.earnings_wealth);
- an income named by its kind or size, "a full-time income" (global.claims.earnings_income_level);
- a sum told with the time it took or the programme that brought it (global.claims.earnings_testimony),
  as a paycheck, bonus or month (global.claims.earnings_receipt);
- earnings with no ceiling (global.claims.earnings_unlimited), money that arrives by itself
  (global.claims.earnings_inflow) and a life change credited to the opportunity
  (global.claims.earnings_outcome);
- US origin by another verb, a compound or a hashtag (us.claims.usa_origin), while a qualified claim
  ("from imported parts") is left alone by both US origin rules;
- a rank fused with a rating word (global.claims.rank_rated), a rate of weight or calorie loss
  (global.claims.weight_rate_shape), a money-back guarantee said to be absolute
  (global.claims.absolute_guarantee) and one person's results presented as anyone's
  (global.claims.typical_results).

Every text is written for this test (not copied from a ruling or a real post); each claim text was missed
on main before this session. The innocent texts use the same words in ordinary posts and must stay silent
at warning or above, whether or not the post sells."""

from __future__ import annotations

import pytest
from claim_shapes import assert_left_alone, assert_reported

# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    ("us", "Starter kits ship Monday #earnmoneyonline #momlife", "global.claims.earnings_hashtag", "#earnmoneyonline"),
    ("uk", "Two hours a night is all it takes #extraincome #students", "global.claims.earnings_hashtag", "#extraincome"),
    ("ph", "Join my team this week #passiveincome", "global.claims.earnings_hashtag", "#passiveincome"),
    ("us", "Teens can make cash on YouTube with my template pack, $29", "global.claims.earnings_online", "make cash on YouTube"),
    ("uk", "My ebook shows you how to earn money from scratch, only £12", "global.claims.earnings_online", "shows you how to earn money"),
    ("sg", "Earning an income with our reseller app is so simple, sign up today", "global.claims.earnings_online", "Earning an income with our reseller app is so simple"),
    ("us", "Get paid on TikTok with our creator toolkit, download now", "global.claims.earnings_online", "Get paid on TikTok"),
    ("us", "My masterclass is the road to becoming a multi-millionaire, enrol now", "global.claims.earnings_wealth", "becoming a multi-millionaire"),
    ("uk", "How I went from food stamps to seven figures, free webinar", "global.claims.earnings_wealth", "from food stamps to seven figures"),
    ("us", "Our affiliates bank more money than most doctors, ask me how", "global.claims.earnings_wealth", "more money than most doctors"),
    ("my", "I'm earning more now than I did as an engineer, join my team", "global.claims.earnings_wealth", "earning more now than I did as"),
    ("us", "She made her whole monthly salary in one weekend with our kit", "global.claims.earnings_wealth", "made her whole monthly salary in one weekend"),
    ("us", "Build a part-time income that grows while you parent, DM me", "global.claims.earnings_income_level", "part-time income"),
    ("uk", "Enjoy lucrative commissions on every bundle, join the team", "global.claims.earnings_income_level", "lucrative commissions"),
    ("us", "Eight weeks after enrolling in the academy, he's pulled in $22,000, link below", "global.claims.earnings_testimony", "he's pulled in $22,000"),
    ("uk", "This dropshipping course made me £6,200 over Easter, code in bio", "global.claims.earnings_testimony", "course made me £6,200"),
    ("us", "Her biggest payout this quarter was $7,800, ask me about the team", "global.claims.earnings_receipt", "Her biggest payout this quarter was $7,800"),
    ("sg", "Ready for $12k months? Coaching spots open now", "global.claims.earnings_receipt", "$12k months"),
    ("us", "I scaled to a $20k a month store with this method, free class", "global.claims.earnings_receipt", "a $20k a month store"),
    ("us", "Consultants can bring in as much as they want, the sky's the limit on what you can earn", "global.claims.earnings_unlimited", "sky's the limit on what you can earn"),
    ("uk", "There are no limits on your commissions with our plan, sign up", "global.claims.earnings_unlimited", "no limits on your commissions"),
    ("us", "Watch the commissions roll in after you set up the shop, link in bio", "global.claims.earnings_inflow", "commissions roll in"),
    ("ph", "Start earning cash today with our load business, message me", "global.claims.earnings_inflow", "Start earning cash today"),
    ("us", "We're out of debt because of this business, ask me how", "global.claims.earnings_outcome", "out of debt because of this business"),
    ("uk", "Now I stay home with my babies because of this company, DM me", "global.claims.earnings_outcome", "stay home with my babies because of this company"),
    ("us", "A flexible earning opportunity for nurses, message me", "global.claims.earnings_income_level", "earning opportunity"),
    ("uk", "Grab financial independence with my print-on-demand plan, £49", "global.claims.earnings_income_level", "financial independence"),
    ("us", "Three more sales and you can retire your spouse, DM me", "global.claims.earnings_outcome", "retire your spouse"),
    ("uk", "Hit gold rank and earn your own car, join the team", "global.claims.earnings_outcome", "earn your own car"),
    ("us", "Forex signals made me a millionaire at 26, link in bio", "global.claims.earnings_wealth", "made me a millionaire"),
    ("uk", "Our members are making a killing with these bets, join today", "global.claims.earnings_wealth", "making a killing"),
    ("uk", "Profits every week from your sofa with my betting tips, sign up", "global.claims.earnings_inflow", "Profits every week"),
    ("us", "This crystal bracelet helps you manifest abundance at work, $29", "global.claims.earnings_wealth", "manifest abundance"),
    ("uk", "Order the logo pack with our no-quibble money back guarantee", "global.claims.absolute_guarantee", "no-quibble money back guarantee"),
    ("uk", "Priya banked £4k in May. She's not smarter than you, grab the course", "global.claims.typical_results", "She's not smarter than you"),
    ("us", "Anybody can make this money with my reseller list, link in bio", "global.claims.typical_results", "Anybody can make this money"),
    ("us", "Every blanket is woven in the USA, shop the sale", "us.claims.usa_origin", "woven in the USA"),
    ("us", "Fresh drop of hoodies #AmericanMade #streetwear", "us.claims.usa_origin", "#AmericanMade"),
    ("us", "Our grills are proudly built in America, order today", "us.claims.usa_origin", "built in America"),
    ("us", "Sourced from the #1 rated mushroom farm, order now", "global.claims.rank_rated", "#1 rated"),
    ("uk", "Made with our No. 1 recommended key active, shop now", "global.claims.rank_rated", "No. 1 recommended"),
    ("us", "Our tea helps you shed about a kilo a day, shop now", "global.claims.weight_rate_shape", "shed about a kilo a day"),
    ("uk", "These chews block 400 calories a meal, order today", "global.claims.weight_rate_shape", "block 400 calories a meal"),
]

# ordinary posts with the same words: no claim finding, whether or not the post sells
INNOCENT = [
    ("us", "Our bakery's new cinnamon rolls are out #smallbusiness #shoplocal"),
    ("uk", "Cashback weekend on every kettle #cashback #deals"),
    ("us", "How to make money last until payday: ten budgeting tips, free download"),
    ("uk", "We make soup from scratch every morning, open at 8"),
    ("us", "I spent more money than I meant to at the flea market, worth it"),
    ("uk", "This chowder is rich in flavour and so cosy, recipe below"),
    ("us", "We made a million memories at the lake, back to work Monday"),
    ("us", "Our fundraiser raised more money than last year, thank you all"),
    ("us", "We're hiring: full-time income, paid holidays, apply below"),
    ("uk", "Lost my second income when the shop shut, so I'm baking again"),
    ("us", "My paycheck was late again, so it's rice and beans this week"),
    ("us", "The check was $52 for three pizzas, not bad"),
    ("uk", "Eat as much as you like at our Sunday carvery, £18 a head"),
    ("us", "Wake up to fresh croissants at our bakery, open from 6"),
    ("us", "Start making memories tonight with our fire pit kits"),
    ("uk", "We bought our first home with the help of our mortgage broker, so grateful"),
    ("us", "Debt-free at last after years of budgeting, here's my spreadsheet"),
    ("us", "Made in USA from imported steel and Japanese motors, order yours"),
    ("us", "Assembled in Ohio from imported parts, our bikes ship today"),
    ("us", "We drove all over America this summer, best road trip ever"),
    ("us", "Thanks for the trust you built in us this year, see you in 2027"),
    ("uk", "Their single went straight to no.1 in the charts, congrats!"),
    ("us", "Our spin class can burn 600 calories an hour, book today"),
    ("uk", "Lost a day to the train strike, back to posting tomorrow"),
    ("us", "Earn points on every coffee and redeem them for free pastries"),
    ("us", "We are an equal opportunity employer, apply in store"),
    ("uk", "The new musical made a killing at the box office, tickets still left"),
    ("us", "Profit and loss templates for small shops, free download"),
    ("us", "Earn trip points on every booking with our travel card"),
    ("uk", "If I can do it, you can too: our beginner knitting kits are back"),
    ("uk", "100% money back guarantee within 30 days if unopened, see T&Cs"),
    ("us", "Our retreat helps you unlock your creativity, book now"),
]


@pytest.mark.parametrize(("market", "text", "rule", "span"), CLAIMS)
def test_claim_is_reported(market, text, rule, span):
    assert_reported(text, market, rule, span)


@pytest.mark.parametrize(("market", "text"), INNOCENT)
def test_innocent_use_stays_clean(market, text):
    assert_left_alone(text, market)
