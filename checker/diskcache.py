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
    """What is stored under `entry_key`, or None (not there, unreadable, damaged)."""
    collecting = gc.isenabled()
    gc.disable()  # (unpickling makes many containers at once: each few hundred woke the collector)
    try:
        with open(folder(layout) / f"{entry_key}.pickle", "rb") as fh:
            return pickle.load(fh)
    except Exception:  # (a damaged or foreign entry is a miss, never an error)
        return None
    finally:
        if collecting:
            gc.enable()


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
