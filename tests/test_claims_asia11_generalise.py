"""Issue 15, local-language claims, eleventh pass: shapes taken from the regulators' own lists.

Malaysia's Medicine Advertisements Board words its barred hair-loss claims in the passive and with two
verbs joined ("... boleh dicegah", "merangsang dan menggalakkan ..."), and the Schedule of the Medicines
(Advertisement and Sale) Act 1956 bars a remedy offered "for" its diseases whatever word describes the
remedy; China's Advertising Law art. 26(1)(3) bars a property's location given as minutes to a landmark,
and the 2023 health-food function catalogue names the only protective functions a product may claim (its
own wording, "辅助改善记忆", is a note rather than a warning); BPOM bars processed foods from claims not
approved with their registration (a drink sold as a breast-milk booster). Every text is written for this
test (not copied from a ruling or a real post), and each claim text was missed before these shapes were
added. Claims are checked as posts that sell; the innocent texts use the same words and must stay silent
at warning or above.
"""

from __future__ import annotations

import pytest
from test_claims_asia_generalise import claim_findings

# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
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


@pytest.mark.parametrize("market, text, rule, words", CLAIMS)
def test_claim_shapes_are_found(market, text, rule, words):
    hits = [f for f in claim_findings(text, market) if f.rule == rule]
    assert any(f.text == words for f in hits), f"{rule} did not find {words!r} in {text!r}: {hits}"


# The same words used innocently, read as posts that sell: nothing claimed at warning or above.
INNOCENT = [
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


@pytest.mark.parametrize("market, text", INNOCENT)
def test_innocent_use_of_the_same_words_passes(market, text):
    assert claim_findings(text, market) == []


def test_the_catalogue_wording_is_a_note_not_a_warning():
    """The 2023 catalogue's own wording without a registration shown: a note for the reviewer to check."""
    import checker
    text = "核桃芝麻粉，辅助改善记忆，考试季必备"
    findings = checker.check_text(text, markets=["cn"], language="zh", commercial=True)
    notes = [f for f in findings if f.rule == "cn.health.catalogue_function"]
    assert [f.severity for f in notes] == ["info"] and notes[0].text == "辅助改善记忆"
    assert not [f for f in findings if f.category == "claim" and f.severity in ("warning", "error")]
