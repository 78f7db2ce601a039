"""Issue 15, session 40: Asian-language claims recognised by their class and form, not by a listed phrase.

Every text here is written for this test (not copied from a ruling or a real post). The classes: a face or figure
structure said to have changed (苹果肌复位, 脸小了一圈); a product said to give off ions or infrared; a training result
promised (保证考上, 成绩突飞猛进, 考不上退费: 广告法 第二十四条); a refund tied to a failed effect and other efficacy
guarantees; beauty from something eaten (口服美白, 抗糖化, a list of skin flaws); a product offered to people with a
disease (zh, th, vi, id, ms); a treating verb and a condition with words between them; efficacy praise on its own
(效果显著, 吃了就见效); a child said to grow taller or smarter; Thai detox and a figure flaw gone by a date; Vietnamese
enlargement claims and English efficacy praise in a Vietnamese post; Malay guarantees, authority approval and the
words a food label may carry only on conditions (Food Regulations 1985 reg. 18).
Each claim row was missed by its rule on main before this pass; the innocent rows use the same words in everyday
posts that sell, and must stay silent at warning or above.
"""

from __future__ import annotations

from claim_shapes import assert_quiet, shape_tests

# (market, language, text, rule that must report it, words the finding must cover)
CLAIMS = [
    # face and figure structures changed
    ("cn", "zh", "打完两针，下颌线收紧了，双下巴不见了", "cn.health.shape_face_result", "双下巴不见了"),
    ("cn", "zh", "做了三次，泪沟改善明显", "cn.health.shape_face_result", "泪沟改善明显"),
    ("cn", "zh", "这个项目能复位苹果肌，显年轻", "cn.health.shape_face_result", "复位苹果肌"),
    ("cn", "zh", "一个月下来方脸变鹅蛋脸", "cn.health.shape_face_result", "方脸变鹅蛋脸"),
    # emissions
    ("cn", "zh", "这条磁疗腰带可以释放出大量负离子", "cn.health.shape_emission", "释放出大量负离子"),
    ("cn", "zh", "托玛琳床垫持续发射远红外", "cn.health.shape_emission", "发射远红外"),
    # training results
    ("cn", "zh", "暑期班确保学员考进名校", "cn.claims.shape_training_result", "确保学员考进名校"),
    ("cn", "zh", "物理冲刺营，分数直线上升", "cn.claims.shape_training_result", "分数直线上升"),
    ("cn", "zh", "会计实操班，结业即月薪过万", "cn.claims.shape_training_result", "结业即月薪过万"),
    ("cn", "zh", "雅思课程，没上岸全额退费", "cn.claims.shape_training_result", "没上岸全额退费"),
    ("cn", "zh", "教资面试课上岸率高达95%", "cn.claims.shape_training_result", "上岸率高达95%"),
    ("cn", "zh", "专升本辅导，未通过考试退还全部学费", "cn.claims.shape_training_result", "未通过考试退还"),
    ("cn", "zh", "中考冲刺签约保分，名额有限", "cn.claims.shape_training_result", "签约保分"),
    # failed effect refunded, effect guaranteed
    ("cn", "zh", "祛痘膏不见效全额退款", "cn.claims.shape_result_refund", "不见效全额退款"),
    ("cn", "zh", "这款生发液包生发，放心买", "cn.claims.shape_result_refund", "包生发"),
    ("cn", "zh", "坚持喝一个月，一定能怀上", "cn.claims.shape_result_refund", "一定能怀上"),
    # beauty from food
    ("cn", "zh", "燕窝饮品，由内而外养颜", "cn.health.shape_oral_beauty", "由内而外养颜"),
    ("cn", "zh", "针对熬夜蜡黄、毛孔粗大、细纹的固体饮料", "cn.health.shape_oral_beauty", "熬夜蜡黄、毛孔粗大、细纹"),
    # products for patients
    ("cn", "zh", "低糖月饼，血糖高的病人也能吃", "cn.health.shape_patient_use", "血糖高的病人也能吃"),
    ("cn", "zh", "这款杂粮粉专为痛风患者设计", "cn.health.shape_patient_use", "专为痛风患者"),
    ("cn", "zh", "低钠酱油，高血压人群首选", "cn.health.shape_patient_use", "高血压人群首选"),
    ("th", "th", "น้ำพริกสูตรนี้ เหมาะสำหรับผู้ป่วยเบาหวาน", "th.claims.shape_patient_use", "เหมาะสำหรับผู้ป่วย"),
    ("vn", "vi", "Sữa hạt này an toàn cho người mắc tiểu đường", "vn.claims.shape_patient_use", "an toàn cho người mắc"),
    ("id", "id", "Madu ini baik untuk penderita maag", "id.claims.shape_patient_use", "baik untuk penderita"),
    ("my", "ms", "Kopi herba ni elok untuk pesakit gastrik", "my.claims.shape_patient_use", "elok untuk pesakit"),
    # a treating verb and a condition with words between
    ("cn", "zh", "艾草贴，改善久坐带来的腰椎间盘突出", "cn.health.shape_condition_span", "改善久坐带来的腰椎间盘突出"),
    ("cn", "zh", "奶奶喝了两个月，血糖都降下来了", "cn.health.shape_condition_span", "血糖都降下来了"),
    # a benefit to an organ or a condition
    ("cn", "zh", "酸枣仁膏对失眠很有帮助", "cn.health.shape_benefit_frame", "对失眠很有帮助"),
    ("cn", "zh", "这款按摩椅具有养生功效", "cn.health.shape_benefit_frame", "具有养生功效"),
    # efficacy praise
    ("cn", "zh", "这个草本膏药功效惊人", "cn.claims.shape_efficacy_praise", "功效惊人"),
    ("cn", "zh", "酵素喝完就见效", "cn.claims.shape_efficacy_praise", "喝完就见效"),
    # children's growth
    ("cn", "zh", "牛初乳帮助宝宝少生病", "cn.health.shape_child_growth", "帮助宝宝少生病"),
    # a child urged to get a parent to buy
    ("cn", "zh", "同学们，赶紧告诉爸妈给你报名", "cn.claims.shape_minor_pester", "赶紧告诉爸妈给你报名"),
    # Thai detox and figure
    ("th", "th", "ชาเขียวสูตรพิเศษ ช่วยล้างสารพิษในลำไส้", "th.claims.shape_detox", "ล้างสารพิษ"),
    ("th", "th", "ครีมกระชับสัดส่วน ต้นแขนเล็กลงภายใน 14 วัน", "th.claims.shape_figure_gone", "ต้นแขนเล็กลงภายใน 14 วัน"),
    # Vietnamese enlargement, English praise in a Vietnamese post
    ("vn", "vi", "Serum thảo dược làm to vòng 3 sau một liệu trình", "vn.claims.shape_enlarge", "làm to vòng 3"),
    ("vn", "en", "Our herbal drops bring fast relief for tired joints", "vn.claims.shape_praise_en", "fast relief"),
    # Malay guarantees, authority, label words
    ("my", "ms", "Krim ni gerenti cerah kalau guna seminggu", "my.claims.shape_guarantee", "gerenti cerah"),
    ("my", "ms", "Takde hasil? Duit dipulangkan penuh", "my.claims.shape_guarantee", "Takde hasil? Duit dipulangkan"),
    ("my", "en", "Slimming coffee, no results no pay", "my.claims.shape_guarantee", "no results no pay"),
    ("my", "ms", "Ubat herba ni disyorkan oleh kerajaan", "my.claims.shape_authority", "disyorkan oleh kerajaan"),
    ("my", "ms", "Susu kambing segar tulen dari ladang kami", "my.claims.food_label_words", "kambing segar tulen"),
    ("my", "ms", "Beras perang organik, sekilo RM12", "my.claims.food_label_words", "Beras perang organik"),
]

# The same words in ordinary posts that sell: nothing claimed.
INNOCENT = [
    ("cn", "zh", "这款粉底修容后看起来脸小了一圈"),
    ("cn", "zh", "今天天气好，去森林公园呼吸负氧离子，门票半价"),
    ("cn", "zh", "恭喜学员考上理想的大学，报名咨询新学期课程"),
    ("cn", "zh", "书包七天无理由退货，不满意退款"),
    ("cn", "zh", "衣服很好看，不过退款要等三天，客服说会处理"),
    ("cn", "zh", "这款口红妆效好，颜色显白"),
    ("cn", "zh", "高血压患者请遵医嘱用药，药盒今天特价"),
    ("cn", "zh", "改善家里的收纳，从这个柜子开始"),
    ("cn", "zh", "每天喝水对身体有好处，水杯今天特价"),
    ("cn", "zh", "量血压前要静坐五分钟，血压计今天特价"),
    ("cn", "zh", "别让爸爸妈妈给你买太多零食，健康最重要，水果今天特价"),
    ("cn", "zh", "这款空调制冷效果显著，夏天必备"),
    ("cn", "zh", "孩子长高了，去年的羽绒服穿不下，今天上新"),
    ("th", "th", "ผู้ป่วยเบาหวานควรปรึกษาแพทย์ก่อนทานอาหารเสริม"),
    ("th", "th", "น้ำยาล้างผักผลไม้ ขจัดสารพิษตกค้าง ขวดละ 59 บาท"),
    ("vn", "vi", "Áo thun tăng size cho người mập, đủ màu"),
    ("vn", "en", "Fast delivery and quick response, order today"),
    ("id", "id", "Sepatu lari ini cocok untuk pemula"),
    ("my", "ms", "Barang rosak? Wang dikembalikan penuh, jangan risau"),
    ("my", "en", "No receipt, no refund for sale items"),
    ("my", "ms", "Emas tulen 999, harga terkini di kedai kami"),
    ("my", "ms", "Baja organik untuk sayur, RM10 sebungkus"),
    ("my", "ms", "Program derma darah anjuran Kementerian Kesihatan hujung minggu ini"),
]


test_claim_is_reported, test_innocent_use_stays_clean = shape_tests(CLAIMS, INNOCENT, assert_quiet)
