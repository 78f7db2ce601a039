"""Word-aware matching of Chinese and Thai terms (checker/segment.py): a hit inside a longer word is
not the term; the segmenters load only when a hit needs them."""

import subprocess
import sys

import pytest

import checker
from checker import segment


def rules_found(text, market):
    return {f.rule for f in checker.check_text(text, markets=[market], commercial=True)}


def test_zh_ordinal_inside_a_word_is_no_first_claim():
    # 第一笔 ("the first (pay)") is one word to jieba: the ordinal, not a "number one" claim
    assert "cn.absolute.first_only" not in rules_found("女儿拿到了人生中的第一笔工资，请爸妈吃了顿饭", "cn")
    assert "cn.absolute.first_only" in rules_found("我家的面霜是第一品牌，快来下单", "cn")


def test_zh_veto_keeps_a_term_that_cuts_across_words():
    # 最好 in 最|好吃 crosses a word edge: kept (only a hit inside one longer word is vetoed)
    assert segment.keeps("zh", "这家店的面最好吃", 5, 7)
    assert not segment.keeps("zh", "第一笔工资", 0, 2)


def test_zh_pack_can_let_a_term_match_inside_a_word():
    # jieba reads 加微信 as one word; the rule says its terms match inside words
    found = checker.check_text("想要的宝宝加微信下单，私发优惠", markets=["cn"], commercial=True)
    assert any(f.rule == "global.offplatform.messaging_app" for f in found)


def test_th_terms_match_whole_words():
    # ดื่ม ("drink") inside เครื่องดื่ม ("beverage") is not a word of its own
    assert not segment.keeps("th", "ร้านนี้มีเครื่องดื่มเย็น", 16, 20)
    assert segment.keeps("th", "ไปดื่มกันไหม", 2, 6)
    # a cure claim about the product stays; a clinical guideline's compound does not make one
    # (th.claims.cure and the structural th.claims.condition_treatment both read it; one finding is kept)
    cure = {"th.claims.cure", "th.claims.condition_treatment"}
    assert cure & rules_found("ครีมนี้รักษามะเร็งได้ สั่งเลย", "th")
    assert not cure & rules_found("คู่มือแนวทางการรักษาโรคมะเร็งสำหรับแพทย์", "th")


def test_th_edges_next_to_other_scripts_are_word_edges():
    text = "ลด50%ทันที"
    assert segment.keeps("th", text, 0, 2)
    assert segment.keeps("th", "abc", 0, 3)  # no Thai: nothing to check


@pytest.mark.parametrize("text, market, module", [
    ("Best serum ever, link in bio", "us", "rjieba"),
    ("今天的早餐很普通", "cn", "rjieba"),
    ("วันนี้อากาศดีมาก", "th", "nlpo3"),
])
def test_segmenters_load_only_for_a_hit_that_needs_them(text, market, module):
    code = (f"import sys, checker; checker.check_text({text!r}, markets=[{market!r}], commercial=True); "
            f"print({module!r} in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_hit_loads_the_segmenter_of_its_language_only():
    code = ("import sys, checker; checker.check_text('这款面霜是第一品牌，快来下单', markets=['cn'], commercial=True); "
            "print('rjieba' in sys.modules, 'nlpo3' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]
