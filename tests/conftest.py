import pytest

from checker.engine import Checker
from checker.rules import load_rules


@pytest.fixture(scope="session")
def ruleset():
    return load_rules()


@pytest.fixture(scope="session")
def checker(ruleset):
    return Checker(ruleset)
