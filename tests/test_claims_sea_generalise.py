"""Issue 15, Thai, Indonesian and Malay claims: shapes widened from the regulators' own lists (session 35).

Every text here is written for this test (not copied from a ruling or a real post). Each claim is checked as a
post that sells; the innocent texts use the same words and must stay silent at warning or above. Each claim
text was missed before its shape was added:

- Thai: the eye diseases the Thai FDA warns supplements may not claim to treat (cataract, glaucoma,
  pterygium, a degenerating vitreous), skin made whiter than its natural colour (the Thai FDA's cosmetic
  advertising manual, 2024; the NBTC's list of cosmetic effects a food ad may not claim), and a supplement's
  whitening told as the buyer's own story;
- Indonesian: a blood reading promised in a unit (BBPOM's non-compliant "menurunkan kolesterol",
  "menstabilkan gula darah"), height growth from a supplement (Peraturan BPOM 34/2022), and the noun form
  of the acne, scar and cellulite claims Peraturan BPOM 3/2022 does not allow ("penghilang jerawat");
- Malay: every disease at once ("penawar segala penyakit", KKM's seized honey labels), and the rest of the
  Schedule of the Medicines (Advertisement and Sale) Act 1956 (hernia, venereal and eye disease, sexual
  function).
"""

from __future__ import annotations

import pytest

import checker

MARKET_LANG = {"th": "th", "id": "id", "my": "ms"}


def claim_findings(text: str, market: str, commercial: bool | None = True):
    findings = checker.check_text(text, markets=[market], language=MARKET_LANG[market], commercial=commercial)
    return [f for f in findings if f.category == "claim" and f.severity in ("warning", "error")]


# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
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

INNOCENT = [
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


@pytest.mark.parametrize("market, text, rule, words", CLAIMS)
def test_claim_shapes_are_found(market, text, rule, words):
    found = claim_findings(text, market)
    hits = [f for f in found if f.rule == rule]
    assert hits, f"{rule} did not find {words!r} in {text!r}: {[(f.rule, f.text) for f in found]}"
    assert any(f.text == words for f in hits), [(f.rule, f.text) for f in hits]


@pytest.mark.parametrize("market, text", INNOCENT)
def test_innocent_use_of_the_same_words_passes(market, text):
    assert claim_findings(text, market) == []


def test_a_post_that_sells_nothing_gets_no_claim_warning():
    # the same words in ordinary updates, not selling: the ad-law claim rules stay quiet
    for market, text in [("th", "ยายบอกว่ากินผักเยอะๆ ต้อกระจกไม่หายหรอก ต้องผ่าตัดอย่างเดียว"),
                         ("id", "Alhamdulillah kolesterol bapak turun ke 190 mg/dL setelah diet")]:
        assert claim_findings(text, market, commercial=False) == []
