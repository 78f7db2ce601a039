"""Packs validated once: the record of a pack folder that `reelcheck docs` validated, so a start with
the same packs, code and libraries does not validate them again.

Validating the packs (each file against the JSON schema, every rule's and signal's matchers compiled
in each of their languages, the flag examples searched with their time limit) took about a third of a
cold start, and the shipped packs change only with reelcheck itself. `reelcheck docs` validates the
shipped packs in full and, when they pass, writes `validated.json` next to this module:

- `digest`: a SHA-256 of every pack file loading reads (its path inside the folder and its bytes: an
  edited, added, renamed or removed pack file changes it; other files there, read by nothing, do not)
  and of every file of reelcheck's package but this record (the loading and validating code, the pack
  schema, the rule kinds, the lemma tables and word lists: a changed check changes it);
- `environment`: Python's version and a digest of the name and version of reelcheck and of every
  library it requires (without extras: spaCy, regex, jsonschema, PyYAML, the segmenters...; a library
  that reads a pattern, a token pattern or a schema otherwise could fail a pack that passed). What
  those libraries require in turn is theirs to pin (a fresh install takes the newest `idna` that
  spaCy's download helper allows, which reads no pack), and packages installed beside reelcheck (test
  tools, a user's other libraries) are not part of it: a user whose libraries are the versions the
  record names skips validation too.

Loading a pack folder whose digest and environment are the record's skips the schema, the matchers'
compile and the examples' search for the rules and signals of that folder (`packs._load_rules`);
reading the YAML, resolving lexicons and the other checks of loading run as always. Anything else is
validated as before: another folder, an edited pack, other code or libraries, every team pack
(`--packs`), and a built-in rule that names a lexicon a team pack adds entries to in one of the
rule's languages (a lexicon of the team's own is named by no built-in rule). A record that
is missing, unreadable or not the packs' is no record. So a skip happens only where these very
bytes passed validation with this very code and these libraries, and no pack reaches a check
unvalidated. `tests/test_validated.py` fails while the record is not the shipped packs' and code's
(run `reelcheck docs`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # checker/
_RECORD_INSIDE = "rules/validated.json"  # (the record's place in the package: not part of the digest)
RECORD = _PACKAGE / _RECORD_INSIDE


def _files(folder: Path, skip: tuple[str, ...] = ()) -> list[tuple[str, Path]]:
    """(path inside `folder`, path) of every file below it, sorted; `__pycache__` folders and the
    top-level entries named in `skip` left out (links to folders are not followed)."""
    out = []
    for where, dirs, names in os.walk(folder):
        here = Path(where)
        dirs[:] = [d for d in dirs if d != "__pycache__" and not (here == folder and d in skip)]
        for name in names:
            path = here / name
            inside = path.relative_to(folder).as_posix()
            if inside not in skip:
                out.append((inside, path))
    return sorted(out)


def digest(folder: Path, package: Path | None = None) -> str:
    """The digest of a pack folder as validated by the code of `package` (reelcheck's own)."""
    from .packs import _pack_dirs, pack_files

    folder = Path(folder)
    out = hashlib.sha256(b"reelcheck validated packs 2\0")
    code = _files(package or _PACKAGE, ("_packs", _RECORD_INSIDE))
    read = [(path.relative_to(folder).as_posix(), path) for d in _pack_dirs(folder) for path in pack_files(d)]
    for tag, files in ((b"C", code), (b"P", read)):
        for inside, path in files:
            out.update(tag + inside.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return out.hexdigest()


@cache
def environment() -> dict[str, str]:
    """What validation ran on besides reelcheck's code: Python, and the libraries it requires (`runtime`)."""
    import platform

    dists = sorted(f"{name}=={version}" for name, version in runtime().items())
    return {"python": f"{platform.python_implementation()} {sys.version.split()[0]}",
            "packages": hashlib.sha256("\n".join(dists).encode()).hexdigest()}


_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # (a distribution's name as PEP 503 compares it)


def runtime(root: str = "reelcheck") -> dict[str, str]:
    """Name -> installed version of `root` and of every library it requires without extras (the test
    tools are not what validation runs on). Every installed distribution when `root` is not installed
    (a source tree on the path: nothing says which of them it runs on)."""
    import importlib.metadata as md

    try:
        dist = md.distribution(root)
    except md.PackageNotFoundError:
        return {_key(d.metadata["Name"]): d.version for d in md.distributions() if d.metadata["Name"]}
    found = {_key(root): dist.version}
    for requirement in dist.requires or ():
        m = _REQUIREMENT.match(requirement)
        if m is None or "extra" in requirement.partition(";")[2]:
            continue
        try:
            found[_key(m.group(1))] = md.version(m.group(1))
        except md.PackageNotFoundError:  # (required only on another platform or Python)
            continue
    return found


def recorded(record: Path | None = None) -> dict | None:
    """The record (None when it is missing or unreadable)."""
    try:
        found = json.loads((record or RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def current(folder: Path, record: Path | None = None, same_environment: bool = False) -> bool:
    """Whether the record names the packs of `folder` as they are, with this code (and, with
    `same_environment`, these libraries)."""
    found = recorded(record)
    if found is None or (same_environment and found.get("environment") != environment()):
        return False
    try:
        return found.get("digest") == digest(folder)
    except OSError:
        return False


def trusted(folder: Path, record: Path | None = None) -> bool:
    """Whether the packs of `folder` passed validation as they are, with this code and libraries."""
    return current(folder, record, same_environment=True)


def write(folder: Path, record: Path | None = None) -> Path:
    """Record that the packs of `folder` passed validation (the caller has just validated them in
    full: `load_rules(trust=False)`)."""
    path = record or RECORD
    data = {"digest": digest(folder), "environment": environment(),
            "written by": "`reelcheck docs`, after validating the packs in full; see checker/rules/validated.py"}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path
