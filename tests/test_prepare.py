"""The audit's first stage run over a batch at once (`Checker.prepare`, `evasion.prepare`): a head start
that never changes what a check finds."""

from __future__ import annotations

import pytest

from checker import evasion
from checker.audit import work
from checker.check import check_item
from checker.engine import PREPARED_CHARS
from checker.model import Document, Meta, Segment
from checker.sources import Archive, Record, SourceOptions

# Texts the layer reads differently, texts it reads as written, the same text twice, and one too long to
# prepare: each market's language(s), obfuscated and plain
POSTS = [
    ("us", "This serum c.u.r.e.s acne in 7 days, DM me on whats app to order"),
    ("us", "Morning walk with the dog, honestly the best part of my day"),
    ("us", "Morning walk with the dog, honestly the best part of my day"),
    ("uk", "Guaranteeeed results: my eczema cleared up in 3 days ✨ #ad"),
    ("cn", "最 好的面霜，用了7天祛斑美白，加V了解"),
    ("vn", "lien he zalo 0 9 1 2 3 4 5 6 7 8 de dat hang, uong 1 goi bang an 5 qua cam"),
    ("th", "ผิวขาวใสภายใน 7 วัน ไม่ต้องออกกำลังกาย"),
    ("my", "Produk ni terbaik di Malaysia, dijamin 100% berkesan"),
    ("us", "Clinically proven. " * (PREPARED_CHARS // 19 + 10)),
]


def documents():
    return [Document("-", [Segment.whole(text)], Meta(markets=(market,), commercial=True)) for market, text in POSTS]


def outcome(checker, doc, default_markets=()):
    result = check_item(checker, doc, default_markets)
    return [(f.rule, f.start, f.end, f.severity, f.obfuscation and f.obfuscation["how"]) for f in result.findings]


def test_a_prepared_batch_finds_what_each_item_checked_alone_finds(checker):
    alone = [outcome(checker, doc) for doc in documents()]
    assert any(found for found in alone)
    docs = documents()
    checker.prepare(docs)
    assert [outcome(checker, doc) for doc in docs] == alone
    # (obfuscated words were read in the prepared batch too)
    assert any(how for found in alone for *_, how in found)


def test_prepare_makes_the_scans_the_readings_use_and_keeps_them_bounded(checker, monkeypatch):
    monkeypatch.setattr(evasion, "_SCANS", {})  # (empty: the other tests' scans are kept there)
    monkeypatch.setattr(evasion, "_scans_chars", 0)
    monkeypatch.setattr(evasion, "SCANS_KEPT", 4)
    docs = documents()
    checker.prepare(docs)
    made = dict(evasion._SCANS)
    assert len(made) == 4  # (of the 7 texts prepared, the oldest dropped)
    norms = [checker._normalized[doc.segments[0].text].text for doc in docs if doc.segments[0].text in checker._normalized]
    assert len(set(norms)) == 7 and list(made) == list(dict.fromkeys(norms))[-4:]
    assert evasion._scan(norms[-1]) is made[norms[-1]]  # (read, not made again)
    long_text = POSTS[-1][1]
    assert long_text not in checker._normalized  # (too long to prepare: checked as always)
    monkeypatch.setattr(evasion, "SCANS_KEPT_CHARS", 100)
    evasion.prepare(["a b c " * 30, "d e f"])
    assert sum(len(t) for t in evasion._SCANS) <= 100 + len("a b c " * 30)


@pytest.mark.parametrize("jobs_problem", [None, "the worker could not load the rule packs: broken"])
def test_a_batch_of_work_is_each_item_s_work(checker, jobs_problem):
    """`work.check_works` (the audit's batches) gives `check_work`'s outcome for each item, a record
    that is not a JSON object and a checker that could not load included."""
    source = Archive("posts.jsonl", "jsonl", SourceOptions())
    records = [Record(source, 1, 1, '{"id": "a", "text": "DM me on whats app to order"}'), Record(source, 2, 2, "[1, 2]")]
    items = documents() + records
    expected = [work.check_work(checker, item, ("us",), problem=jobs_problem) for item in documents() + records]
    assert expected[-1][0] == "unreadable"
    assert work.check_works(checker, items, ("us",), problem=jobs_problem) == expected


def test_prepare_makes_the_split_looks_of_the_markets_languages_ahead(checker, monkeypatch):
    """The split look of each vocabulary a batch's texts are read with is made while preparing, a
    vocabulary at a time; the check then only reads it, and finds the same. A document without
    markets of its own is prepared for the markets it will be checked for."""
    monkeypatch.setattr(evasion, "_SCANS", {})
    monkeypatch.setattr(evasion, "_scans_chars", 0)
    looks = []
    split_look = evasion._split_look
    monkeypatch.setattr(evasion, "_split_look", lambda scan, vocab: looks.append(scan.text) or split_look(scan, vocab))
    texts = ["Text me on whats app for the price, this cream cures eczema", "Morning walk with the dog, best part of my day"]
    alone = [outcome(checker, Document("-", [Segment.whole(t)], Meta(markets=("us",), commercial=True))) for t in texts]
    assert any(how == ["split"] for *_, how in alone[0])
    for meta, default in ((Meta(markets=("us",), commercial=True), ()), (Meta(commercial=True), ("us",))):
        evasion._SCANS.clear()
        docs = [Document("-", [Segment.whole(t)], meta) for t in texts]
        del looks[:]
        checker.prepare(docs, default)
        assert sorted(looks) == sorted(texts)  # (made ahead, once each)
        del looks[:]
        assert [outcome(checker, doc, default) for doc in docs] == alone
        assert looks == []  # (the check read what was made)
