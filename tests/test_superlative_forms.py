"""rules/global/superlatives.yaml is what checker/rules/lemma_tables/superlatives.py makes of the lemma
table: regular superlatives only, none of the hand-kept list again, no subjective ones."""

from __future__ import annotations

import gzip
import json

import yaml

from checker.rules.lemma_tables import superlatives as gen


def _file_forms() -> list[str]:
    data = yaml.safe_load(gen.OUT.read_text(encoding="utf-8"))
    out = []
    for entry in data["lexicons"]["superlative_forms"]["en"]:
        out.extend(entry.strip("{}").split("|"))
    return out


def test_the_file_is_what_the_script_makes_of_the_table():
    with gzip.open(gen.HERE / "en_lemma_lookup.json.gz", "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    assert _file_forms() == gen.forms(table, gen.listed_superlatives())


def test_forms_are_regular_superlatives_of_their_lemma():
    assert gen.is_superlative("silkiest", "silky")
    assert gen.is_superlative("biggest", "big")
    assert gen.is_superlative("purest", "pure")
    assert gen.is_superlative("sturdiest", "sturdy")
    assert not gen.is_superlative("interest", "interest")
    assert not gen.is_superlative("guests", "guest")
    assert not gen.is_superlative("tested", "test")


def test_no_listed_or_subjective_form_is_repeated():
    forms = set(_file_forms())
    assert not forms & gen.listed_superlatives()
    assert not forms & gen.SUBJECTIVE
    assert {"silkiest", "glossiest", "sturdiest", "roomiest"} <= forms
    assert not {"forest", "interest", "honest", "harvest", "request", "modest"} & forms
