"""Issue 15, session 42: Asian-language claims recognised by their class and form, not by a listed phrase.

Every text here is written for this test (not copied from a ruling or a real post). The classes, in Chinese: a
blemish or hair flaw said to be gone with words between the flaw and the verb (老年斑我都能去掉, 雀斑一次清零, 对白发
有逆转效果); a face or body part slimmed, a flaw's "nemesis" and a fast slim or white result (瘦脸, 双下巴克星, 20分钟
即可变瘦); age turned back (回到十八岁, 冻龄不老); nerves, cells or genes repaired and an organ's "疾" treated
(修复神经元, 调眼疾); an official who tasted or praised the product; "pharmacological effects" of a food; a line that
is only an absolute efficacy word (速效); stars said to use the product; a foreign authority's approval; food sold
as wild; a product called wholly natural. In Vietnamese: a concern erased or the face reshaped, tiredness and poor
appetite relieved, a foreign certificate; in Indonesian: harmlessness stated outright and years taken off; in Thai:
a blemish erased, grey hair turned black, the face slimmed, "100% natural"; in Filipino: the FDA said to certify.
Each claim row was missed on main before this pass; the innocent rows use the same words in everyday posts that
sell, and must stay silent at warning or above. The wording is general knowledge: a native reviewer should check
it.
"""

from __future__ import annotations

from claim_shapes import assert_quiet, shape_tests

# (market, language, text, rule that must report it, words the finding must cover)
CLAIMS = [
    # a flaw gone, words between
    ("cn", "zh", "这款精华，多年的老年斑我都能去掉", "cn.claims.flaw_gone_loose", "老年斑我都能去掉"),
    ("cn", "zh", "祛斑霜到货，雀斑一次清零", "cn.claims.flaw_gone_loose", "雀斑一次清零"),
    ("cn", "zh", "涂了半个月，晒斑一周之内全部消退", "cn.claims.flaw_gone_loose", "晒斑一周之内全部消退"),
    ("cn", "zh", "眼霜用完，眼袋一周明显变小，姐妹们冲", "cn.claims.flaw_gone_loose", "眼袋一周明显变小"),
    ("cn", "zh", "我用了这款精华，脸上的斑我全都能祛掉", "cn.claims.flaw_gone_loose", "斑我全都能祛掉"),
    ("cn", "zh", "#祛斑# 黄褐斑从此不再复发，下单立减", "cn.claims.flaw_gone_loose", "黄褐斑从此不再复发"),
    ("cn", "zh", "黑芝麻丸对少白头有预防作用，今日特价", "cn.claims.flaw_gone_loose", "对少白头有预防作用"),
    # a part slimmed, a nemesis, a fast result
    ("cn", "zh", "紧致精油瘦手臂，夏天穿吊带", "cn.claims.slim_part", "瘦手臂"),
    ("cn", "zh", "热敷贴专瘦肚腩，买二送一", "cn.claims.slim_part", "瘦肚腩"),
    ("cn", "zh", "这支按摩棒是拜拜肉克星，下单包邮", "cn.claims.slim_part", "拜拜肉克星"),
    ("cn", "zh", "新款提拉面膜，15分钟就能变小脸", "cn.claims.slim_part", "15分钟就能变小脸"),
    ("cn", "zh", "精华滚珠，轻松塑造巴掌脸，点击下单", "cn.claims.slim_part", "塑造巴掌脸"),
    # age turned back
    ("cn", "zh", "面霜用一夜，回到十八岁", "cn.claims.age_reversal", "回到十八岁"),
    ("cn", "zh", "燕窝饮让皮肤重回婴儿般细嫩，今日下单", "cn.claims.age_reversal", "重回婴儿般细嫩"),
    ("cn", "zh", "抗老精华，肌肤重返少女态，限时特价", "cn.claims.age_reversal", "重返少女态"),
    ("cn", "zh", "珍珠粉，冻龄不老，买二送一", "cn.claims.age_reversal", "冻龄不老"),
    ("cn", "zh", "喝了这款胶原饮，脸倒退10岁", "cn.claims.age_reversal", "倒退10岁"),
    # nerves, cells, genes, an organ's 疾
    ("cn", "zh", "深海鱼油，修复大脑神经细胞，老人必备", "cn.health.cell_nerve_repair", "修复大脑神经细胞"),
    ("cn", "zh", "这款面霜激活衰老细胞，下单立减", "cn.health.cell_nerve_repair", "激活衰老细胞"),
    ("cn", "zh", "松花粉能修复基因，今天特价", "cn.health.cell_nerve_repair", "修复基因"),
    ("cn", "zh", "黄芪茶调理胃疾，一盒见效", "cn.health.cell_nerve_repair", "调理胃疾"),
    ("cn", "zh", "祖传药酒专治隐疾，私信下单", "cn.health.cell_nerve_repair", "专治隐疾"),
    # an official's praise
    ("cn", "zh", "市委领导品尝后赞不绝口的腊肉，现在下单", "cn.claims.official_praise", "市委领导品尝"),
    ("cn", "zh", "这款茶，县长亲自推荐过，欢迎选购", "cn.claims.official_praise", "县长亲自推荐"),
    ("cn", "zh", "我们的大米得到了省领导的高度评价，包邮到家", "cn.claims.official_praise", "得到了省领导的高度评价"),
    # pharmacological effects of a food
    ("cn", "zh", "灵芝孢子粉的六大药理作用，点击购买", "cn.health.drug_action_food", "六大药理作用"),
    ("cn", "zh", "这款玛咖片具有多种药理作用，今天特价", "cn.health.drug_action_food", "具有多种药理作用"),
    ("cn", "zh", "野生葛根粉药用价值很高，买二送一", "cn.health.drug_action_food", "药用价值很高"),
    # a bare efficacy word as a line
    ("cn", "zh", "新品祛痘膏\n神效\n点击下单", "cn.claims.bare_efficacy_word", "神效"),
    ("cn", "zh", "【全效】", "cn.claims.bare_efficacy_word", "全效"),
    ("cn", "zh", "修复面霜\n药妆\n限时特价", "cn.claims.bare_efficacy_word", "药妆"),
    # stars said to use it
    ("cn", "zh", "这款面霜是明星御用的，今天下单", "cn.claims.celebrity_use", "明星御用"),
    ("cn", "zh", "一线女星都在用的精华，买一送一", "cn.claims.celebrity_use", "一线女星都在用"),
    ("cn", "zh", "好莱坞影后钟爱的身体乳，限时特价", "cn.claims.celebrity_use", "影后钟爱"),
    ("cn", "zh", "超模私藏的身体乳，链接在下面", "cn.claims.celebrity_use", "超模私藏"),
    # a foreign authority or an international body
    ("cn", "zh", "这款酵素经日本厚生省认可，放心吃", "cn.claims.foreign_authority", "日本厚生省认可"),
    ("cn", "zh", "联合国推荐的营养米粉，限时特价", "cn.claims.foreign_authority", "联合国推荐"),
    ("cn", "zh", "德国政府认证的净水壶，下单立减", "cn.claims.foreign_authority", "德国政府认证"),
    ("cn", "zh", "国际奥委会指定的运动饮料，点击购买", "cn.claims.foreign_authority", "国际奥委会指定"),
    # wild origin of a food
    ("cn", "zh", "正宗野生大黄鱼，今天到货，下单包邮", "cn.claims.wild_origin", "正宗野生大黄鱼"),
    ("cn", "zh", "纯野生蜂蜜，深山采集，买二送一", "cn.claims.wild_origin", "纯野生蜂蜜"),
    ("cn", "zh", "长白山野生人参切片，限时特价", "cn.claims.wild_origin", "野生人参"),
    ("cn", "zh", "野生海参礼盒，过年送礼", "cn.claims.wild_origin", "野生海参"),
    # wholly natural
    ("cn", "zh", "这款果汁全天然，孩子放心喝", "cn.claims.natural_total", "全天然"),
    ("cn", "zh", "面霜采用100%天然成分，今日下单", "cn.claims.natural_total", "100%天然"),
    ("cn", "zh", "百分之百天然的洗衣液，买二送一", "cn.claims.natural_total", "百分之百天然"),
    # a cleaning, killing or saving rate
    ("cn", "zh", "新款空气净化器，除醛率高达99%，下单立减", "cn.claims.performance_figure", "除醛率高达99%"),
    ("cn", "zh", "这款消毒湿巾能杀灭99.9%的细菌，买二送一", "cn.claims.performance_figure", "杀灭99.9%的细菌"),
    ("cn", "zh", "车用燃油宝，节油30%，今日特价", "cn.claims.performance_figure", "节油30%"),
    ("cn", "zh", "果蔬清洗机一键除尽农药残留，点击购买", "cn.claims.performance_figure", "除尽农药残留"),
    ("cn", "zh", "变频空调省电一半，以旧换新", "cn.claims.performance_figure", "省电一半"),
    # no risk at all
    ("cn", "zh", "加盟我们奶茶店，零风险，当月回本", "cn.claims.risk_free", "零风险"),
    ("cn", "zh", "这款理财产品没有任何风险，欢迎咨询", "cn.claims.risk_free", "没有任何风险"),
    ("cn", "zh", "跟着老师操作，稳赚不赔", "cn.claims.risk_free", "稳赚不赔"),
    # children's height
    ("cn", "zh", "儿童钙片，补钙长高，买二送一", "cn.health.height_growth", "补钙长高"),
    ("cn", "zh", "这款牛初乳促进青少年长高，今日特价", "cn.health.height_growth", "促进青少年长高"),
    ("cn", "zh", "喝了三个月，长高了5厘米，家长都说好", "cn.health.height_growth", "长高了5厘米"),
    ("cn", "zh", "增高茶限时秒杀", "cn.health.height_growth", "增高茶"),
    # a procedure's recovery promised
    ("cn", "zh", "热玛吉做完无需恢复期，预约立减", "cn.health.procedure_recovery", "做完无需恢复期"),
    ("cn", "zh", "韩式双眼皮，三天消肿，名额有限", "cn.health.procedure_recovery", "三天消肿"),
    ("cn", "zh", "皮秒祛斑，不留疤，今日特价", "cn.health.procedure_recovery", "不留疤"),
    ("cn", "zh", "水光针打完就能化妆，欢迎咨询", "cn.health.procedure_recovery", "打完就能化妆"),
    # score gains
    ("cn", "zh", "一对一辅导，提分30分，报名从速", "cn.claims.score_gain", "提分30分"),
    ("cn", "zh", "暑假数学班，学员平均提高20分", "cn.claims.score_gain", "平均提高20分"),
    ("cn", "zh", "物理冲刺营，暴力提分，名额有限", "cn.claims.score_gain", "暴力提分"),
    # kill, filter, save and celebrities in vi, id, ms, th
    ("vn", "vi", "Nước giặt thảo mộc diệt 99,9% vi khuẩn, mua 2 tặng 1", "vn.claims.performance_figure", "diệt 99,9% vi khuẩn"),
    ("vn", "vi", "Máy lọc nước lọc sạch 99% kim loại nặng, freeship", "vn.claims.performance_figure", "lọc sạch 99% kim loại nặng"),
    ("vn", "vi", "Kem dưỡng hoa hậu tin dùng, inbox shop", "vn.claims.celebrity_use", "hoa hậu tin dùng"),
    ("vn", "vi", "Sữa hạt được hàng triệu mẹ bỉm tin dùng, freeship", "vn.claims.celebrity_use", "hàng triệu mẹ bỉm tin dùng"),
    ("id", "id", "Sabun cuci piring ini membunuh 99,9% kuman, cek keranjang", "id.claims.performance_figure", "membunuh 99,9% kuman"),
    ("id", "id", "Kulkas inverter hemat listrik hingga 30%, checkout sekarang", "id.claims.performance_figure", "hemat listrik hingga 30%"),
    ("id", "id", "Serum ini dipakai artis terkenal, checkout sekarang", "id.claims.celebrity_use", "dipakai artis"),
    ("id", "id", "Susu kambing ini dipercaya jutaan ibu di Indonesia, order ya", "id.claims.celebrity_use", "dipercaya jutaan"),
    ("my", "ms", "Sabun basuh pinggan ni membunuh 99.9% kuman, order sekarang", "my.claims.performance_figure", "membunuh 99.9% kuman"),
    ("my", "ms", "Alat penjimat ni jimat minyak 30%, PM untuk order", "my.claims.performance_figure", "jimat minyak 30%"),
    ("my", "ms", "Serum ni digunakan oleh artis terkenal, order sekarang", "my.claims.celebrity_use", "digunakan oleh artis"),
    ("my", "ms", "Pelakon popular pun guna krim ni, COD ada", "my.claims.celebrity_use", "Pelakon popular pun guna"),
    ("th", "th", "น้ำยาล้างจานฆ่าเชื้อโรคได้ 99.9% สั่งเลย", "th.claims.performance_figure", "ฆ่าเชื้อโรคได้ 99.9%"),
    ("th", "th", "แอร์อินเวอร์เตอร์ประหยัดไฟ 30% ส่งฟรี", "th.claims.performance_figure", "ประหยัดไฟ 30%"),
    ("th", "th", "ครีมตัวนี้ดาราใช้กันเยอะ สั่งเลย", "th.claims.celebrity_use", "ดาราใช้กันเยอะ"),
    ("th", "th", "เซรั่มนางงามเลือกใช้ ส่งฟรี", "th.claims.celebrity_use", "นางงามเลือกใช้"),
    ("cn", "zh", "植物染发膏，纯植物色素，不伤头皮", "cn.claims.natural_total", "纯植物色素"),
    ("cn", "zh", "果蔬清洗机有效去除蔬菜中的农药残留，点击购买", "cn.claims.performance_figure", "有效去除蔬菜中的农药残留"),
    ("cn", "zh", "食材净化器深层分解肉类里的激素，今日特价", "cn.claims.performance_figure", "深层分解肉类里的激素"),
    ("th", "th", "ยาสีฟันสมุนไพร จัดการคราบชา กลิ่นปาก ร้อนใน สั่งเลย", "th.claims.verb_list_condition", "จัดการคราบชา กลิ่นปาก ร้อนใน"),
    ("th", "th", "ชาขิง แก้ท้องอืด ท้องเฟ้อ กรดไหลย้อน ส่งฟรี", "th.claims.verb_list_condition", "แก้ท้องอืด ท้องเฟ้อ กรดไหลย้อน"),
    # Vietnamese: erased or reshaped, everyday complaints, foreign certificates
    ("vn", "vi", "Kem mắt collagen xóa bọng mắt, mua 2 tặng 1", "vn.claims.erase_reshape", "xóa bọng mắt"),
    ("vn", "vi", "Máy massage nâng cơ thon gọn mặt tại nhà, freeship", "vn.claims.erase_reshape", "thon gọn mặt"),
    ("vn", "vi", "Serum này xoá tàn nhang nhanh lắm, inbox shop", "vn.claims.erase_reshape", "xoá tàn nhang"),
    ("vn", "vi", "Đai nóng thu nhỏ vòng eo, đặt hàng ngay", "vn.claims.erase_reshape", "thu nhỏ vòng eo"),
    ("vn", "vi", "Siro thảo dược hỗ trợ ăn ngủ ngon cho cả nhà, đặt ngay", "vn.claims.everyday_complaint", "hỗ trợ ăn ngủ ngon"),
    ("vn", "vi", "Nước yến giúp giảm mệt mỏi sau giờ làm, freeship", "vn.claims.everyday_complaint", "giảm mệt mỏi"),
    ("vn", "vi", "Cốm vi sinh cải thiện biếng ăn cho bé, mua 2 tặng 1", "vn.claims.everyday_complaint", "cải thiện biếng ăn"),
    ("vn", "vi", "Trà hoa cúc đánh bay mất ngủ, inbox shop", "vn.claims.everyday_complaint", "đánh bay mất ngủ"),
    ("vn", "vi", "Viên uống trắng da đạt chứng nhận FDA Hoa Kỳ, yên tâm dùng", "vn.claims.foreign_certificate", "đạt chứng nhận FDA Hoa Kỳ"),
    ("vn", "vi", "Kem chống nắng FDA Mỹ chứng nhận, inbox shop", "vn.claims.foreign_certificate", "FDA Mỹ chứng nhận"),
    ("vn", "vi", "Kem nghệ siêu hiệu quả, inbox shop", "vn.claims.efficacy_intensity", "siêu hiệu quả"),
    ("vn", "vi", "Serum thẩm thấu ngay lập tức, mua 2 tặng 1", "vn.claims.efficacy_intensity", "thẩm thấu ngay lập tức"),
    ("vn", "vi", "Men vi sinh có tác dụng nhanh gấp 3 lần, freeship", "vn.claims.efficacy_intensity", "có tác dụng nhanh gấp 3 lần"),
    ("vn", "vi", "Cao sâm này đúng là tiên dược, đặt ngay", "vn.claims.efficacy_intensity", "tiên dược"),
    ("vn", "vi", "Máy lọc không khí dẫn đầu thị trường năm nay, mua ngay", "vn.claims.rank_lead", "dẫn đầu thị trường"),
    ("vn", "vi", "Son kem top 1 bán chạy, freeship", "vn.claims.rank_lead", "top 1 bán chạy"),
    ("vn", "vi", "Sữa hạt được các nhà khoa học kiểm chứng, đặt hàng ngay", "vn.claims.rank_lead", "được các nhà khoa học kiểm chứng"),
    # Indonesian: harmless, years younger
    ("id", "id", "Krim pemutih ini tidak berbahaya, langsung checkout", "id.claims.harmless_bare", "tidak berbahaya"),
    ("id", "id", "Pewarna rambut herbal, dijamin tidak beracun, order sekarang", "id.claims.harmless_bare", "dijamin tidak beracun"),
    ("id", "id", "Obat nyamuk alami nggak membahayakan, cek keranjang kuning", "id.claims.harmless_bare", "nggak membahayakan"),
    ("id", "id", "Serum kolagen bikin wajah 10 tahun lebih muda, checkout sekarang", "id.claims.age_reversal", "10 tahun lebih muda"),
    ("id", "id", "Minum jamu ini tiap pagi, kulit kembali muda, order ya", "id.claims.age_reversal", "kembali muda"),
    ("id", "id", "Toner ini meresap seketika, checkout sekarang", "id.claims.speed_permanence", "meresap seketika"),
    ("id", "id", "Krim malam, terlihat hasilnya sejak pemakaian pertama, order ya", "id.claims.speed_permanence", "terlihat hasilnya sejak pemakaian pertama"),
    ("id", "id", "Smoothing rambut herbal, hasil permanen, cek keranjang", "id.claims.speed_permanence", "hasil permanen"),
    ("id", "id", "Pelembap ini sudah teruji klinis, checkout sekarang", "id.claims.proof_purity", "teruji klinis"),
    ("id", "id", "Madu hutan diakui para ahli, order ya", "id.claims.proof_purity", "diakui para ahli"),
    ("id", "id", "Sabun bayi bebas bahan kimia, cek keranjang", "id.claims.proof_purity", "bebas bahan kimia"),
    ("my", "ms", "Serum ni meresap serta-merta, order sekarang", "my.claims.speed_permanence", "meresap serta-merta"),
    ("my", "ms", "Krim malam, nampak hasil selepas pemakaian pertama, PM untuk order", "my.claims.speed_permanence", "nampak hasil selepas pemakaian pertama"),
    ("my", "ms", "Rawatan rambut herbal, kesan kekal, COD ada", "my.claims.speed_permanence", "kesan kekal"),
    ("my", "ms", "Pelembap ni dah diuji secara klinikal, order sekarang", "my.claims.proof_purity", "diuji secara klinikal"),
    ("my", "ms", "Sabun bayi tiada bahan kimia, COD ada", "my.claims.proof_purity", "tiada bahan kimia"),
    # Thai: erased, grey hair black, face slimmed, 100% natural
    ("th", "th", "ครีมโสมตัวนี้ลบฝ้าได้จริง สั่งเลย", "th.claims.erase_reshape", "ลบฝ้า"),
    ("th", "th", "แชมพูสมุนไพร ผมหงอกกลับดำ ส่งฟรี", "th.claims.erase_reshape", "ผมหงอกกลับดำ"),
    ("th", "th", "ครีมนวดหน้า ใช้แล้วหน้าเรียว สั่งซื้อได้ที่ร้าน", "th.claims.erase_reshape", "หน้าเรียว"),
    ("th", "th", "เซรั่มลบรอยสิว ลด 50% วันนี้", "th.claims.erase_reshape", "ลบรอยสิว"),
    ("th", "th", "สบู่สมุนไพร ธรรมชาติ 100% สั่งเลย", "th.claims.natural_total", "ธรรมชาติ 100%"),
    ("th", "th", "ครีมกันแดดซึมไวทันที ส่งฟรี", "th.claims.speed_proof", "ซึมไวทันที"),
    ("th", "th", "น้ำมันเหลืองนี้คือยาเทวดา สั่งเลย", "th.claims.speed_proof", "ยาเทวดา"),
    ("th", "th", "วิตามินซีนักวิจัยยืนยัน ลด 20%", "th.claims.speed_proof", "นักวิจัยยืนยัน"),
    # Filipino: the FDA said to certify
    ("ph", "tl", "FDA-certified ang aming kape, add to cart na", "ph.claims.fda_certified_any", "FDA-certified"),
    ("ph", "tl", "Herbal tea namin, may certification ng FDA, PM lang", "ph.claims.fda_certified_any", "may certification ng FDA"),
]

# (market, language, text): the same words in ordinary posts that sell
INNOCENT = [
    ("cn", "zh", "斑斓蛋糕新鲜出炉，今日特价"),
    ("cn", "zh", "卸妆油轻松去掉黑头和彩妆"),
    ("cn", "zh", "这件斑点裙子今天上新，快来看看"),
    ("cn", "zh", "斑马纹抱枕，买二送一"),
    ("cn", "zh", "这条牛仔裤很显瘦，腿看着更长"),
    ("cn", "zh", "精选猪瘦肉，包饺子正好"),
    ("cn", "zh", "30分钟即可送达，下单就发"),
    ("cn", "zh", "修容盘打阴影，脸看起来小一圈"),
    ("cn", "zh", "这首歌一响，仿佛回到十八岁的夏天"),
    ("cn", "zh", "护发精油修复受损发丝，柔顺不毛躁"),
    ("cn", "zh", "修复肌肤屏障的面霜，秋冬必备"),
    ("cn", "zh", "今天公司领导请大家喝奶茶，开心"),
    ("cn", "zh", "我们店长推荐这款蛋糕，限时八折"),
    ("cn", "zh", "中药材鉴别课程第三讲：药用价值与产地"),
    ("cn", "zh", "今天的视频加了特效，好看吗"),
    ("cn", "zh", "明星同款穿搭，这条裙子太好看了"),
    ("cn", "zh", "去韩国留学的签证材料，政府官网可以查"),
    ("cn", "zh", "今天去水库钓鱼，钓到一条野生鲫鱼"),
    ("cn", "zh", "全天然气管道改造完成，明天恢复供气"),
    ("cn", "zh", "果酱添加了30%天然蜂蜜，口感清甜"),
    ("cn", "zh", "今年的节能补贴政策出台了，看看怎么申请"),
    ("cn", "zh", "投资有风险，入市需谨慎"),
    ("cn", "zh", "内增高小白鞋，显高5厘米，今日上新"),
    ("cn", "zh", "学习桌椅可升降，孩子长高也能用"),
    ("cn", "zh", "快递三天就能到，放心下单"),
    ("cn", "zh", "课程时长90分钟，欢迎试听"),
    ("cn", "zh", "纯植物油炒菜更香，五升装今日特价"),
    ("th", "th", "ยาสีฟันสมุนไพร ช่วยลดคราบ ลมหายใจหอมสดชื่น"),
    ("vn", "vi", "Giảm 30% toàn bộ đơn hàng hôm nay, nhanh tay"),
    ("vn", "vi", "Cảnh giác với quảng cáo thuốc tiên trên mạng"),
    ("vn", "vi", "Đội tuyển dẫn đầu giải đấu bóng đá năm nay"),
    ("id", "id", "Diskon hingga 30% untuk semua produk hari ini"),
    ("my", "ms", "Diskaun sehingga 30% untuk semua barang hari ini"),
    ("id", "id", "Tinta spidol ini hasilnya permanen, cocok buat label"),
    ("id", "id", "Pupuk organik tanpa bahan kimia untuk kebun sayur"),
    ("my", "ms", "Baja organik tanpa bahan kimia untuk kebun sayur"),
    ("th", "th", "ลด 50% ทั้งร้าน วันนี้วันเดียว"),
    ("vn", "vi", "Bảng tạo khối giúp thon gọn mặt khi trang điểm"),
    ("vn", "vi", "Xóa ảnh cũ trong điện thoại để giải phóng bộ nhớ"),
    ("vn", "vi", "Ghế sofa êm, ngồi xem phim không thấy mệt mỏi"),
    ("id", "id", "Ular ini tidak berbahaya, jangan dibunuh ya"),
    ("id", "id", "Tidak berbahaya jika dipakai sesuai petunjuk pada label"),
    ("id", "id", "Olahraga rutin bikin kamu merasa kembali muda"),
    ("th", "th", "สอนแต่งหน้าคอนทัวร์ให้หน้าเรียว"),
    ("th", "th", "ลบรูปเก่าในมือถือออกให้หมด"),
    ("th", "th", "ผ้าฝ้ายสีธรรมชาติ ใส่สบาย"),
    ("ph", "tl", "Rehistrado sa FDA, CPR No. FR-4000001234567, order na"),
    ("ph", "tl", "Hindi aprubado ng FDA ang produktong ito, mag-ingat"),
    # mends when the rules landed: face-slimming exercises, a free tasting
    ("cn", "zh", "今天跟着视频做了十分钟瘦脸操，脸好酸"),
    ("cn", "zh", "新口味零风险试吃，不好吃不要钱"),
]


test_claim_is_reported, test_innocent_use_stays_clean = shape_tests(CLAIMS, INNOCENT, assert_quiet)
