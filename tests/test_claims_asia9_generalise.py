"""Issue 15, local-language claims, ninth pass: shapes taken from the regulators' own lists.

China's cosmetics catalogue (its notes on hair regrowth and repair), the cosmetics labelling rules, the
Advertising Law's health-food, medical and patent articles and SAMR's medical-aesthetic ad guide; BPOM's
list of claims a cosmetic may not make; the ASEAN guideline's unacceptable cosmetic claims as Vietnam
applies them; the Thai FDA's cosmetic advertising manual. Every text is written for this test (not copied
from a ruling or a real post) and each claim text was missed before these shapes were added. Each claim is
checked as a post that sells; the innocent texts use the same words and must stay silent at warning or
above.
"""

from __future__ import annotations

import pytest
from test_claims_asia_generalise import claim_findings

# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    # hair regrowth: not a cosmetic at all (the catalogue's note to 防脱发)
    ("cn", "这瓶头皮精华能刺激毛发生长，发缝肉眼可见变窄", "cn.claims.special_use", "刺激毛发生长"),
    ("cn", "用了三瓶，头顶冒出小绒毛了", "cn.claims.special_use", "冒出小绒毛"),
    # medical grade with an ingredient between, and burn repair on a cosmetic
    ("cn", "医疗级寡肽原液，痘肌急救", "cn.health.cosmetic_medical", "医疗级寡肽原液"),
    ("cn", "芦荟胶主打修复烫伤，厨房常备", "cn.health.cosmetic_medical", "修复烫伤"),
    ("cn", "茶树精油沐浴露能杀螨，背部清爽", "cn.health.cosmetic_medical", "沐浴露能杀螨"),
    # medical aesthetics: filled areas and no downtime
    ("cn", "胶原蛋白填法令纹，下午做完晚上约会", "cn.health.aesthetic_filler", "填法令纹"),
    ("cn", "热玛吉无需恢复期，做完直接回公司", "cn.health.aesthetic_filler", "无需恢复期"),
    # Advertising Law art. 18(1)(3), art. 12, art. 17
    ("cn", "蛋白粉是老年人必补的营养品，孝心之选", "cn.health.necessity_claim", "老年人必补的营养品"),
    ("cn", "国家级专利配方，只此一家", "cn.claims.patent_unnumbered", "国家级专利配方"),
    ("cn", "中草药配方的代用茶，口感回甘", "cn.health.tcm_formula_food", "中草药配方"),
    ("cn", "连喝三个月，高血脂都达标了", "cn.health.condition_result", "高血脂都达标了"),
    # BPOM's list of claims not allowed on cosmetics
    ("id", "Essence antiiritasi, kemerahan langsung kalem", "id.claims.bpom_cosmetic_list", "antiiritasi"),
    ("id", "Krim pijat ini menghancurkan selulit di paha", "id.claims.bpom_cosmetic_list", "menghancurkan selulit"),
    ("id", "Minyak kuku mempercepat pertumbuhan kuku dalam seminggu", "id.claims.bpom_cosmetic_list",
     "mempercepat pertumbuhan kuku"),
    # the ASEAN guideline's unacceptable cosmetic claims, Vietnamese
    ("vn", "Miếng dán tan béo bụng, dán là nóng", "vn.claims.cosmetic_unaccepted", "Miếng dán tan béo"),
    ("vn", "Serum kháng viêm cho da mụn sưng đỏ", "vn.claims.cosmetic_unaccepted", "Serum kháng viêm"),
    ("vn", "Viên uống giúp phục hồi chức năng thận cho người lớn tuổi", "vn.claims.body_function",
     "phục hồi chức năng thận"),
    # Thai: shades lighter with no timeline, kilos lost in a period
    ("th", "โลชั่นกลูต้า ขาวขึ้น 4 เฉด เห็นผลชัด", "th.claims.whitening_timeline", "ขาวขึ้น 4 เฉด"),
    ("th", "ไฟเบอร์ดีท็อกซ์ ลด 8 กิโลใน 2 เดือน", "th.claims.weight_timeline", "ลด 8 กิโลใน 2 เดือน"),
]


@pytest.mark.parametrize("market, text, rule, words", CLAIMS)
def test_claim_shapes_are_found(market, text, rule, words):
    hits = [f for f in claim_findings(text, market) if f.rule == rule]
    assert any(f.text == words for f in hits), f"{rule} did not find {words!r} in {text!r}: {hits}"


# The same words used innocently, read as posts that sell: nothing claimed.
INNOCENT = [
    ("cn", "宠物换毛季，毛发再生要一两个月，这款梳子好用"),
    ("cn", "医用级硅胶牙胶，宝宝长牙期放心咬"),
    ("cn", "烫伤了先用凉水冲，严重的马上去医院；本店只卖厨房手套"),
    ("cn", "这款U型枕垫下巴也舒服，坐高铁必带"),
    ("cn", "露营必备的营地灯，一晚不断电"),
    ("cn", "专利申请代办，发明专利、实用新型都能办"),
    ("cn", "中药房抓的药，回家记得用砂锅煎"),
    ("cn", "除螨仪吸力大，床垫沙发都能用"),
    ("id", "Habis cukur kulitku iritasi, ada rekomendasi klinik?"),
    ("id", "Kakiku kebas kelamaan duduk, lanjut packing orderan"),
    ("vn", "Thực đơn giảm béo 7 ngày với ức gà và rau luộc"),
    ("vn", "Trung tâm phục hồi chức năng cho người sau tai biến, nhận bệnh nhân mới"),
    ("th", "เสื้อยืดสีขาว มีให้เลือก 4 ไซซ์ ส่งใน 2 วัน"),
    ("th", "ข้าวเหนียว 8 กิโล ลด 50 บาทใน 2 วันนี้"),
]


@pytest.mark.parametrize("market, text", INNOCENT)
def test_innocent_use_of_the_same_words_passes(market, text):
    assert claim_findings(text, market) == []
