"""spaCy imported without its command line.

spaCy's `__init__` imports `spacy.cli.info` for the one name `spacy.info`, and with it the whole of
`spacy.cli`: typer, weasel, httpx, requests and their dependencies, ~360 modules reelcheck never uses,
about a fifth of the CPU of `import spacy; spacy.blank("en")` (0.8 -> 0.6 s here). `install()` puts a
finder on `sys.meta_path` that, for the first `import spacy` of the process only, runs spaCy's own
`__init__` with two stand-in modules in `sys.modules` for that while: `spacy.cli` and `spacy.cli.info`,
whose `info` imports spaCy's real one when it is called. When the `__init__` is done the stand-ins are
taken out of `sys.modules`, so that a later `import spacy.cli` (or `python -m spacy`) gets spaCy's own.

It falls back to spaCy's own import wherever it could differ:

- it stands in only when spaCy's `__init__` imports its command line by the line this was written for
  (`from .cli.info import info`, once; spaCy 3.x); otherwise `import spacy` runs untouched;
- any other name asked of a stand-in (an attribute, a submodule) imports the real module at once and
  gives its value;
- the finder takes itself off `sys.meta_path` at the first `import spacy`, and does nothing when spaCy
  was imported before `install()`.

`REELCHECK_SPACY_CLI=1` turns it off. Tested in tests/test_spacy_cli.py, on spaCy and on stand-in
packages that import more of their command line than spaCy does.
"""

from __future__ import annotations

import importlib
import os
import sys
import types

_LINE = b"from .cli.info import info"
_NAMES = ("spacy.cli", "spacy.cli.info")


def install() -> None:
    """Import spaCy without `spacy.cli` from now on (no-op if spaCy is imported already, or installed)."""
    if "spacy" in sys.modules or os.environ.get("REELCHECK_SPACY_CLI") == "1":
        return
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


class _Finder:
    """Finds `spacy` as the other finders do, and wraps its loader (see the module's doc)."""

    def find_spec(self, name, path=None, target=None):
        if name != "spacy":
            return None
        _remove(self)
        for finder in list(sys.meta_path):
            find = getattr(finder, "find_spec", None)
            if find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        if loader is None or not hasattr(loader, "exec_module") or not _imports_cli_as_expected(spec):
            return spec
        spec.loader = _Loader(loader)
        return spec

    def invalidate_caches(self) -> None:
        pass


def _remove(finder) -> None:
    try:
        sys.meta_path.remove(finder)
    except ValueError:
        pass


def _imports_cli_as_expected(spec) -> bool:
    """Whether the package's `__init__` imports its command line by `_LINE`, once, and names no other
    part of it."""
    try:
        with open(spec.origin, "rb") as fh:
            source = fh.read()
    except (OSError, TypeError):
        return False
    return source.count(_LINE) == 1 and source.count(b".cli") == 1


class _Loader:
    """spaCy's loader, running its `__init__` with the stand-ins in `sys.modules` meanwhile."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        # (the module and its spec name spaCy's own loader, as an untouched import leaves them)
        module.__loader__ = self.loader
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        added = {name: stand_in for name, stand_in in _stand_ins().items() if name not in sys.modules}
        sys.modules.update(added)
        try:
            self.loader.exec_module(module)
        finally:
            _take_out(added)

    def __getattr__(self, name):  # (anything else a loader is asked: spaCy's own)
        return getattr(self.loader, name)


def _take_out(stand_ins: dict) -> None:
    for name, stand_in in stand_ins.items():
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]


def _stand_ins() -> dict[str, types.ModuleType]:
    cli = types.ModuleType("spacy.cli", "Stands in for spacy.cli while spaCy is imported (checker/spacy_cli.py).")
    info = types.ModuleType("spacy.cli.info", cli.__doc__)
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}

    def real(name: str) -> types.ModuleType:
        _take_out(stand_ins)
        return importlib.import_module(name)

    def lazy_info(*args, **kwargs):
        """spaCy's `spacy.info` (`spacy.cli.info.info`), imported when first called."""
        return real("spacy.cli.info").info(*args, **kwargs)

    def getattr_of(name: str, package: bool):
        # (`from .cli.info import info` asks the module for `__path__`: it is no package; a stand-in
        # package asked for its `__path__` is being asked for a submodule, which the real one has)
        def __getattr__(attr: str):
            if attr.startswith("__") and not (package and attr == "__path__"):
                raise AttributeError(attr)
            return getattr(real(name), attr)

        return __getattr__

    info.info = lazy_info
    cli.__getattr__ = getattr_of("spacy.cli", True)
    info.__getattr__ = getattr_of("spacy.cli.info", False)
    return stand_ins
