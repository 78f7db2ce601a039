"""The compiled-pack cache: loaded and validated packs, stored once per pack fingerprint.

Loading the packs means reading every YAML file, validating it against the JSON schema and compiling
every rule's matchers once to find what is wrong with them (which imports spaCy). A run whose packs
have not changed since the last one gets the finished `RuleSet` from a pickle instead:

    <user cache dir>/packs-v1/<key>.pickle        (platformdirs: ~/.cache/reelcheck on Linux)

The key is a SHA-256 of everything the result depends on:

- every file under each pack folder (the built-in one and each `--packs` folder), recursively, by its
  path inside the folder and its bytes: editing a rule, adding a lexicon file or a new pack changes it;
- each folder as it was named (error messages quote pack paths relative to the working directory);
- reelcheck's version and the bytes of its own Python files, pack schema and lemma tables (a changed loader or
  schema never reads an entry written by another);
- the Python version (pickles are read by the same interpreter that wrote them).

Its first 12 hex digits are those of the code's own digest (the last item): an edit to a pack compiles
only what it changed, the rest of each language taken from the entry this code stored last
(`previous`, and the entries before it while one lacks some; `MatcherSet.build` matches them by
owner and spec).

So an entry is never stale, only unused; nothing needs invalidating, and old entries can be deleted
at any time (`rm -r ~/.cache/reelcheck/packs-v1`). Each new set of packs stored removes the least
recently used sets once the folder holds more than `BUDGET` bytes (a set is ~155 MB in every language;
REELCHECK_PACK_CACHE_MB sets another limit). A cache that cannot be read or written (a
read-only or missing folder, a damaged entry) is a miss: the packs are loaded and validated as
without a cache, and the run goes on. `REELCHECK_NO_CACHE=1` (or `load_rules(cache=False)`) turns it
off; `REELCHECK_CACHE_DIR` moves it.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path

from .. import diskcache

LAYOUT = "packs-v1"
_PACKAGE = Path(__file__).resolve().parent.parent  # checker/
_VALIDATION_RECORD = _PACKAGE / "rules" / "validated.json"


def enabled(flag: bool | None = None) -> bool:
    """Whether to use the cache: `flag` when given, else unless REELCHECK_NO_CACHE is set."""
    return diskcache.enabled(flag)


def cache_dir() -> Path:
    """Where entries go: $REELCHECK_CACHE_DIR, else the user cache directory (platformdirs)."""
    return diskcache.folder(LAYOUT)


@cache
def _code_digest() -> str:
    """reelcheck's version and its own source files: what the loading and validating code is."""
    from .. import __version__

    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        # (not the shipped packs' validation record: it says whether they need validating, which
        # changes nothing a load gives, and it changes with every edit to them)
        if (path.suffix in (".py", ".json", ".gz") and "__pycache__" not in path.parts
                and path != _VALIDATION_RECORD):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _folder_digest(digest, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(b"F" + path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())


def key(folders: list[str]) -> str:
    """The cache key of a load of these pack folders (as named by the caller, in order)."""
    digest = hashlib.sha256(_code_digest().encode())
    for name in folders:
        digest.update(b"D" + str(name).encode() + b"\0")
        folder = Path(name)
        if folder.is_dir():
            _folder_digest(digest, folder)
    # (begins with the code's own digest: `previous` finds the entries this code wrote by their name)
    return _code_digest()[:CODE_PREFIX] + digest.hexdigest()[CODE_PREFIX:]


CODE_PREFIX = 12  # hex digits of the code's digest that begin every key


def load(entry_key: str):
    """What is stored under `entry_key` (a RuleSet; `<key>-<lang>`: its compiled rules of a
    language), or None (not there, unreadable, damaged)."""
    return diskcache.load(LAYOUT, entry_key)


def previous(entry_key: str, lang: str, limit: int = 3):
    """The compiled rules of `lang` stored or used under other keys by this same code (`_code_digest`:
    a pack was edited since, or another set of packs was read), the most recent first, at most
    `limit`, each loaded when the caller asks for the next: the Matchers an edit left unchanged are
    taken from them (`MatcherSet.build`), from the next only those the last one did not have (a
    team's edited pack, then another set holding the built-in rules the team's lexicon changed)."""
    try:
        entries = [(entry.stat().st_mtime, entry.name) for entry in os.scandir(cache_dir())
                   if entry.name.endswith(f"-{lang}.pickle") and not entry.name.startswith(entry_key)]
    except OSError:
        return
    same_code = _code_digest()[:CODE_PREFIX]
    names = [name for _, name in sorted(entries, reverse=True) if name.startswith(same_code)]
    for name in names[:limit]:
        found = load(name[:-len(".pickle")])
        if found is not None:
            yield found


BUDGET = 400 * 2**20  # bytes: two sets of compiled packs in every language (~155 MB each) and a third's first


def _set_of(stem: str) -> str:
    return stem.split("-", 1)[0]  # (`<key>` and its languages' `<key>-<lang>`)


def store(entry_key: str, value) -> bool:
    """Store `value` atomically; False when the cache folder cannot be written (the run goes on). A new
    set of packs (a changed pack, another version of reelcheck) makes room: the least recently used
    sets are removed while the folder holds more than `BUDGET`."""
    stored = diskcache.store(LAYOUT, entry_key, value)
    if stored and "-" not in entry_key:
        diskcache.prune(LAYOUT, budget(), group=_set_of, keep=entry_key)
    return stored


def budget() -> int:
    """`BUDGET`, or REELCHECK_PACK_CACHE_MB megabytes (a CI cache that uploads the folder keeps less)."""
    try:
        return max(0, int(float(os.environ["REELCHECK_PACK_CACHE_MB"]) * 2**20))
    except (KeyError, ValueError):
        return BUDGET
