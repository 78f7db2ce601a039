"""Issue 15, local-language claims, tenth pass: shapes taken from the regulators' own lists.

China's Advertising Law articles on training (24), investment (25), property (26) and farm-input (21, 27)
ads, the 2023 catalogue of health-food functions (memory) and the cosmetics regulation's ban on medical
effects (skin diseases named as skin types); the Thai FDA's notices on blood-pressure claims; Vietnam's
equivalence claims with spelled-out numbers, market-leader and comparison words (Advertising Law art. 8(11)),
money-back efficacy guarantees and safety for pregnancy or newborns (and the same money-back and N-times
wording in Indonesian); BPOM's list of wording barred from
processed-food ads (Peraturan BPOM 6/2021 art. 14). Every text is written for this test (not copied from a
ruling or a real post), and each claim text was missed before these shapes were added. Claims are checked
as posts that sell; the innocent texts use the same words and must stay silent at warning or above.
"""

from __future__ import annotations

import pytest
from test_claims_asia_generalise import claim_findings

# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    # Advertising Law art. 26(1) and 25: appreciation and return promises
    ("cn", "学区新盘现房发售，升值潜力巨大，首付三成", "cn.claims.property_return", "升值潜力巨大"),
    ("cn", "沿街铺面即买即收租，手慢无", "cn.claims.property_return", "即买即收租"),
    ("cn", "买商铺就等收租，一次投资终身受益", "cn.claims.property_return", "买商铺就等收租"),
    ("cn", "加盟奶茶店，躺着也能赚钱，名额有限", "cn.finance.promised_returns", "躺着也能赚钱"),
    # art. 24(2): exam setters and markers implied in a training ad
    ("cn", "教资面试冲刺班，阅卷专家一对一点评", "cn.claims.exam_insider", "阅卷专家"),
    ("cn", "考研政治押题准确率业内领先，现在报名立减", "cn.claims.exam_insider", "押题准确率"),
    # art. 21 and 27: safety and yield promised for farm inputs
    ("cn", "进口杀菌剂对作物无害，亩产保证高产", "cn.claims.agro_safety", "保证高产"),
    ("cn", "这款杀虫剂对蜜蜂无毒，果园放心用", "cn.claims.agro_safety", "对蜜蜂无毒"),
    # the 2023 function catalogue: memory and the brain claimed by an ordinary food
    ("cn", "黑芝麻核桃丸，健脑补脑，学生党必备", "cn.health.function_claim", "健脑补脑"),
    # a skin disease as the cream's target (化妆品监督管理条例 art. 37)
    ("cn", "这支修护霜皮炎肌专用，温和不刺激", "cn.health.condition_treatment", "皮炎肌专用"),
    # Thai: blood pressure and cholesterol lowered by a food
    ("th", "น้ำมันงาสกัดเย็น ช่วยลดความดันโลหิต ทานวันละช้อน", "th.claims.condition_treatment",
     "ลดความดันโลหิต"),
    ("th", "ชาใบหม่อนช่วยลดคอเลสเทอรอล สั่งได้เลย", "th.claims.condition_treatment", "ลดคอเลสเทอรอล"),
    # Vietnamese equivalence with the numbers spelled out
    ("vn", "Bột rau củ cho bé: hai gói bằng cả bát rau luộc", "vn.claims.equivalence", "hai gói bằng cả bát rau"),
    # Vietnamese: first in a market (Luật Quảng cáo Điều 8 khoản 11), N times the effect, money back if it
    # does not work, safe for newborns
    ("vn", "Máy lọc nước dẫn đầu thị trường 3 năm liền, trả góp 0%", "vn.claims.leading", "dẫn đầu thị trường"),
    ("vn", "Viên uống canxi nano thấm gấp 5 lần, mua ngay", "vn.claims.comparative", "thấm gấp 5 lần"),
    ("vn", "Trà giảm cân thảo mộc, hoàn tiền nếu không giảm, inbox shop", "vn.claims.guarantee",
     "hoàn tiền nếu không giảm"),
    ("vn", "Sữa tắm thảo dược an toàn cho bé sơ sinh, combo 2 chai", "vn.claims.safety_vulnerable",
     "an toàn cho bé sơ sinh"),
    # BPOM's processed-food list
    ("id", "Jamu serbuk ini khasiat ajaib dari nenek moyang, order via keranjang", "id.claims.food_ad_wording",
     "khasiat ajaib"),
    ("id", "Susu kambing etawa, minum pagi langsung memberi stamina, cek keranjang kuning",
     "id.claims.food_ad_wording", "langsung memberi stamina"),
    ("id", "Biskuit ikan untuk si kecil, mempertajam kecerdasan otak, promo 2 pack", "id.claims.food_ad_wording",
     "mempertajam kecerdasan otak"),
    # Indonesian: money back if it does not work, N times more effective
    ("id", "Krim pemutih ketiak, refund kalau tidak putih, stok terbatas", "id.claims.guarantee",
     "refund kalau tidak putih"),
    ("id", "Minyak rambut kemiri 5 kali lebih ampuh, checkout sekarang", "id.claims.guarantee", "5 kali lebih ampuh"),
]


@pytest.mark.parametrize("market, text, rule, words", CLAIMS)
def test_claim_shapes_are_found(market, text, rule, words):
    hits = [f for f in claim_findings(text, market) if f.rule == rule]
    assert any(f.text == words for f in hits), f"{rule} did not find {words!r} in {text!r}: {hits}"


# The same words used innocently, read as posts that sell: nothing claimed.
INNOCENT = [
    ("cn", "汇率波动大，美元升值空间还有多少？本店代购价格不变"),
    ("cn", "这套二手书适合考研党，阅读体验好，包邮"),
    ("cn", "期末卷子出得太难，命题老师太狠了；文具店今日全场八折"),
    ("cn", "手工皂洗完无残留，不紧绷，三块包邮"),
    ("cn", "益智积木套装，锻炼孩子动手能力，下单送收纳盒"),
    ("cn", "这款洁面适合痘痘肌，氨基酸配方，今天下单送小样"),
    ("cn", "周末躺着刷剧也不错，零食礼包第二件半价"),
    ("th", "เครื่องวัดความดันโลหิตแบบพกพา ใช้ง่าย ส่งฟรี"),
    ("vn", "Một ly trà sữa bằng giá hai ổ bánh mì, quán mình đồng giá 20k"),
    ("vn", "Shop mình đứng đầu bảng xếp hạng hàng xóm thân thiện, mai mở cửa sớm"),
    ("vn", "Mẹ bầu dùng được không ạ? Shop tư vấn giúp em với"),
    ("vn", "Đổi size miễn phí, giao nhầm mẫu shop hoàn tiền 100%"),
    ("id", "Buku sains anak: penemuan baru para peneliti tentang dinosaurus, diskon 30%"),
    ("id", "Habis lembur langsung tidur, besok pagi buka toko lagi"),
    ("id", "Paket hilang di jalan? Garansi uang kembali, cek syaratnya di toko"),
]


@pytest.mark.parametrize("market, text", INNOCENT)
def test_innocent_use_of_the_same_words_passes(market, text):
    assert claim_findings(text, market) == []
