"""Issue 15, session 38: Thai claims recognised by their structure (rules/th/claims_structure.yaml): a
condition named with a Thai head word (โรค…, อาการ…, ภาวะ…, ปวด…, ไข้…, …อักเสบ) with a treating verb
before it or a "gone" result after it, a nourishing or boosting verb before an organ or a ระบบ… body system,
efficacy asserted as certain, absolute freedom from chemicals or side effects, and a serving said to equal
eating other foods. Every text is written for this test (not copied from a ruling or a real post); each claim
text got no claim finding on main before this session. The innocent texts use the same words in ordinary
posts that sell and must stay silent at warning or above."""

from __future__ import annotations

import pytest
from claim_shapes import claim_findings as _claim_findings


def claim_findings(text: str):
    return _claim_findings(text, "th", True, "th")


# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    # conditions named by their head word, with a verb before or a result after
    ('th', 'แคปซูลขมิ้นชัน ช่วยรักษาอาการแสบท้องหลังอาหาร', 'th.claims.shape_condition', 'รักษาอาการแสบท้องหลังอาหาร'),
    ('th', 'ยาหม่องน้ำสูตรร้อน แก้อาการเคล็ดขัดยอก ทาได้ทั้งวัน', 'th.claims.shape_condition', 'แก้อาการเคล็ดขัดยอก'),
    ('th', 'น้ำกระชายขาวขวดเล็ก ป้องกันภาวะเลือดหนืด', 'th.claims.shape_condition', 'ป้องกันภาวะเลือดหนืด'),
    ('th', 'ยาต้มสมุนไพรสูตรบ้านเรา บรรเทาไข้ตัวร้อนในเด็ก', 'th.claims.shape_condition', 'บรรเทาไข้ตัวร้อนในเด็ก'),
    ('th', 'น้ำตาสมุนไพรหยอดตา ลดเยื่อบุตาอักเสบ สั่ง 2 แถม 1', 'th.claims.shape_condition', 'ลดเยื่อบุตาอักเสบ'),
    ('th', 'ลูกค้าทานครบเดือน อาการมือสั่นหายไป', 'th.claims.shape_condition', 'อาการมือสั่นหายไป'),
    ('th', 'ดื่มน้ำสมุนไพรทุกเช้า ปวดส้นเท้าหายสนิท', 'th.claims.shape_condition', 'ปวดส้นเท้าหายสนิท'),
    ('th', 'ผงชงถั่งเช่า ต้านภาวะไขมันเกาะตับ ทานได้ทั้งบ้าน', 'th.claims.shape_condition', 'ต้านภาวะไขมันเกาะตับ'),
    # organs and body systems nourished, restored, cleansed or boosted
    ('th', 'ยาน้ำสมุนไพรแม่ลูกอ่อน บำรุงเลือด กินหลังคลอด', 'th.claims.shape_organ', 'บำรุงเลือด'),
    ('th', 'ผงมะรุมชงดื่ม เสริมภูมิคุ้มกันให้ผู้สูงวัย', 'th.claims.shape_organ', 'เสริมภูมิคุ้มกัน'),
    ('th', 'แคปซูลสมุนไพร ฟื้นฟูระบบประสาท ทานวันละเม็ด', 'th.claims.shape_organ', 'ฟื้นฟูระบบประสาท'),
    ('th', 'น้ำมันงาสกัดเย็น ช่วยปกป้องตับ ดื่มก่อนนอน', 'th.claims.shape_organ', 'ปกป้องตับ'),
    ('th', 'ชาใบอ่อนสูตรเข้มข้น ช่วยให้ไตทำงานดีขึ้น', 'th.claims.shape_organ', 'ช่วยให้ไตทำงานดีขึ้น'),
    ('th', 'แคปซูลสารสกัดใบแปะก๊วย ทานแล้วความจำดีขึ้นชัดเจน', 'th.claims.shape_organ', 'ความจำดีขึ้น'),
    ('th', 'ผงชงสมุนไพรตัวนี้ ค่าไตดีขึ้นทุกครั้งที่ไปตรวจ', 'th.claims.shape_organ', 'ค่าไตดีขึ้น'),
    ('th', 'ชาอินทผลัม เพิ่มน้ำนมให้คุณแม่', 'th.claims.shape_organ', 'เพิ่มน้ำนม'),
    # efficacy asserted as certain or quick
    ('th', 'โทนเนอร์คุมมัน เห็นผลจริง กดตะกร้าเลย', 'th.claims.shape_praise', 'เห็นผลจริง'),
    ('th', 'ครีมทาเท้าแตก ได้ผลชัวร์ ส่งฟรี', 'th.claims.shape_praise', 'ได้ผลชัวร์'),
    ('th', 'แผ่นแปะสิว ตัวจบเรื่องสิวผด ราคาเบาๆ', 'th.claims.shape_praise', 'ตัวจบเรื่อง'),
    # absolute freedom from chemicals or side effects
    ('th', 'น้ำยาล้างจานสูตรมะกรูด ไร้สารเคมี ถนอมมือ', 'th.claims.shape_free_of', 'ไร้สารเคมี'),
    ('th', 'แคปซูลเห็ดหลินจือ ทานยาวได้ ไม่เกิดผลข้างเคียง', 'th.claims.shape_free_of', 'ไม่เกิดผลข้างเคียง'),
    ('th', 'โลชั่นเด็กอ่อน ปลอดภัยชัวร์ สั่งเลย', 'th.claims.shape_free_of', 'ปลอดภัยชัวร์'),
    # a part of the body said to change size or shape
    ('th', 'ครีมนวดต้นแขน ทาก่อนนอน ต้นแขนเล็กลงทันตา', 'th.claims.shape_body', 'ต้นแขนเล็กลง'),
    ('th', 'เซรั่มปลูกคิ้ว ใช้ครบขวด คิ้วหนาขึ้น', 'th.claims.shape_body', 'คิ้วหนาขึ้น'),
    ('th', 'นวดด้วยครีมนี้ทุกวัน ช่วยให้สะโพกอวบ', 'th.claims.shape_body', 'ช่วยให้สะโพกอวบ'),
    # a serving said to equal eating other foods
    ('th', 'ผงบรอกโคลีชงดื่ม เท่ากับกินผักใบเขียว ทั้งสัปดาห์', 'th.claims.shape_equivalence', 'เท่ากับกินผักใบเขียว'),
]

# The same words in ordinary posts that sell: nothing claimed.
INNOCENT = [
    ('th', 'แม่ค้าหายไข้แล้วค่ะ พรุ่งนี้เปิดร้านตามปกติ'),
    ('th', 'ถุงผ้ารักษ์โลก ช่วยลดภาวะโลกร้อน ซื้อ 2 ใบลด 10%'),
    ('th', 'คุณยายอาการดีขึ้นแล้ว ขอบคุณทุกกำลังใจที่อุดหนุนร้าน'),
    ('th', 'วันนี้ปวดหัวกับลูกค้ามาก แต่ของก็ส่งครบทุกออเดอร์'),
    ('th', 'ครีมบำรุงผิวหน้า เนื้อบางเบา ซึมไว'),
    ('th', 'ของเล่นไม้ กระตุ้นประสาทสัมผัสของลูกน้อย'),
    ('th', 'แว่นกรองแสงสีฟ้า ปกป้องดวงตาเวลาเล่นมือถือ'),
    ('th', 'เสื้อยืดสไตล์เกาหลี เสริมลุคให้ดูดี'),
    ('th', 'รับสมัครเซลล์ขายประกัน เพิ่มเซลล์ทีมใหม่'),
    ('th', 'ซุปกระเพาะปลาร้อนๆ ชามละ 60 บาท'),
    ('th', 'ลองมาสองอาทิตย์ ยังไม่เห็นผลเลย ใครเคยใช้บ้าง'),
    ('th', 'ครีมตัวนี้เห็นผลจริงไหมคะ อยากรู้'),
    ('th', 'ผลไม้สดส่งตรงจากสวน ได้ผลใหญ่ทุกลูก'),
    ('th', 'เสื้อเชิ้ตสีขาวจริง ไม่ออกครีม ผ้าดีมาก'),
    ('th', 'ผักสลัดออร์แกนิก ไร้สารเคมี ตัดสดทุกเช้า'),
    ('th', 'ขับรถกลับบ้านปลอดภัย ถึงบ้านแล้วจ้า'),
    ('th', 'ซื้อชุดนี้วันนี้ เท่ากับกินฟรีหนึ่งมื้อ'),
    ('th', 'ราคาเท่ากับกินกาแฟแก้วเดียว คุ้มมาก'),
    ('th', 'ดาวน์โหลดคู่มือแนวทางการรักษาโรคมะเร็งฉบับล่าสุดได้ที่เว็บไซต์'),
    ('th', 'ร้านเปิดแล้ว ยาดมกลิ่นใหม่มาถึงแล้ว ราคา 39 บาท'),
    ('th', 'คอร์สนั่งสมาธิ ช่วยให้ใจสงบ จิตใจแข็งแรง'),
    ('th', 'มาสคาร่ากันน้ำ ปัดแล้วขนตายาวขึ้น ไม่เป็นก้อน'),
    ('th', 'กางเกงเอวสูง ใส่แล้วขาเรียวขึ้น มีไซซ์ S-XL'),
    ('th', 'ผมยาวขึ้นเยอะแล้ว แวะมาตัดผมที่ร้านนะคะ'),
    ('th', 'ยอดขายหน้าร้านโตขึ้นมาก ขอบคุณลูกค้าทุกคน'),
    ('th', 'วิ่งทุกเช้ากับชมรมเรา หัวใจแข็งแรงทั้งปี สมัครฟรี'),
]


@pytest.mark.parametrize(("market", "text", "rule", "span"), CLAIMS)
def test_claim_is_reported(market, text, rule, span):
    found = claim_findings(text)
    assert any(f.rule == rule and span in f.text for f in found), [(f.rule, f.text) for f in found]


@pytest.mark.parametrize(("market", "text"), INNOCENT)
def test_innocent_use_stays_clean(market, text):
    found = claim_findings(text)
    assert not found, [(f.rule, f.text) for f in found]
