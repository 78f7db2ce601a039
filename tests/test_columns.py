"""Archive columns: what the user typed wins over a column guessed by its name; guessed columns are
named in the report; a declared language never turns off the rules bound to no language."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

import checker
from checker.cli import main
from checker.model import Document, Meta
from checker.sources import SourceOptions, guessed_columns, iter_documents

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "checker" / "reporters" / "report.schema.json")
                    .read_text(encoding="utf-8"))

# a Weibo-style export: `region` holds provinces, `lang` a language tag
ROWS = [
    ["id", "caption", "region", "lang"],
    ["1", "今天去西湖散步，天气很好", "浙江", "zh"],
    ["2", "Saya jual kek, order whatsapp je 012-3456789, harga RM50 sahaja", "Selangor", "ms"],
]


def write(tmp_path, rows=ROWS) -> Path:
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return path


def docs(path, **opts):
    return [d for d in iter_documents([str(path)], SourceOptions(**opts)) if isinstance(d, Document)]


def test_market_option_wins_over_a_guessed_region_column(tmp_path):
    path = write(tmp_path)
    assert [d.meta.markets for d in docs(path, meta=Meta(markets=("cn",)))] == [("cn",), ("cn",)]
    # without --market the column is read by its name (and its values are not markets)
    assert docs(path)[0].meta.markets == ("浙江",)


def test_language_option_wins_over_a_guessed_lang_column(tmp_path):
    path = write(tmp_path)
    assert [d.meta.language for d in docs(path, meta=Meta(language="en"))] == ["en", "en"]
    assert [d.meta.language for d in docs(path)] == ["zh", "ms"]


def test_field_none_reads_no_column(tmp_path):
    path = write(tmp_path)
    found = docs(path, language_field="none", market_field="none")
    assert [(d.meta.language, d.meta.markets) for d in found] == [(None, ()), (None, ())]


def test_a_named_field_is_read_even_with_a_declared_value(tmp_path):
    path = write(tmp_path)
    assert [d.meta.language for d in docs(path, language_field="lang", meta=Meta(language="en"))] == ["zh", "ms"]


def test_guessed_columns_are_listed(tmp_path):
    path = write(tmp_path)
    assert guessed_columns([str(path)], SourceOptions()) == {"markets": ["region"], "language": ["lang"]}
    assert guessed_columns([str(path)], SourceOptions(meta=Meta(markets=("cn",)))) == {"language": ["lang"]}
    assert guessed_columns([str(path)], SourceOptions(meta=Meta(markets=("cn",)), language_field="none")) == {}
    assert guessed_columns([str(tmp_path)], SourceOptions(meta=Meta(markets=("cn",)))) == {"language": ["lang"]}


def test_a_locale_or_language_column_is_guessed_like_lang(tmp_path):
    for name in ("locale", "language"):
        path = write(tmp_path, [["id", "caption", name], *(row[:2] + row[3:] for row in ROWS[1:])])
        assert guessed_columns([str(path)], SourceOptions()) == {"language": [name]}
        assert [d.meta.language for d in docs(path)] == ["zh", "ms"]
        assert [d.meta.language for d in docs(path, meta=Meta(language="en"))] == ["en", "en"]


def test_report_header_and_text_summary_name_the_guessed_columns(tmp_path):
    path = write(tmp_path)
    result = CliRunner().invoke(main, ["check", str(path), "--market", "my", "--format", "json"])
    report = json.loads(result.stdout)
    assert report["guessed_fields"] == {"language": ["lang"]}
    import jsonschema

    jsonschema.validate(report, SCHEMA)
    result = CliRunner().invoke(main, ["audit", str(path), "--market", "my", "--no-cache", "-j", "1"])
    assert "Read by guess from archive columns: language from column 'lang'" in result.stdout
    result = CliRunner().invoke(main, ["check", str(path), "--market", "my", "--lang", "ms", "--format", "json"])
    assert "guessed_fields" not in json.loads(result.stdout)


def test_a_declared_language_keeps_link_email_and_phone_rules():
    text = "Kek coklat RM50, order whatsapp 012-3456789 atau emel kedaikek@gmail.com, www.kedaikek.my"
    for lang in (None, "ms", "vi", "id", "tl", "en"):
        rules = {f.rule for f in checker.check_text(text, markets=["my"], language=lang, commercial=True)}
        assert {"global.offplatform.phone_number", "global.offplatform.email",
                "global.offplatform.external_link"} <= rules, lang


def test_a_declared_malay_post_still_reads_its_english_selling_words(tmp_path):
    # "order whatsapp" is English in a Malay post: the column's `ms` does not hide it
    path = write(tmp_path)
    result = CliRunner().invoke(main, ["check", str(path), "--market", "my", "--format", "json"])
    report = json.loads(result.stdout)
    by_record = {d["record"]: {f["rule"] for f in d["findings"]} for d in report["documents"]}
    assert "global.offplatform.phone_number" in by_record["2"]
    assert by_record["1"] == set()
