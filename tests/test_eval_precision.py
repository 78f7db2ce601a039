"""The Southeast Asian packs must stay precise and catch what they should (issue 7, "Precision").

Runs the labelled evaluation set (tests/eval/sea.jsonl) through the checker and requires precision
>= 0.9 and recall >= 0.85 overall and for each market whose pack is present. A market whose pack does
not load, or has no rules yet, is skipped with the reason. On failure the whole table and the false
positives/negatives of the market are printed.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

import pytest

EVAL_DIR = Path(__file__).resolve().parent / "eval"
MIN_PRECISION = 0.9
MIN_RECALL = 0.85


def _load_module():
    spec = importlib.util.spec_from_file_location("reelcheck_eval", EVAL_DIR / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ev = _load_module()


@cache
def result() -> dict:
    return ev.evaluate()


def _set_markets() -> list[str]:
    with open(EVAL_DIR / "sea.jsonl", encoding="utf-8") as f:
        return list(dict.fromkeys(json.loads(line)["market"] for line in f if line.strip()))


def _explain(res: dict, market: str | None = None) -> str:
    text = ev.format_table(res)
    errors = dict(res)
    if market:
        errors["false_positives"] = [r for r in res["false_positives"] if r["market"] == market]
        errors["false_negatives"] = [r for r in res["false_negatives"] if r["market"] == market]
    return text + "\n\n" + ev.format_errors(errors)


def _check(cell: dict, res: dict, what: str, market: str | None = None) -> None:
    problems = []
    if cell["precision"] is not None and cell["precision"] < MIN_PRECISION:
        problems.append(f"precision {cell['precision']:.3f} < {MIN_PRECISION}")
    if cell["recall"] is not None and cell["recall"] < MIN_RECALL:
        problems.append(f"recall {cell['recall']:.3f} < {MIN_RECALL}")
    if problems:
        msg = f"{what}: {'; '.join(problems)}\n\n{_explain(res, market)}"
        print(msg)
        pytest.fail(msg, pytrace=False)


def test_set_is_well_formed():
    items = ev.load_set()
    assert len(items) >= 300
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    clean = sum(1 for i in items if not i["expected"])
    assert 0.45 <= clean / len(items) <= 0.55, f"clean share {clean / len(items):.2f}"
    markets = {i["market"] for i in items}
    assert markets == {"id", "th", "vn", "my", "ph", "sg"}
    for item in items:
        assert item["text"].strip() and item.get("note"), item["id"]


def test_no_checker_errors():
    res = result()
    assert not res["errors"], res["errors"]


@pytest.mark.parametrize("market", _set_markets())
def test_market_precision_recall(market):
    res = result()
    if market in res["skipped"]:
        pytest.skip(f"{market}: {res['skipped'][market]}")
    _check(res["markets"][market], res, f"market {market}", market)


def test_overall_precision_recall():
    res = result()
    if not res["markets"]:
        pytest.skip("no market pack loads: " + "; ".join(f"{m}: {r}" for m, r in res["skipped"].items()))
    _check(res["overall"], res, "overall (markets with packs: " + ", ".join(res["markets"]) + ")")
