"""Issue 15, session 37: Vietnamese and Indonesian claims that generalise (efficacy, health, endorsement, safety,
equivalence and earnings, in the word orders sellers use).

Every text here was written for this test, before any regulator case was read (not copied from a ruling or a real
post). Each claim text was missed on main before this pass; each is checked as a post that sells. The innocent texts
use the same words in ordinary posts and must stay silent at warning or above.
"""

from __future__ import annotations

import pytest

import checker

MARKET_LANG = {"vn": "vi", "id": "id"}


def claim_findings(text: str, market: str, commercial: bool | None = True):
    findings = checker.check_text(text, markets=[market], language=MARKET_LANG[market], commercial=commercial)
    return [f for f in findings if f.category == "claim" and f.severity in ("warning", "error")]


# (market, text, rule that must report it, words the finding must cover)
CLAIMS_S37_VNID = [
    ("vn", "Eo nhỏ lại 5cm sau 2 tuần dùng kem", "vn.claims.concern_result", "Eo nhỏ lại 5cm sau 2 tuần"),
    ("vn", "Hiệu quả ngay sau 15 phút sử dụng", "vn.claims.result_timeline", "Hiệu quả ngay sau 15 phút"),
    ("vn", "Mụn xẹp sau 2 ngày bôi", "vn.claims.concern_result", "Mụn xẹp sau 2 ngày"),
    ("vn", "Nói không với mỡ thừa cùng trà thảo mộc", "vn.claims.concern_result", "Nói không với mỡ thừa"),
    ("vn", "Tạm biệt bụng mỡ chỉ với 1 liệu trình", "vn.claims.concern_result", "Tạm biệt bụng mỡ"),
    ("vn", "Chán ngán cảnh mụn mọc liên tục? Có ngay serum này", "vn.claims.concern_result", "Chán ngán cảnh mụn mọc liên tục? Có ngay"),
    ("vn", "Mỡ bụng biến mất sau 2 tuần", "vn.claims.concern_result", "Mỡ bụng biến mất sau 2 tuần"),
    ("vn", "Trước khi dùng 65kg, sau khi dùng còn 55kg", "vn.claims.weight_timeline", "Trước khi dùng 65kg, sau khi dùng còn 55kg"),
    ("vn", "Nám mờ hẳn sau 14 ngày", "vn.claims.concern_result", "Nám mờ hẳn sau 14 ngày"),
    ("vn", "Da trắng mịn sau 3 lần sử dụng", "vn.claims.concern_result", "Da trắng mịn sau 3 lần sử dụng"),
    ("vn", "Sau 1 tuần, da mình trắng hẳn", "vn.claims.concern_result", "Sau 1 tuần, da mình trắng hẳn"),
    ("vn", "Nếp nhăn biến mất chỉ sau 2 tuần", "vn.claims.concern_result", "Nếp nhăn biến mất chỉ sau 2 tuần"),
    ("vn", "Hiệu quả thấy ngay sau 3 ngày", "vn.claims.result_timeline", "Hiệu quả thấy ngay sau 3 ngày"),
    ("vn", "Vòng eo thon gọn trong 10 ngày", "vn.claims.concern_result", "Vòng eo thon gọn trong 10 ngày"),
    ("vn", "Đường huyết ổn định chỉ sau 1 tháng", "vn.claims.disease", "Đường huyết ổn định chỉ sau"),
    ("vn", "Không còn đau nhức xương khớp sau 2 tuần", "vn.claims.disease", "Không còn đau nhức xương khớp"),
    ("vn", "Đau dạ dày bao năm nay của mẹ mình đã hết", "vn.claims.disease", "Đau dạ dày bao năm nay của mẹ mình đã hết"),
    ("vn", "Sản phẩm có tác dụng chữa bệnh", "vn.claims.cure", "có tác dụng chữa bệnh"),
    ("vn", "Bệnh tiểu đường của bố mình đã ổn định nhờ trà này", "vn.claims.disease", "tiểu đường của bố mình đã ổn định nhờ"),
    ("vn", "Huyết áp của mẹ mình về mức bình thường sau 1 tháng uống", "vn.claims.disease", "Huyết áp của mẹ mình về mức bình thường"),
    ("vn", "Bị đau khớp gối lâu năm? Dùng cao dán này là hết", "vn.claims.concern_result", "Bị đau khớp gối lâu năm? Dùng cao dán này là hết"),
    ("vn", "Mắc bệnh tiểu đường vẫn ăn thoải mái", "vn.claims.disease", "Mắc bệnh tiểu đường vẫn ăn thoải mái"),
    ("vn", "Uống 1 tuần là ngủ ngon, không cần thuốc ngủ", "vn.claims.disease", "không cần thuốc ngủ"),
    ("vn", "Sản phẩm được Bộ Y tế cấp phép, yên tâm sử dụng", "vn.claims.authority_endorsement", "được Bộ Y tế cấp phép"),
    ("vn", "Bác sĩ Minh khuyên dùng cho người đau dạ dày", "vn.claims.authority_endorsement", "Bác sĩ Minh khuyên dùng"),
    ("vn", "Được Cục An toàn thực phẩm chứng nhận hiệu quả", "vn.claims.authority_endorsement", "Được Cục An toàn thực phẩm chứng nhận"),
    ("vn", "Được WHO công nhận", "vn.claims.authority_endorsement", "Được WHO công nhận"),
    ("vn", "Được chuyên gia đánh giá cao về hiệu quả", "vn.claims.authority_endorsement", "Được chuyên gia đánh giá cao"),
    ("vn", "Bác sĩ cũng phải công nhận hiệu quả", "vn.claims.authority_endorsement", "Bác sĩ cũng phải công nhận hiệu quả"),
    ("vn", "Các bác sĩ da liễu đều khuyên dùng", "vn.claims.authority_endorsement", "Các bác sĩ da liễu đều khuyên dùng"),
    ("vn", "Bác sĩ của bệnh viện Bạch Mai tin dùng", "vn.claims.authority_endorsement", "Bác sĩ của bệnh viện Bạch Mai tin dùng"),
    ("vn", "Không hề có tác dụng phụ", "vn.claims.guarantee", "Không hề có tác dụng phụ"),
    ("vn", "Không có bất kỳ tác dụng phụ nào", "vn.claims.guarantee", "Không có bất kỳ tác dụng phụ"),
    ("vn", "An toàn 100%", "vn.claims.guarantee", "An toàn 100%"),
    ("vn", "100% an toàn cho sức khỏe", "vn.claims.guarantee", "100% an toàn"),
    ("vn", "Lành tính tuyệt đối", "vn.claims.guarantee", "Lành tính tuyệt đối"),
    ("vn", "An toàn với mọi làn da", "vn.claims.guarantee", "An toàn với mọi làn da"),
    ("vn", "Không gây kích ứng, an toàn cho cả bà bầu", "vn.claims.safety_vulnerable", "an toàn cho cả bà bầu"),
    ("vn", "Không độc hại, dùng lâu dài không sao", "vn.claims.guarantee", "dùng lâu dài không sao"),
    ("vn", "Không gây hại cho sức khỏe", "vn.claims.guarantee", "Không gây hại cho sức khỏe"),
    ("vn", "Tuyệt đối an toàn", "vn.claims.guarantee", "Tuyệt đối an toàn"),
    ("vn", "An toàn cho cả trẻ nhỏ và phụ nữ mang thai", "vn.claims.safety_vulnerable", "An toàn cho cả trẻ nhỏ và phụ nữ mang thai"),
    ("vn", "Không để lại tác dụng phụ", "vn.claims.guarantee", "Không để lại tác dụng phụ"),
    ("vn", "Hiệu quả tương đương tiêm filler", "vn.claims.equivalence", "Hiệu quả tương đương tiêm filler"),
    ("vn", "Hiệu quả như đi spa", "vn.claims.equivalence", "Hiệu quả như đi spa"),
    ("vn", "Thay thế phẫu thuật thẩm mỹ", "vn.claims.equivalence", "Thay thế phẫu thuật thẩm mỹ"),
    ("vn", "Tác dụng ngang với tiêm botox", "vn.claims.equivalence", "Tác dụng ngang với tiêm botox"),
    ("vn", "Hàm lượng canxi gấp 5 lần sữa bò", "vn.claims.equivalence", "Hàm lượng canxi gấp 5 lần sữa bò"),
    ("vn", "Làm giàu nhanh chóng cùng chúng tôi", "vn.claims.earnings", "Làm giàu nhanh chóng cùng"),
    ("vn", "Thu nhập thụ động hàng tháng không giới hạn", "vn.claims.earnings", "Thu nhập thụ động hàng tháng"),
    ("vn", "Lợi nhuận 50% mỗi tháng, cam kết", "vn.claims.earnings", "Lợi nhuận 50% mỗi tháng"),
    ("vn", "Ngồi nhà kiếm tiền triệu mỗi ngày", "vn.claims.earnings", "Ngồi nhà kiếm tiền triệu"),
    ("vn", "Cam kết lợi nhuận 10%/tháng", "vn.claims.earnings", "Cam kết lợi nhuận 10%"),
    ("vn", "Tham gia ngay, thu nhập lên đến 50 triệu mỗi tháng", "vn.claims.earnings", "Tham gia ngay, thu nhập lên đến 50 triệu mỗi tháng"),
    ("vn", "Chỉ cần làm 2 tiếng mỗi ngày, kiếm 20 triệu/tháng", "vn.claims.earnings", "Chỉ cần làm 2 tiếng mỗi ngày, kiếm 20 triệu/tháng"),
    ("vn", "Mình từ nhân viên văn phòng giờ thu nhập 100 triệu mỗi tháng nhờ bán hàng online", "vn.claims.earnings", "thu nhập 100 triệu mỗi tháng"),
    ("id", "Kamu bakal turun 3-5 kg di minggu pertama", "id.claims.weight_timeline", "turun 3-5 kg"),
    ("id", "Berat badan turun drastis dalam seminggu", "id.claims.condition_timeline", "Berat badan turun drastis dalam seminggu"),
    ("id", "Hasilnya langsung kelihatan dalam 15 menit", "id.claims.whitening_timeline", "Hasilnya langsung kelihatan dalam 15 menit"),
    ("id", "Efek langsung terasa", "id.claims.whitening_timeline", "Efek langsung terasa"),
    ("id", "Flek hitam memudar dalam 7 hari", "id.claims.condition_timeline", "Flek hitam memudar dalam 7 hari"),
    ("id", "Perut buncit langsung rata", "id.claims.concern_result", "Perut buncit langsung rata"),
    ("id", "Say goodbye to perut buncit", "id.claims.concern_result", "Say goodbye to perut buncit"),
    ("id", "Bye bye lemak perut", "id.claims.concern_result", "Bye bye lemak perut"),
    ("id", "Capek punya jerawat yang nggak hilang-hilang? Cobain serum ini", "id.claims.concern_result", "Capek punya jerawat yang nggak hilang-hilang? Cobain"),
    ("id", "Sebelum pakai 70 kg, sesudah pakai 60 kg", "id.claims.weight_timeline", "Sebelum pakai 70 kg, sesudah pakai 60 kg"),
    ("id", "Wajah lebih cerah 2 tingkat dalam seminggu", "id.claims.instant", "lebih cerah 2 tingkat"),
    ("id", "Dijamin turun berat badan", "id.claims.guarantee", "Dijamin turun berat badan"),
    ("id", "Auto langsing", "id.claims.instant", "Auto langsing"),
    ("id", "Efeknya terasa sejak pemakaian pertama", "id.claims.instant", "Efeknya terasa sejak pemakaian pertama"),
    ("id", "Gula darah stabil dalam 2 minggu", "id.claims.condition_timeline", "Gula darah stabil dalam 2 minggu"),
    ("id", "Kolesterol turun setelah seminggu minum", "id.claims.condition_timeline", "Kolesterol turun setelah seminggu"),
    ("id", "Ginjal jadi sehat kembali", "id.claims.cure", "Ginjal jadi sehat kembali"),
    ("id", "Mengembalikan fungsi ginjal", "id.claims.cure", "Mengembalikan fungsi ginjal"),
    ("id", "Terbukti aman karena sudah BPOM", "id.claims.bpom_endorsement", "Terbukti aman karena sudah BPOM"),
    ("id", "Dokter aja pakai produk ini", "id.endorsers.health_professional", "Dokter aja pakai"),
    ("id", "Dipercaya ribuan dokter di Indonesia", "id.endorsers.health_professional", "Dipercaya ribuan dokter"),
    ("id", "Pilihan para dokter kecantikan", "id.endorsers.health_professional", "Pilihan para dokter kecantikan"),
    ("id", "Dokter pun merekomendasikan suplemen ini", "id.endorsers.health_professional", "Dokter pun merekomendasikan"),
    ("id", "Bersertifikat BPOM dan MUI, khasiat terjamin", "id.claims.guarantee", "khasiat terjamin"),
    ("id", "Diendorse dokter", "id.endorsers.health_professional", "Diendorse dokter"),
    ("id", "Tidak berbahaya sama sekali", "id.claims.guarantee", "Tidak berbahaya sama sekali"),
    ("id", "Aman untuk semua jenis kulit", "id.claims.safety", "Aman untuk semua jenis kulit"),
    ("id", "Nggak ada efek sampingnya sama sekali", "id.claims.guarantee", "Nggak ada efek sampingnya"),
    ("id", "Tidak merusak ginjal", "id.claims.safety", "Tidak merusak ginjal"),
    ("id", "Efeknya setara suntik botox", "id.claims.equivalence", "Efeknya setara suntik botox"),
    ("id", "Hasilnya seperti habis perawatan klinik", "id.claims.equivalence", "Hasilnya seperti habis perawatan klinik"),
    ("id", "Sama seperti filler tanpa jarum", "id.claims.equivalence", "Sama seperti filler tanpa jarum"),
    ("id", "Pengganti operasi plastik", "id.claims.equivalence", "Pengganti operasi plastik"),
    ("id", "Kandungan vitamin C 10x lipat dari jeruk", "id.claims.equivalence", "vitamin C 10x lipat dari jeruk"),
    ("id", "Gak perlu ke klinik lagi, hasilnya sama", "id.claims.equivalence", "Gak perlu ke klinik lagi"),
    ("id", "Dapat cuan jutaan tiap hari", "id.claims.earnings", "Dapat cuan jutaan tiap hari"),
    ("id", "Gabung sekarang, income 20 juta sebulan", "id.claims.earnings", "Gabung sekarang, income 20 juta sebulan"),
    ("id", "Bisnis ini bikin aku kaya dalam 3 bulan", "id.claims.earnings", "bikin aku kaya dalam"),
    ("id", "Profit 30% per bulan dijamin", "id.claims.earnings", "Profit 30% per bulan"),
    ("id", "Balik modal dalam seminggu", "id.claims.earnings", "Balik modal dalam seminggu"),
    ("id", "Omzet ratusan juta per bulan, kamu juga bisa", "id.claims.earnings", "Omzet ratusan juta per bulan"),
    ("id", "Kerja dari rumah, gaji 15 juta", "id.claims.earnings", "dari rumah, gaji 15 juta"),
    # youth and long life promised (Kepmenkes 386/1994, BPOM's over-claim list), two body results in a moment,
    # marital harmony from a jamu
    ("id", "Jamu ini bikin awet muda, order sekarang", "id.claims.youth_longevity", "bikin awet muda"),
    ("id", "Minum rutin biar panjang umur, cek keranjang kuning", "id.claims.youth_longevity", "biar panjang umur"),
    ("id", "Kapsul herbal bikin badan langsing dan montok dalam sekejap", "id.claims.instant", "langsing dan montok dalam sekejap"),
    ("id", "Jamu ini merukunkan suami istri", "id.claims.sexual", "merukunkan suami istri"),
    ("id", "Jamu sehat pria, bikin makin perkasa", "id.claims.sexual", "bikin makin perkasa"),
    ("vn", "Viên uống giúp trẻ mãi không già", "vn.claims.youth_longevity", "trẻ mãi không già"),
    ("vn", "Uống đều trẻ ra như tuổi đôi mươi", "vn.claims.youth_longevity", "trẻ ra như tuổi đôi mươi"),
    ("vn", "Sống thọ trăm tuổi nhờ trà này", "vn.claims.youth_longevity", "Sống thọ trăm tuổi"),
]

INNOCENT_S37_VNID = [
    ("vn", "Tạm biệt Đà Lạt, hẹn gặp lại mùa sau"),
    ("vn", "Không còn lo hết hàng, shop vừa nhập thêm 500 đơn"),
    ("vn", "Sau 3 ngày, bụng mình đói meo vì ăn kiêng"),
    ("vn", "Da giày sáng bóng sau 2 lần đánh xi"),
    ("vn", "Sau 2 tuần, tóc mình dài ra nhiều"),
    ("vn", "Ghế da sạch bong sau 1 lần lau với dung dịch này"),
    ("vn", "Bác sĩ Lan dặn bé uống nhiều nước"),
    ("vn", "Bác sĩ Hùng khuyên mình nên tập thể dục"),
    ("vn", "Lương 15 triệu/tháng, tuyển nhân viên kho"),
    ("vn", "Thu nhập 20 triệu mỗi tháng nhưng vẫn không đủ tiêu"),
    ("vn", "Từ khi đi làm, thu nhập 10 triệu mỗi tháng, tiết kiệm được 3 triệu"),
    ("vn", "Không còn mụn nào sau khi đi khám da liễu"),
    ("vn", "Mình không còn thâm quầng vì ngủ đủ giấc mỗi ngày"),
    ("vn", "Hàng về đủ, không còn lo hết size"),
    ("vn", "Thoát khỏi vùng an toàn đi nào"),
    ("vn", "Huyết áp của bố ổn định, bác sĩ cho về nhà rồi"),
    ("vn", "Bị mụn à? Đi khám da liễu là hết nhé"),
    ("vn", "Mụn giảm sau 2 tuần uống thuốc bác sĩ kê"),
    ("vn", "Eo ơi, sau 2 ngày mà hàng vẫn chưa tới"),
    ("vn", "Vòng eo của mình tăng sau tết, giờ phải tập lại"),
    ("vn", "Sau 1 tháng, bụng bầu của mình to hơn hẳn"),
    ("vn", "Thanh toán an toàn 100% qua thẻ"),
    ("vn", "Bộ Y tế công bố số ca mắc mới hôm nay"),
    ("vn", "Sở Y tế chứng nhận đủ điều kiện cho cơ sở sản xuất"),
    ("vn", "Hiệu quả công việc tăng sau 2 tuần làm việc tại nhà"),
    ("vn", "Bác sĩ Nguyễn Văn A đều đặn khám cho bà mỗi tuần"),
    ("vn", "Các bác sĩ đều khuyên nên tiêm phòng cúm hàng năm"),
    ("vn", "Không hề có tác dụng phụ nghiêm trọng nào được ghi nhận, theo báo cáo của Bộ Y tế"),
    ("vn", "Canxi trong sữa chua cao gấp 2 lần sữa tươi theo bảng dinh dưỡng"),
    ("vn", "Mình làm giàu nhanh chóng là nhờ trúng số thôi đùa đấy"),
    ("vn", "Không còn nếp nhăn trên áo sau khi là bằng bàn ủi hơi nước"),
    ("vn", "Tóc khô xơ? Thử ủ dầu dừa tại nhà xem sao"),
    ("id", "Selamat tinggal tahun lama, selamat datang 2027"),
    ("id", "Bebas dari macet karena kerja dari rumah"),
    ("id", "Capek punya mata panda? Tidur cukup ya guys"),
    ("id", "Perutku langsung kenyang habis makan"),
    ("id", "Gaji 6 juta per bulan, lowongan staf admin, kirim CV"),
    ("id", "Alhamdulillah gak perlu operasi lagi kata dokter"),
    ("id", "Ginjal ibu sudah normal kembali setelah dirawat di rumah sakit"),
    ("id", "Lagu ini langsung terasa nostalgia"),
    ("id", "Hasilnya langsung terlihat di papan skor"),
    ("id", "Dipercaya ratusan pelanggan sejak 2010"),
    ("id", "Aman untuk semua orang? Cek dulu komposisinya"),
    ("id", "Tidak merusak ginjal kalau diminum sesuai dosis, kata apoteker"),
    ("id", "Profit 10% per bulan itu tidak masuk akal, hati-hati penipuan"),
    ("id", "Auto sembuh rindu kalau ketemu kamu"),
    ("id", "Harga naik auto mahal semua"),
    ("id", "Sebelum pakai 2 kg beras, sekarang 3 kg per hari"),
    ("id", "Usir nyamuk dari rumah pakai lavender"),
    ("vn", "Chúc bà ngoại sống lâu trăm tuổi, cả nhà luôn bên bà"),
    ("vn", "Cách bảo quản laptop để tăng tuổi thọ máy"),
    ("vn", "Bí quyết trường thọ của cụ ông 105 tuổi là ăn nhiều rau"),
    ("id", "Panjang umur perjuangan, selamat hari guru"),
    ("id", "Biar panjang umur, rajin olahraga dan tidur cukup ya guys"),
    ("id", "Supaya awet muda, kurangi gula dan perbanyak air putih"),
]


@pytest.mark.parametrize("market, text, rule, words", CLAIMS_S37_VNID)
def test_claim_shapes_are_found(market, text, rule, words):
    found = claim_findings(text, market)
    hits = [f for f in found if f.rule == rule]
    assert hits, f"{rule} did not find {words!r} in {text!r}: {[(f.rule, f.text) for f in found]}"
    assert any(f.text == words for f in hits), [(f.rule, f.text) for f in hits]


@pytest.mark.parametrize("market, text", INNOCENT_S37_VNID)
def test_innocent_use_of_the_same_words_passes(market, text):
    assert claim_findings(text, market) == []


def test_a_post_that_sells_nothing_gets_no_claim_warning():
    for market, text in [("vn", "Sau 1 tuần nghỉ ốm, da mình trắng hẳn vì ở trong nhà suốt"),
                         ("id", "Alhamdulillah perut buncit bapak langsung rata habis rajin jalan pagi")]:
        assert claim_findings(text, market, commercial=False) == []
