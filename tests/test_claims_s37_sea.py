"""Issue 15, session 37: Thai, Malaysian and Philippine claims that generalise (efficacy with numbers and
time, health in every word order, no-more and question forms, safety absolutes, endorsement, equivalence,
earnings). Every text is written for this test (not copied from a ruling or a real post); each claim text
was missed on main before this session's shapes and lexicon entries. The innocent texts use the same words
in ordinary posts that sell and must stay silent at warning or above."""

from __future__ import annotations

import pytest
from claim_shapes import claim_findings as _claim_findings
from claim_shapes import rule_words

MARKET_LANG = {"th": "th", "my": "ms", "ph": "tl"}


def claim_findings(text: str, market: str, language: str | None = None):
    return _claim_findings(text, market, True, language or MARKET_LANG[market])


# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    ('th', 'ผอมลงได้ 3 กิโลภายใน 7 วัน', 'th.claims.weight_timeline', 'ผอมลงได้ 3 กิโล'),
    ('th', 'เห็นผลตั้งแต่วันแรก', 'th.claims.result_timeline', 'เห็นผลตั้งแต่วันแรก'),
    ('th', 'ภายใน 7 วันผิวขาวขึ้นเห็นได้ชัด', 'th.claims.result_timeline', 'ภายใน 7 วันผิวขาวขึ้น'),
    ('th', 'ไม่ต้องทนปวดหลังอีกต่อไป', 'th.claims.condition_treatment', 'ไม่ต้องทนปวดหลัง'),
    ('th', 'เบื่อไหมกับอาการนอนไม่หลับ? แคปซูลนี้ช่วยได้', 'th.claims.condition_treatment', 'เบื่อไหมกับอาการนอนไม่หลับ'),
    ('th', 'ไม่มีสารพิษ ปลอดภัยต่อร่างกาย 100%', 'th.claims.safety_absolute', 'ปลอดภัยต่อร่างกาย 100%'),
    ('th', 'รายได้หลักแสนต่อเดือน ไม่ต้องลงทุน', 'th.claims.earnings', 'รายได้หลักแสนต่อเดือน'),
    ('th', 'รวยได้ใน 3 เดือน', 'th.claims.earnings', 'รวยได้ใน 3 เดือน'),
    ('th', 'ลดน้ำหนักได้จริง 100%', 'th.claims.guarantee', 'ลดน้ำหนักได้จริง 100%'),
    ('th', 'ช่วยให้ผิวขาวเร็วกว่าเดิม 10 เท่า', 'th.claims.result_timeline', 'ขาวเร็วกว่าเดิม 10 เท่า'),
    ('my', 'Kesan segera selepas sekali guna', 'my.claims.instant', 'Kesan segera selepas sekali'),
    ('my', 'Putih dalam masa 14 hari', 'my.claims.whitening', 'Putih dalam masa 14 hari'),
    ('my', 'Tiada lagi sakit sendi', 'my.claims.condition_treatment', 'Tiada lagi sakit sendi'),
    ('my', 'Bebas kesan sampingan', 'my.claims.guarantee', 'Bebas kesan sampingan'),
    ('my', '1 kapsul bersamaan 10 biji delima', 'my.claims.equivalence', '1 kapsul bersamaan 10 biji delima'),
    ('my', 'Sama macam makan 5 kilo sayur', 'my.claims.equivalence', 'Sama macam makan 5 kilo sayur'),
    ('my', 'Pendapatan pasif RM10k sebulan', 'my.claims.earnings', 'Pendapatan pasif RM10k sebulan'),
    ('my', 'Kaya dalam masa 3 bulan', 'my.claims.earnings', 'Kaya dalam masa 3 bulan'),
    ('my', 'Awet muda 10 tahun', 'my.claims.result_timeline', 'Awet muda 10 tahun'),
    ('my', 'Kulit nampak muda 10 tahun', 'my.claims.result_timeline', 'nampak muda 10 tahun'),
    ('my', 'Lemak perut cair dalam 7 hari', 'my.claims.result_timeline', 'Lemak perut cair'),
    ('ph', 'Bumaba ang timbang ko ng 6 kilos', 'ph.claims.weight_timeline', 'Bumaba ang timbang ko ng 6 kilos'),
    ('ph', 'Kita agad ang resulta sa 3 araw', 'ph.claims.result_timeline', 'Kita agad ang resulta sa 3 araw'),
    ('ph', 'Nawala ang tigyawat ko sa loob ng 3 araw', 'ph.claims.disease_remedy', 'Nawala ang tigyawat'),
    ('ph', 'Gumaling ang diabetes ni mama dahil dito', 'ph.claims.disease_remedy', 'Gumaling ang diabetes'),
    ('ph', 'Herbal na tsaa, pang-iwas sa altapresyon', 'ph.claims.supplement_prevent', 'pang-iwas sa altapresyon'),
    ('ph', 'Yumaman sa loob ng 3 buwan', 'ph.claims.earnings', 'Yumaman sa loob ng 3 buwan'),
    ('ph', 'Tutubo ang buhok sa loob ng 2 linggo', 'ph.claims.result_timeline', 'Tutubo ang buhok sa loob ng 2 linggo'),
    ('ph', 'Siguradong papayat ka', 'ph.claims.guarantee', 'Siguradong papayat'),
    ('ph', 'Bata ang itsura ng 10 taon', 'ph.claims.result_timeline', 'Bata ang itsura ng 10 taon'),
    ('th', 'ผลิตภัณฑ์หนึ่งเดียวที่ได้ผลจริง', 'th.claims.guarantee', 'หนึ่งเดียวที่ได้ผล'),
    ('th', 'เห็นผลเร็ว ทันใจ ภายในสัปดาห์เดียว', 'th.claims.miracle_instant', 'เห็นผลเร็ว'),
    ('th', 'ครีมทาแล้วขาวทันที', 'th.claims.miracle_instant', 'ทาแล้วขาวทันที'),
    ('th', 'ทานแล้วไม่ป่วยอีกเลย', 'th.claims.condition_treatment', 'ทานแล้วไม่ป่วยอีกเลย'),
    ('th', 'ทานแล้วน้ำตาลลดลงเหลือ 110', 'th.claims.result_timeline', 'น้ำตาลลดลงเหลือ 110'),
    ('th', 'ความดันจาก 180 ลดเหลือ 120 ภายในเดือนเดียว', 'th.claims.result_timeline', 'ความดันจาก 180 ลดเหลือ 120'),
    ('th', 'สูตรเฉพาะของคุณหมอ', 'th.claims.research_endorsement', 'สูตรเฉพาะของคุณหมอ'),
    ('th', 'ใส่ครีมนี้ ตาสองชั้นใน 1 สัปดาห์', 'th.claims.result_timeline', 'ตาสองชั้นใน 1 สัปดาห์'),
    ('th', 'ผมงอกใหม่ใน 7 วัน', 'th.claims.result_timeline', 'ผมงอกใหม่ใน 7 วัน'),
    ('th', 'สมุนไพรรักษาทุกโรค', 'th.claims.condition_treatment', 'รักษาทุกโรค'),
    ('my', 'Gula darah turun dari 15 ke 6 dalam seminggu', 'my.claims.result_timeline', 'Gula darah turun dari 15 ke 6'),
    ('my', 'Kulit cerah dan putih berseri dalam masa 7 hari', 'my.claims.whitening', 'cerah dan putih berseri dalam masa 7 hari'),
    ('my', 'Selamat untuk kanak-kanak dan ibu mengandung', 'my.claims.guarantee', 'Selamat untuk kanak-kanak dan ibu mengandung'),
    ('my', 'Formula doktor, terbukti berkesan', 'my.claims.guarantee', 'Formula doktor'),
    ('my', 'Berkesan 100% untuk semua jenis kulit', 'my.claims.guarantee', 'Berkesan 100%'),
    ('my', 'Kesan dalam masa 3 hari atau wang dikembalikan', 'my.claims.result_timeline', 'Kesan dalam masa 3 hari'),
    ('ph', 'Himala! Nawala ang bukol ko', 'ph.claims.disease_remedy', 'Nawala ang bukol'),
    ('ph', 'Mas mabisa pa sa maintenance', 'ph.claims.disease_remedy', 'Mas mabisa pa sa maintenance'),
    ('ph', 'Hindi mo na kailangan ang maintenance', 'ph.claims.disease_remedy', 'ang maintenance'),
    ('ph', 'Pwedeng ipalit sa gamot ng doktor', 'ph.claims.disease_remedy', 'ipalit sa gamot'),
    ('ph', 'Bumaba ang sugar ko mula 300 hanggang 120', 'ph.claims.disease_remedy', 'sugar ko mula 300 hanggang 120'),
    ('ph', 'Mula 180 naging 120 ang BP ko', 'ph.claims.disease_remedy', 'Mula 180 naging 120 ang BP'),
    ('ph', 'Subok na at epektibo', 'ph.claims.guarantee', 'Subok na at epektibo'),
    ('ph', 'Safe sa buntis at bata', 'ph.claims.guarantee', 'Safe sa buntis'),
    ('ph', 'Ligtas para sa buntis', 'ph.claims.guarantee', 'Ligtas para sa buntis'),
    ('ph', 'Kuminis ang mukha ko in 3 days', 'ph.claims.result_timeline', 'Kuminis ang mukha ko in 3 days'),
    ('ph', 'Tumubo ang buhok ko in 2 weeks', 'ph.claims.result_timeline', 'Tumubo ang buhok ko in 2 weeks'),
    ('ph', 'Lumiit ang tiyan ko in one week', 'ph.claims.result_timeline', 'Lumiit ang tiyan ko in one week'),
    ('ph', 'Gamot sa lahat ng sakit', 'ph.claims.disease_remedy', 'Gamot sa lahat ng sakit'),
    ('ph', 'Lunas sa lahat ng karamdaman', 'ph.claims.disease_remedy', 'Lunas sa lahat ng karamdaman'),
    ('ph', 'Effective talaga, nawala ang arthritis ko', 'ph.claims.disease_remedy', 'nawala ang arthritis'),
    ('ph', 'Guaranteed na tutubo ang buhok mo', 'ph.claims.guarantee', 'Guaranteed na tutubo'),
    ('ph', 'Lung tonic na ito treats lung problems such as pneumonia, order na', 'ph.claims.disease_remedy', 'treats lung problems'),
    ('ph', 'Heart capsule for stabilizing blood pressure, COD available', 'ph.claims.disease_remedy', 'stabilizing blood pressure'),
    ('ph', 'Herbal oil para gamutin ang rayuma ni lolo, 299 lang', 'ph.claims.disease_remedy', 'gamutin ang rayuma'),
    ('ph', 'Our ginger tea is recommended by Doc Reyes, order now', 'ph.claims.hcp_named', 'recommended by Doc'),
    ('ph', 'Hair serum na 100% proven, order na habang may stock', 'ph.claims.guarantee', '100% proven'),
    ('th', 'คนเป็นเบาหวานทานได้ น้ำตาลไม่ขึ้น', 'th.claims.condition_treatment', 'คนเป็นเบาหวานทานได้'),
    ('th', 'ผู้ป่วยมะเร็งทานแล้วอาการดีขึ้น', 'th.claims.condition_treatment', 'ผู้ป่วยมะเร็งทานแล้ว'),
    ('th', 'ลดไขมันในเส้นเลือด', 'th.claims.condition_treatment', 'ลดไขมันในเส้นเลือด'),
    ('th', 'สำหรับผู้ที่มีปัญหาข้อเข่าเสื่อม', 'th.claims.condition_treatment', 'สำหรับผู้ที่มีปัญหาข้อเข่าเสื่อม'),
    ('th', 'เหมาะกับคนที่เป็นไมเกรน', 'th.claims.condition_treatment', 'เหมาะกับคนที่เป็นไมเกรน'),
    ('th', 'ทานแล้วความดันลด', 'th.claims.condition_treatment', 'ความดันลด'),
    ('th', 'ลดน้ำหนักเร่งด่วน ลดจริง', 'th.claims.weight_terms', 'ลดน้ำหนักเร่งด่วน'),
    ('my', 'Baik untuk pesakit kencing manis', 'my.claims.condition_treatment', 'Baik untuk pesakit kencing manis'),
    ('my', 'Menguatkan buah pinggang', 'my.claims.body_function', 'Menguatkan buah pinggang'),
    ('my', 'Mencuci hati dan buah pinggang', 'my.claims.body_function', 'Mencuci hati'),
    ('my', 'Menambah sel darah merah', 'my.claims.body_function', 'Menambah sel darah merah'),
    ('my', 'Melawaskan buang air besar, hilang sembelit', 'my.claims.condition_treatment', 'hilang sembelit'),
    ('my', 'Good for diabetic patients', 'my.claims.condition_treatment', 'Good for diabetic patients'),
    ('my', 'Helps lower blood pressure naturally', 'my.claims.condition_treatment', 'Helps lower blood pressure'),
    ('my', 'Suitable for those with high cholesterol', 'my.claims.condition_treatment', 'Suitable for those with high cholesterol'),
    ('ph', 'Doc Ramon Dizon recommends this for diabetes', 'ph.claims.named_doctor', 'Doc Ramon Dizon recommends'),
    ('ph', "Dr. Dizon's formula for high blood", 'ph.claims.named_doctor', "Dr. Dizon's formula"),
    ('ph', 'Trusted by Filipino doctors', 'ph.claims.hcp_named', 'Trusted by Filipino doctors'),
    ('ph', 'Sabi ni Dra. Mercado, mabisa ito sa pangangati', 'ph.claims.named_doctor', 'Sabi ni Dra. Mercado, mabisa'),
]

# The same words in ordinary posts that sell: nothing claimed.
INNOCENT = [
    ('th', 'คืนสินค้าได้ภายใน 7 วัน ยกเว้นสินค้าลดราคา'),
    ('th', 'สั่งวันนี้ ส่งภายใน 3 วัน มีสีขาว ดำ เทา'),
    ('th', 'ใน 3 วันนี้ เห็นผลตอบรับดีมาก ขอบคุณลูกค้าทุกคน'),
    ('th', 'ไม่ต้องกลัวฝนตก ร้านเรามีที่จอดรถในร่ม'),
    ('th', 'หมดปัญหาที่จอดรถ ร้านเราย้ายมาอยู่ริมถนนใหญ่แล้ว'),
    ('th', 'ไม่ต้องทนร้อน ร้านเรามีแอร์เย็นฉ่ำ'),
    ('th', 'เบื่อไหมกับรถติดตอนเช้า ลองสั่งกาแฟเดลิเวอรี่'),
    ('th', 'หมอแนะนำให้พักผ่อนเยอะๆ ร้านขอปิด 2 วันนะคะ'),
    ('th', 'ภาชนะปลอดภัยต่ออาหาร ใช้กับไมโครเวฟได้'),
    ('th', 'ผักปลอดสารพิษจากสวนของเรา สดทุกวัน'),
    ('th', 'รายได้ของร้านเดือนนี้ลดลง ขอบคุณลูกค้าที่ยังอุดหนุน'),
    ('th', 'ระวังแก๊งหลอกลงทุน รวยเร็ว อย่าหลงเชื่อ'),
    ('th', 'ชุดนี้ใส่แล้วผอมลงเห็นได้ชัด ผ้ายืดใส่สบาย'),
    ('th', 'ปีนี้ขอให้รวยๆ เฮงๆ ทุกคนนะคะ'),
    ('th', 'ดาราเลือกใช้ร้านเราจัดงานแต่ง ขอบคุณมากค่ะ'),
    ('my', 'Hasil segera untuk pilihan raya kecil akan diumumkan malam ini'),
    ('my', 'Tiada lagi stok, restock minggu depan'),
    ('my', 'Bebas gluten dan bebas gula tambahan, sesuai untuk semua'),
    ('my', 'Kek coklat cair dalam mulut, order sekarang'),
    ('my', 'Mentega cair dalam 2 minit dalam microwave'),
    ('my', 'Kasut putih dalam masa 3 hari sampai, pos laju'),
    ('my', 'Pendapatan syarikat naik 10% tahun ini'),
    ('my', 'Beli 1 kotak bersamaan 10 paket, jimat lagi'),
    ('my', 'Sembuh dah demam anak, terima kasih doktor'),
    ('my', 'Takde lagi warna merah, tinggal biru dan hitam'),
    ('my', 'Tak perlu tahan lapar, nasi lemak kami buka pagi'),
    ('ph', 'Nawala ang aso ko sa loob ng 3 araw, pakishare po'),
    ('ph', 'Bumaba ang presyo ng bigas ng 5 pesos ngayong linggo'),
    ('ph', 'Gumaling na ang baby namin sa lagnat, salamat po sa mga nagdasal'),
    ('ph', 'Kita agad ang kulay ng lipstick sa unang pahid'),
    ('ph', 'Sigurado akong magugustuhan mo ang lasa'),
    ('ph', 'Hiring: kumita ng 20k kada buwan bilang sales staff, may sahod at benefits'),
    ('ph', 'Ingat sa mga nag-aalok ng easy money, scam yan'),
    ('ph', 'Mukhang bata ang nanay ko sa picture na ito haha'),
    ('ph', 'Iwas traffic, order online na lang'),
    ('ph', 'Proteksyon laban sa ulan: jacket na waterproof, 499 lang'),
    ('ph', 'Paalam sa mainit na panahon, may bagong electric fan kami'),
    ('ph', 'Libreng BP check sa health center: mula 9 am hanggang 12 nn'),
    ('ph', 'Laundry soap na removes stains, 3 for 100'),
    ('my', 'Gula turun harga dari RM3 ke RM2.80 minggu ni'),
    ('th', 'ลดราคาเหลือ 120 บาท จาก 180 บาท วันนี้เท่านั้น'),
]


# the rows that are English captions (Malaysian and Philippine sellers mix English in)
ENGLISH = {
    "Lung tonic na ito treats lung problems such as pneumonia, order na",
    "Heart capsule for stabilizing blood pressure, COD available",
    "Our ginger tea is recommended by Doc Reyes, order now",
    "Hair serum na 100% proven, order na habang may stock",
    "Good for diabetic patients",
    "Helps lower blood pressure naturally",
    "Suitable for those with high cholesterol",
    "Doc Ramon Dizon recommends this for diabetes",
    "Dr. Dizon's formula for high blood",
    "Trusted by Filipino doctors",
    "Laundry soap na removes stains, 3 for 100",
}


def _language(market: str, text: str) -> str:
    return "en" if text in ENGLISH else MARKET_LANG[market]


@pytest.mark.parametrize(("market", "text", "rule", "span"), CLAIMS)
def test_claim_is_reported(market, text, rule, span):
    found = claim_findings(text, market, _language(market, text))
    assert any(r == rule and span in w for r, w in rule_words(found, text)), [(f.rule, f.text) for f in found]


@pytest.mark.parametrize(("market", "text"), INNOCENT)
def test_innocent_use_stays_clean(market, text):
    found = claim_findings(text, market, _language(market, text))
    assert not found, [(f.rule, f.text) for f in found]
