"""The cache folder stays bounded (`diskcache.prune`): every pack edit or upgrade stores a new set of
compiled packs (~70 MB in every language) under a new key, and the old sets are never wrong, only
unused, so the least recently used go once a layout holds more than its budget."""

import os
import time

import pytest

from checker import diskcache
from checker.rules import packcache, regexcode


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("REELCHECK_CACHE_DIR", str(tmp_path))
    return tmp_path


def put(layout, key, size, age_days):
    assert diskcache.store(layout, key, b"x" * size)
    path = diskcache.folder(layout) / f"{key}.pickle"
    then = time.time() - age_days * 86400
    os.utime(path, (then, then))
    return path


def names(layout):
    return sorted(p.stem for p in diskcache.folder(layout).glob("*.pickle"))


def test_the_least_recently_used_sets_go_with_all_their_languages(folder):
    for key, age in (("aaa", 30), ("bbb", 1), ("ccc", 10)):
        put("packs-v1", key, 1000, age)
        for lang in ("en", "zh"):
            put("packs-v1", f"{key}-{lang}", 4000, age)
    put("packs-v1", "ccc-th", 4000, 0)  # (a language of ccc read just now: the set counts as used now)
    removed = diskcache.prune("packs-v1", 25000, group=packcache._set_of)
    assert names("packs-v1") == ["bbb", "bbb-en", "bbb-zh", "ccc", "ccc-en", "ccc-th", "ccc-zh"]
    assert 9000 < removed < 9200  # (each entry is its value pickled)


def test_the_set_just_stored_stays_whatever_the_budget(folder):
    put("packs-v1", "old", 5000, 3)
    put("packs-v1", "new", 5000, 5)
    diskcache.prune("packs-v1", 0, group=packcache._set_of, keep="new")
    assert names("packs-v1") == ["new"]


def test_nothing_goes_within_the_budget(folder):
    for i in range(4):
        put("regex-v1", f"p{i}", 1000, i)
    assert diskcache.prune("regex-v1", 4 * 1000 + 500) == 0
    assert len(names("regex-v1")) == 4


def test_reading_an_entry_marks_it_used(folder):
    old = put("regex-v1", "read", 1000, 40)
    put("regex-v1", "unread", 1000, 20)
    assert diskcache.load("regex-v1", "read") == b"x" * 1000
    assert time.time() - old.stat().st_mtime < 60
    diskcache.prune("regex-v1", 1500)
    assert names("regex-v1") == ["read"]


def test_a_missing_or_read_only_folder_is_left_alone(folder, monkeypatch):
    assert diskcache.prune("never-made", 0) == 0
    path = put("regex-v1", "kept", 1000, 9)

    def read_only(p, *args, **kwargs):
        raise PermissionError(13, "Read-only file system", p)

    monkeypatch.setattr(diskcache.os, "unlink", read_only)
    monkeypatch.setattr(diskcache.os, "utime", read_only)
    assert diskcache.prune("regex-v1", 0) == 0
    assert diskcache.load("regex-v1", "kept") == b"x" * 1000
    assert path.exists()


def test_a_new_set_of_compiled_packs_makes_room(folder, monkeypatch):
    monkeypatch.delenv("REELCHECK_PACK_CACHE_MB", raising=False)  # (the suite sets its own: conftest)
    monkeypatch.setattr(packcache, "BUDGET", 10000)
    put("packs-v1", "v1", 1000, 60)
    put("packs-v1", "v1-en", 8000, 60)
    assert packcache.store("v2", b"y" * 1000)  # (a pack edited: a new key)
    assert names("packs-v1") == ["v2"]
    assert packcache.store("v2-en", b"y" * 8000)  # (a language stored does not prune)
    put("packs-v1", "v0", 5000, 90)
    assert packcache.store("v2-zh", b"y" * 100)
    assert names("packs-v1") == ["v0", "v2", "v2-en", "v2-zh"]


def test_regex_code_is_kept_within_its_budget(folder, monkeypatch):
    monkeypatch.setattr(regexcode, "BUDGET", 4000)
    monkeypatch.setattr(regexcode, "SLOW", 0.0)
    monkeypatch.setattr(regexcode, "_state", {"on": True})  # (its own folder, listed afresh, not pruned yet)
    for i in range(3):
        put("regex-v1", f"stale{i}", 5000, 30 + i)
    regexcode.compile(r"(?i)\b(?:cures?|heals?)\s+(?:acne|eczema)\b")
    left = names("regex-v1")
    assert len(left) == 1 and not left[0].startswith("stale")
