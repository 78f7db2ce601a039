"""Input at the edges, against the contract for bad input: a one-line error naming the file and place,
exit 2, never a traceback, nothing else lost; and offsets that always point into the user's text.

- a lone CR (old Mac files, "CSV (Macintosh)" exports) is a line break like LF and CR LF: in how a
  script, a caption, subtitles and CSV are read, and in every line and column reported;
- front matter opened by `---` and never closed is an error, unless what follows is no front matter
  (a `---` rule line over the text);
- a JSON export written on one line names the column of what is wrong, under `check` and `audit`;
- a rule whose regular expression ran out of time is reported at the line of the text it gave up on;
- `--lang-out` with a language no pack has messages in shows English.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from checker import baseline
from checker.cli import main
from checker.model import Document, InputError
from checker.rules import load_rules
from checker.rules.compiled import LanguageRules
from checker.runner import Localizer
from checker.sources import SourceOptions, iter_documents

SCRIPT = """---
market: uk
product: supplement
type: script
---
[SHOT 1] Kitchen counter, gym bag in the background. CREATOR shakes the bottle.

CREATOR: Right, it's week three on the LeanFuel shake and I've got to be honest with you.
ON-SCREEN: I dropped a stone in a month
(she pours the shake into a glass, close-up of the froth)
CREATOR: One scoop before breakfast and it literally burns belly fat
while you're sat at your desk. (taps the tub)
CAPTION: Are you beach body ready? #LeanFuel #ProteinShake
"""

SRT = """1
00:00:00,000 --> 00:00:02,400
Okay you guys, stop scrolling.

2
00:00:02,400 --> 00:00:05,100
I've been using the Lumière Glow Serum
for two weeks and it cures acne.

3
00:00:05,100 --> 00:00:08,000
DM me on WhatsApp to order yours!
"""

VTT = """WEBVTT

00:00:00.000 --> 00:00:02.800
<v Coach>New year, new you.

00:00:02.800 --> 00:00:06.000
This fat burner melts belly fat
<c.yellow>in just 7 days</c>, no diet needed.
"""

CAPTION = """Morning routine, part 3 ☀️

This serum honestly cured my acne in two weeks.
It's the best serum ever, link in bio!
#skincare #ad
"""

ENDINGS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "checker" / "reporters" / "report.schema.json")
                    .read_text(encoding="utf-8"))


def _cli(*args, input=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _write(path, text: str, ending: str):
    path.write_bytes(text.replace("\n", ending).encode("utf-8"))
    return path


def _errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("reelcheck: error:")]


def _read(path) -> list:
    return list(iter_documents([str(path)], SourceOptions()))


# --- a lone CR is a line break --------------------------------------------------------------------


def test_a_script_saved_with_cr_line_endings_reads_as_its_lf_twin(tmp_path):
    """Front matter, speaker turns, a turn that runs over two lines, directions in brackets: all as in
    the LF file, every segment character still the original's."""
    read = {}
    for name, ending in ENDINGS.items():
        (doc,) = _read(_write(tmp_path / f"{name}.txt", SCRIPT, ending))
        assert isinstance(doc, Document), doc
        for seg in doc.segments:
            for i, ch in enumerate(seg.text):
                assert doc.text[seg.to_original(i)] == ch
        read[name] = (doc.meta, [(s.kind, s.speaker, s.text.replace("\r\n", "\n").replace("\r", "\n"))
                                 for s in doc.segments])
    assert read["cr"] == read["lf"] == read["crlf"]
    meta, segments = read["cr"]
    assert (meta.markets, meta.product, meta.type) == (("uk",), "supplement", "script")
    assert ("spoken", "CREATOR", "One scoop before breakfast and it literally burns belly fat\n"
            "while you're sat at your desk.") in segments
    assert ("direction", "CREATOR", "taps the tub") in segments


@pytest.mark.parametrize(("name", "text", "market"), [
    ("script.txt", SCRIPT, "uk"), ("post.md", CAPTION, "us"), ("ad.srt", SRT, "us"), ("ad.vtt", VTT, "us"),
])
def test_findings_in_a_cr_file_are_at_the_lines_and_columns_of_its_lf_twin(tmp_path, name, text, market):
    paths = []
    for ending in ENDINGS:
        (tmp_path / ending).mkdir()
        paths.append(_write(tmp_path / ending / name, text, ENDINGS[ending]))
    result = _cli("check", *paths, "-m", market, "--commercial", "--config", "none", "-f", "json",
                  "--include-text")
    assert result.exit_code == 1, result.output
    found = {}
    for path, doc in zip(paths, json.loads(result.stdout)["documents"], strict=True):
        original = path.read_bytes().decode("utf-8")
        assert doc["text"] == original
        for f in doc["findings"]:
            assert original[f["start"]:f["end"]] == f["text"]  # (offsets into the file as it is)
        found[path.parent.name] = [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"],
                                    " ".join(f["text"].split())) for f in doc["findings"]]
    assert found["lf"], name
    assert found["cr"] == found["lf"] == found["crlf"]


def test_the_text_report_shows_the_finding_line_of_a_cr_file_alone(tmp_path):
    path = _write(tmp_path / "script.txt", SCRIPT, "\r")
    result = _cli("check", path, "-m", "uk", "--config", "none")
    assert result.exit_code == 1
    out = result.stdout
    assert f"{path}:9:14  uk.claims.weight_rate" in out
    assert " 9 | ON-SCREEN: I dropped a stone in a month\n" in out
    assert "\\r" not in out  # (a CR shown escaped: the whole file printed as one line)


def test_a_finding_in_a_cr_file_keeps_its_baseline_fingerprint(tmp_path):
    """The line a fingerprint hashes is the finding's line, not the whole file: a CR file converted to LF
    (or back) keeps its baseline."""
    path = tmp_path / "script.txt"
    prints = {}
    for ending in ("lf", "cr"):
        _write(path, SCRIPT, ENDINGS[ending])
        report = json.loads(_cli("check", path, "-m", "uk", "--config", "none", "-f", "json").stdout)
        (doc,) = report["documents"]
        prints[ending] = sorted(baseline.fingerprint(doc, f) for f in doc["findings"])
    assert prints["cr"] and prints["cr"] == prints["lf"]


def test_a_caption_export_saved_as_csv_macintosh_is_read_row_by_row(tmp_path):
    """Excel's "CSV (Macintosh)" ends rows with a lone CR: one row per line, not a header that cannot be
    read. A lone CR inside a quoted caption of a CR LF file is a line break too: kept in the caption as
    written, and counted in the lines of the rows after it."""
    rows = ["video_id,market,caption",
            "us-07065,us,Clinically proven to reverse ageing. 100% safe.",
            'us-07029,us,"Back in stock!\nDM me on WhatsApp to order"',
            "uk-07010,uk,This fat burner boosts your immune system"]
    text = "\n".join(rows) + "\n"
    for ending in ENDINGS.values():
        docs = _read(_write(tmp_path / "captions.csv", text, ending))
        assert all(isinstance(d, Document) for d in docs), docs
        assert [(d.record, d.record_line) for d in docs] == [("us-07065", 2), ("us-07029", 3), ("uk-07010", 5)]
        assert docs[1].segments[0].text == f"Back in stock!{ending}DM me on WhatsApp to order"
    (tmp_path / "mixed.csv").write_bytes(
        b'video_id,caption\r\nv1,"line one\rline two"\r\nv2,DM me on WhatsApp to order\r\n')
    docs = _read(tmp_path / "mixed.csv")
    assert [(d.record, d.record_line, d.segments[0].text) for d in docs] == [
        ("v1", 2, "line one\rline two"), ("v2", 4, "DM me on WhatsApp to order")]
    result = _cli("check", tmp_path / "mixed.csv", "-m", "us", "--config", "none", "-f", "json")
    (finding,) = [f for d in json.loads(result.stdout)["documents"] for f in d["findings"]]
    assert (finding["rule"], finding["line"], finding["column"]) == ("global.offplatform.messaging_app", 4, 1)


def test_a_json_array_counts_lone_crs_as_lines(tmp_path):
    path = tmp_path / "export.json"
    path.write_bytes(b'[\r  {"id": "a", "caption": "ok"},\r  {"id": "b", "caption": "fine"},\r  42\r]\r')
    items = _read(path)
    assert [d.record_line for d in items if isinstance(d, Document)] == [2, 3]
    (err,) = [i for i in items if isinstance(i, InputError)]
    assert (err.line, err.column, err.message) == (4, 3, "record is a JSON int, not an object")


def test_suppression_comments_in_a_cr_file_cover_the_lines_they_do_in_its_lf_twin(tmp_path):
    caption = ("Morning routine, part 3\n<!-- reelcheck: ignore[us.claims.cure] tested by our lab -->\n"
               "This serum cured my acne in two weeks.\nIt cures eczema too.\n")
    vtt = "WEBVTT\n\nNOTE reelcheck: ignore-file\n\n00:00:00.000 --> 00:00:03.000\nIt cures acne overnight.\n"
    paths = []
    for name, ending in ENDINGS.items():
        (tmp_path / name).mkdir()
        paths += [_write(tmp_path / name / "post.md", caption, ending),
                  _write(tmp_path / name / "ad.vtt", vtt, ending)]
    paths.append(_write(tmp_path / "unsuppressed.vtt", vtt.replace("NOTE reelcheck: ignore-file\n\n", ""), "\r"))
    report = json.loads(_cli("check", *paths, "-m", "us", "--config", "none", "-f", "json",
                             "--product", "cosmetic").stdout)
    cures = [[f["line"] for f in d["findings"] if f["rule"] == "us.claims.cure"] for d in report["documents"]]
    # (line 3 is covered by the comment above it; the VTT file by its NOTE)
    assert cures == [[4], [], [4], [], [4], [], [4]]


def test_a_bad_byte_in_a_cr_file_names_its_line(tmp_path):
    path = tmp_path / "post.txt"
    path.write_bytes(b"Morning routine\rpart 3\rCaf\xe9 latte serum\r")
    result = _cli("check", path, "-m", "us", "--config", "none")
    assert result.exit_code == 2
    (line,) = _errors(result)
    assert line.startswith(f"reelcheck: error: {path}:3 (byte 26): not valid UTF-8: byte 0xe9")


# --- front matter that is never closed -----------------------------------------------------------

UNCLOSED = """---
title: "LeanFuel launch"
market: [uk]
sponsored: true

# LeanFuel launch shoot

CREATOR: It literally burns belly fat while you're sat at your desk.
"""


def test_front_matter_never_closed_is_one_error_and_the_rest_of_the_batch_is_checked(tmp_path):
    _write(tmp_path / "launch.md", UNCLOSED, "\n")
    (tmp_path / "caption.txt").write_text("DM me on WhatsApp to order\n", encoding="utf-8")
    result = _cli("check", tmp_path, "-m", "uk", "--config", "none", "-f", "json")
    assert result.exit_code == 2
    assert _errors(result) == [f"reelcheck: error: {tmp_path / 'launch.md'}:1: front matter is never closed: "
                               "add a '---' line after line 4"]
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["documents"]] == [str(tmp_path / "caption.txt")]
    assert report["documents"][0]["findings"]
    s = report["summary"]
    assert (s["records_read"], s["records_checked"], s["records_failed"], s["errors"]) == (2, 1, 1, 1)
    for ending in ("\r\n", "\r"):  # (whatever its line endings)
        (err,) = _read(_write(tmp_path / "launch.md", UNCLOSED, ending))
        assert isinstance(err, InputError) and (err.line, err.message) == (
            1, "front matter is never closed: add a '---' line after line 4")


@pytest.mark.parametrize("text", [
    "---\nHOST: Welcome back, everyone!\nHOST: This serum cures acne.\n",  # speaker lines under a rule
    "---\n\nSunday reset: a long walk and an early night.\n",
    "---\ntitle: Weekly vlog\n\nSunday reset: a long walk.\n",  # no key reelcheck reads
])
def test_a_rule_line_over_the_text_is_not_front_matter(tmp_path, text):
    (doc,) = _read(_write(tmp_path / "post.md", text, "\n"))
    assert isinstance(doc, Document) and doc.segments


# --- a JSON export on one line -------------------------------------------------------------------

RECORDS = [
    {"id": "v1001", "market": "us", "caption": "New drop! This serum cured my acne in two weeks #ad"},
    {"id": "v1002", "market": "us", "caption": "Morning routine with my favourite mug"},
    {"id": "v1003", "market": "us", "caption": "DM me on WhatsApp to order"},
]


def _one_line(tmp_path, name: str, old: str, new: str):
    text = json.dumps(RECORDS, ensure_ascii=False)
    assert text.count(old) == 1
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["check", "audit"])
def test_a_one_line_json_export_names_the_column_of_what_is_wrong(tmp_path, command):
    cases = [  # (the file, the words its error starts at, the message, records checked)
        (_one_line(tmp_path, "comma.json", '"Morning routine', '"Morning" "routine'),
         '"routine', "broken JSON record: Expecting ',' delimiter (column {column})", 2),
        (_one_line(tmp_path, "unquoted.json", '"Morning routine with my favourite mug"',
                   'Morning routine with my favourite mug"'),
         "Morning", "broken JSON record: Expecting value; the rest of the file was not read", 1),
        (_one_line(tmp_path, "number.json", '{"id": "v1002"', '42, {"id": "v1002"'),
         "42", "record is a JSON int, not an object", 3),
        (_one_line(tmp_path, "comma2.json", '}, {"id": "v1003"', '} {"id": "v1003"'),
         '{"id": "v1003"', "expected ',' or ']' between records, found '{'; the rest of the file was not read", 2),
    ]
    extra = ["-o", tmp_path / "report.json", "--no-cache", "-j", 1] if command == "audit" else []
    for path, at, message, checked in cases:
        column = path.read_text(encoding="utf-8").index(at) + 1
        result = _cli(command, path, "--config", "none", "-f", "json", *extra)
        assert result.exit_code == 2, result.output
        message = message.replace("{column}", str(column))
        assert _errors(result) == [f"reelcheck: error: {path}:1:{column}: {message}"]
        report = json.loads((tmp_path / "report.json").read_text("utf-8") if extra else result.stdout)
        jsonschema.validate(report, SCHEMA)
        (err,) = report["errors"]
        assert (err["line"], err["column"]) == (1, column)
        assert report["summary"]["records_checked"] == checked
    github = _cli(command, cases[0][0], "--config", "none", "-f", "github", *extra[2:])
    assert f"::error file={cases[0][0]},line=1,col={cases[0][0].read_text('utf-8').index(cases[0][1]) + 1}," \
           in github.stdout


def test_an_audit_replayed_from_its_cache_names_the_same_columns(tmp_path):
    path = _one_line(tmp_path, "export.json", '"Morning routine', '"Morning" "routine')
    bad = _one_line(tmp_path, "export2.json", '{"id": "v1002"', '42, {"id": "v1002"')
    cache = tmp_path / "cache"
    reports = []
    for n in (1, 2):
        out = tmp_path / f"audit{n}.json"
        result = _cli("audit", path, bad, "--config", "none", "-f", "json", "-o", out, "--cache", cache, "-j", 1)
        assert result.exit_code == 2
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]
    assert [(e["path"], e["line"], e["column"]) for e in json.loads(reports[1])["errors"]] == [
        (str(path), 1, path.read_text("utf-8").index('"routine') + 1),
        (str(bad), 1, bad.read_text("utf-8").index("42") + 1)]


# --- a rule that runs out of time ----------------------------------------------------------------


def _times_out_on(monkeypatch, words: str):
    """Every language's rules as if us.claims.cure's regular expression ran out of time on a segment
    holding `words` (a real one takes a hostile team pack and seconds to compile)."""
    real = LanguageRules.find

    def find(self, ctx):
        out = real(self, ctx)
        if words in ctx.text:
            ctx.timed_out("us.claims.cure", "(a|a)+$")
        return out

    monkeypatch.setattr(LanguageRules, "find", find)


@pytest.mark.parametrize("command", ["check", "audit"])
def test_a_regex_timeout_in_a_text_file_names_the_line_it_gave_up_on(tmp_path, monkeypatch, command):
    monkeypatch.delenv("REELCHECK_RULES", raising=False)
    _times_out_on(monkeypatch, "aaaaaaaaaaaaaaaa")
    text = ("Morning routine, part 3\n\nThis serum is the best serum ever, link in bio!\n\n"
            "Use code " + "a" * 40 + "! for 10% off\n#skincare #ad\n")
    extra = ["-o", tmp_path / "report.json", "--no-cache", "-j", 1] if command == "audit" else []
    for ending in ("\n", "\r"):
        path = _write(tmp_path / "post.txt", text, ending)
        result = _cli(command, path, "-m", "us", "--config", "none", "-f", "json", *extra)
        assert result.exit_code == 2, result.output
        assert _errors(result) == [
            f"reelcheck: error: {path}:5: rule us.claims.cure: a regular expression ran out of time (0.25 s) on "
            "this text and was given up, so its matches may be missing: '(a|a)+$'"]
        report = json.loads((tmp_path / "report.json").read_text("utf-8") if extra else result.stdout)
        assert [e["line"] for e in report["errors"]] == [5]
        assert report["summary"]["records_checked"] == 1 and report["summary"]["records_failed"] == 0


# --- --lang-out ----------------------------------------------------------------------------------

VAPE = "บุหรี่ไฟฟ้าแบบใช้แล้วทิ้ง 10 กลิ่น ส่งด่วนทั่วประเทศ ทักแชทเลย\n"


def test_lang_out_in_a_language_no_pack_speaks_shows_english_with_a_note(tmp_path):
    post = tmp_path / "post.txt"
    post.write_text(VAPE, encoding="utf-8")
    shown = {}
    for lang in ("en", "zz"):
        result = _cli("check", post, "-m", "th", "--commercial", "--config", "none", "-f", "json",
                      "--lang-out", lang)
        assert result.exit_code == 1, result.output
        findings = json.loads(result.stdout)["documents"][0]["findings"]
        (vape,) = [f for f in findings if f["rule"] == "th.restricted.vape"]
        shown[lang] = (vape["message"], vape["suggestion"])
        notes = [line for line in result.stderr.splitlines() if "--lang-out" in line]
        assert notes == ([] if lang == "en" else [
            "reelcheck: note: --lang-out zz: no rule pack has messages in 'zz'; messages are shown in English"])
    assert shown["zz"] == shown["en"]
    assert all(text.isascii() for text in shown["zz"])  # (the rule's own suggestion is Thai)


def test_a_team_pack_may_add_a_message_language(tmp_path):
    pack = tmp_path / "team"
    pack.mkdir()
    (pack / "pack.yaml").write_text('market: th\nname: Team\nlanguages: [th]\nversion: "1.0"\n', encoding="utf-8")
    (pack / "messages.yaml").write_text(
        "messages:\n  fr:\n    review: pending\n    rules:\n      th.restricted.vape:\n"
        "        message: Cigarette électronique vendue ou promue en Thaïlande\n", encoding="utf-8")
    rule = load_rules().rules["th.restricted.vape"]
    finding = {"rule": rule.id, "message": rule.message, "suggestion": rule.suggestion}
    team = Localizer(load_rules([str(pack)]), "fr")
    assert team.unknown is None
    assert team({"findings": [finding]})["findings"][0]["message"] == \
        "Cigarette électronique vendue ou promue en Thaïlande"
    plain = Localizer(load_rules(), "fr")
    assert plain.unknown == "fr"
    assert plain({"findings": [finding]})["findings"][0]["suggestion"] == rule.texts["en"]["suggestion"]


def test_every_report_format_places_the_error_of_a_one_line_export(tmp_path):
    path = _one_line(tmp_path, "export.json", '{"id": "v1002"', '42, {"id": "v1002"')
    column = path.read_text("utf-8").index("42") + 1
    shown = {}
    for fmt in ("github", "sarif", "junit", "html"):
        result = _cli("check", path, "--config", "none", "-f", fmt)
        assert result.exit_code == 2, result.output
        shown[fmt] = result.stdout
    assert f"::error file={path},line=1,col={column},title=reelcheck input error::" in shown["github"]
    sarif = json.loads(shown["sarif"])
    (note,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": column}
    assert f"{path}:1:{column}: record is a JSON int, not an object" in shown["junit"]
    assert f"<code>{path}:1:{column}</code>: record is a JSON int, not an object" in shown["html"]  # (no "(record )")
