"""Engine behaviour on small packs written for the test: matching, context, offsets, merging."""

from pathlib import Path

import pytest

from checker.engine import Checker
from checker.model import Document, Meta, Segment
from checker.normalize import normalize
from checker.rules import PackError, load_rules
from checker.rules.phrases import TemplateError, expand

GLOBAL = """
market: global
name: Global
languages: [en, zh]
version: "1"
rules:
  - id: global.offplatform.whatsapp
    kind: regex
    category: offplatform
    severity: error
    message: Sends buyers to WhatsApp
    rationale: TikTok Shop forbids taking orders off the platform.
    source: TikTok Shop Seller University
    regex: '(?i)\\b(?:whats\\s?app|wa\\.me)\\b'
    examples:
      flag: ["DM me on WhatsApp", "wa.me/6012345"]
      pass: ["What's up", "app store"]
  - id: global.claims.superlative
    kind: terms
    category: claim
    severity: warning
    message: Unqualified superlative
    rationale: Needs proof.
    source: markets.md 1.4
    terms:
      en: ["best {serum|cream|moisturizer} [ever]", "number one", "guarantee results"]
      zh: ["最好", "第一"]
    unless:
      - phrases: {en: ["best buy", "best before"], zh: ["最近", "第一次"]}
    examples:
      flag: ["best serum ever", "最好的面霜"]
      pass: ["Best Buy", "最近很忙"]
"""

US = """
market: us
name: United States
languages: [en]
version: "2"
extends: global
overrides:
  global.claims.superlative: {severity: error}
rules:
  - id: us.claims.cure
    kind: terms
    category: claim
    severity: error
    message: Disease claim
    rationale: FTC health claims need trials.
    source: FTC Health Products Compliance Guidance (2022)
    suggestion: Say what it does for the look of skin.
    terms: ["cure {acne|eczema}", "treat {acne|eczema}"]
    unless:
      - phrases: ["not", "no", "never"]
        within: 2
        side: before
    examples:
      flag: ["cures acne", "treated my eczema"]
      pass: ["does not cure acne", "cured salmon"]
  - id: us.claims.weight
    kind: pattern
    category: claim
    severity: error
    message: Weight-loss claim
    rationale: FTC Gut Check.
    source: FTC Gut Check
    patterns:
      - [{LOWER: {IN: [lose, lost, drop]}}, {LIKE_NUM: true}, {LOWER: {IN: [lbs, pounds, kg]}}]
    examples:
      flag: ["lose 10 pounds", "I lost 5 kg"]
      pass: ["lose weight", "lost 10 followers"]
"""

UK = """
market: uk
name: United Kingdom
languages: [en]
version: "3"
extends: global
rules: []
"""


def write_packs(root: Path, packs: dict[str, str]) -> Path:
    for name, text in packs.items():
        (root / name).mkdir(parents=True, exist_ok=True)
        (root / name / "pack.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def small(tmp_path):
    return Checker(load_rules(builtin_dir=write_packs(tmp_path, {"global": GLOBAL, "us": US, "uk": UK})))


def check(checker, text, markets=("us",), **meta):
    doc = Document("t.txt", [Segment.whole(text)], Meta(markets=tuple(markets), **meta), text=text)
    return checker.check(doc)


def test_offsets_point_into_the_original_text(small):
    text = "Honestly?\nThis is the best serum ever — DM me on WhatsApp!"
    findings = check(small, text)
    assert [(f.rule, f.text) for f in findings] == [
        ("global.claims.superlative", "best serum ever"),
        ("global.offplatform.whatsapp", "WhatsApp"),
    ]
    for f in findings:
        assert text[f.start : f.end] == f.text
    assert (findings[0].line, findings[0].column) == (2, 13)


def test_unless_context_cancels(small):
    assert check(small, "Best Buy has the best before date printed") == []
    assert [f.text for f in check(small, "Lowest price at Best Buy, but the best cream ever is here")] == ["best cream ever"]
    assert check(small, "It does not cure acne, it just hides it") == []
    assert [f.text for f in check(small, "It will cure acne, no filter")] == ["cure acne"]


def test_lemma_forms_match_without_a_lemmatizer(small):
    assert [f.text for f in check(small, "This cures acne and treats eczema")] == ["cures acne", "treats eczema"]
    assert [f.text for f in check(small, "We guaranteed results!")] == ["guaranteed results"]


def test_chinese_matches_characters_and_respects_exceptions(small):
    assert [f.text for f in check(small, "这是最好的面霜")] == ["最好"]
    assert check(small, "最近很忙，第一次用这个牌子") == []


def test_pattern_kind_with_numbers(small):
    assert [f.text for f in check(small, "I lost 12 lbs in a week")] == ["lost 12 lbs"]
    assert check(small, "I lost 12 followers this week") == []


def test_normalization_maps_back_to_full_width_text(small):
    text = "私信我 ＷｈａｔｓＡｐｐ！"
    (f,) = check(small, text)
    assert f.text == "ＷｈａｔｓＡｐｐ" and text[f.start : f.end] == f.text


def test_normalize_composes_marks_and_keeps_a_map():
    text = "Kem to\u0302\u0301t nha\u0302\u0301t"  # circumflex and tone mark typed separately
    norm = normalize(text)
    assert norm.text == "Kem tốt nhất"
    s, e = norm.span(4, 7)
    assert text[s:e] == "to\u0302\u0301t"


def test_same_words_in_two_markets_come_out_once(small):
    (f,) = check(small, "best serum ever", markets=("us", "uk"))
    assert f.markets == ["uk", "us"]
    assert f.severity == "error"  # the US pack raises it to error


def test_segments_map_through_pieces(small):
    origin = "<i>best</i> <i>serum ever</i>"
    seg = Segment(text="best serum ever", kind="spoken", origin=origin, pieces=((0, 3, 4), (4, 11, 1), (5, 15, 10)))
    doc = Document("x.srt", [seg], Meta(markets=("us",)), text=origin)
    (f,) = small.check(doc)
    assert (f.start, f.end) == (3, 25) and origin[f.start : f.end] == "best</i> <i>serum ever"


def test_select_and_ignore(tmp_path):
    rs = load_rules(builtin_dir=write_packs(tmp_path, {"global": GLOBAL, "us": US}))
    text = "best serum ever, cures acne, WhatsApp me"
    only = Checker(rs, select=["us.claims"])
    assert {f.rule for f in check(only, text)} == {"us.claims.cure"}
    skip = Checker(rs, ignore=["global"])
    assert {f.rule for f in check(skip, text)} == {"us.claims.cure"}


def test_template_expansion():
    assert expand("[your] {skin|face} glow") == ["your skin glow", "your face glow", "skin glow", "face glow"]
    with pytest.raises(TemplateError):
        expand("{a|b")


def test_bad_pack_names_file_line_and_field(tmp_path):
    bad = US.replace("    severity: error\n    message: Disease claim", "    serverity: error\n    message: Disease claim")
    write_packs(tmp_path, {"global": GLOBAL, "us": bad})
    with pytest.raises(PackError) as err:
        load_rules(builtin_dir=tmp_path)
    msg = str(err.value)
    assert "us/pack.yaml:" in msg and "serverity" in msg and "us.claims.cure" in msg
    line = int(msg.split("pack.yaml:")[1].split(":")[0])
    assert "serverity: error" in (tmp_path / "us" / "pack.yaml").read_text().splitlines()[line - 1]
    assert "did you mean 'severity'" in msg


@pytest.mark.parametrize("terms", ['{xx: ["cure {acne|eczema}"]}', '{en: ["cure acne"], eng: ["treat acne"]}'])
def test_a_rule_in_a_language_no_post_is_checked_in_is_a_pack_error(tmp_path, terms):
    """A per-language map keyed by an unknown code (`xx`, or `eng` for `en`) made a rule that never fired
    and said nothing."""
    bad = US.replace('    terms: ["cure {acne|eczema}", "treat {acne|eczema}"]', f"    terms: {terms}")
    write_packs(tmp_path, {"global": GLOBAL, "us": bad})
    with pytest.raises(PackError) as err:
        load_rules(builtin_dir=tmp_path)
    unknown = "xx" if "xx" in terms else "eng"
    assert f"rule us.claims.cure: unknown language '{unknown}' (languages: en, zh, th, id, ms, vi, tl)" in str(err.value)
    assert "us/pack.yaml:" in str(err.value)


def test_gk_rule_cannot_be_an_error(tmp_path):
    gk = US.replace("    source: FTC Gut Check\n", "    source: FTC Gut Check\n    evidence: GK\n")
    write_packs(tmp_path, {"global": GLOBAL, "us": gk})
    with pytest.raises(PackError, match="GK"):
        load_rules(builtin_dir=tmp_path)


def test_yaml_no_is_a_word_not_a_boolean(tmp_path):
    rs = load_rules(builtin_dir=write_packs(tmp_path, {"global": GLOBAL, "us": US}))
    assert rs.rules["us.claims.cure"].unless[0]["phrases"] == ["not", "no", "never"]


def test_team_pack_extends_a_market(tmp_path):
    builtin = write_packs(tmp_path / "builtin", {"global": GLOBAL, "us": US})
    team = tmp_path / "brand"
    (team / "acme").mkdir(parents=True)
    (team / "acme" / "pack.yaml").write_text(
        """
market: acme
name: Acme US
languages: [en]
version: "1"
extends: us
disable: [us.claims.weight]
rules:
  - id: acme.claims.competitor
    kind: terms
    category: claim
    severity: warning
    message: Names a competitor
    rationale: Legal asked us not to.
    source: Acme brand guide 2026
    terms: [glowco]
    examples:
      flag: ["better than GlowCo", "glowco who?"]
      pass: ["glow cream", "co-op"]
""",
        encoding="utf-8",
    )
    rs = load_rules([str(team)], builtin_dir=builtin)
    c = Checker(rs)
    rules = {f.rule for f in check(c, "Better than GlowCo, cures acne, lose 10 lbs", markets=("acme",))}
    assert rules == {"acme.claims.competitor", "us.claims.cure"}
