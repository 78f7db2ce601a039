"""Issue 15, local-language claims: the shapes that generalise beyond the phrases of one ruling.

Every text here is written for this test (not copied from a ruling or a real post). Each claim is checked
as a post that sells; the innocent texts use the same words and must stay silent at warning or above.
"""

from __future__ import annotations

import pytest

import checker

MARKET_LANG = {"cn": "zh", "th": "th", "vn": "vi", "id": "id", "my": "ms", "ph": "tl"}


def claim_findings(text: str, market: str, commercial: bool | None = True):
    findings = checker.check_text(text, markets=[market], language=MARKET_LANG[market], commercial=commercial)
    return [f for f in findings if f.category == "claim" and f.severity in ("warning", "error")]


# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    # the condition first, then its cure or improvement, in any market's order of words
    ("cn", "每晚一片，坚持一个月，腰疼好多了", "cn.health.condition_result", "腰疼好多了"),
    ("cn", "这款修护霜涂了五天，荨麻疹不痒了", "cn.health.condition_result", "荨麻疹不痒了"),
    ("cn", "喝了两盒，孩子的过敏体质得到了明显改善", "cn.health.condition_result", "过敏体质得到了明显改善"),
    ("vn", "Dùng hết 2 hộp, viêm xoang lâu năm đã khỏi hẳn", "vn.claims.disease", "viêm xoang lâu năm đã khỏi hẳn"),
    ("vn", "Có trà thảo mộc này, mất ngủ không còn là nỗi lo", "vn.claims.disease", "mất ngủ không còn là nỗi lo"),
    ("id", "Seminggu minum rutin, asam lambung langsung sembuh", "id.claims.cure", "asam lambung langsung sembuh"),
    ("my", "Amalkan setiap pagi, darah tinggi terus turun", "my.claims.condition_treatment", "darah tinggi terus turun"),
    # a lexicon entry from a regulator's own list reaches every shape that names the lexicon
    ("my", "Jamu kami menyembuhkan penyakit buah pinggang", "my.claims.condition_treatment",
     "menyembuhkan penyakit buah pinggang"),
    ("id", "Tetes herbal ini ampuh mengatasi glaukoma", "id.claims.cure", "ampuh mengatasi glaukoma"),
    # a health-food function on an organ or a blood value (2023 function list)
    ("cn", "每天两粒，平衡血糖，全家都能吃", "cn.health.function_claim", "平衡血糖"),
    # efficacy and safety promises
    ("cn", "热玛吉术后皮肤提升，改善率高达95%", "cn.health.efficacy_guarantee", "改善率高达"),
    ("cn", "进口仪器，零不良反应，做完就能上班", "cn.health.efficacy_guarantee", "零不良反应"),
    ("cn", "冰点脱毛，永久性脱毛不再长", "cn.health.efficacy_guarantee", "永久性脱毛"),
    # injections no ad may sell (botulinum toxin, Advertising Law Art. 15)
    ("cn", "瘦咬肌针618特惠，今天下单送修护面膜", "cn.health.injectable", "瘦咬肌针"),
    # height in centimetres
    ("cn", "长高秘诀在这里，三个月长高4厘米", "cn.claims.result_timeline", "长高4厘米"),
    ("vn", "Cho bé uống mỗi tối, tăng 3cm chiều cao sau 2 tháng", "vn.claims.height_growth", "tăng 3cm chiều cao"),
    ("th", "ดื่มก่อนนอน ลูกสูงขึ้น 3 ซม ภายในเทอมเดียว", "th.claims.result_timeline", "สูงขึ้น 3 ซม"),
    # body claims and official endorsement
    ("th", "ครีมนวดสูตรใหม่ ใช้แล้วอกเด้ง มั่นใจขึ้น", "th.claims.bust_intimate", "อกเด้ง"),
    ("th", "กรมอนามัยรับรองสูตรนี้ ดื่มได้ทุกวัน", "th.claims.fda_certified", "กรมอนามัยรับรอง"),
    ("cn", "三甲医院的皮肤科医生都在用这款修护霜", "cn.health.endorsement", "皮肤科医生都在用"),
    # functions of the 2023 health-food list claimed by ordinary foods, and one dropped from it (促进泌乳)
    ("cn", "应酬多的老板，这款葛根饮料保肝护肝", "cn.health.function_list", "保肝护肝"),
    ("cn", "去拉萨之前喝一周，提高缺氧耐受力", "cn.health.function_list", "提高缺氧耐受力"),
    ("cn", "月子里喝这款通乳茶，通乳又暖身", "cn.health.function_list", "通乳"),
    # medical wording the cosmetics naming guidance bans
    ("cn", "这瓶沐浴露还能抑菌，全家一起用", "cn.health.cosmetic_medical", "沐浴露还能抑菌"),
    ("cn", "宫廷秘方熬的发膏，老顾客都说好", "cn.health.cosmetic_medical", "宫廷秘方"),
    # the Thai FDA manuals' rejected effects: toxins flushed out, sexual performance, a cosmetic used inside
    ("th", "น้ำผักสกัดเย็น กำจัดสารพิษ ผิวใสจากข้างใน", "th.claims.body_function", "กำจัดสารพิษ"),
    ("th", "เครื่องดื่มสมุนไพรสำหรับท่านชาย บำรุงสมรรถภาพทางเพศ", "th.claims.body_function",
     "บำรุงสมรรถภาพทางเพศ"),
    ("th", "เจลสูตรเย็นสำหรับผู้หญิง กระชับจุดซ่อนเร้น มั่นใจทุกวัน", "th.claims.bust_intimate", "กระชับจุดซ่อนเร้น"),
    # toxins flushed out and cancer cells destroyed, in Vietnamese; a remover verb in Tagalog
    ("vn", "Nước ép rau má giúp đào thải độc tố mỗi sáng", "vn.claims.body_function", "đào thải độc tố"),
    ("vn", "Nấm quý giúp tiêu diệt tế bào ung thư", "vn.claims.disease", "tiêu diệt tế bào ung thư"),
    ("ph", "Itong langis ay nakakatanggal ng rayuma ni lola", "ph.claims.disease_remedy", "nakakatanggal ng rayuma"),
    # toxins flushed out in Indonesian; breasts and the vagina changed by a cream or jamu in Malay
    ("id", "Minuman serat ini bantu keluarkan racun dari usus setiap pagi", "id.claims.detox",
     "keluarkan racun dari usus"),
    ("my", "Minyak urut ini bantu tegangkan payudara selepas menyusu", "my.claims.body_function",
     "tegangkan payudara"),
]


@pytest.mark.parametrize("market, text, rule, words", CLAIMS)
def test_claim_shapes_are_found(market, text, rule, words):
    found = claim_findings(text, market)
    hits = [f for f in found if f.rule == rule]
    assert hits, f"{rule} did not find {words!r} in {text!r}: {[(f.rule, f.text) for f in found]}"
    assert any(f.text == words for f in hits), [(f.rule, f.text) for f in hits]


# The same words used innocently, read as posts that sell (a shop, a clinic, a parent): nothing claimed.
INNOCENT = [
    ("cn", "下雨天腰疼，今天店里休息一天，订单明天发"),
    ("cn", "甜食吃多了会提高血糖，奶茶少喝，本店也有无糖款"),
    ("cn", "宝宝一夜七次夜奶，当妈的太难了，这款奶瓶真的省事"),
    ("cn", "想瘦腿就多跑步少久坐，这双跑鞋今天半价"),
    ("cn", "这张书桌可以升高10厘米，孩子用到初中"),
    ("cn", "打疫苗后有不良反应要及时告诉医生"),
    ("vn", "Bé bị ho mấy hôm, đi khám bác sĩ rồi, giờ khỏi rồi nha cả nhà"),
    ("vn", "Thước đo chiều cao dán tường cho bé, dài 180cm"),
    ("id", "Pusing hilang setelah tidur siang, lanjut packing orderan lagi"),
    ("my", "Kerajaan mahu menurunkan kadar obesiti dalam kalangan murid sekolah."),
    ("my", "Demam anak dah turun, terima kasih doktor di klinik."),
    ("th", "อกไก่ย่างนุ่ม ๆ ชิ้นละ 45 บาท"),
    ("th", "กระทรวงสาธารณสุขแนะนำให้ล้างมือบ่อย ๆ ช่วงหน้าฝน"),
    ("cn", "饭后散步帮助消化，顺便逛逛我们的夜市摊"),
    ("cn", "办公室抗疲劳地垫到货了，站着办公不累脚"),
    ("cn", "医院消毒用的酒精棉片，一盒100片包邮"),
    ("cn", "我家的卤肉是祖传秘方，每天限量"),
    ("vn", "Bài báo mới về tế bào ung thư, mọi người đọc tham khảo"),
    ("ph", "Pantanggal ng mantsa sa puting uniporme, 99 pesos lang"),
    ("th", "ถังขยะแยกประเภท ช่วยกำจัดขยะในครัวได้ง่าย"),
    ("id", "Vacuum cordless ini membersihkan kotoran di sofa dan karpet"),
]


@pytest.mark.parametrize("market, text", INNOCENT)
def test_innocent_use_of_the_same_words_passes(market, text):
    assert claim_findings(text, market) == []


def test_a_post_that_sells_nothing_gets_no_claim_warning():
    # the same symptom words in an ordinary update, not selling: the ad-law claim rules stay quiet
    for market, text in [("cn", "贴了一周膏药，腰疼好多了，明天回去上班"),
                         ("id", "Alhamdulillah asam urat bapak sudah sembuh, makasih doanya")]:
        assert claim_findings(text, market, commercial=False) == []
