"""A script's disclosure is judged as the viewer meets it: production metadata (front matter, a Markdown
heading) is no disclosure, and a label's position is measured in what the viewer sees: the caption line
from its own start, the spoken and on-screen lines by count, subtitles by time."""

from __future__ import annotations

import checker
from checker.check import check_item
from checker.sources import SourceOptions, iter_documents

CHECKER = checker.load_checker()


def disclosure(tmp_path, name: str, text: str) -> set[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [doc] = list(iter_documents([str(path)], SourceOptions()))
    return {f.rule for f in check_item(CHECKER, doc, ()).findings if ".disclosure." in f.rule}


FRONT = "---\nmarket: us\nproduct: cosmetic\nsponsored: true\n---\n"
BODY = ("HOST: Okay, I've been testing this serum for six weeks.\n"
        "HOST: Three drops, morning and night.\n")


def test_a_heading_saying_paid_partnership_is_not_a_disclosure(tmp_path):
    found = disclosure(tmp_path, "a.md", FRONT + "# Serum launch (paid partnership)\n\n" + BODY)
    assert found == {"us.disclosure.ad.missing"}


def test_front_matter_saying_sponsored_is_not_a_disclosure(tmp_path):
    front = "---\nmarket: us\nsponsored: true\nproduct: cosmetic\ntitle: Sponsored launch\n---\n"
    assert disclosure(tmp_path, "a.md", front + BODY) == {"us.disclosure.ad.missing"}


def test_the_caption_line_is_measured_from_its_own_start(tmp_path):
    # 30 spoken lines above it: far past 100 characters of the file, yet "#ad" opens the caption
    long_body = "".join(f"HOST: Step {i}, pat it in gently and wait a moment.\n" for i in range(30))
    text = FRONT + long_body + "\nCAPTION: #ad My new holy grail serum #skincare\n"
    assert disclosure(tmp_path, "a.md", text) == set()
    late = FRONT + BODY + "\nCAPTION: " + "My new holy grail serum, I use it every morning and night. " * 3 + "#ad\n"
    assert disclosure(tmp_path, "b.md", late) == {"us.disclosure.ad.buried"}


def test_spoken_lines_are_counted_without_headings_and_directions(tmp_path):
    text = (FRONT + "# Launch video\n\n[SHOT 1] Bathroom\n\n(holds up the bottle)\n\n"
            "HOST: Quick ad for GlowLab, they sent me this serum.\n" + BODY)
    assert disclosure(tmp_path, "a.md", text) == set()
    late = FRONT + BODY + BODY + "HOST: Oh, and this is an ad for GlowLab.\n"
    assert disclosure(tmp_path, "b.md", late) == {"us.disclosure.ad.buried"}


def test_subtitles_by_time(tmp_path):
    early = "1\n00:00:01,000 --> 00:00:03,000\nAd: GlowLab sent me this serum\n\n2\n00:00:20,000 --> 00:00:22,000\nThree drops a day\n"
    # ("GlowLab sent me this serum" would itself be a plain-language disclosure the FTC accepts)
    late = "1\n00:00:01,000 --> 00:00:03,000\nOkay, six weeks with this serum\n\n2\n00:00:20,000 --> 00:00:22,000\nThis is an ad, by the way\n"
    from checker.model import Meta

    meta = SourceOptions(meta=Meta(markets=("us",), sponsored=True, product="cosmetic"))
    for name, text, expected in (("e.srt", early, set()), ("l.srt", late, {"us.disclosure.ad.buried"})):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        [doc] = list(iter_documents([str(path)], meta))
        assert {f.rule for f in check_item(CHECKER, doc, ()).findings if ".disclosure." in f.rule} == expected
