"""Messages and suggestions in the market's language (issue 20): the packs' `messages:` catalogues and
`--lang-out`. Default: a market pack's rules in that market's first language, global rules in English."""

import json

import pytest
from click.testing import CliRunner

from checker.cli import main
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
    assert gambling and gambling[0]["message"] == "Promosi judi online"


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


@pytest.mark.parametrize("code", SEA_CN)
def test_error_rules_of_sea_and_cn_have_both_languages(code):
    """Every error-level rule of the SEA and CN packs has its message and suggestion in the market's
    language and in English (its own text, or the catalogue's)."""
    local = _RULESET.markets[code].languages[0]
    for rule in _RULESET.markets[code].own_rules:
        if rule.severity != "error":
            continue
        texts = {lang: dict(entry) for lang, entry in rule.texts.items()}
        local_msg = texts.get(local, {}).get("message") or rule.message
        en_msg = texts.get("en", {}).get("message") or rule.message
        local_sug = texts.get(local, {}).get("suggestion") or rule.suggestion
        en_sug = texts.get("en", {}).get("suggestion") or rule.suggestion
        assert local_msg != en_msg, f"{rule.id}: no {local} message"
        assert local_sug and en_sug and local_sug != en_sug, f"{rule.id}: suggestion missing in {local} or en"


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
