"""Issue 15, session 48: claim shapes found missing by a fresh blind set of regulator cases (collected
this session from sources the regulator set did not hold, scored before any change, then tuned on its
tune half only) and by probes written for the classes regulators rule on:

- a figure after a longer object ("reduces the look of fine lines by 47%") and shades promised with
  "up to" (global.claims.figure_of_change);
- a product or its delivery said to be carbon offset, plastic neutral or zero waste
  (global.claims.green_shape); "fully offset" only with what is offset (us.claims.environmental);
- a bare detox verb, a protocol or a manipulation for a condition, "the problem of" a condition, a
  back ache kicked, prevention offered, a condition that "will drop" (global.claims.condition_treatment);
- the body helped to rid itself of toxins (global.claims.body_mechanism); help for "those who suffer
  from" a condition, "the formation of" one; an authorised claim's paraphrase ("iron which helps reduce
  tiredness and fatigue") left alone (the `authorised_fatigue_claims` lexicon);
- a sum made with its period after it, several periods before it (global.claims.earnings_testimony);
- a market's leader (global.claims.leader_claim), every rival's product as a scope ("in any mattress");
- negation that is not one: "not many companies offer ..." denies nothing;
- Chinese: students' admissions and full marks counted as proof (cn.claims.shape_student_result);
  a disease effect 起到 and a lab value slowly back to normal (cn.health.condition_treatment); 99.9%
  before 杀灭 (cn.health.pathogen_claim); a property's minutes to the town hall
  (cn.claims.property_travel_time); an official's good word (cn.claims.official_praise); rates listed
  with 分别为 and 即买即赚 (cn.finance.return_shape);
- Thai: a condition said to be curable (th.claims.shape_condition); Indonesian: corona
  (id.claims.cure); Vietnamese: an amount written against its unit in an equivalence (vn.claims.equivalence).

Every text is written for this test. The innocent texts use the same words in ordinary posts and must
stay silent at warning or above."""

from __future__ import annotations

from claim_shapes import shape_tests

# (market, language, text, rule that must report it, words the finding must cover)
CLAIMS = [
    ("us", "en", "This eye gel reduces the look of dark circles by 52% in a month, shop now",
     "global.claims.figure_of_change", "reduces the look of dark circles by 52%"),
    ("uk", "en", "The pen whitens your smile up to 5 shades, order today",
     "global.claims.figure_of_change", "whitens your smile up to 5 shades"),
    ("uk", "en", "Good news: every delivery is carbon offset from today, shop the range",
     "global.claims.green_shape", "every delivery is carbon offset"),
    ("us", "en", "Our shipping is fully offset, order the new tees",
     "us.claims.environmental", "shipping is fully offset"),
    ("uk", "en", "Spirulina tablets to detox heavy metals, buy two",
     "global.claims.condition_treatment", "detox heavy metals"),
    ("uk", "en", "Our 8-week protocol for psoriasis, join today",
     "global.claims.condition_treatment", "protocol for psoriasis"),
    ("us", "en", "Pumpkin seed capsules that ease the problem of an enlarged prostate, order now",
     "global.claims.condition_treatment", "ease the problem of an enlarged prostate"),
    ("uk", "en", "A spoon of our oat syrup each morning and your cholesterol will drop, order now",
     "global.claims.condition_treatment", "cholesterol will drop"),
    ("us", "en", "Our gummies are the prophylactic against colds your family needs, shop now",
     "global.claims.condition_treatment", "prophylactic against colds"),
    ("uk", "en", "Our clay wraps can help the body to rid itself of toxins, book now",
     "global.claims.body_mechanism", "help the body to rid itself of toxins"),
    ("uk", "en", "Lavender pillow spray to help those who suffer from insomnia, shop now",
     "global.claims.condition_treatment", "help those who suffer from insomnia"),
    ("us", "en", "A serum that prevents the formation of adult acne, order today",
     "global.claims.condition_treatment", "prevents the formation of adult acne"),
    ("us", "en", "In her first four months on the team she has made $11,000, ask me how",
     "global.claims.earnings_testimony", "she has made $11,000"),
    ("uk", "en", "I made £6,500 from my laptop in three weeks, the course opens Friday",
     "global.claims.earnings_testimony", "I made £6,500 from my laptop in three weeks"),
    ("us", "en", "Call now, America's leader in solar roofs", "global.claims.leader_claim",
     "America's leader in solar roofs"),
    ("uk", "en", "The richest finish in any paint we stock, grab a tin",
     "global.claims.superlative_scope", "richest finish in any paint"),
    ("us", "en", "Not many brands offer unlimited earning potential like ours, join today",
     "global.claims.earnings", "unlimited earning potential"),
    ("cn", "zh", "英语冲刺班，今年考入985重点院校32人，火热报名中",
     "cn.claims.shape_student_result", "考入985重点院校32人"),
    ("cn", "zh", "物理名师带班，高考满分学员5人，名额有限",
     "cn.claims.shape_student_result", "高考满分学员5人"),
    ("cn", "zh", "这款蜂胶对咽炎起到改善作用，直播间下单", "cn.health.condition_treatment", "对咽炎起到改善作用"),
    ("cn", "zh", "坚持喝了两个月，我的肌酐逐渐恢复正常，直播间有货", "cn.health.condition_treatment", "肌酐逐渐恢复正常"),
    ("cn", "zh", "新盘首付15万起，距县政府仅8分钟车程", "cn.claims.property_travel_time", "距县政府仅8分钟车程"),
    ("cn", "zh", "戴上这款按摩仪，局长都说好，今天包邮", "cn.claims.official_praise", "局长都说好"),
    ("cn", "zh", "稳盈一号、稳盈二号年化收益率分别为7%、9%，欢迎认购", "cn.finance.return_shape", "年化收益率分别为7%"),
    ("cn", "zh", "商业街旺铺，带租约，即买即收租", "cn.finance.return_shape", "即买即收租"),
    ("cn", "zh", "除螨仪99%杀灭床上尘螨，今天包邮", "cn.health.pathogen_claim", "99%杀灭"),
    ("th", "th", "ข้อเข่าเสื่อม อาการปวดข้อรักษาได้ ด้วยสมุนไพรของเรา สั่งเลย",
     "th.claims.shape_condition", "อาการปวดข้อรักษาได้"),
    ("id", "id", "Minyak herbal ini bisa mengobati corona, pesan sekarang", "id.claims.cure", "mengobati corona"),
    ("vn", "vi", "Uống 1 gói bằng ăn 2kg trái cây luôn nha", "vn.claims.equivalence", "1 gói bằng ăn 2kg trái"),
]

# (market, language, text): ordinary posts with the same words, silent whether or not they sell
INNOCENT = [
    ("us", "en", "I take medicine for my anxiety and I'm not ashamed to say it."),
    ("uk", "en", "Our multivitamin with folate which helps reduce tiredness and fatigue, shop now"),
    ("uk", "en", "Our mortgage is fully offset against our savings now, one less worry."),
    ("us", "en", "I burn 400 calories on my lunchtime walk, according to my watch."),
    ("uk", "en", "The best pizza I've had in any city was in Naples, no contest."),
    ("us", "en", "America's leader in the polls gave a speech tonight."),
    ("uk", "en", "The flu vaccine clinic came down to the village hall today, book a slot"),
    ("cn", "zh", "我哥考上北大那年，全家都哭了"),
    ("cn", "zh", "体检复查，医生说我肝功能恢复正常了，谢谢大家关心"),
    ("cn", "zh", "班长说好了周末一起去爬山，谁带零食"),
    ("cn", "zh", "银行一年定期存款利率为1.5%，大家怎么看"),
    ("id", "id", "Minum Corona dingin di pantai sore ini, segar banget"),
    ("th", "th", "โรคนี้รักษาได้ ถ้าไปพบแพทย์เร็ว"),
]


test_claim_is_reported, test_innocent_use_stays_clean = shape_tests(CLAIMS, INNOCENT)
