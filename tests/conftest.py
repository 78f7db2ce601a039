import os

import pytest

# The suite loads packs as they are written (a test that changes how they load is never served a
# cached load); tests/test_packcache.py turns the compiled-pack cache on where it tests it.
os.environ.setdefault("REELCHECK_NO_CACHE", "1")

from checker.engine import Checker  # noqa: E402
from checker.rules import load_rules  # noqa: E402


@pytest.fixture(scope="session")
def ruleset():
    return load_rules()


@pytest.fixture(scope="session")
def checker(ruleset):
    return Checker(ruleset)
