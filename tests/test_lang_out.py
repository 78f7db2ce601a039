"""Messages and suggestions in the market's language (issue 20): the packs' `messages:` catalogues and
`--lang-out`. Default: a market pack's rules in that market's first language, global rules in English."""

import json

import pytest
import regex
from click.testing import CliRunner

from checker.cli import main
from checker.language import detect_latin
from checker.rules import PackError, load_rules
from checker.runner import Localizer

_RULESET = load_rules()
SEA_CN = ("id", "th", "vn", "my", "ph", "cn")


def _findings(tmp_path, text, *args):
    post = tmp_path / "post.txt"
    post.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(post), "--config", "none", "-f", "json", "--commercial", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["documents"][0]["findings"]


def test_thai_rule_speaks_thai_by_default_and_english_on_request(tmp_path):
    text = "บุหรี่ไฟฟ้าแบบใช้แล้วทิ้ง 10 กลิ่น ส่งด่วนทั่วประเทศ ทักแชทเลย\n"
    rule = _RULESET.rules["th.restricted.vape"]
    thai = [f for f in _findings(tmp_path, text, "-m", "th") if f["rule"] == "th.restricted.vape"]
    english = [f for f in _findings(tmp_path, text, "-m", "th", "--lang-out", "en") if f["rule"] == "th.restricted.vape"]
    assert thai and english
    assert thai[0]["message"] == rule.texts["th"]["message"] != rule.message
    assert english[0]["message"] == rule.message
    # the rule's own suggestion is Thai; the English one comes from the catalogue
    assert thai[0]["suggestion"] == rule.suggestion
    assert english[0]["suggestion"] == rule.texts["en"]["suggestion"]
    assert english[0]["suggestion"].isascii()


def test_global_rules_stay_in_english_in_a_local_market(tmp_path):
    findings = _findings(tmp_path, "Ready stock! WhatsApp 0812-3456-7890 untuk order ya\n", "-m", "id")
    glob = [f for f in findings if f["rule"].startswith("global.")]
    assert glob
    for f in glob:
        assert f["message"] == _RULESET.rules[f["rule"]].message


def test_lang_out_picks_a_language_for_every_rule(tmp_path):
    # Indonesian text for an Indonesian rule, shown in a run for two markets with --lang-out id
    findings = _findings(tmp_path, "Main di situs slot terpercaya, deposit 10rb langsung main\n", "-m", "id,my",
                         "--lang-out", "id")
    gambling = [f for f in findings if f["rule"] == "id.restricted.gambling"]
    assert gambling and gambling[0]["message"] == "Promosi judi online yang dilarang"


def test_bad_lang_out_is_a_one_line_error(tmp_path):
    post = tmp_path / "post.txt"
    post.write_text("hello\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(post), "--config", "none", "--lang-out", "thai!"])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "--lang-out" in result.stderr


def test_localizer_keeps_an_overridden_or_outcome_message():
    rule = _RULESET.rules["my.claims.kkliu"]
    localize = Localizer(_RULESET, "market")
    doc = {"findings": [
        {"rule": "my.claims.kkliu.missing", "message": rule.message, "suggestion": rule.suggestion},
        {"rule": "my.claims.kkliu.missing", "message": "a market's own wording", "suggestion": None},
    ]}
    first, second = localize(doc)["findings"]
    assert first["message"] == rule.texts["ms"]["message"]
    assert second["message"] == "a market's own wording"


# What a text reads as: Thai, Chinese and Vietnamese by their script and marks; Indonesian, Malay and
# Filipino by their function words (checker.language.detect_latin). Quoted words and parentheses are set
# aside when a text must read as English ("Promotion of online gambling (judi online)" is English).
_THAI = regex.compile(r"\p{Thai}")
_HAN = regex.compile(r"\p{Han}")
_VI = regex.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.I)
_QUOTED = regex.compile(r'"[^"]*"|“[^”]*”|「[^」]*」|\([^)]*\)|（[^）]*）')


def _reads_as(text: str | None, lang: str, local: str) -> bool:
    if not text:
        return False
    bare = _QUOTED.sub(" ", text)
    if lang == "th":
        return bool(_THAI.search(bare))
    if lang == "zh":
        return len(_HAN.findall(bare)) >= 2
    if lang == "vi":
        return len(_VI.findall(bare)) >= 2
    if lang == "en":
        if _THAI.search(bare) or len(_HAN.findall(bare)) >= 2 or len(_VI.findall(bare)) >= 2:
            return False
        return local in ("th", "zh", "vi", "en") or detect_latin(bare, ["en", local]) == "en"
    return detect_latin(text, [lang, "en"]) == lang


def _shown(rule, lang: str) -> tuple[str | None, str | None]:
    """The message and suggestion a report shows for `rule` with `--lang-out lang`."""
    entry = rule.texts.get(lang) or {}
    return entry.get("message") or rule.message, entry.get("suggestion") or rule.suggestion


def test_the_language_check_tells_english_from_local_text():
    assert _reads_as("Promosi judi online yang dilarang", "id", "id")
    assert not _reads_as("Promotion of online gambling (judi online)", "id", "id")
    assert _reads_as("Promotion of online gambling (judi online)", "en", "id")
    assert not _reads_as("Jangan mempromosikan atau menjual minuman beralkohol di konten.", "en", "id")
    assert not _reads_as('Event sponsored by an alcohol brand ("สนับสนุนโดย")', "th", "th")
    assert not _reads_as("Say what the product does: 我用过很满意的面霜、这款的保湿力很出色", "en", "zh")
    assert _reads_as("Dùng tên gọi Biển Đông", "vi", "vi") and not _reads_as('Use "Biển Đông"', "vi", "vi")


@pytest.mark.parametrize("code", SEA_CN)
def test_every_rule_of_sea_and_cn_has_both_languages(code):
    """Every own rule of the SEA and CN packs shows its message and suggestion in the market's language
    and in English (its own text, or the catalogue's), and the two differ."""
    local = _RULESET.markets[code].languages[0]
    missing = []
    for rule in _RULESET.markets[code].own_rules:
        local_texts, en_texts = _shown(rule, local), _shown(rule, "en")
        for kind, text_local, text_en in zip(("message", "suggestion"), local_texts, en_texts, strict=True):
            if not _reads_as(text_local, local, local):
                missing.append(f"{rule.id}: {kind} in {local}")
            if not _reads_as(text_en, "en", local):
                missing.append(f"{rule.id}: {kind} in en")
            if text_local == text_en:
                missing.append(f"{rule.id}: {kind} is the same in {local} and en")
    assert not missing, "\n".join(missing)


def test_singapore_rules_speak_english_and_the_chinese_malay_rules_those_languages_too():
    """Singapore: English (the working language of its advertising) for every rule; a rule written first
    for Chinese or Malay text also has its message and suggestion in those languages."""
    missing = []
    for rule in _RULESET.markets["sg"].own_rules:
        for kind, text in zip(("message", "suggestion"), _shown(rule, "en"), strict=True):
            if not _reads_as(text, "en", "ms"):
                missing.append(f"{rule.id}: {kind} in en")
        if not rule.languages or rule.languages[0] == "en":
            continue
        for lang in set(rule.languages) & {"zh", "ms"}:
            for kind, text in zip(("message", "suggestion"), _shown(rule, lang), strict=True):
                if not _reads_as(text, lang, lang):
                    missing.append(f"{rule.id}: {kind} in {lang}")
    assert not missing, "\n".join(missing)


def test_machine_written_text_is_marked_for_native_review():
    for code in SEA_CN:
        local = _RULESET.markets[code].languages[0]
        reviews = {r.texts[local]["review"] for r in _RULESET.markets[code].own_rules if local in r.texts}
        assert reviews == {"pending"}, code


def test_catalogue_for_an_unknown_rule_is_a_pack_error(tmp_path):
    pack = tmp_path / "team"
    pack.mkdir()
    (pack / "pack.yaml").write_text("market: th\nname: Team\nlanguages: [th]\nversion: \"1.0\"\n", encoding="utf-8")
    (pack / "messages.yaml").write_text(
        "messages:\n  th:\n    review: pending\n    rules:\n      th.nope.missing:\n        message: x\n",
        encoding="utf-8")
    with pytest.raises(PackError, match=r"messages.yaml:5: messages: unknown rule 'th.nope.missing'"):
        load_rules([str(pack)])
