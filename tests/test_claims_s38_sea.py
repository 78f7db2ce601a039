"""Issue 15, session 38: Vietnamese, Indonesian, Malay and Tagalog claims recognised by their structure
(a condition built like a disease name with a treating verb or a result, an organ with an effect verb,
efficacy praise on its own, a line that is only a rank word) rather than by a listed phrase. Every text
is written for this test (not copied from a ruling or a real post); each claim text was missed by every
claim rule before this session's rules. The innocent texts use the same words in ordinary posts that sell
and must stay silent at warning or above."""

from __future__ import annotations

import pytest
from claim_shapes import claim_findings as _claim_findings

MARKET_LANG = {"vn": "vi", "id": "id", "my": "ms", "ph": "tl"}
NEW_RULES = {
    "vn.claims.wordform_condition", "vn.claims.wordform_organ", "vn.claims.wordform_praise",
    "id.claims.wordform_condition", "id.claims.wordform_organ", "id.claims.wordform_praise", "id.claims.wordform_rank",
    "my.claims.wordform_condition", "my.claims.wordform_praise", "my.claims.wordform_rank",
    "ph.claims.wordform_condition", "ph.claims.wordform_praise", "ph.claims.wordform_rank",
    "id.claims.wordform_agent", "my.claims.wordform_agent", "ph.claims.wordform_pampa",
    "my.claims.wordform_superlative", "ph.claims.wordform_superlative",
}


def claim_findings(text: str, market: str, language: str | None = None):
    return _claim_findings(text, market, True, language or MARKET_LANG[market])


# (market, text, rule that must report it, words the finding must cover)
CLAIMS = [
    # vi: a condition by its head (bệnh, viêm, đau, suy, rối loạn, thoái hóa) with a treating verb or a result
    ("vn", "Nước uống thảo mộc chữa bệnh thận lâu năm, chốt đơn", "vn.claims.wordform_condition", "chữa bệnh thận"),
    ("vn", "Viên nang đẩy lùi viêm bàng quang, giao tận nhà", "vn.claims.wordform_condition", "đẩy lùi viêm"),
    ("vn", "Cao dán giảm đau cổ chân cho người chơi bóng", "vn.claims.wordform_condition", "giảm đau cổ"),
    ("vn", "Trà sâm hỗ trợ điều trị suy buồng trứng sớm", "vn.claims.wordform_condition", "hỗ trợ điều trị suy buồng"),
    ("vn", "Bột ngũ cốc cải thiện rối loạn nội tiết cho chị em", "vn.claims.wordform_condition", "cải thiện rối loạn"),
    ("vn", "Uống 3 hộp, bệnh nấm miệng đã lặn mất", "vn.claims.wordform_condition", "bệnh nấm miệng đã lặn mất"),
    ("vn", "Dầu xoa bóp dùng khi bị đau bắp chân, mua ngay", "vn.claims.wordform_condition", "dùng khi bị đau bắp"),
    # vi: an organ with an effect verb
    ("vn", "Trà hoa cúc giải độc thận mỗi ngày, freeship", "vn.claims.wordform_organ", "giải độc thận"),
    ("vn", "Bột nghệ tái tạo niêm mạc dạ dày, đặt hàng ngay", "vn.claims.wordform_organ", "tái tạo niêm mạc dạ dày"),
    # vi: efficacy praised on its own
    ("vn", "Lăn nách cho tác dụng bất ngờ, mua 1 tặng 1", "vn.claims.wordform_praise", "tác dụng bất ngờ"),
    ("vn", "Kem dưỡng giúp da hồng hào tức thì, mua ngay", "vn.claims.wordform_praise", "hồng hào tức thì"),
    ("vn", "Dầu dừa dưỡng mi dài vượt bậc, chốt đơn", "vn.claims.wordform_praise", "dưỡng mi dài vượt bậc"),
    # id: a condition by its head (penyakit, radang, sakit, nyeri, kanker, gangguan, gagal) with a verb or a result
    ("id", "Kapsul daun sirih mencegah pembengkakan jantung, checkout sekarang", "id.claims.wordform_condition", "mencegah pembengkakan jantung"),
    ("id", "Minyak gosok mengobati gangguan hormon, order ya kak", "id.claims.wordform_condition", "mengobati gangguan hormon"),
    ("id", "Teh herbal mencegah gagal jantung, promo hari ini", "id.claims.wordform_condition", "mencegah gagal jantung"),
    ("id", "Rutin minum, nyeri tumit saya hilang, order di keranjang", "id.claims.wordform_condition", "nyeri tumit saya hilang"),
    # id: an organ with an effect verb; praise; a bare rank line
    ("id", "Jamu kunyit putih membersihkan rahim, stok ready", "id.claims.wordform_organ", "membersihkan rahim"),
    ("id", "Kapsul ekstrak daun ini meregenerasi sel hati, checkout", "id.claims.wordform_organ", "meregenerasi sel hati"),
    ("id", "Balsem jahe ini manjur, tinggal klik keranjang kuning", "id.claims.wordform_praise", "manjur"),
    ("id", "Sabun beras Jepang\nJuara 1, satu-satunya\nCheckout sekarang", "id.claims.wordform_rank", "Juara 1, satu-satunya"),
    # ms: a condition by its head with a verb or a result; praise; a bare rank line
    ("my", "Jus herba merawat jangkitan telinga, PM untuk harga", "my.claims.wordform_condition", "merawat jangkitan telinga"),
    ("my", "Minyak kelapa dara mencegah penyakit gusi, stok terhad", "my.claims.wordform_condition", "mencegah penyakit gusi"),
    ("my", "Minum seminggu, sakit tumit saya terus hilang, jom order", "my.claims.wordform_condition", "sakit tumit saya terus hilang"),
    ("my", "Param herba ni mustajab, order sebelum habis stok", "my.claims.wordform_praise", "mustajab"),
    ("my", "Nombor satu!", "my.claims.wordform_rank", "Nombor satu"),
    # tl: a condition by its place (sakit sa X, pananakit ng X, impeksyon sa X) with a remedy word or a result
    ("ph", "Itong langis ay gamot sa pananakit ng paa, COD available", "ph.claims.wordform_condition", "gamot sa pananakit ng paa"),
    ("ph", "Uminom ako ng tsaa, pamamaga ng lalamunan ko nawala", "ph.claims.wordform_condition", "pamamaga ng lalamunan ko nawala"),
    ("ph", "Napakabisa ng sabon na ito, order na", "ph.claims.wordform_praise", "Napakabisa"),
    ("ph", "Pinakamabenta!", "ph.claims.wordform_rank", "Pinakamabenta"),
    # id/ms: the product named as the agent (pe(N)-) of a cure or a body change
    ("id", "Teh hijau penurun trigliserida, checkout ya", "id.claims.wordform_agent", "penurun trigliserida"),
    ("id", "Kapsul pereda radang sendi lutut, stok ready", "id.claims.wordform_agent", "pereda radang sendi"),
    ("id", "Serbuk jahe penguat paru-paru perokok", "id.claims.wordform_agent", "penguat paru-paru"),
    ("my", "Jus delima pencegah barah payudara, stok terhad", "my.claims.wordform_agent", "pencegah barah"),
    ("my", "Krim herba pembesar buah dada, PM untuk harga", "my.claims.wordform_agent", "pembesar buah dada"),
    # tl: pampa- names of a body effect
    ("ph", "Vitamins na pampatalino ng bata, order na", "ph.claims.wordform_pampa", "pampatalino"),
    ("ph", "Juice na pampalakas ng baga, COD", "ph.claims.wordform_pampa", "pampalakas ng baga"),
    # ms/tl: superlatives by their form
    ("my", "Serum paling digemari, jom order", "my.claims.wordform_superlative", "paling digemari"),
    ("ph", "Ito ang pinakaligtas na lotion para sa bata", "ph.claims.wordform_superlative", "pinakaligtas"),
]

# The same words in ordinary posts that sell: nothing claimed.
INNOCENT = [
    ("vn", "Chúc ông mau khỏi bệnh hẳn, shop tặng thêm hộp quà"),
    ("vn", "Khám bệnh miễn phí cho người cao tuổi tại phòng khám quận 3"),
    ("vn", "Phim mới quá đau lòng, xem xong hết suy nghĩ được gì luôn"),
    ("vn", "Giao hàng thần tốc, đặt trước 10 giờ nhận trong ngày"),
    ("vn", "Bộ nồi inox làm sạch bếp nhanh, giá chỉ 299k"),
    ("vn", "Doanh thu tháng này tăng vượt bậc, cảm ơn cả nhà đã ủng hộ shop"),
    ("vn", "Thuốc bác sĩ kê trị viêm họng, nhớ uống đủ liều nha"),
    ("vn", "Sản phẩm hỗ trợ thanh lọc thận, sản phẩm này không phải là thuốc"),
    ("id", "Layanan antar pasien ke rumah sakit, hubungi kami"),
    ("id", "Paket internet baru, atasi gangguan jaringan di rumahmu"),
    ("id", "Tips ampuh menata kamar kecil biar lega, cek video"),
    ("id", "Suplemen ini membantu memelihara kesehatan hati"),
    ("id", "Nomor 1 Jalan Merdeka, toko buka jam 8 pagi"),
    ("my", "Hantar pesakit ke rumah sakit, tempah sekarang"),
    ("my", "Doa mustajab untuk peniaga, kongsikan"),
    ("my", "Best regards, pasukan jualan kami"),
    ("ph", "Mabisang paraan para makatipid, panoorin ang tips"),
    ("ph", "Hindi gamot ang kape, pero panlaban sa antok tuwing umaga"),
    ("ph", "No. 1 Mabini Street, bukas kami araw-araw"),
    ("id", "Cairan pembersih lantai wangi lavender, 2 liter"),
    ("id", "Penambah rasa kaldu ayam untuk masakan rumahan"),
    ("my", "Barang sampai paling lewat hari Jumaat"),
    ("my", "Dia satu-satunya kawan yang datang semalam"),
    ("ph", "Pampalinis ng sahig, mabango at mura"),
    ("ph", "Siya ang pinakamagaling na coach ng team namin"),
]

# the rows that are English captions
ENGLISH = {"Best regards, pasukan jualan kami"}


def _language(market: str, text: str) -> str:
    return "en" if text in ENGLISH else MARKET_LANG[market]


@pytest.mark.parametrize(("market", "text", "rule", "span"), CLAIMS)
def test_claim_is_reported(market, text, rule, span):
    found = claim_findings(text, market, _language(market, text))
    assert any(f.rule == rule and span in f.text for f in found), [(f.rule, f.text) for f in found]


@pytest.mark.parametrize(("market", "text", "rule", "span"), CLAIMS)
def test_claim_was_missed_by_the_older_rules(market, text, rule, span):
    """The structure is what catches these: no claim rule but this session's reports them."""
    found = claim_findings(text, market, _language(market, text))
    assert not [f for f in found if f.rule not in NEW_RULES], [(f.rule, f.text) for f in found]


@pytest.mark.parametrize(("market", "text"), INNOCENT)
def test_innocent_use_stays_clean(market, text):
    found = claim_findings(text, market, _language(market, text))
    assert not found, [(f.rule, f.text) for f in found]
