"""Issue 15, session 37: Chinese claims recognised by class, not by one ruling's phrase.

Every text here is written for this test (not copied from a ruling or a real post). The shapes come from the
regulators' lists (广告法 第九、十六、十七、十八、二十四、二十五、二十八条; 化妆品命名指南 一、禁用语;
化妆品分类规则和分类目录; 保健食品功能目录 2023; GB/T 24021 5.3) and each claim row was missed on main before this
pass; the innocent rows use the same words in everyday posts and must stay silent at warning or above.
"""

from __future__ import annotations

import pytest
from claim_shapes import rule_words

import checker


def claim_findings(text: str, commercial: bool | None = True):
    findings = checker.check_text(text, markets=["cn"], language="zh", commercial=commercial)
    return [f for f in findings if f.category == "claim" and f.severity in ("warning", "error")]


# (text, rule that must report it, words the finding must cover)
CLAIMS = [
    ("这款淡斑精华强效祛斑，晚上涂早上看", "cn.claims.efficacy_shapes", "强效祛斑"),
    ("止痒膏瞬间止痒，孩子不哭了", "cn.claims.efficacy_shapes", "瞬间止痒"),
    ("敷完肉眼可见的变白，姐妹们快冲", "cn.claims.efficacy_shapes", "肉眼可见的变白"),
    ("燕麦代餐不瘦退款，三十天见分晓", "cn.claims.efficacy_shapes", "不瘦退款"),
    ("膏药贴当晚见效，第二天就能下地", "cn.claims.efficacy_shapes", "当晚见效"),
    ("这套水乳主打逆转肌龄，五十岁像三十岁", "cn.claims.efficacy_shapes", "逆转肌龄"),
    ("一瓶解决所有肌肤问题，懒人必备", "cn.claims.efficacy_shapes", "解决所有肌肤问题"),
    ("韩式半永久眉做一次管一年", "cn.claims.efficacy_shapes", "做一次管一年"),
    ("颈椎贴好转率高达96%，老顾客回购", "cn.claims.efficacy_rate", "好转率高达96%"),
    ("足疗仪缓解率达到98.5%，全家都能用", "cn.claims.efficacy_rate", "缓解率达到98.5%"),
    ("93%的宝妈都反馈有效，放心给孩子用", "cn.claims.efficacy_rate", "93%的宝妈都反馈有效"),
    ("还在为便秘发愁？每天早上一杯", "cn.health.condition_hook", "还在为便秘发愁"),
    ("常年被脚气困扰的男士看过来", "cn.health.condition_hook", "常年被脚气困扰"),
    ("用了这款洗剂，跟湿疹说再见", "cn.health.condition_hook", "跟湿疹说再见"),
    ("喷两下，咽炎终于有救了", "cn.health.condition_hook", "咽炎终于有救了"),
    ("这款酸枣仁膏治标又治本，睡前一勺", "cn.health.root_cure", "治标又治本"),
    ("老方子熬的膏，彻底断根不复发", "cn.health.root_cure", "彻底断根"),
    ("祖传配方，三个疗程就根治", "cn.health.root_cure", "三个疗程就根治"),
    ("去眼袋眼霜涂了半个月，眼袋都没了", "cn.claims.cosmetic_result", "眼袋都没了"),
    ("刷酸一周，闭口全没了", "cn.claims.cosmetic_result", "闭口全没了"),
    ("燃脂腰带绑了三天腰细了两厘米", "cn.claims.cosmetic_result", "绑了三天腰细了两厘米"),
    ("坚持喝了三个月，血糖现在很平稳", "cn.health.body_result", "血糖现在很平稳"),
    ("这款清肺茶喝完，肺部都干净了", "cn.health.body_result", "肺部都干净了"),
    ("孩子吃了这个钙片，个子长了4厘米", "cn.health.body_result", "个子长了4厘米"),
    ("中老年奶粉喝了半年，免疫力提高了", "cn.health.body_result", "免疫力提高了"),
    ("针灸减肥包瘦，瘦不下来全额退", "cn.claims.result_guarantee", "包瘦"),
    ("祛痘套盒无效不收费，敢承诺", "cn.claims.result_guarantee", "无效不收费"),
    ("增高课程签约长高，家长放心", "cn.claims.result_guarantee", "签约长高"),
    ("这款钙片护士都在吃，给爸妈也买了", "cn.claims.endorsement_shapes", "护士都在吃"),
    ("冠军都在喝的蛋白粉，健身党冲", "cn.claims.endorsement_shapes", "冠军都在喝"),
    ("深海鱼油，欧盟CE认证，品质放心", "cn.claims.endorsement_shapes", "欧盟CE认证"),
    ("我们的蜂蜜荣获国际金奖", "cn.claims.endorsement_shapes", "荣获国际金奖"),
    ("这款药枕从根本上解决多年的失眠，老人睡得香", "cn.health.condition_treatment", "解决多年的失眠"),
    ("草本茶饮不再便秘，早上一杯", "cn.health.condition_treatment", "不再便秘"),
    ("泡脚包排出体内湿毒，一周见效", "cn.health.condition_treatment", "排出体内湿毒"),
    ("咽炎喝这个调理好了，嗓子清爽", "cn.health.condition_result", "咽炎喝这个调理好了"),
    ("艾草足贴，四肢不再冰凉", "cn.health.condition_result", "四肢不再冰凉"),
    ("这款足浴粉不会有任何毒副反应，长辈放心泡", "cn.health.safety_absolute", "不会有任何毒副反应"),
    ("孕妇老人孩子都可以吃，全家共享", "cn.health.safety_absolute", "孕妇老人孩子都可以吃"),
    ("本品纯天然零添加，宝宝辅食首选", "cn.health.safety_absolute", "纯天然零添加"),
    ("薰衣草枕头助眠，睡前放床头", "cn.health.function_claim", "助眠"),
    ("这款精华修复受损细胞，熬夜肌救星", "cn.health.function_claim", "修复受损细胞"),
    ("酵素粉帮助排毒，早上一杯", "cn.health.function_claim", "帮助排毒"),
    ("这款代餐喝完直接掉秤", "cn.health.weight_promise", "喝完直接掉秤"),
    ("这款精华液焕白提亮，熬夜也不怕", "cn.claims.special_use", "焕白"),
    ("生姜洗发水用了两周，掉发少了", "cn.claims.special_use", "掉发少了"),
    ("生姜洗发水让发量翻倍", "cn.claims.special_use", "发量翻倍"),
    ("身体乳涂一周白一个色号", "cn.claims.special_use", "白一个色号"),
    ("这款老字号阿胶登上央视，信得过", "cn.claims.state_endorsement", "登上央视"),
    ("市场监管局推荐的放心大米", "cn.claims.state_endorsement", "市场监管局推荐"),
    ("老品牌中国名牌产品，送礼有面子", "cn.claims.state_endorsement", "中国名牌产品"),
    ("专家团队坐镇研发，专利配方", "cn.health.authority_endorsement", "专家团队坐镇"),
    ("通过第三方权威机构检测，放心用", "cn.health.authority_endorsement", "第三方权威机构检测"),
    ("我们的植发无痕，术后一周就能上班", "cn.health.aesthetic_filler", "植发无痕"),
    ("割双眼皮不留疤，姐妹放心来", "cn.health.aesthetic_filler", "割双眼皮不留疤"),
    ("炸鸡加盟投资小回报高，当月回本", "cn.claims.earnings_amount", "投资小回报高"),
    ("带你在家做副业，轻松实现财务自由", "cn.claims.earnings_amount", "轻松实现财务自由"),
    ("艾灸贴效果赛过理疗，在家就能做", "cn.claims.equivalence", "效果赛过理疗"),
    ("这款黑枸杞花青素含量是蓝莓的20倍", "cn.claims.equivalence", "含量是蓝莓的20倍"),
    ("我们的环保板材零甲醛，装完就能住", "cn.claims.environmental", "零甲醛"),
    ("可降解餐盒，对环境无害，外卖必备", "cn.claims.environmental", "对环境无害"),
    ("这款药膳包专治腿脚不利索，老人吃了有劲", "cn.health.condition_treatment", "专治腿脚不利索"),
    ("这款玉米须茶对高血糖有很好的调节作用", "cn.health.condition_treatment", "对高血糖有很好的调节作用"),
    ("紫葡萄籽胶囊清除体内自由基，熬夜党必备", "cn.health.function_claim", "清除体内自由基"),
    ("这款眼霜促进胶原蛋白再生，细纹不见了", "cn.health.function_claim", "促进胶原蛋白再生"),
    ("速白面霜，素颜出门也亮", "cn.claims.efficacy_shapes", "速白"),
    ("这支眼霜抚平皱纹，年轻十岁不是梦", "cn.claims.cosmetic_result", "抚平皱纹"),
    ("这款红茶曾是王室御用，今天直播特价", "cn.claims.endorsement_shapes", "王室御用"),
    ("国家队首选的运动鞋垫，跑步不累", "cn.claims.endorsement_shapes", "国家队首选"),
    ("这是一款能吃的口红，宝宝舔了也没事", "cn.health.safety_absolute", "能吃的口红"),
    ("硅胶餐垫无毒无害，孩子直接放嘴里", "cn.health.safety_absolute", "无毒无害"),
    ("这款理财有国家兜底，放心买", "cn.claims.earnings_amount", "国家兜底"),
]

INNOCENT = [
    "这学期的变化肉眼可见，孩子自信多了",
    "减肥哪有不瘦退款的，别信那些广告",
    "今年的升学率达到98%，老师们辛苦了",
    "流感发病率达到5%，大家出门戴口罩",
    "失眠困扰了我好久，明天去医院挂个号",
    "病毒退散，大家都平平安安",
    "治理城市拥堵要治标又治本",
    "这病没有一次根治的办法，医生说慢慢调",
    "化了个妆，黑眼圈全没了，遮瑕真好用",
    "坚持跳绳三个月，腰细了两厘米",
    "医生说我血压一直很稳，继续按时吃药",
    "坚持打篮球一个暑假，个子长了5厘米",
    "这家水果保证新鲜，坏了包赔",
    "网上说无效不收费的都是套路，别信",
    "明星同款卫衣今天到货，版型很好",
    "中国队在奥运会决赛夺冠，太燃了",
    "收纳盒买回来，再也不焦虑找不到东西了",
    "新家通风三个月，测了无甲醛才入住",
    "白噪音助眠歌单分享，睡不着的来听",
    "宝宝头发长出来了，软软的好可爱",
    "这家店的价格是隔壁的两倍，太贵了",
    "考了国家认证的营养师证书吗？求经验",
    "今天新闻联播讲了秋收，家乡的稻田好美",
    "这个药有没有副作用？吃之前问问医生",
    "财富自由是什么感觉？评论区聊聊",
    "跑步胜过一切烦恼，今天5公里打卡",
    "这件衣服穿上显瘦，腰线很好看",
    "医生建议多喝水，早点休息",
    "肝不好的时候记得早点睡，少喝酒",
    "孩子容易感冒，明天带去医院看看",
    "洁面泡沫清除黑头和多余油脂",
]


@pytest.mark.parametrize("text, rule, words", CLAIMS)
def test_claim_classes_are_found(text, rule, words):
    found = claim_findings(text)
    hits = [w for r, w in rule_words(found, text) if r == rule]
    assert hits, f"{rule} did not find {words!r} in {text!r}: {[(f.rule, f.text) for f in found]}"
    assert words in hits, hits


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_use_of_the_same_words_passes(text):
    assert claim_findings(text) == [], [(f.rule, f.text) for f in claim_findings(text)]


def test_a_post_that_sells_nothing_gets_no_claim_warning():
    # the same words in an ordinary update that sells nothing: the ad-law claim rules stay quiet
    for text in ["还在为失眠烦恼，今晚试试早点放下手机", "喝了一周姜茶，血糖现在很平稳，医生也放心了",
                 "她真是逆龄生长，二十年没变样"]:
        assert claim_findings(text, commercial=False) == []
