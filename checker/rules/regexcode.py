"""Compiled regular expressions kept in the cache folder, so that a pattern is compiled once, not in
every run.

The `regex` module compiles a pattern in Python (parse, optimise, generate code) and then hands a list
of integers to its C extension. The packs' largest patterns are tries of lexicons, tens of kilobytes
each: compiling the English ones a run meets takes ~0.5 s, every run, because a compiled pattern
cannot be pickled (pickling one stores its source). What the C extension is given can be: it is
stored here, one entry per slow pattern, and a later run builds the pattern from it in a few
milliseconds.

    <user cache dir>/regex-v1/<key>.pickle

The key is a SHA-256 of the pattern, the `regex` module's version and default version, and the Python
version: an entry is never stale, only unused. Only patterns that took longer than `SLOW` to compile
are stored, each with a checksum of its code; past `BUDGET` bytes the least recently used go. An
entry that cannot be read, fails its checksum, does not unpickle or is not for this pattern is a miss:
the pattern is compiled as usual. The store follows the compiled-pack cache (`load_rules(cache=False)`,
`check --no-cache` and `REELCHECK_NO_CACHE=1` turn both off).

How the code is taken: while this module compiles a pattern, the `regex` module's reference to its
C extension is a stand-in that passes every call through and keeps the arguments of the one that
builds the pattern (`_regex.compile`). A `regex` whose insides differ (no such reference, another
signature) is only never stored: patterns compile as they always did.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import threading
import time
from contextlib import contextmanager

import regex

from .. import diskcache

LAYOUT = "regex-v1"
SLOW = 0.002  # seconds: a pattern that compiles faster is not worth a file read
BUDGET = 64 * 2**20  # bytes: the folder's size past which the least recently used patterns go
_state = {"on": False}
_lock = threading.Lock()


def use(on: bool) -> None:
    """Read and store compiled patterns (set by `load_rules` with the compiled-pack cache's choice)."""
    _state["on"] = bool(on) and diskcache.enabled()
    _state.pop("stored", None)  # (listed again: the cache folder may have moved)


def _key(source: str) -> str:
    head = f"{regex.__version__}\0{regex.DEFAULT_VERSION}\0{sys.version}\0"
    return hashlib.sha256((head + source).encode("utf-8", "surrogatepass")).hexdigest()


def compile(source: str):  # noqa: A001 (the module's one verb, as `regex.compile`)
    """`regex.compile(source)`, from the cache folder when a run stored how to build it."""
    if not _state["on"]:
        with _lock, _plain_flags():
            return regex.compile(source)
    key = _key(source)
    stored = _stored()
    if key in stored:
        built = _from_code(_unsealed(diskcache.load(LAYOUT, key)), source)
        if built is not None:
            return built
    started = time.perf_counter()
    compiled, args = _compile_keeping_code(source)
    if args is not None and time.perf_counter() - started >= SLOW:
        if diskcache.store(LAYOUT, key, _sealed(args)):
            stored.add(key)
            if not _state.get("pruned"):
                _state["pruned"] = True  # (once a process: the folder is listed, the least used go)
                diskcache.prune(LAYOUT, BUDGET, keep=key)
    return compiled


def _stored() -> set[str]:
    """The keys stored, listed once a process (a pattern compiled fast was never stored: most patterns
    of a run ask for no file at all)."""
    stored = _state.get("stored")
    if stored is None:
        try:
            stored = {name[:-7] for name in os.listdir(diskcache.folder(LAYOUT)) if name.endswith(".pickle")}
        except OSError:
            stored = set()
        _state["stored"] = stored
    return stored


def _sealed(args) -> tuple[bytes, bytes]:
    """The code with a checksum: a damaged list of instructions could crash the C engine, not only
    match wrongly, so an entry is used only as it was written."""
    blob = pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.sha256(blob).digest(), blob


def _unsealed(entry):
    if not (isinstance(entry, tuple) and len(entry) == 2 and all(isinstance(x, bytes) for x in entry)):
        return None
    digest, blob = entry
    if hashlib.sha256(blob).digest() != digest:
        return None
    try:
        return pickle.loads(blob)
    except Exception:
        return None


def _from_code(args, source: str):
    if not (isinstance(args, tuple) and args and args[0] == source):
        return None
    try:
        built = regex._main._regex.compile(*args)
    except Exception:  # (another `regex` wrote it under a colliding key, or its insides changed)
        return None
    return built if getattr(built, "pattern", None) == source else None


def _flag_names() -> tuple[str, ...]:
    """The names of the `regex` module's parser (`regex._regex_core`) bound to its flags
    (`RegexFlag` members: `IGNORECASE`, `I`, `VERSION1`...); () where its insides differ."""
    core = getattr(regex, "_regex_core", None)
    kind = getattr(core, "RegexFlag", None)
    if not isinstance(kind, type) or not issubclass(kind, int):
        return ()
    return tuple(name for name, value in vars(core).items() if isinstance(value, kind))


_FLAG_NAMES = _flag_names()


@contextmanager
def _plain_flags():
    """The parser's flags as plain integers while a pattern compiles here (called under `_lock`).

    The parser tests them at every character it reads (`flags & IGNORECASE`); as `enum.IntFlag`
    members each test goes through the `enum` module and makes a new member, about two fifths of
    the time a lexicon's pattern takes to compile. Their values are the same integers, so the parser
    hands the C extension the same code (`tests/test_regexcode.py` compares it for the shipped packs'
    patterns), and a pattern another thread compiles meanwhile gets the same code too."""
    core = getattr(regex, "_regex_core", None)
    saved = {name: getattr(core, name) for name in _FLAG_NAMES}  # (none where its insides differ)
    for name, value in saved.items():
        setattr(core, name, int(value))
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(core, name, value)


class _Keeper:
    """The `regex` module's C extension, as `regex._main` sees it while one pattern compiles here:
    every attribute is the extension's; `compile` also keeps its arguments for this thread."""

    def __init__(self, inner, thread: int):
        self._inner, self._thread, self.args = inner, thread, None

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def compile(self, *args):
        if threading.get_ident() == self._thread:
            self.args = args
        return self._inner.compile(*args)


def _compile_keeping_code(source: str):
    """The compiled pattern and the arguments its C extension was given (None where they could not
    be taken)."""
    main = getattr(regex, "_main", None)
    with _lock, _plain_flags():
        # (read under the lock: another thread's stand-in is in its place until that thread is done)
        inner = getattr(main, "_regex", None)
        if inner is None or not hasattr(inner, "compile"):
            return regex.compile(source), None
        keeper = _Keeper(inner, threading.get_ident())
        main._regex = keeper
        try:
            compiled = regex.compile(source, cache_pattern=False)
        finally:
            main._regex = inner
    args = keeper.args
    if not (isinstance(args, tuple) and args and args[0] == source):
        return compiled, None
    return compiled, args
