"""The regulator-case evaluation (tests/eval/regulators.py) never prints a held-out (report-half) text."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

EVAL = Path(__file__).resolve().parent / "eval" / "regulators.py"


def _module():
    spec = importlib.util.spec_from_file_location("reelcheck_regulators", EVAL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_misses_of_the_report_half_are_listed_by_id_without_their_text(tmp_path, capsys):
    reg = _module()
    sources = [f"https://example.org/ruling/{n}" for n in range(40)]
    tune = next(s for s in sources if reg.split_of(s) == "tune")
    report = next(s for s in sources if reg.split_of(s) == "report")
    items = []
    for n, (source, text) in enumerate([(tune, "Our tea tastes of summer berries"),
                                        (report, "A quiet walk by the river at dawn")]):
        items.append({"id": f"t{n}", "market": "uk", "language": "en", "text": text, "category": "claim",
                      "claim_type": "health", "verdict": "violation", "regulator": "ASA", "decision": "upheld",
                      "date": "2026", "source": source, "split": reg.split_of(source)})
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), "utf-8")

    result = reg.evaluate(path)
    texts = {m["id"]: m["text"] for m in result["misses"]}
    assert texts == {"t0": "Our tea tastes of summer berries", "t1": reg.HELD_OUT}
    for argv in (["--json"], ["-v"], ["--split", "report", "-v"]):
        assert reg.main(["--path", str(path), *argv]) == 0
        out = capsys.readouterr().out
        assert "river" not in out and "t1" in out
