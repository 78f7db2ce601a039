"""Issue 15, local-language claims: the shapes that generalise beyond the phrases of one ruling.

Every text here is written for this test (not copied from a ruling or a real post). Each claim is checked
as a post that sells; the innocent texts use the same words and must stay silent at warning or above.
The first tables are the first passes' shapes; each later pass's tables follow, with the regulators'
lists they come from, and each of their claim texts was missed before its shapes were added.
"""

from __future__ import annotations

import pytest
from claim_shapes import rule_words

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


# Issue 15, local-language claims, ninth pass: shapes taken from the regulators' own lists.
#
# China's cosmetics catalogue (its notes on hair regrowth and repair), the cosmetics labelling rules, the
# Advertising Law's health-food, medical and patent articles and SAMR's medical-aesthetic ad guide; BPOM's
# list of claims a cosmetic may not make; the ASEAN guideline's unacceptable cosmetic claims as Vietnam
# applies them; the Thai FDA's cosmetic advertising manual. Every text is written for this test (not copied
# from a ruling or a real post) and each claim text was missed before these shapes were added. Each claim is
# checked as a post that sells; the innocent texts use the same words and must stay silent at warning or
# above.
CLAIMS_NINTH = [
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

# The same words used innocently, read as posts that sell: nothing claimed.
INNOCENT_NINTH = [
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


# Issue 15, local-language claims, tenth pass: shapes taken from the regulators' own lists.
#
# China's Advertising Law articles on training (24), investment (25), property (26) and farm-input (21, 27)
# ads, the 2023 catalogue of health-food functions (memory) and the cosmetics regulation's ban on medical
# effects (skin diseases named as skin types); the Thai FDA's notices on blood-pressure claims; Vietnam's
# equivalence claims with spelled-out numbers, market-leader and comparison words (Advertising Law art. 8(11)),
# money-back efficacy guarantees and safety for pregnancy or newborns (and the same money-back and N-times
# wording in Indonesian); BPOM's list of wording barred from
# processed-food ads (Peraturan BPOM 6/2021 art. 14). Every text is written for this test (not copied from a
# ruling or a real post), and each claim text was missed before these shapes were added. Claims are checked
# as posts that sell; the innocent texts use the same words and must stay silent at warning or above.
CLAIMS_TENTH = [
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

# The same words used innocently, read as posts that sell: nothing claimed.
INNOCENT_TENTH = [
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


# Issue 15, local-language claims, eleventh pass: shapes taken from the regulators' own lists.
#
# Malaysia's Medicine Advertisements Board words its barred hair-loss claims in the passive and with two
# verbs joined ("... boleh dicegah", "merangsang dan menggalakkan ..."), and the Schedule of the Medicines
# (Advertisement and Sale) Act 1956 bars a remedy offered "for" its diseases whatever word describes the
# remedy; China's Advertising Law art. 26(1)(3) bars a property's location given as minutes to a landmark,
# and the 2023 health-food function catalogue names the only protective functions a product may claim (its
# own wording, "辅助改善记忆", is a note rather than a warning); BPOM bars processed foods from claims not
# approved with their registration (a drink sold as a breast-milk booster). Every text is written for this
# test (not copied from a ruling or a real post), and each claim text was missed before these shapes were
# added. Claims are checked as posts that sell; the innocent texts use the same words and must stay silent
# at warning or above.
CLAIMS_ELEVENTH = [
    # the Malay passive: the condition first, then what can be done to it
    ("my", "Minyak urut halia kami, sakit sendi dapat diatasi dalam seminggu, COD seluruh Malaysia",
     "my.claims.condition_treatment", "sakit sendi dapat diatasi"),
    ("my", "Serum rambut organik: rambut gugur boleh dihentikan dalam 3 minggu, stok terhad",
     "my.claims.condition_treatment", "rambut gugur boleh dihentikan"),
    # two verbs joined before the barred hair-growth claim
    ("my", "Minyak kemiri asli mempercepat dan merangsang pertumbuhan rambut, beli 2 percuma 1",
     "my.claims.hair_loss", "mempercepat dan merangsang pertumbuhan rambut"),
    # a word between the remedy and "untuk": the Schedule's diseases
    ("my", "Ramuan tradisional kami, jamu pahit untuk darah tinggi, PM untuk harga borong",
     "my.claims.scheduled_disease_remedy", "jamu pahit untuk darah tinggi"),
    ("my", "Kapsul ni ubat ampuh bagi penghidap asma, order sebelum habis",
     "my.claims.scheduled_disease_remedy", "ubat ampuh bagi penghidap asma"),
    # Advertising Law art. 26(1)(3): minutes to a landmark in a property ad
    ("cn", "江景洋房现房在售，下楼8分钟到地铁，首付低至20万", "cn.claims.property_travel_time", "下楼8分钟到地铁"),
    ("cn", "学区房急售，距小学仅需5分钟，业主诚心出", "cn.claims.property_travel_time", "距小学仅需5分钟"),
    # protection of a tissue or organ, and its activation: functions no product is approved for
    ("cn", "学生护眼软糖，防止视神经受损，两盒包邮", "cn.health.function_claim", "防止视神经受损"),
    ("cn", "中老年钙片，延缓骨骼退化，买二送一", "cn.health.function_claim", "延缓骨骼退化"),
    # Thai food-ad guidance: a food may not claim a cosmetic effect (skin made whiter by eating it)
    ("th", "ผงชงผลไม้รวม ดื่มเป็นประจำผิวขาวใส ส่งฟรี", "th.claims.food_cosmetic_effect", "ดื่มเป็นประจำผิวขาวใส"),
    ("th", "คอลลาเจนเม็ดฟู่ ช่วยให้ผิวใส ซื้อ 3 แถม 1", "th.claims.food_cosmetic_effect", "คอลลาเจนเม็ดฟู่ ช่วยให้ผิวใส"),
    # Vietnam (Thông tư 06/2011 and the ASEAN list): fat destroyed
    ("vn", "Máy massage cầm tay phá hủy mỡ thừa vùng bụng, giảm 30% hôm nay", "vn.claims.weight_terms",
     "phá hủy mỡ thừa"),
    # BPOM: a processed food sold as a breast-milk booster
    ("id", "Teh daun katuk siap seduh, booster ASI buat busui, gratis ongkir", "id.claims.food_lactation",
     "booster ASI"),
    ("id", "Granola kacang almond meningkatkan produksi ASI, cek keranjang kuning", "id.claims.food_lactation",
     "meningkatkan produksi ASI"),
]

# The same words used innocently, read as posts that sell: nothing claimed at warning or above.
INNOCENT_ELEVENTH = [
    ("my", "Kemalangan jalan raya boleh dicegah jika semua memandu berhemah; tayar baru diskaun 10%"),
    ("my", "Penyakit jantung boleh dicegah dengan bersenam, jom sertai kelas zumba kami"),
    ("my", "Sos cili pedas untuk darah muda, jom cuba di kedai kami"),
    ("cn", "本店距地铁站步行两分钟，新品奶茶买一送一"),
    ("cn", "暑期房间还有少量空余，人均价格不变，出门5分钟到海边"),
    ("cn", "蓝帽子保健食品，国食健注G2021xxxx，保健功能：缓解视觉疲劳。本品不能代替药物"),
    ("cn", "冬季跑步注意热身，预防关节损伤；运动护膝今日八折"),
    ("th", "ดื่มน้ำให้พอ นอนให้พอ หน้าใสเองไม่ต้องพึ่งอะไร ร้านเรามีน้ำดื่มขาย"),
    ("th", "แคปซูลใส่ยาแบบเปล่า ขายส่ง 1000 เม็ด"),
    ("vn", "Hủy mỡ hành đơn số 12 giúp em, hoàn tiền trong ngày"),
    ("id", "Kelas laktasi bersama bidan: cara memperlancar ASI secara alami, daftar gratis"),
    ("id", "Jamu ini membantu memperlancar ASI, sudah terdaftar di BPOM"),
]


# Twelfth pass (session 32): shapes from the regulators' own lists, each claim text written for this test
# and missed before. The ASEAN cosmetic claims guideline's unacceptable "reduce/control swelling/oedema"
# and "stop/slow hair growth" (as BPOM lists them), a cure named as a noun, a cosmetic for oral use
# (the ASEAN definition as NPRA applies it), "completely" between a cure verb and its disease, and
# recovery promised by a date.
CLAIMS_TWELFTH = [
    ("th", "บาล์มสมุนไพรทาข้อเท้า ช่วยลดอาการบวมหลังเดินนาน สั่งซื้อทักแชท", "th.claims.condition_treatment",
     "ลดอาการบวม"),
    ("id", "Eye cream kafein untuk mengurangi bengkak mata panda, checkout sekarang",
     "id.claims.bpom_cosmetic_list", "mengurangi bengkak"),
    ("id", "Spray remover ini memperlambat pertumbuhan bulu kaki, diskon 20%", "id.claims.bpom_cosmetic_list",
     "memperlambat pertumbuhan bulu kaki"),
    ("id", "Madu hitam pahit, solusi penyembuhan maag kronis, order via keranjang", "id.claims.cure",
     "solusi penyembuhan maag"),
    ("id", "Body scrub ini bisa dimakan saking alaminya, kopi asli Gayo, cek keranjang kuning",
     "id.claims.edible_cosmetic_named", "Body scrub ini bisa dimakan"),
    ("my", "Pelembap bayi kami selamat dijilat, bahan gred makanan, COD seluruh Malaysia",
     "my.claims.edible_cosmetic", "Pelembap bayi kami selamat dijilat"),
    ("vn", "Viên thảo dược gia truyền dứt điểm hoàn toàn bệnh gút, inbox để đặt hàng", "vn.claims.disease",
     "dứt điểm hoàn toàn bệnh gút"),
    ("cn", "湿疹膏连续涂抹两周即可治愈，下单送同款小样", "cn.claims.result_timeline", "两周即可治愈"),
    # the words the Malaysian Ministry of Health names as misleading next to a remedy, and a face
    # reshaped by a cosmetic (the Thai FDA: a cosmetic cannot change the body's structure)
    ("my", "Minyak urut ajaib, sapu sikit terus rasa lega. Stok baru sampai, PM untuk harga",
     "my.claims.guarantee", "Minyak urut ajaib"),
    ("th", "มาส์กหน้าสูตรเข้มข้น ใช้แล้วหน้าวีเชฟ สั่งซื้อทักแชท", "th.claims.body_function", "ใช้แล้วหน้าวีเชฟ"),
]

INNOCENT_TWELFTH = [
    ("th", "ข้อเท้าพลิกให้ประคบเย็นก่อน ถ้ายังบวมให้ไปหาหมอ ร้านเราขายผ้าพันเคล็ดราคาส่ง"),
    ("id", "Mata bengkak habis nangis nonton drakor, ada yang sama? Btw kaos ini lagi diskon"),
    ("id", "Puskesmas membuka layanan pengobatan diabetes gratis untuk lansia"),
    ("my", "Kuih lapis ni boleh dimakan sejuk atau panas, order untuk raya"),
    ("my", "Sabun ni jangan ditelan ya, simpan jauh dari kanak-kanak. Harga borong ada"),
    ("vn", "Quyết tâm dứt điểm hoàn toàn đơn hàng tồn trong tháng này, sale 50%"),
    ("cn", "外婆手术很顺利，医生说一个月即可康复，谢谢大家关心"),
    ("my", "Baca doa mujarab ini setiap pagi; kedai buku kami ada jual kitabnya"),
    ("th", "เทคนิคแต่งหน้าให้หน้าดูเรียว ใช้บลัชออนตัวนี้ ราคา 199 บาท"),
]


# Issue 15, local-language claims, thirteenth pass: shapes taken from the regulators' own lists.
# China's Advertising Law on disease functions and unproven data (Art. 11, 16, 17, 28) as Shanghai's and
# Guangdong's 2020 cases applied them to virus claims, safety-and-efficacy promises and medical staff as
# endorsers; the catalogue's whitening claims; SAMR's medical-aesthetic guide (painless, no incision); BPOM's
# list of words a cosmetic ad may not tie to its benefit ("satu-satunya", "jauh lebih"), Consumer Protection
# Law 8/1999 art. 9(1)(j) ("aman, tidak berbahaya") and its processed-food list (intelligence); the Thai FDA's
# warning on an intimate gel; the Ministry of Health's healer titles (Vietnam). Every text is written for this
# test (not copied from a ruling or a real post), and each claim text was missed before these shapes were
# added. Claims are checked as posts that sell; the innocent texts use the same words and must stay silent at
# warning or above.
CLAIMS_THIRTEENTH = [
    ("cn", "新款空气净化器阻断病毒，开学季给孩子房间装一台", "cn.health.pathogen_claim", "阻断病毒"),
    ("cn", "这款喷雾对诺如、流感病毒也能快速杀灭，出门必带", "cn.health.pathogen_claim", "病毒也能快速杀灭"),
    ("cn", "衣物除菌液，杀灭率高达99.99%，婴儿衣物也能洗", "cn.health.pathogen_claim", "杀灭率高达99.99%"),
    ("cn", "这款洁面乳越用越白，黄皮姐妹冲", "cn.claims.special_use", "越用越白"),
    ("cn", "在家用这台仪器，效果相当于做光子嫩肤", "cn.claims.equivalence", "效果相当于做光子嫩肤"),
    ("cn", "防护口罩医护推荐，一次买两盒更划算", "cn.health.endorsement", "医护推荐"),
    ("cn", "祛痘凝胶安全又有效，学生党也能用", "cn.health.safe_effective", "安全又有效"),
    ("cn", "皮秒嫩肤，无痛无创，下班就能来做", "cn.health.aesthetic_filler", "无痛无创"),
    ("id", "Vitamin anak ini bikin si kecil pintar, beli 2 gratis 1", "id.claims.food_ad_wording", "bikin si kecil pintar"),
    ("id", "Jamu kunyit kami aman dan tidak berbahaya, boleh diminum tiap hari", "id.claims.safety", "aman dan tidak berbahaya"),
    ("id", "Ini satu-satunya kopi herbal dari kebun sendiri, stok terbatas", "id.claims.superlative", "satu-satunya kopi"),
    ("id", "Salep ini jauh lebih manjur dari merek lain, cek keranjang kuning", "id.claims.superlative", "jauh lebih manjur"),
    ("th", "เจลสอดสมุนไพร ช่วยคืนความสาว สั่งวันนี้ส่งฟรี", "th.claims.bust_intimate", "คืนความสาว"),
    ("vn", "Cao xoa bóp theo bí phương gia truyền, giao hàng toàn quốc", "vn.claims.healer_title", "bí phương gia truyền"),
    ("vn", "Gói hủy mỡ, tạo dáng thon gọn chỉ 990k, đặt lịch hôm nay", "vn.claims.weight_terms", "hủy mỡ"),
]
INNOCENT_THIRTEENTH = [
    ("cn", "公司电脑统一装了防病毒软件，大家别乱下载"),
    ("cn", "在家护理的花费相当于美容院的一半，周末约起"),
    ("cn", "急诊门口是医护通道，送货的师傅请走侧门"),
    ("cn", "新疫苗安全有效吗？听听医生怎么说"),
    ("id", "Buku ini bikin kamu pintar mengatur uang, diskon 20% minggu ini"),
    ("th", "กางเกงเลกกิ้งผ้าฟิตกระชับ ใส่ออกกำลังกายสบาย ราคา 250 บาท"),
    ("vn", "Tối nay chiếu tập cuối phim Thần y, cả nhà nhớ đón xem nhé"),
    ("vn", "Shop ơi hủy mỡ hành trong phần cơm tấm của em nhé"),
]

# Fourteenth pass (session 34): the cosmetics naming guidance's 止脱 (化妆品命名指南 禁用语); Advertising Law
# Art. 11 and 28 on an equivalence written with ≈ and on a test or trial said to prove an effect; a virus said
# to be inhibited (Art. 17, a Lanling case); BPOM's misleading "membunuh virus" narratives; the Vietnamese
# Food Administration's "khỏi bệnh hoàn toàn"; results by a date (化妆品分类规则和分类目录's efficacy classes; the
# Food Administration's "chỉ sau vài ngày" and the draft cosmetics decree's "giảm ngay"); the ASEAN list's "săn
# chắc cơ thể". Every text is written for this test (not copied from a ruling
# or a real post), and each claim text was missed before these shapes were added.
CLAIMS_FOURTEENTH = [
    ("cn", "何首乌洗发露，止脱又控油，一家人都能用", "cn.claims.special_use", "止脱"),
    ("cn", "高钙奶片，1片≈3杯牛奶的钙，孩子当零食吃", "cn.claims.equivalence", "1片≈3杯"),
    ("cn", "这款空气喷雾对流感病毒有显著抑制作用，办公室必备", "cn.health.pathogen_claim", "流感病毒有显著抑制作用"),
    ("cn", "这款除螨喷雾经第三方实验室检测证明有效，床品沙发都能喷", "cn.claims.test_proof", "经第三方实验室检测证明"),
    ("cn", "修护精华临床证实有效，换季敏感不用慌", "cn.claims.test_proof", "临床证实有效"),
    ("id", "Minyak herbal ini bisa membunuh kuman di tenggorokan, beli 2 lebih hemat", "id.claims.cure", "membunuh kuman"),
    ("vn", "Trà thảo mộc uống đều đặn 3 tháng là khỏi bệnh hoàn toàn, đặt ngay", "vn.claims.cure", "khỏi bệnh hoàn toàn"),
    # a concern ended or shrunk within a stated time (the efficacy classes of 化妆品分类规则和分类目录)
    ("cn", "紧致眼霜，十天告别眼袋，早晚各一次", "cn.claims.result_timeline", "十天告别眼袋"),
    ("cn", "毛孔精华用了两周，毛孔肉眼可见地缩小了", "cn.claims.result_timeline", "两周，毛孔肉眼可见地缩小了"),
    # Vietnamese results by a date, by skin tones or at once (Food Administration; the draft decree's "giảm ngay")
    ("vn", "Serum dưỡng giúp mờ nám chỉ sau 10 ngày, dùng sáng tối", "vn.claims.result_timeline", "mờ nám chỉ sau 10 ngày"),
    ("vn", "Kem ủ mỗi tối, làn da trắng lên 3 tông, ship toàn quốc", "vn.claims.result_timeline", "làn da trắng lên 3 tông"),
    ("vn", "Cao dán ngải cứu giảm ngay cơn đau vai gáy, mua 2 tặng 1", "vn.claims.result_timeline", "giảm ngay cơn đau"),
    ("vn", "Gel massage giúp săn chắc cơ thể, tặng kèm thước dây", "vn.claims.cosmetic_unaccepted", "Gel massage giúp săn chắc cơ thể"),
]
INNOCENT_FOURTEENTH = [
    ("cn", "理发师说换季掉发很正常，不用太担心"),
    ("cn", "1块钱≈0.14美元，汇率每天都在变"),
    ("cn", "公司电脑装的杀毒软件对电脑病毒有很好的抑制作用"),
    ("cn", "这批面膜经检测机构抽检，证明不合格，已经下架"),
    ("cn", "医生说临床试验还在招募，下个月开始"),
    ("id", "Antivirus ini membunuh virus di laptop dengan cepat, cek link di bio"),
    ("id", "Nonton drakor buat membunuh waktu di kereta"),
    ("vn", "Chúc bé mau khỏi bệnh hoàn toàn nhé, cả nhà nhớ bé"),
    ("vn", "Không thể tránh khỏi hoàn toàn mọi rủi ro khi đầu tư"),
    ("cn", "连续加班一周，眼袋都出来了，周末补觉"),
    ("vn", "Sale sập sàn chỉ trong 3 ngày, hiệu lực đến chủ nhật"),
    ("vn", "Tập gym đều giúp săn chắc cơ thể, lớp tối nay còn chỗ"),
]

# Fifteenth pass (session 35), cn and vn: the toothpaste rules (牙膏监督管理办法, SAMR Order No. 71 of 2023, and the
# drug regulator's 2022 notice that no toothpaste grows, repairs or regrows teeth); one treatment verb heading a list
# of complaints (广告法 Art. 17); a cosmetic said to reach the dermis and a food said to "eat" skin into shape (the
# 2023 function list's skin function); Vietnam's pigmentation wording (Thông tư 06/2011/TT-BYT with the ASEAN
# claims guideline), immune and appetite claims on children's supplements (the Food Administration's 2022 warning)
# and kilos lost as a range. Every text is written for this test (not copied from a ruling or a real post), and
# each claim text was missed before these shapes were added.
CLAIMS_FIFTEENTH_CN_VN = [
    ("cn", "含氟儿童牙膏，能加速孩子长牙，水果味", "cn.health.oral_repair", "加速孩子长牙"),
    ("cn", "这支修护牙膏可以闭合牙缝，刷一个月看看", "cn.health.oral_repair", "闭合牙缝"),
    ("cn", "老人用的固齿牙膏，坚固牙齿松动，买二送一", "cn.health.oral_repair", "坚固牙齿松动"),
    ("cn", "中草药牙膏，缓解口苦、口干、牙龈红肿，家庭装更划算", "cn.health.condition_list", "缓解口苦、口干、牙龈红肿"),
    ("cn", "泡脚包能调理怕冷、乏力、失眠，一盒三十包", "cn.health.condition_list", "调理怕冷、乏力、失眠"),
    ("cn", "这款牙膏有效改善牙龈萎缩，早晚各一次", "cn.health.condition_treatment", "改善牙龈萎缩"),
    ("cn", "这瓶原液渗透至真皮层，熬夜后也不怕", "cn.health.cosmetic_medical", "渗透至真皮层"),
    ("cn", "燕窝饮每天一瓶，喝出好气色，今天直播间特价", "cn.health.function_list", "喝出好气色"),
    ("vn", "Kem ban đêm đánh bật nám mảng sau một liệu trình, inbox shop", "vn.claims.disease", "đánh bật nám mảng"),
    ("vn", "Tinh chất ức chế tăng sắc tố, dùng sáng tối, freeship", "vn.claims.disease", "ức chế tăng sắc tố"),
    ("vn", "Men tiêu hóa giúp con hết biếng ăn, đặt hàng ngay", "vn.claims.disease", "hết biếng ăn"),
    ("vn", "Sữa non tăng cường miễn dịch tế bào cho bé, giá ưu đãi", "vn.claims.body_function", "tăng cường miễn dịch tế bào"),
    ("vn", "Cốm vi sinh kích thích ăn ngon cho bé, mua 2 tặng 1", "vn.claims.body_function", "kích thích ăn ngon cho bé"),
    ("vn", "Trà thảo mộc uống 1 tháng xuống từ 4-7kg, chốt đơn nhé", "vn.claims.weight_timeline", "xuống từ 4-7kg"),
    # own variants of each class, written to find the gaps: the 2023 function list has no growth or sexual function,
    # readings said to fall (三高全降), vision read off a chart, stretch marks (dermal damage), whiteness in degrees
    ("cn", "青少年营养粉，促进骨骼生长，假期囤货价", "cn.health.function_claim", "促进骨骼生长"),
    ("cn", "坚持喝了三个月，三高全降，回购第五次", "cn.health.condition_result", "三高全降"),
    ("cn", "乳腺结节小了一半，这款茶我会一直喝", "cn.health.condition_result", "乳腺结节小了一半"),
    ("cn", "护眼仪每天十分钟，视力从4.8恢复到5.1", "cn.health.condition_result", "视力从4.8恢复到5.1"),
    ("cn", "孕期按摩油，淡化妊娠纹，下单送按摩刷", "cn.health.function_claim", "淡化妊娠纹"),
    ("cn", "睡眠香薰一闻就睡着，失眠的姐妹看过来", "cn.health.function_claim", "一闻就睡着"),
    ("cn", "钙片配方升级，半年长4厘米，家长放心", "cn.claims.result_timeline", "半年长4厘米"),
    ("cn", "冷光牙贴七天白六度，拍照更自信", "cn.claims.result_timeline", "七天白六度"),
    ("cn", "弱碱水帮你排出体内酸毒，整箱更优惠", "cn.health.condition_treatment", "排出体内酸毒"),
    # Vietnamese: the ASEAN list's unacceptable cosmetic effects, medicine-like effects of supplements (Decree 15/2018)
    ("vn", "Thảo dược tự nhiên giúp bào mòn sỏi thận, mua 3 tặng 1", "vn.claims.disease", "bào mòn sỏi thận"),
    ("vn", "Viên uống phòng chống ung thư cho cả nhà, giá tốt", "vn.claims.disease", "phòng chống ung thư"),
    ("vn", "Trà giải độc giúp kiểm soát men gan, inbox shop", "vn.claims.disease", "giúp kiểm soát men gan"),
    ("vn", "Serum chống lão hóa xóa tan nếp nhăn, freeship", "vn.claims.cosmetic_as_medicine", "xóa tan nếp nhăn"),
    ("vn", "Dầu dưỡng tóc thảo mộc giúp tóc bạc đen lại, đặt ngay", "vn.claims.cosmetic_as_medicine", "tóc bạc đen lại"),
    ("vn", "Viên canxi tái tạo xương khớp cho người lớn tuổi, chốt đơn", "vn.claims.body_function", "tái tạo xương khớp"),
    ("vn", "Miếng dán chân hút sạch độc tố khi ngủ, mua ngay", "vn.claims.body_function", "hút sạch độc tố"),
    ("vn", "Cà phê giảm cân đốt cháy mỡ thừa, ship cod", "vn.claims.weight_terms", "đốt cháy mỡ thừa"),
    ("vn", "Đã có hơn 3.000 người bệnh khỏi hẳn nhờ cao thảo dược, đặt hàng", "vn.claims.cure", "người bệnh khỏi hẳn"),
    # the review measures for drug, device and health-food ads (SAMR Order No. 21, Art. 11): every disease, side effects
    # played down; a state body named as certifier or user (广告法 Art. 9(2))
    ("cn", "这款艾草贴可治一切病症，老人常备", "cn.health.condition_treatment", "可治一切病症"),
    ("cn", "纯植物提取，副作用极小，放心囤", "cn.health.safe_effective", "副作用极小"),
    ("cn", "政府认证的富硒茶，今天直播价", "cn.claims.state_endorsement", "政府认证"),
    ("cn", "纳豆胶囊清理血管，中老年朋友的首选", "cn.health.function_claim", "清理血管"),
    ("cn", "何首乌丸坚持吃，白发慢慢变黑", "cn.claims.special_use", "白发慢慢变黑"),
    ("vn", "Xịt mũi thảo dược giúp hết nghẹt mũi, giá 89k", "vn.claims.disease", "hết nghẹt mũi"),
    ("vn", "Collagen uống trắng sáng sau 2 tháng, ship toàn quốc", "vn.claims.whitening_timeline", "trắng sáng sau 2 tháng"),
    ("vn", "Cốm trí não giúp bé tăng trí tuệ vượt trội, mua ngay", "vn.claims.height_growth", "tăng trí tuệ vượt trội"),
    ("vn", "Kiếm 15 triệu mỗi tháng chỉ với một chiếc điện thoại, ib mình", "global.claims.earnings_amount",
     "Kiếm 15 triệu mỗi tháng chỉ với một chiếc điện thoại"),
]
INNOCENT_FIFTEENTH_CN_VN = [
    ("cn", "孩子快一岁了还没长牙，明天带去口腔科看看"),
    ("cn", "牙医说牙缝变大是牙龈退缩引起的，要去医院洗牙"),
    ("cn", "牙齿再生是谣言，掉了的恒牙不会再长"),
    ("cn", "新年愿望：告别拖延、熬夜、外卖"),
    ("cn", "护理课讲了表皮、真皮层和皮下组织的区别"),
    ("cn", "这个沙发是真皮的，坐着很舒服"),
    ("cn", "周末去爬山，回来气色好多了"),
    ("vn", "Mẹ ơi bé nhà mình biếng ăn cả tuần nay, lo quá"),
    ("vn", "Da mình bị nám mảng sau sinh, đang đi khám da liễu"),
    ("vn", "Giá cà phê giảm từ 3-5 nghìn mỗi kg trong tuần"),
    ("vn", "Món bún mắm này kích thích vị giác ghê, ăn là nhớ"),
    ("cn", "这台笔记本性能力压同价位，打游戏不卡"),
    ("cn", "体检时视力从5.0掉到4.7，该少看手机了"),
    ("cn", "孩子生长发育的知识讲座，周六上午在社区"),
    ("vn", "Kem đánh răng giúp hơi thở thơm mát, giảm hôi miệng, giá 35k"),
    ("vn", "Cửa hàng tuân thủ phòng chống covid, mời khách ghé mua"),
    ("vn", "Nồi chiên không dầu làm tan mỡ thừa của thịt, món ăn bớt ngấy"),
    ("vn", "Sau ca mổ ở bệnh viện, người bệnh đã khỏi hẳn và được xuất viện"),
    ("cn", "医生说这种药副作用小，按说明吃就行"),
    ("cn", "今天参观了航天员训练中心，孩子特别兴奋"),
    ("vn", "Mùa lạnh bé hay bị nghẹt mũi, mẹ nào có mẹo gì không"),
    ("vn", "Áo sơ mi trắng mặc sau 2 tháng vẫn như mới, shop giặt kỹ"),
]



# Fifteenth pass, Thai, Indonesian and Malay (session 35): shapes widened from the regulators' own lists.
# - Thai: the eye diseases the Thai FDA warns supplements may not claim to treat (cataract, glaucoma,
# pterygium, a degenerating vitreous), skin made whiter than its natural colour (the Thai FDA's cosmetic
# advertising manual, 2024; the NBTC's list of cosmetic effects a food ad may not claim), and a supplement's
# whitening told as the buyer's own story;
# - Indonesian: a blood reading promised in a unit (BBPOM's non-compliant "menurunkan kolesterol",
# "menstabilkan gula darah"), height growth from a supplement (Peraturan BPOM 34/2022), and the noun form
# of the acne, scar and cellulite claims Peraturan BPOM 3/2022 does not allow ("penghilang jerawat");
# - Malay: every disease at once ("penawar segala penyakit", KKM's seized honey labels), and the rest of the
# Schedule of the Medicines (Advertisement and Sale) Act 1956 (hernia, venereal and eye disease, sexual
# function).
CLAIMS_FIFTEENTH_TH_ID_MY = [
    # Thai eye diseases, in either order of words
    ("th", "แคปซูลสมุนไพรสูตรนี้รักษาต้อกระจกได้ ไม่ต้องผ่าตัด", "th.claims.condition_treatment", "รักษาต้อกระจก"),
    ("th", "ทานทุกวันติดต่อกันสองเดือน ต้อหินหายไป", "th.claims.condition_treatment", "ต้อหินหายไป"),
    ("th", "ผงชงบลูเบอร์รี่ ช่วยป้องกันจอประสาทตาเสื่อม ส่งฟรี", "th.claims.condition_treatment", "ป้องกันจอประสาทตาเสื่อม"),
    ("th", "น้ำมันสกัดเย็น บรรเทาต้อเนื้อ ต้อลม", "th.claims.condition_treatment", "บรรเทาต้อเนื้อ"),
    # Thai skin colour changed
    ("th", "เซรั่มตัวนี้ทำให้ผิวขาวขึ้นแบบเห็นได้ชัด กดตะกร้าเลย", "th.claims.skin_colour_change", "ทำให้ผิวขาวขึ้น"),
    ("th", "สบู่สครับสูตรเข้มข้น เปลี่ยนสีผิวได้จริง", "th.claims.skin_colour_change", "เปลี่ยนสีผิว"),
    # Thai: a supplement's whitening told as the buyer's own story (the Thai FDA's 2024 warning on a TikTok review)
    ("th", "ตั้งแต่ทานแคปซูลนี้มา ผิวขาวขึ้นเยอะมาก ใครสนใจทักแชท", "th.claims.food_cosmetic_effect",
     "ตั้งแต่ทานแคปซูลนี้มา ผิวขาวขึ้น"),
    ("th", "กลูต้าเข้มข้นตัวใหม่ ช่วยเรื่องขาวใส กดตะกร้าเลย", "th.claims.food_cosmetic_effect",
     "กลูต้าเข้มข้นตัวใหม่ ช่วยเรื่องขาวใส"),
    # Indonesian blood readings and height growth
    ("id", "Minum seduhan ini 10 hari, gula darah jadi 6,1 mmol/L, order di keranjang kuning",
     "id.claims.blood_value_result", "gula darah jadi 6,1 mmol/L"),
    ("id", "Kapsul herbal bikin asam urat turun jadi 5 mg/dL", "id.claims.blood_value_result", "asam urat turun jadi 5 mg/dL"),
    ("id", "Susu kambing ini menambah tinggi badan anak, promo 2 kaleng", "id.claims.height_growth", "menambah tinggi badan"),
    ("id", "Rutin 3 bulan, tinggi badan naik 7 cm", "id.claims.height_growth", "tinggi badan naik 7 cm"),
    # Indonesian nominal acne and scar claims
    ("id", "Gel pembasmi jerawat, checkout sekarang", "id.claims.bpom_skin", "pembasmi jerawat"),
    ("id", "Salep penghilang bekas luka, hasil nyata", "id.claims.bpom_skin", "penghilang bekas luka"),
    # Malay: every disease at once, the rest of the Schedule, sexual function
    ("my", "Minyak herba kami mengubati pelbagai penyakit, order sekarang", "my.claims.condition_treatment",
     "mengubati pelbagai penyakit"),
    ("my", "Jamu ini merawat burut tanpa pembedahan", "my.claims.condition_treatment", "merawat burut"),
    ("my", "Kapsul herba untuk lelaki, meningkatkan prestasi seks dalam seminggu", "my.claims.body_function",
     "meningkatkan prestasi seks"),
]

INNOCENT_FIFTEENTH_TH_ID_MY = [
    ("th", "คุณยายผ่าตัดต้อกระจกเมื่อวาน ตอนนี้มองเห็นชัดขึ้นแล้ว"),
    ("th", "หมอบอกว่าต้อหินต้องหยอดยาตามนัดทุกวัน"),
    ("th", "ครีมบำรุงช่วยให้ผิวดูกระจ่างใส ชุ่มชื้น"),
    ("th", "ฟิลเตอร์นี้ทำให้ผิวขาวขึ้นในรูป แต่ตัวจริงผิวแทน"),
    ("th", "ไม่มีครีมไหนทำให้ผิวขาวขึ้นได้จริง อย่าเชื่อโฆษณา"),
    ("th", "ตั้งแต่กินข้าวกล้องมา ยังชอบข้าวขาวมากกว่า"),
    ("th", "ทานข้าวเสร็จแล้ว ใส่ชุดขาวไปทำบุญที่วัด"),
    ("th", "ก๋วยเตี๋ยวเส้นเล็กร้านนี้ กินมาแล้วหลายร้าน เส้นขาวจริงไม่ฟอกสี"),
    ("id", "Hasil cek di puskesmas, gula darah jadi 110 mg/dL, alhamdulillah"),
    ("id", "Gula pasir turun jadi Rp14.000 per kilo di toko kami"),
    ("id", "Anakku tingginya bertambah terus, sekarang sudah kelas 5"),
    ("id", "Sepatu ini bikin kelihatan lebih tinggi, solnya 5 cm"),
    ("id", "Sabun muka untuk kulit berjerawat, busanya lembut"),
    # brightening within a tested number of days: wording BPOM accepts when a study on the product backs it
    ("id", "Essence ini membantu mencerahkan wajah dalam 28 hari, diuji pada 30 relawan"),
    ("my", "Semua penyakit bermula dari pemakanan, kata doktor dalam forum semalam."),
    ("my", "Mata rabun sikit sebab tak tidur, nak rehat dulu."),
    ("my", "Tambah tenaga dan semangat untuk larian pagi esok!"),
]


# Sixteenth pass, Vietnamese and Indonesian (session 36): the conditions lexicons grown by body system, verb and
# result lexicons for Vietnamese, the fillers ads put between a verb and a condition ("các bệnh lý về", "segala
# jenis penyakit", "gangguan pada"), products named after a disease, efficacy figures on the body, equivalence
# and safety for people with a disease (Decree 15/2018, Thông tư 06/2011 with the ASEAN claims guideline, Peraturan
# BPOM 3/2022 and 6/2021, BPOM's traditional-medicine advertising prohibitions). Every text is written for this test.
CLAIMS_SIXTEENTH_VN_ID = [
    ("vn", "Cao dán thảo dược đánh gục cơn đau thần kinh tọa sau 3 lần dán", "vn.claims.disease",
     "đánh gục cơn đau thần kinh tọa"),
    ("vn", "Dùng hết 2 hộp, mụn bọc trên trán biến mất hoàn toàn", "vn.claims.disease",
     "mụn bọc trên trán biến mất hoàn toàn"),
    ("vn", "Tạm biệt viêm da cơ địa với kem lá trầu không của shop", "vn.claims.disease", "Tạm biệt viêm da cơ địa"),
    ("vn", "Uống đều mỗi sáng, huyết áp cao về bình thường chỉ sau 3 tuần", "vn.claims.disease",
     "huyết áp cao về bình thường"),
    ("vn", "Trà khổ qua rừng đẩy lùi tiền tiểu đường, mua 3 tặng 1", "vn.claims.disease", "đẩy lùi tiền tiểu đường"),
    ("vn", "Cốm vi chất cho bé, hết còi xương sau 2 hộp", "vn.claims.disease", "hết còi xương"),
    ("vn", "Siro thảo dược chữa được mọi bệnh về hô hấp", "vn.claims.disease", "chữa được mọi bệnh"),
    ("vn", "Nói không với sỏi mật nhờ trà atiso đỏ", "vn.claims.disease", "Nói không với sỏi mật"),
    ("vn", "Cao dây thìa canh điều trị dứt điểm các bệnh lý về tuyến giáp", "vn.claims.disease",
     "điều trị dứt điểm các bệnh lý về tuyến giáp"),
    ("vn", "Sữa hạt tiểu đường nhập khẩu, freeship đơn từ 2 hộp", "vn.claims.disease", "Sữa hạt tiểu đường"),
    ("vn", "Kem massage giúp tăng 4cm vòng 1 sau một tháng", "vn.claims.change_figure", "tăng 4cm vòng 1"),
    ("vn", "Serum collagen, nếp nhăn giảm 70% sau 4 tuần", "vn.claims.change_figure", "nếp nhăn giảm 70%"),
    ("vn", "Sữa tắm trắng, sáng da ngay sau 1 lần tắm", "vn.claims.instant", "ngay sau 1 lần tắm"),
    ("vn", "Ngũ cốc nguyên cám an toàn cho người bị tiểu đường", "vn.claims.safety_vulnerable",
     "an toàn cho người bị tiểu đường"),
    ("vn", "Viên bổ thận cho nam giới sau tuổi 40", "vn.claims.body_function", "bổ thận"),
    ("vn", "Trà giảm cân đào thải mỡ bụng sau 10 ngày", "vn.claims.weight_terms", "đào thải mỡ bụng"),
    ("id", "Sabun sulfur ini bikin jerawat batu langsung lenyap", "id.claims.cure", "jerawat batu langsung lenyap"),
    ("id", "Kapsul kumis kucing meluruhkan batu ginjal tanpa operasi", "id.claims.cure", "meluruhkan batu ginjal"),
    ("id", "Minum rutin, gula darah jadi normal lagi dalam seminggu", "id.claims.cure", "gula darah jadi normal lagi"),
    ("id", "Salep herbal ini mengatasi segala jenis penyakit kulit", "id.claims.cure",
     "mengatasi segala jenis penyakit kulit"),
    ("id", "Teh daun kelor menormalkan tekanan darah tinggi, order sekarang", "id.claims.cure",
     "menormalkan tekanan darah tinggi"),
    ("id", "Krim herbal ini bikin wasir kempes dalam 5 hari", "id.claims.cure", "wasir kempes"),
    ("id", "Minyak herbal ini mengatasi masalah pada lambung", "id.claims.cure", "mengatasi masalah pada lambung"),
    ("id", "Say goodbye to flek hitam dengan serum ini", "id.claims.cure", "Say goodbye to flek hitam"),
    ("id", "Kapsul temulawak khasiatnya seperti obat dokter", "id.claims.cure", "khasiatnya seperti obat dokter"),
    ("id", "Pakai serum ini, kerutan berkurang 80% dalam 2 minggu", "id.claims.change_figure", "kerutan berkurang 80%"),
    ("id", "Tonik rambut, rambut tumbuh 2 cm dalam sebulan", "id.claims.change_figure", "rambut tumbuh 2 cm"),
    ("id", "1 sachet jus hijau ini setara dengan makan 10 buah apel", "id.claims.equivalence",
     "1 sachet jus hijau ini setara dengan makan 10 buah apel"),
    ("id", "Kue kering gandum, aman dikonsumsi penderita diabetes", "id.claims.safety",
     "aman dikonsumsi penderita diabetes"),
    ("id", "Jamu kami tidak mengandung risiko atau efek samping", "id.claims.guarantee",
     "tidak mengandung risiko atau efek samping"),
    # efficacy with time and without effort (session 36)
    ("vn", "Dầu gội bồ kết, tóc mọc dày sau 3 tuần", "vn.claims.result_timeline", "tóc mọc dày sau 3 tuần"),
    ("vn", "Trà hoa cúc giúp ngủ sâu giấc ngay đêm đầu tiên", "vn.claims.result_timeline",
     "ngủ sâu giấc ngay đêm đầu tiên"),
    ("vn", "Sữa bột cho bé cao lớn vượt trội so với tuổi", "vn.claims.height_growth", "cao lớn vượt trội"),
    ("vn", "Bột ngũ cốc tăng cân, béo lên 4kg sau 1 tháng", "vn.claims.weight_timeline", "béo lên 4kg"),
    ("vn", "Viên sợi hòa tan giảm thèm ăn cả buổi chiều", "vn.claims.weight_terms", "giảm thèm ăn"),
    ("vn", "Thon gọn vòng eo mà không cần tập luyện", "vn.claims.without_effort",
     "Thon gọn vòng eo mà không cần tập luyện"),
    ("vn", "Nâng cơ mặt tại nhà, không cần phẫu thuật", "vn.claims.without_effort", "không cần phẫu thuật"),
    ("id", "Tonik kemiri bikin rambut lebat dalam 2 minggu", "id.claims.whitening_timeline", "lebat dalam 2 minggu"),
    ("id", "Minyak urut ini efeknya langsung terasa dalam 5 menit", "id.claims.whitening_timeline",
     "efeknya langsung terasa dalam 5 menit"),
    ("id", "Perut rata tanpa harus nge-gym, cukup 1 kapsul sehari", "id.claims.slimming",
     "Perut rata tanpa harus nge-gym"),
    ("id", "Susu penambah berat badan, naik 4 kg sebulan", "id.claims.weight_timeline", "naik 4 kg sebulan"),
    ("id", "Jamu pria, perkasa semalaman tanpa efek samping", "id.claims.sexual", "perkasa semalaman"),
    # the regulators' cosmetic lists: wounds healed, ageing reversed, DNA repaired
    ("vn", "Kem nghệ làm lành vết thương nhanh, không để lại sẹo", "vn.claims.cosmetic_as_medicine",
     "làm lành vết thương"),
    ("id", "Serum ini membalikkan proses penuaan dalam sebulan", "id.claims.bpom_skin", "membalikkan proses penuaan"),
    ("id", "Krim malam memperbaiki DNA kulit yang rusak", "id.claims.bpom_skin", "memperbaiki DNA kulit"),
    # proof said to be done, safety absolutes, health institutions and professionals as endorsers
    ("vn", "Viên uống thảo mộc, hiệu quả đã được kiểm chứng", "vn.claims.guarantee", "hiệu quả đã được kiểm chứng"),
    ("vn", "Trà ngủ ngon không gây nghiện, dùng lâu dài", "vn.claims.guarantee", "không gây nghiện"),
    ("vn", "Kem chống hăm an toàn cho bé từ 0 tháng tuổi", "vn.claims.safety_vulnerable",
     "an toàn cho bé từ 0 tháng tuổi"),
    ("id", "Kopi herbal ini aman untuk lambung, ga bikin perih", "id.claims.safety", "aman untuk lambung"),
    ("id", "Serum ini dipercaya dokter kulit di seluruh Indonesia", "id.endorsers.health_professional",
     "dipercaya dokter kulit"),
]

INNOCENT_SIXTEENTH_VN_ID = [
    ("vn", "Shop giao hàng ngay lập tức trong nội thành"),
    ("vn", "Mẹ mình tăng 3kg từ hồi nghỉ hưu, giờ đi bộ mỗi sáng"),
    ("vn", "Không cần tập gym vẫn vui khỏe mỗi ngày nếu ngủ đủ giấc"),
    ("id", "Paket dikirim dalam 2 hari kerja, pengiriman cepat"),
    ("id", "Berat badan naik 3 kg habis lebaran, waktunya jalan pagi"),
    ("id", "Jadwal padat dalam 2 minggu ini, maaf slow respon"),
    ("id", "Sunscreen membantu mencegah tanda penuaan dini akibat sinar UV"),
    ("vn", "Nhà bị nấm mốc góc tường, mọi người chỉ mình cách xử lý với"),
    ("vn", "Tin đồn này chưa được kiểm chứng, mọi người cẩn thận nhé"),
    ("id", "Ahli gizi di puskesmas memberi penyuluhan soal makan sehat untuk balita"),
    ("vn", "Mụn thì khỏi nói, tuần này mình thức khuya quá trời"),
    ("vn", "Tiêm ngừa cúm cho cả nhà ở trạm y tế phường sáng mai"),
    ("vn", "Ho cả tuần nay uống gì cũng không khỏi, mai đi khám"),
    ("vn", "Sale giảm 50% giá toàn bộ serum, chỉ hôm nay"),
    ("vn", "Máy lọc không khí giảm 99% bụi mịn trong phòng ngủ"),
    ("vn", "Nhà mình có người bị cao mỡ máu nên nấu ăn nhạt"),
    ("vn", "Thực phẩm này không có tác dụng như thuốc chữa bệnh"),
    ("vn", "Bố mình ung thư gan, đang điều trị ở bệnh viện K, mong mọi người cầu nguyện"),
    ("id", "Diskon hingga 70% untuk semua skincare hari ini"),
    ("id", "Vaksin campak gratis di posyandu, ajak anaknya ya bun"),
    ("id", "Jerawatku belum hilang juga padahal sudah ganti sabun"),
    ("id", "Flek hitamku makin banyak gara-gara lupa sunscreen"),
    ("id", "Takaran saji: 1 sachet untuk 2 gelas air"),
    ("id", "Habis liburan lingkar perut naik 4 cm, saatnya olahraga"),
    ("id", "Toner ini membantu menyamarkan noda hitam bekas jerawat"),
    ("id", "Penderita diabetes sebaiknya konsultasi dokter sebelum ganti pola makan"),
    ("id", "Harga emas naik 2% minggu ini"),
]

# Sixteenth pass, Chinese (session 36): vocabulary written from the regulators' lists, not from cases.
# - conditions by body system (skin, hair, digestion, joints, heart and blood, sugar, sleep and brain, breathing,
# women's and men's health, eyes and teeth, kidneys and liver, children, cancers), the verbs of fighting, easing and
# ending them, and the result words after them (没再犯, 通了, 不疼了), in both orders and with a period between;
# - functions outside the 2023 health-food list (延年益寿, 暖宫, 淋巴排毒, 延时持久), traditional-medicine function
# words and drug-leaflet labels on foods (清肝明目, 祛湿: 广告法 第十七条), patients as proof and miracle cures;
# - efficacy without effort (越喝越瘦, 阻断碳水), measured changes (法令纹-18%), myopia "reversed" (SAMR's 2021
# campaign list), safety promises (孕妈放心用, 不伤肝肾), earnings by amount or payback (日赚, 三个月回本), 特供酒 marks.
CLAIMS_SIXTEENTH_CN = [
    ("cn", "这款药膏专门对付湿疹，宝宝也能用", "cn.health.condition_treatment", "对付湿疹"),
    ("cn", "艾灸贴减轻坐骨神经痛，老人常备", "cn.health.condition_treatment", "减轻坐骨神经痛"),
    ("cn", "胃炎的姐妹一定要喝，一天一包", "cn.health.condition_treatment", "胃炎的姐妹一定要喝"),
    ("cn", "打呼噜神器，枕着就安静", "cn.health.condition_treatment", "打呼噜神器"),
    ("cn", "苦荞茶对高血脂有很好的调理作用", "cn.health.condition_treatment", "对高血脂有很好的调理作用"),
    ("cn", "糖友必备的杂粮面，今天第二件半价", "cn.health.condition_treatment", "糖友必备"),
    ("cn", "护颈枕用了一周，颈椎不疼了", "cn.health.condition_result", "颈椎不疼了"),
    ("cn", "鼻塞的姐妹喝这个，第二天就通了", "cn.health.condition_result", "鼻塞的姐妹喝这个，第二天就通了"),
    ("cn", "喝了两个月，肠易激没再犯", "cn.health.condition_result", "肠易激没再犯"),
    ("cn", "暖宫贴坚持贴，调理了三个月就怀上了", "cn.health.condition_result", "调理了三个月就怀上了"),
    ("cn", "果蔬酵素粉，越喝越瘦，宝妈都在囤", "cn.health.weight_promise", "越喝越瘦"),
    ("cn", "饭前一片，阻断碳水，火锅随便吃", "cn.health.weight_promise", "阻断碳水"),
    ("cn", "燕麦代餐一周掉秤6斤", "cn.health.weight_loss", "一周掉秤6斤"),
    ("cn", "护眼仪每天十分钟，近视度数回退", "cn.health.myopia_claim", "近视度数回退"),
    ("cn", "叶黄素软糖帮孩子降低度数", "cn.health.myopia_claim", "降低度数"),
    ("cn", "这款精华孕妈也可以放心用", "cn.health.safety_absolute", "孕妈也可以放心用"),
    ("cn", "荷叶减肥茶，不伤肝肾，一天一包", "cn.health.safety_absolute", "不伤肝肾"),
    ("cn", "带货培训，一天能赚800元", "cn.claims.earnings_amount", "一天能赚800元"),
    ("cn", "开一家奶茶加盟店，三个月回本", "cn.claims.earnings_amount", "三个月回本"),
    ("cn", "桑葚固体饮料，清肝明目，看手机久了来一杯", "cn.health.medical_terms", "清肝明目"),
    ("cn", "红豆薏米茶祛湿，夏天必备", "cn.health.medical_terms", "祛湿"),
    ("cn", "看看这些患者反馈，效果不用我多说", "cn.health.testimonial_miracle", "患者反馈"),
    ("cn", "玛卡片延时持久，男士专享", "cn.health.function_claim", "延时持久"),
    ("cn", "蜂王浆延年益寿，送长辈", "cn.health.function_claim", "延年益寿"),
    ("cn", "淋巴排毒按摩油，腋下按一按", "cn.health.function_claim", "淋巴排毒"),
    ("cn", "生姜精华唤醒毛囊，发缝不再明显", "cn.claims.special_use", "唤醒毛囊"),
    ("cn", "这款面霜祛黄气，素颜也有气色", "cn.claims.special_use", "祛黄气"),
    ("cn", "胶原面霜用完法令纹-18%", "cn.claims.efficacy_percent", "法令纹-18%"),
    ("cn", "本店白酒为政府接待用酒", "cn.claims.state_endorsement", "政府接待用酒"),
    ("cn", "国内首创的自清洁扫地机，今晚开售", "cn.absolute.first_only", "国内首创"),
    ("cn", "玻尿酸精华用一个月年轻5岁", "cn.claims.result_timeline", "年轻5岁"),
    ("cn", "纤体霜一抹就瘦，夏天穿裙子", "cn.claims.result_timeline", "一抹就瘦"),
    # boasted speed, blood markers kept in check, organs nursed, Order 21's endorsers, daily necessity, score rises
    ("cn", "这款祛痘膏见效快，下单送棉签", "cn.claims.efficacy_boast", "见效快"),
    ("cn", "艾草泡脚包效果惊人，爸妈都说好", "cn.claims.efficacy_boast", "效果惊人"),
    ("cn", "山楂荷叶固体饮料降脂，饭后一杯", "cn.health.condition_treatment", "降脂"),
    ("cn", "低GI杂粮饭，控制血糖，糖尿病家庭都在买", "cn.health.condition_treatment", "控制血糖"),
    ("cn", "黑豆黑米粉护肾，男人每天一杯", "cn.health.function_claim", "护肾"),
    ("cn", "国医大师配方的膏方，今晚限量", "cn.health.authority_endorsement", "国医大师配方"),
    ("cn", "中科院研发的益生菌，肠道更舒服", "cn.health.authority_endorsement", "中科院研发"),
    ("cn", "维生素D人体合成不够，必须每天补充", "cn.health.necessity_claim", "必须每天补充"),
    ("cn", "初中数学冲刺班，签约提分，名额有限", "cn.claims.education_guarantee", "签约提分"),
]
INNOCENT_SIXTEENTH_CN = [
    ("cn", "医生开的安神补脑液，按说明书喝"),
    ("cn", "今晚的燃脂操跳完了，满身大汗"),
    ("cn", "新剧《神医》今晚大结局，追剧去了"),
    ("cn", "孕妇可以用这款防晒吗？"),
    ("cn", "今天一天赚了300块，摆摊好开心"),
    ("cn", "去眼镜店验光，度数降了一点"),
    ("cn", "新款手机续航提升30%，充电更快"),
    ("cn", "用了验孕棒，怀孕了，好激动"),
    ("cn", "头不疼了，谢谢大家关心，今晚正常开播"),
    ("cn", "绿豆汤的做法：绿豆泡两小时再煮"),
    ("cn", "厨房吸油纸用完了，再囤两卷"),
    ("cn", "我们家火锅底料是独家秘方，欢迎来尝"),
    ("cn", "花露水驱蚊止痒，出门必带"),
    ("cn", "今天全场折扣，价格降低20%"),
    ("cn", "多运动增强体质，比吃什么都强"),
    ("cn", "宝宝黄疸退了，明天出院"),
    ("cn", "在家怎么赚钱？求推荐靠谱的工作"),
    ("cn", "警惕所谓神医骗局，生病要去正规医院"),
    ("cn", "这款防晒刺激性低，敏感肌先在耳后试用"),
    ("cn", "体检报告显示血脂降了10%，医生说继续保持"),
    ("cn", "玩游戏的时候记得带解毒药水"),
    ("cn", "政府接待了来访的外国代表团"),
    ("cn", "这个背单词的方法见效快，推荐给考研党"),
    ("cn", "血糖仪测了一下，控制血糖值在正常范围"),
    ("cn", "每天一定要喝水，别等口渴了再喝"),
    ("cn", "期末冲刺，老师说提分的关键是错题本"),
]

# Sixteenth pass (session 36), Thai, Malay and Tagalog breadth, written from systematic lists rather than cases:
# - Thai: conditions by body system and symptoms (lexicons body_system_conditions, symptoms, care_verbs), more
# verbs of curing and results, amounts lost and inches off the waist, the number-first timeline ("7 วันเห็นผล"),
# multipliers, absolute safety (no rebound, harmless to the liver) and every health professional's endorsement;
# - Malay: the conditions of the Schedule and by body system with English names mixed in, benefits lists
# ("Khasiat: ..."), the hook question ("Gastrik? Cuba ..."), results by a date, inches and sizes, slim without diet;
# - Tagalog/Taglish: conditions by body system, a condition then what became of it, "Good for: ...", waist inches,
# results by a date, and doctors or the DOH put as endorsers (DOH warnings on fake endorsements).
CLAIMS_SIXTEENTH_TH_MY_PH = [
    # Thai conditions by body system and symptoms, with the verbs of curing, dissolving and saying goodbye
    ("th", "ยาหม่องสมุนไพร แก้เหน็บชาได้ดีมาก กดตะกร้าเลย", "th.claims.condition_treatment", "แก้เหน็บชา"),
    ("th", "น้ำมันงาดำสกัดเย็น ทานทุกเช้า บอกลาตาพร่ามัว", "th.claims.condition_treatment", "บอกลาตาพร่ามัว"),
    ("th", "ดื่มต่อเนื่อง ปัสสาวะบ่อยหายไปเลย ส่งฟรี", "th.claims.condition_treatment", "ปัสสาวะบ่อยหายไปเลย"),
    ("th", "แคปซูลกระชายดำ ช่วยเรื่องหลั่งเร็ว ผู้ชายต้องมี", "th.claims.condition_treatment", "ช่วยเรื่องหลั่งเร็ว"),
    ("th", "ผงชงรากบัว ป้องกันการเกิดลิ่มเลือด ราคาโปร", "th.claims.condition_treatment", "ป้องกันการเกิดลิ่มเลือด"),
    # Thai amounts and periods: the number first, inches off the waist, a multiplier
    ("th", "ทานคอร์สเดียว เอวลด 4 นิ้ว ใส่กางเกงเก่าได้", "th.claims.weight_timeline", "เอวลด 4 นิ้ว"),
    ("th", "สบู่สมุนไพร 3 วันหายคัน สั่งเลย", "th.claims.result_timeline", "3 วันหาย"),
    ("th", "กาแฟคุมหิว ดูดซึมไว 5 เท่า", "th.claims.result_timeline", "ดูดซึมไว 5 เท่า"),
    # Thai safety absolutes and endorsement by any health professional
    ("th", "ยาสมุนไพรลดความอ้วน ไม่โยโย่ ทานง่าย", "th.claims.safety_absolute", "ไม่โยโย่"),
    ("th", "เซรั่มบำรุงผม ที่แพทย์ผิวหนังเลือกใช้", "th.endorsers.health_professional", "แพทย์ผิวหนังเลือกใช้"),
    # Malay: conditions by body system in either order, benefits lists, the hook question, results by a date
    ("my", "Kapsul herba ni bantu kurangkan kebas tangan, order sekarang", "my.claims.condition_treatment",
     "bantu kurangkan kebas tangan"),
    ("my", "Lepas 2 botol, batu hempedu mak saya dah hancur", "my.claims.condition_treatment",
     "batu hempedu mak saya dah hancur"),
    ("my", "Jus delima. Manfaat: anemia, kurang darah, haid tak teratur", "my.claims.condition_treatment",
     "Manfaat: anemia"),
    ("my", "Gastrik? Cuba teh halia kami, RM25 sekotak", "my.claims.condition_treatment", "Gastrik? Cuba"),
    ("my", "Minyak gamat, ulser mulut hilang dalam 2 hari", "my.claims.result_timeline", "hilang dalam 2 hari"),
    ("my", "Korset herba, pinggang susut 4 inci", "my.claims.weight_timeline", "pinggang susut 4 inci"),
    ("my", "Teh langsing, turun berat tanpa diet", "my.claims.weight_terms", "turun berat tanpa diet"),
    ("my", "Vitamin mata yang digunakan oleh pakar, stok baru sampai", "my.endorsers.health_professional",
     "digunakan oleh pakar"),
    # Tagalog and Taglish: conditions by body system, results after the condition, benefits lists, timelines
    ("ph", "Herbal tea na pampababa ng uric acid, 3x a day", "ph.claims.disease_remedy", "pampababa ng uric acid"),
    ("ph", "Yung vertigo ni mama nawala na after 1 week", "ph.claims.disease_remedy", "vertigo ni mama nawala na"),
    ("ph", "Turmeric capsules. Good for: joint pain at pamamanhid", "ph.claims.disease_remedy", "Good for: joint pain"),
    ("ph", "Oil na ito, pumayat ako, lumiit ang tiyan ko ng 2 inches", "ph.claims.weight_timeline",
     "lumiit ang tiyan ko ng 2 inches"),
    ("ph", "Ointment na ito, nawala sa loob ng 5 araw ang an-an", "ph.claims.result_timeline", "nawala sa loob ng 5 araw"),
    ("ph", "Ang gatas na ito ay iniinom ng mga doktor, bili na", "ph.claims.hcp_named",
     "iniinom ng mga doktor"),
    # equivalence: one serving said to equal many foods
    ("th", "ไฟเบอร์ชงดื่ม 1 ซองเท่ากับกินผักบุ้ง 3 กำ", "th.claims.equivalence", "1 ซองเท่ากับกินผักบุ้ง 3 กำ"),
    ("ph", "Malunggay capsule, 2 capsules ay katumbas ng 1 kilo ng gulay", "ph.claims.equivalence",
     "2 capsules ay katumbas ng 1 kilo ng gulay"),
]

INNOCENT_SIXTEENTH_TH_MY_PH = [
    # the same words in everyday use, read as posts that sell
    ("th", "นั่งรถนานจนเหน็บชา พักที่ปั๊มก่อนนะ แล้วค่อยไลฟ์ขายต่อ"),
    ("th", "ร้านเราขอปิดหนึ่งวัน แม่ค้าเจ็บคอ เสียงหาย"),
    ("th", "ข้าวสาร 5 กิโล ส่วนลด 20 บาท ส่งฟรี"),
    ("th", "โปรพิเศษ 3 วันเท่านั้น ลด 50% ทั้งร้าน"),
    ("th", "หมอแนะนำให้พักผ่อน เลยหยุดไลฟ์สองวันนะคะ"),
    ("th", "ทีวีจอ 40 นิ้ว ลดเหลือ 5,990 บาท"),
    ("my", "Hari ni kaki kebas sebab duduk lama sangat, live esok ya"),
    ("my", "Manfaat membeli di kedai kami: penghantaran percuma seluruh Malaysia"),
    ("my", "Pinggang seluar saiz 32, stok terhad"),
    ("my", "Parcel hilang dalam 2 hari? Hubungi kurier terus ya"),
    ("ph", "Bumaba ang presyo ng asukal ngayong linggo, 60 pesos na lang"),
    ("ph", "Good for: 2-3 persons ang bilao na ito, order na"),
    ("ph", "May sipon si bunso kaya sarado muna ang tindahan bukas"),
    ("ph", "Nawala sa loob ng 3 araw ang package, pero nahanap din ng courier"),
    ("th", "โปรคู่ 2 ขวด เท่ากับขวดละ 150 บาท"),
    ("ph", "Ang isang kahon ay katumbas ng 12 bote, bulk order na"),
]


@pytest.mark.parametrize("market, text, rule, words",
                         CLAIMS + CLAIMS_NINTH + CLAIMS_TENTH + CLAIMS_ELEVENTH + CLAIMS_TWELFTH
                         + CLAIMS_THIRTEENTH + CLAIMS_FOURTEENTH + CLAIMS_FIFTEENTH_CN_VN
                         + CLAIMS_FIFTEENTH_TH_ID_MY + CLAIMS_SIXTEENTH_VN_ID + CLAIMS_SIXTEENTH_CN + CLAIMS_SIXTEENTH_TH_MY_PH)
def test_claim_shapes_are_found(market, text, rule, words):
    found = claim_findings(text, market)
    hits = [w for r, w in rule_words(found, text) if r == rule]
    assert hits, f"{rule} did not find {words!r} in {text!r}: {[(f.rule, f.text) for f in found]}"
    assert words in hits, hits


@pytest.mark.parametrize("market, text",
                         INNOCENT + INNOCENT_NINTH + INNOCENT_TENTH + INNOCENT_ELEVENTH + INNOCENT_TWELFTH
                         + INNOCENT_THIRTEENTH + INNOCENT_FOURTEENTH + INNOCENT_FIFTEENTH_CN_VN
                         + INNOCENT_FIFTEENTH_TH_ID_MY + INNOCENT_SIXTEENTH_VN_ID + INNOCENT_SIXTEENTH_CN + INNOCENT_SIXTEENTH_TH_MY_PH)
def test_innocent_use_of_the_same_words_passes(market, text):
    assert claim_findings(text, market) == []


def test_a_post_that_sells_nothing_gets_no_claim_warning():
    # the same symptom words in an ordinary update, not selling: the ad-law claim rules stay quiet
    for market, text in [("cn", "贴了一周膏药，腰疼好多了，明天回去上班"),
                         ("id", "Alhamdulillah asam urat bapak sudah sembuh, makasih doanya"),
                         ("th", "ยายบอกว่ากินผักเยอะๆ ต้อกระจกไม่หายหรอก ต้องผ่าตัดอย่างเดียว"),
                         ("id", "Alhamdulillah kolesterol bapak turun ke 190 mg/dL setelah diet")]:
        assert claim_findings(text, market, commercial=False) == []


def test_the_catalogue_wording_is_a_note_not_a_warning():
    """The 2023 catalogue's own wording without a registration shown: a note for the reviewer to check."""
    import checker
    text = "核桃芝麻粉，辅助改善记忆，考试季必备"
    findings = checker.check_text(text, markets=["cn"], language="zh", commercial=True)
    notes = [f for f in findings if f.rule == "cn.health.catalogue_function"]
    assert [f.severity for f in notes] == ["info"] and notes[0].text == "辅助改善记忆"
    assert not [f for f in findings if f.category == "claim" and f.severity in ("warning", "error")]

