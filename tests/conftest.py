import atexit
import os
import shutil
import tempfile

import pytest

# The suite shares one compiled-pack cache of its own, made fresh for each run (never the user's
# cache): compiling the packs takes seconds, and many tests start reelcheck in a subprocess. The key
# of a cached compile covers every pack file's content and reelcheck's own source, so a test that
# writes a team pack or changes a setting gets its own compile; tests/test_packcache.py sets the
# cache up as it needs it.
if "REELCHECK_CACHE_DIR" not in os.environ:
    os.environ["REELCHECK_CACHE_DIR"] = _cache = tempfile.mkdtemp(prefix="reelcheck-test-cache-")
    atexit.register(shutil.rmtree, _cache, ignore_errors=True)
    # (no pruning in the suite's own folder: the team packs' tests store sets of ~160 MB each, and past
    # the default 400 MB the shipped rules' set could go, which the tests that start a process read)
    os.environ.setdefault("REELCHECK_PACK_CACHE_MB", "20000")

from checker.engine import Checker  # noqa: E402
from checker.rules import load_rules  # noqa: E402


@pytest.fixture(scope="session")
def ruleset():
    return load_rules()


@pytest.fixture(scope="session")
def checker(ruleset):
    return Checker(ruleset)


def pytest_collection_modifyitems(config, items):
    """The tests marked `slow` (tens of seconds each) first, the rest in their order: the suite's
    processes then end on short tests, at about the same time, instead of one of them running a long
    test alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_configure(config):
    """Under pytest-xdist, the controller compiles every language's rules into the suite's cache before
    the workers start, in as many processes as there are workers: otherwise each worker compiles the
    languages its first tests need, both workers the same ones at the same time."""
    workers = getattr(config.option, "numprocesses", None)
    if os.environ.get("PYTEST_XDIST_WORKER") or not isinstance(workers, int) or workers < 2:
        return
    ruleset = load_rules()
    compiled = Checker(ruleset, processes=workers).compiled
    for lang in ruleset.languages(tuple(ruleset.market_codes())):
        compiled.for_language(lang)
