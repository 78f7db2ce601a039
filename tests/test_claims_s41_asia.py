"""Issue 15, session 41: Asian-language claims recognised by their class and form, not by a listed phrase.

Every text here is written for this test (not copied from a ruling or a real post). The classes, in Chinese:
a live-stream testimonial of weight lost with a number (瘦了6斤, 从140斤瘦到115斤) or of an inner function better
after use (喝了半个月消化好多了); a result said never to come back (不会反弹); use equated to a count of workouts;
a product said to be safe for babies, pregnant women or patients; a training ad's teachers from elite schools,
famous experts as endorsers, exam scores and passes promised (中考包分, 保底600分), students' results counted;
investment returns promised (零风险高回报, 一个月翻倍, 年化15%); reviews counted or spoken for (2000多位家长五星好评,
买过的都说好); a procedure said to be painless; a flaw or a body measure changed by a share (斑淡了一半); a state
body said to approve or support a product. In Thai, Malay, Indonesian and Vietnamese: weight loss as a range of
kilos, reviews counted, exam passes guaranteed, investments without risk, a result that never comes back, and a
beauty procedure said to be painless (Vietnamese).
Each claim row was missed on main before this pass; the innocent rows use the same words in everyday posts
that sell, and must stay silent at warning or above. The wording is general knowledge: a native reviewer should
check it.
"""

from __future__ import annotations

from claim_shapes import assert_quiet, shape_tests

# (market, language, text, rule that must report it, words the finding must cover)
CLAIMS = [
    # testimonials with numbers, inner functions better, no rebound
    ("cn", "zh", "家人们，我天天宵夜还掉了8斤，就喝了两盒", "cn.health.shape_weight_result", "掉了8斤"),
    ("cn", "zh", "试了好多方法都没用，吃了这个足足瘦12斤", "cn.health.shape_weight_result", "足足瘦12斤"),
    ("cn", "zh", "我妈从150斤减到128斤，全靠这款代餐粉", "cn.health.shape_weight_result", "从150斤减到128斤"),
    ("cn", "zh", "连喝三盒，硬是瘦下来11斤", "cn.health.shape_weight_result", "硬是瘦下来11斤"),
    ("cn", "zh", "连续喝了一个月的酵素，胃口比以前好多了", "cn.health.shape_body_better", "胃口比以前好多了"),
    ("cn", "zh", "老公吃了两个月，肝功能好转了", "cn.health.shape_body_better", "肝功能好转了"),
    ("cn", "zh", "泡了两周脚，每天都能正常排便了", "cn.health.shape_body_better", "每天都能正常排便了"),
    ("cn", "zh", "停了以后也没有反弹，真的绝了", "cn.health.shape_no_rebound", "没有反弹"),
    ("cn", "zh", "腰围下来了，而且不会胖回来", "cn.health.shape_no_rebound", "不会胖回来"),
    ("cn", "zh", "敷完这一盒，就不会再复发了", "cn.health.shape_no_rebound", "不会再复发"),
    ("cn", "zh", "腰带一开，替你做五千个仰卧起坐", "cn.claims.shape_exercise_equivalence", "替你做五千个仰卧起坐"),
    ("cn", "zh", "贴上它，相当于慢跑3公里", "cn.claims.shape_exercise_equivalence", "相当于慢跑3公里"),
    # safe for the vulnerable
    ("cn", "zh", "这款口红哺乳期也能放心涂", "cn.health.shape_safe_groups", "哺乳期也能放心涂"),
    ("cn", "zh", "婴幼儿、老人都能用的驱蚊喷雾", "cn.health.shape_safe_groups", "婴幼儿、老人都能用"),
    # training ads: teachers, experts, promises, results
    ("cn", "zh", "全部老师均毕业于双一流高校，报名从速", "cn.claims.shape_teacher_elite", "老师均毕业于双一流"),
    ("cn", "zh", "秋季班开课，985硕士老师一对一", "cn.claims.shape_teacher_elite", "985硕士老师一对一"),
    ("cn", "zh", "名师均为一线特级教师，欢迎试听", "cn.claims.shape_teacher_elite", "名师均为一线特级教师"),
    ("cn", "zh", "每学期特邀国内著名钢琴家来校指导", "cn.claims.shape_expert_name", "著名钢琴家"),
    ("cn", "zh", "这款精华由北大教授亲自研发", "cn.claims.shape_expert_name", "北大教授亲自研发"),
    ("cn", "zh", "本课程由知名心理学专家领衔", "cn.claims.shape_expert_name", "知名心理学专家"),
    ("cn", "zh", "考研包分冲刺营火热招生中", "cn.claims.shape_exam_promise", "考研包分"),
    ("cn", "zh", "高三全托，保底600分", "cn.claims.shape_exam_promise", "保底600分"),
    ("cn", "zh", "一对一辅导，保证每科提高15分", "cn.claims.shape_exam_promise", "保证每科提高15分"),
    ("cn", "zh", "零基础保证两个月过六级", "cn.claims.shape_exam_promise", "保证两个月过六级"),
    ("cn", "zh", "驾校报名，拿证后再交费", "cn.claims.shape_exam_promise", "拿证后再交费"),
    ("cn", "zh", "刘老师五年带出过8个状元", "cn.claims.shape_student_result", "带出过8个状元"),
    ("cn", "zh", "去年有40名学员考上985，今年继续", "cn.claims.shape_student_result", "40名学员考上985"),
    ("cn", "zh", "暑期班学员平均提分60分", "cn.claims.shape_student_result", "学员平均提分60分"),
    # investment
    ("cn", "zh", "跟着我们的节奏，两个月翻倍", "cn.finance.shape_risk_return", "两个月翻倍"),
    ("cn", "zh", "这支基金没有风险，回报稳定", "cn.finance.shape_risk_return", "没有风险，回报"),
    ("cn", "zh", "新品理财，年化12%，随存随取", "cn.finance.shape_risk_return", "年化12%"),
    ("cn", "zh", "投5万，一年后拿回8万", "cn.finance.shape_risk_return", "投5万，一年后拿回8万"),
    ("cn", "zh", "国企背景，零风险，欢迎咨询", "cn.finance.shape_risk_return", "国企背景，零风险"),
    # reviews and customers' words
    ("cn", "zh", "上线半年，5000多位宝妈给了好评", "cn.claims.shape_review_count", "5000多位宝妈给了好评"),
    ("cn", "zh", "这款洗发水口碑好评如潮", "cn.claims.shape_review_count", "好评如潮"),
    ("cn", "zh", "用过的都说好，赶紧囤", "cn.claims.shape_customer_says", "用过的都说好"),
    ("cn", "zh", "老客户反馈吃了两盒睡眠改善了", "cn.claims.shape_customer_says", "老客户反馈吃了两盒睡眠改善了"),
    ("cn", "zh", "评论区都是真实买家的反馈，放心下单", "cn.claims.shape_customer_says", "真实买家的反馈"),
    ("cn", "zh", "这些都是学员晒出的前后对比", "cn.claims.shape_customer_says", "学员晒出的前后对比"),
    # painless procedures, shares of change, state approval
    ("cn", "zh", "整个过程医生手法很轻，几乎没感觉", "cn.health.shape_painless", "几乎没感觉"),
    ("cn", "zh", "热玛吉做完一点也不疼，姐妹们冲", "cn.health.shape_painless", "一点也不疼"),
    ("cn", "zh", "坚持涂了一个月，痘印少了一大半", "cn.health.shape_change_fraction", "痘印少了一大半"),
    ("cn", "zh", "喝了两周，血糖从9.5降到6.2", "cn.health.shape_change_fraction", "血糖从9.5降到6.2"),
    ("cn", "zh", "这款酒是省政府重点扶持的品牌", "cn.claims.shape_state_approval", "省政府重点扶持的品牌"),
    ("cn", "zh", "老工艺，国家博物馆收藏", "cn.claims.shape_state_approval", "国家博物馆收藏"),
    # a user's health story, patients addressed, business income, competitors beaten
    ("cn", "zh", "我家老人喝了两个月，走路不用拄拐了", "cn.health.shape_use_then_change", "不用拄拐了"),
    ("cn", "zh", "女儿吃了以后，个子长了不少", "cn.health.shape_use_then_change", "个子长了"),
    ("cn", "zh", "我自己在吃，亲测有效，推荐给大家", "cn.health.shape_use_then_change", "亲测有效"),
    ("cn", "zh", "这款米糊对结肠炎患者有帮助", "cn.health.shape_patient_benefit", "结肠炎患者有帮助"),
    ("cn", "zh", "哮喘的人可以多喝这款梨膏", "cn.health.shape_patient_benefit", "哮喘的人可以多喝"),
    ("cn", "zh", "加盟奶茶店，单月利润轻松破5万", "cn.claims.shape_business_income", "单月利润轻松破5万"),
    ("cn", "zh", "烧烤车加盟，开业首月就回本", "cn.claims.shape_business_income", "开业首月就回本"),
    ("cn", "zh", "这款气垫完胜专柜，持妆一整天", "cn.claims.shape_competitor_beaten", "完胜专柜"),
    ("cn", "zh", "比普通面膜补水效果好5倍", "cn.claims.shape_competitor_beaten", "比普通面膜补水效果好5倍"),
    # traditional script reads as simplified
    ("cn", "zh", "喝了你們家的茶，成功瘦了18斤", "cn.health.shape_weight_result", "成功瘦了18斤"),
    ("cn", "zh", "主講老師全部來自清華北大", "cn.claims.shape_teacher_elite", "老師全部來自清華"),
    # Thai
    ("th", "th", "ผงชงตัวนี้ ลดน้ำหนักได้ 4-8 กก. ในเดือนแรก", "th.claims.shape_weight_span", "ลดน้ำหนักได้ 4-8 กก."),
    ("th", "th", "ทานต่อเนื่อง ลดได้กว่า 3 โลต่อเดือน", "th.claims.shape_weight_span", "ลดได้กว่า 3 โลต่อเดือน"),
    ("th", "th", "ลูกค้ามากกว่า 1000 คนให้ 5 ดาว ของแท้แน่นอน", "th.claims.shape_review_count", "ลูกค้ามากกว่า 1000 คนให้ 5 ดาว"),
    ("th", "th", "คอร์สติวเข้ม การันตีสอบผ่าน ทุกวิชา", "th.claims.shape_exam_guarantee", "การันตีสอบผ่าน"),
    ("th", "th", "เทรดกับเรา ไม่มีขาดทุน ถอนได้ทุกวัน", "th.claims.shape_risk_return", "ไม่มีขาดทุน"),
    ("th", "th", "ลงทุนวันนี้ การันตีผลตอบแทน ทุกเดือน", "th.claims.shape_risk_return", "การันตีผลตอบแทน"),
    ("th", "th", "นมผงสูตรนี้ แนะนำโดยนักโภชนาการ ทานได้ทุกวัน", "th.claims.shape_expert_vouch", "แนะนำโดยนักโภชนาการ"),
    ("th", "th", "คุณหมอคลินิกดังการันตี ใช้ดีจริง", "th.claims.shape_expert_vouch", "คุณหมอคลินิกดังการันตี"),
    # Indonesian
    ("id", "id", "Lebih dari 2000 pelanggan kasih bintang 5 untuk serum ini", "id.claims.shape_review_count", "2000 pelanggan kasih bintang 5"),
    ("id", "id", "Diet pakai jamu ini bebas efek yoyo, dijamin", "id.claims.shape_no_rebound", "bebas efek yoyo"),
    ("id", "id", "Bimbel kami garansi lolos PTN favorit", "id.claims.shape_exam_guarantee", "garansi lolos PTN"),
    # Malay
    ("my", "ms", "Sudah ratusan testimoni dari pelanggan seluruh negara", "my.claims.shape_review_count", "ratusan testimoni"),
    ("my", "ms", "Kelas intensif, dijamin lulus SPM", "my.claims.shape_exam_guarantee", "dijamin lulus SPM"),
    ("my", "ms", "Pelaburan ini modal dijamin selamat, untung setiap bulan", "my.claims.shape_risk_return", "modal dijamin selamat"),
    # Vietnamese
    ("vn", "vi", "Phun môi công nghệ mới không đau, lên màu đẹp", "vn.claims.shape_procedure_painless", "Phun môi công nghệ mới không đau"),
    ("vn", "vi", "Trên 5000 khách hàng đánh giá 5 sao cho kem này", "vn.claims.shape_review_count", "5000 khách hàng đánh giá 5 sao"),
    ("vn", "vi", "Khóa luyện thi cam kết đỗ 100%", "vn.claims.shape_exam_guarantee", "cam kết đỗ"),
    ("vn", "vi", "Trà giảm cân thảo mộc, không lo béo lại", "vn.claims.shape_no_rebound", "không lo béo lại"),
    ("vn", "vi", "Viên uống được giáo sư đầu ngành xác nhận hiệu quả", "vn.claims.shape_expert_vouch", "giáo sư đầu ngành xác nhận"),
]

# The same words in ordinary posts that sell: nothing claimed.
INNOCENT = [
    ("cn", "zh", "今年目标瘦了10斤就去拍婚纱照，健身卡办起来"),
    ("cn", "zh", "满299减30，店庆三天"),
    ("cn", "zh", "喝了杯热咖啡，精神好多了，开工"),
    ("cn", "zh", "猪肉价格不会反弹了，年货趁早买"),
    ("cn", "zh", "新款乳胶枕，回弹快，不塌陷"),
    ("cn", "zh", "瑜伽垫加厚款，做仰卧起坐不硌背"),
    ("cn", "zh", "孕妇可以喝咖啡吗？评论区聊聊"),
    ("cn", "zh", "这款婴儿推车宝宝和妈妈都可以用，一键折叠"),
    ("cn", "zh", "诚聘英语老师，要求211毕业，薪资面议"),
    ("cn", "zh", "周末去看了著名画家的画展，很震撼"),
    ("cn", "zh", "红包分享给大家，新年快乐"),
    ("cn", "zh", "菜价一个月翻倍了，生活不易"),
    ("cn", "zh", "投资有风险，入市需谨慎，本金可能亏损"),
    ("cn", "zh", "收到货满意的话，麻烦给个五星好评哦"),
    ("cn", "zh", "买过的都说好吃，今天再上一批"),
    ("cn", "zh", "顾客反馈物流很快，包装很用心"),
    ("cn", "zh", "这双鞋走了一天，全程脚一点都不疼"),
    ("cn", "zh", "今天头发剪短了一半，清爽"),
    ("cn", "zh", "国药准字批准文号可在官网查询"),
    ("cn", "zh", "恭喜儿子从60分考到了90分，全靠自己努力"),
    ("cn", "zh", "吃了顿火锅，肚子饱饱的，开心"),
    ("cn", "zh", "公益活动：为白血病患者募捐，感谢大家"),
    ("cn", "zh", "公司年报显示营收同比增长8%"),
    ("cn", "zh", "今晚八点限时秒杀，大牌同款五折"),
    ("cn", "zh", "家里的存款年化收益率2%，聊胜于无"),
    ("th", "th", "ข้าวสาร 5-10 กก. ลดราคา 20 บาท วันนี้เท่านั้น"),
    ("th", "th", "อย่าลืมให้ 5 ดาวนะคะถ้าพอใจ"),
    ("th", "th", "ขอให้น้องๆ สอบผ่านทุกคนนะคะ"),
    ("th", "th", "การลงทุนมีความเสี่ยง ผู้ลงทุนควรศึกษาข้อมูลก่อนตัดสินใจ"),
    ("id", "id", "Jangan lupa kasih bintang 5 ya kak kalau puas"),
    ("id", "id", "Harga tidak akan naik lagi sampai akhir bulan"),
    ("id", "id", "Garansi uang kembali jika barang rusak saat diterima"),
    ("my", "ms", "Pakej hotel 5 bintang di Langkawi, tempah sekarang"),
    ("my", "ms", "Semoga semua calon lulus SPM dengan cemerlang"),
    ("vn", "vi", "Mọi người ơi phun môi có đau không ạ?"),
    ("vn", "vi", "Khách sạn 5 sao giá tốt ở Đà Nẵng"),
    ("vn", "vi", "Chúc các em thi đỗ đại học như mong muốn"),
    ("vn", "vi", "Đồ chơi yoyo cho bé, giá 20k"),
    ("th", "th", "ควรปรึกษาแพทย์ก่อนใช้ทุกครั้งนะคะ"),
    ("vn", "vi", "Hãy hỏi ý kiến bác sĩ trước khi dùng"),
]


test_claim_is_reported, test_innocent_use_stays_clean = shape_tests(CLAIMS, INNOCENT, assert_quiet)
