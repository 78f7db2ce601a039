"""reelcheck's cache folder: pickled results that are expensive to make and never go stale, because
each entry's name is a key of everything it depends on (the compiled packs: `rules/packcache.py`; the
Unicode tables normalization needs: `normalize.py`).

`<user cache dir>/<layout>/<key>.pickle` (platformdirs: ~/.cache/reelcheck on Linux). `REELCHECK_CACHE_DIR`
moves it, `REELCHECK_NO_CACHE=1` turns it off. A folder that cannot be read or written, or a damaged
entry, is a miss: the caller makes the value again and the run goes on."""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
import time
from pathlib import Path


def enabled(flag: bool | None = None) -> bool:
    """Whether to use the cache: `flag` when given, else unless REELCHECK_NO_CACHE is set."""
    if flag is not None:
        return flag
    return os.environ.get("REELCHECK_NO_CACHE", "").strip().lower() in ("", "0", "false", "no")


def folder(layout: str) -> Path:
    """Where entries of `layout` go: $REELCHECK_CACHE_DIR, else the user cache directory."""
    env = os.environ.get("REELCHECK_CACHE_DIR")
    if env:
        return Path(env) / layout
    import platformdirs

    return Path(platformdirs.user_cache_dir("reelcheck", appauthor=False)) / layout


def load(layout: str, entry_key: str):
    """What is stored under `entry_key`, or None (not there, unreadable, damaged). An entry read is
    marked used (its modification time, at most once an hour): `prune` removes the least used."""
    collecting = gc.isenabled()
    gc.disable()  # (unpickling makes many containers at once: each few hundred woke the collector)
    try:
        path = folder(layout) / f"{entry_key}.pickle"
        with open(path, "rb") as fh:
            value = pickle.load(fh)
            modified = os.fstat(fh.fileno()).st_mtime
    except Exception:  # (a damaged or foreign entry is a miss, never an error)
        return None
    finally:
        if collecting:
            gc.enable()
    if time.time() - modified > _TOUCH_AFTER:
        try:
            os.utime(path)
        except OSError:  # (a read-only cache folder: the entry is used all the same)
            pass
    return value


_TOUCH_AFTER = 3600.0  # seconds


def prune(layout: str, budget: int, group=lambda name: name, keep: str | None = None) -> int:
    """Remove the least recently used entries of `layout` until what is left takes at most `budget`
    bytes; `group(file stem)`: entries that go together (a compiled pack set and its languages), used as
    recently as the most recent of them and removed together; `keep`: a group never removed (the one
    just stored). Each entry's key is everything it depends on, so an old entry is never wrong, only
    unused: without this, every pack edit or upgrade would leave its compiled packs behind for good.
    Returns the bytes removed; a folder that cannot be listed or written is left as it is."""
    where = folder(layout)
    groups: dict[str, list] = {}
    try:
        for entry in os.scandir(where):
            if entry.name.endswith(".pickle") and entry.is_file(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                groups.setdefault(group(entry.name[:-7]), []).append((entry.path, st.st_size, st.st_mtime))
    except OSError:
        return 0
    total = sum(size for files in groups.values() for _, size, _ in files)
    removed = 0
    for name, files in sorted(groups.items(), key=lambda item: max(m for _, _, m in item[1])):
        if total - removed <= budget:
            break
        if name == keep:
            continue
        for path, size, _ in files:
            try:
                os.unlink(path)
                removed += size
            except OSError:
                pass
    return removed


def store(layout: str, entry_key: str, value) -> bool:
    """Store `value` (atomically: a reader sees the old entry or the whole new one). False when the
    cache folder cannot be written (read-only, full): the run goes on without it."""
    where = folder(layout)
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, where / f"{entry_key}.pickle")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return False
    return True
