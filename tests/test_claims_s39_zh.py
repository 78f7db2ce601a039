"""Issue 15, session 39: Chinese claims recognised by their class and form, not by a listed phrase.

Every text here is written for this test (not copied from a ruling or a real post). The classes: a return promised
for a property or investment buy by its rhythm or form (月月收租, 一铺养三代, 投资自用都是赚; 广告法 第二十五、二十六条),
a stated rate of return, a price bound to rise, a payback, money said to be safe; the other promises a property ad
may not make (户口, 学位, 首付融资, 规划中的设施: 房地产广告发布规定 第十五、十七条); one folk cause said to be the source of all
disease or of cancer (广告法 第十七、二十八条); a procedure's safety and downtime played down (创伤小, 无痛, 第二天就能上班:
广告法 第十六条); fat said to be fought by a food (食品安全法 第七十三条); "非转基因" on a food with no GM variety on the
market; named viruses under a kill verb and a virus kill rate; a product said to be safe to swallow; a person between
a treatment verb and a condition (缓解老人的关节疼痛); a scope before 最 (市场上最轻); a proof said to come from research;
a procedure's result (一次定型, 前后对比); a food named as a medicine (天然降糖药, 肠胃的清道夫); the failed result before a
refund (好不了全额退款); a health effect credited to a technology word (太赫兹理疗); "有机" without certification; a body
state after eating or drinking the product (喝了…不感冒了).
Each claim row was missed by its rule on main before this pass; the innocent rows use the same words in everyday
posts that sell, and must stay silent at warning or above.
"""

from __future__ import annotations

import pytest
from claim_shapes import assert_quiet, assert_reported

# (text, rule that must report it, words the finding must cover)
CLAIMS = [
    # property and investment returns by form
    ("江景小公寓，年年稳收租，首付12万", "cn.claims.property_return_shape", "年年稳收租"),
    ("老街旺铺一铺旺三代，仅剩两间", "cn.claims.property_return_shape", "一铺旺三代"),
    ("这套底商出租自住都是赚，今天来看房", "cn.claims.property_return_shape", "出租自住都是赚"),
    ("核心地段商铺，保值抗跌，欢迎咨询", "cn.claims.property_return_shape", "保值抗跌"),
    ("街角门面投资钱景广阔", "cn.claims.property_return_shape", "钱景"),
    ("临街铺面年租金回报率高达6%，带租约", "cn.finance.return_shape", "年租金回报率高达6%"),
    ("这片的房价只涨不跌，早买早赚", "cn.finance.return_shape", "房价只涨"),
    ("买下这间铺，躺着收租，轻松养老", "cn.finance.return_shape", "躺着收租"),
    ("炸鸡加盟回本快，总部包培训", "cn.finance.return_shape", "回本快"),
    ("平台资金多重保障，稳稳理财", "cn.finance.return_shape", "资金多重保障"),
    ("我们的茶铺子，能养三代人", "cn.finance.return_shape", "铺子，能养三代人"),
    ("炸串店开店就能赚钱，总部送设备", "cn.finance.return_shape", "开店就能赚钱"),
    ("学生党兼职也能赚，日结", "cn.finance.return_shape", "兼职也能赚"),
    # property promises
    ("精装两房，购房即可落户，外地人也能买", "cn.claims.property_promise", "购房即可落户"),
    ("小区业主孩子对口名校，欢迎看房", "cn.claims.property_promise", "对口名校"),
    ("首付可分期，年轻人轻松上车新房", "cn.claims.property_promise", "首付可分期"),
    ("楼盘南边即将建成的三甲医院，看病方便", "cn.claims.property_promise", "即将建成的三甲医院"),
    # folk causation of disease
    ("泡脚包祛寒，要知道湿寒是百病之源", "cn.health.disease_cause", "百病之源"),
    ("万病皆从淤堵起，每天刮一刮", "cn.health.disease_cause", "万病皆从淤堵起"),
    ("结节都是寒湿，喝我们的姜枣茶", "cn.health.disease_cause", "结节都是寒湿"),
    ("体内毒素堆积会导致各种疾病，排毒茶喝起来", "cn.health.disease_cause", "体内毒素堆积会导致各种疾病"),
    # procedure safety and downtime
    ("热玛吉一次做完，痛感几乎为零", "cn.health.procedure_safety", "痛感几乎为零"),
    ("埋线提升零恢复期，午休就能做", "cn.health.procedure_safety", "零恢复期"),
    ("瘦脸针打完，次日就能上班", "cn.health.procedure_safety", "次日就能上班"),
    ("光子嫩肤不留疤，姐妹们放心来", "cn.health.procedure_safety", "不留疤"),
    # fat fought by a product
    ("青汁代餐，甩掉腰上的游泳圈", "cn.health.fat_shape", "甩掉腰上的游泳圈"),
    ("这款黑咖啡专门对付顽固脂肪", "cn.health.fat_shape", "对付顽固脂肪"),
    # non-GMO on a food with no GM variety on the market
    ("农家小磨芝麻油，非转基因，凉拌香", "cn.claims.non_gmo_shape", "芝麻油，非转基因"),
    ("不含转基因的面粉，做馒头更放心", "cn.claims.non_gmo_shape", "不含转基因的面粉"),
    # named viruses and virus kill rates
    ("这款喷雾可以杀灭诺如，宝宝玩具喷一喷", "cn.health.pathogen_claim", "杀灭诺如"),
    ("净化器对甲流病毒清除率达99%", "cn.health.pathogen_claim", "甲流病毒清除率达99%"),
    # safe to swallow
    ("宝宝牙膏可以咽下，不怕孩子吃", "cn.health.safety_absolute", "可以咽下"),
    # a person between the verb and the condition
    ("艾草贴缓解中老年人的腰椎病", "cn.health.condition_treatment", "缓解中老年人的腰椎病"),
    # a scope before 最
    ("这款折叠伞是市场上最轻的，包里随手放", "cn.absolute.rank_shape", "市场上最轻"),
    ("我们的保温杯是全球最耐摔的", "cn.absolute.rank_shape", "全球最耐摔"),
    # a procedure's result
    ("隆鼻手术一次定型，自然不假", "cn.health.procedure_result", "一次定型"),
    ("两次注射后紧致提升，看得见", "cn.health.procedure_result", "两次注射后紧致"),
    ("吸脂前后对比图在主页，欢迎咨询", "cn.health.procedure_result", "前后对比"),
    # a food named as a medicine or an organ's guardian
    ("桑叶茶是天然降糖药，饭后一杯", "cn.health.drug_metaphor", "天然降糖药"),
    ("山楂条是肠胃的清道夫，积食就吃", "cn.health.drug_metaphor", "肠胃的清道夫"),
    # the failed result before a refund
    ("祛痘套装好不了全额退款", "cn.claims.result_guarantee", "好不了全额退款"),
    # a health effect credited to a technology word
    ("太赫兹理疗仪，每天照二十分钟", "cn.health.pseudo_tech", "太赫兹理疗"),
    ("锗石护膝疏通经络，老人冬天戴", "cn.health.pseudo_tech", "锗石护膝疏通经络"),
    # organic without certification
    ("自家种的有机小米，熬粥特别香", "cn.claims.organic_uncertified", "有机小米"),
    # a body state after eating or drinking it
    ("小朋友喝了三个月，不感冒了", "cn.health.body_result", "不感冒了"),
    ("外婆吃完这罐，一觉到天亮", "cn.health.body_result", "一觉到天亮"),
    # heavy metals in the body drawn out, male potency raised
    ("泡脚包排出体内重金属，每晚一包", "cn.health.condition_treatment", "排出体内重金属"),
    ("这款酒提升男性雄风", "cn.health.function_claim", "提升男性雄风"),
    # medicine stopped or replaced
    ("黑豆茶喝了三个月，停药也没事", "cn.health.drug_replacement", "停药也没事"),
    ("糖友吃这款面条，从此不用打胰岛素", "cn.health.drug_replacement", "不用打胰岛素"),
    # a proof from research
    ("大量实验证实这款枕头改善颈椎的作用", "cn.claims.test_proof", "大量实验证实这款枕头改善颈椎的作用"),
]

# The same words in ordinary posts that sell: nothing claimed.
INNOCENT = [
    "房东年年涨租，我们店只好搬到新地方，欢迎老顾客来",
    "过往收益不代表未来表现，理财有风险，投资需谨慎",
    "水果价格今天上涨了，早点来买",
    "家里的存款年化收益率2%，聊胜于无",
    "警惕月月收租的售房套路，买房前看清合同",
    "恭喜女儿考上重点中学，蛋糕在我们店订的",
    "零首付提车，今天到店有礼",
    "地铁线今天开通了，我们店离站口很近，欢迎来坐坐",
    "压力大的时候来杯奶茶，今天第二杯半价",
    "梅雨季湿气重，容易导致衣服发霉，除湿机今天特价",
    "病从口入，我们的餐具每天高温消毒",
    "无痕内裤夏天穿不勒，今天买二送一",
    "激光笔无痛逗猫，猫咪玩得停不下来",
    "做完美甲第二天就能上班，颜色很耐看",
    "这款面膜敷完晚上就可以化妆，很服帖",
    "每天跑步燃烧脂肪，配上我们的运动水壶",
    "告别大象腿的穿搭技巧，显瘦裤子推荐",
    "红烧肉要先把肥肉切掉一点，酱油用我们家的",
    "今天买了五斤大米和一桶花生油，送货上门",
    "口罩对病毒的过滤率达95%，医用外科口罩今天到货",
    "宝宝能吞咽辅食了，蛋黄泥这样做",
    "老人吞咽困难，食物要打成糊，料理机今天特价",
    "祝世界上最好的妈妈生日快乐，蛋糕在我们店订的",
    "被家人理解是世界上最大的幸福",
    "这件羽绒服是市场上最轻的款之一吗？",
    "老师说实验证明了这个猜想，教辅书今天特价",
    "做完手术恢复得快不快要看个人体质，遵医嘱",
    "手机壳三重保障，防摔防刮",
    "降压药千万不要擅自停药，要遵医嘱，药盒今天特价",
    "这款手机用了石墨烯散热，打游戏不烫",
    "量子力学入门书今天打折",
    "种菜用有机肥，菜长得好，欢迎来农场采摘",
    "下次有机会来店里坐坐",
    "净水器去除水中重金属，喝着放心",
    "孩子最近个子蹭蹭长，童装换季特价",
    "新年快乐，祝大家早日财富自由，年货今天特价",
    "跟着我做，就能做出好吃的蛋糕，模具链接在下面",
    "吃完这碗面，精神十足去上班，面馆今天开业",
    "全店支持分期付款，首付两成，家电以旧换新",
    "磁疗是否有用？听听医生怎么说",
    "发型效果不满意免费重做，欢迎预约",
    "买了没用退款了，客服态度很好",
    "第一次手术后恢复得很好，感谢医生",
    "扫地机器人是家里的清洁工，今天特价",
    "医生开的降压药按时吃，药盒今天特价",
]


@pytest.mark.parametrize(("text", "rule", "span"), CLAIMS)
def test_claim_is_reported(text, rule, span):
    assert_reported(text, "cn", rule, span, "zh")


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_use_stays_clean(text):
    assert_quiet(text, "cn", "zh")
