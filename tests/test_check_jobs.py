"""`reelcheck check` on many files: after the first items, worker processes check the rest (the audit's
executor around the same `check.check_item`), and the report, the errors on stderr and the exit code are
those of a run in one process: same findings, same order, a broken file reported on one line and
counted while every other file is checked."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import checker.audit.run
import checker.cli
from checker.cli import main

FILES = {
    "01-serum.txt": "This serum cured my acne in a week! Link in bio to shop #skincare\n",
    "02-walk.txt": "Sunday reset: a long walk, a face mask and an early night #selfcare\n",
    "03-wholesale.txt": "DM me on WhatsApp for the wholesale price, stock is limited\n",
    "04-empty.txt": "",
    "05-script.md": "---\nmarkets: [uk]\n---\n# Launch video\n\nHOST: This cream is the best in the world, guaranteed.\n",
    "06-broken-front-matter.md": "---\nmarkets: [us\n---\nMorning routine with my new cleanser.\n",
    "07-not-text.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "08-latin1.txt": "Caf\xe9 latte and a croissant, my favourite Sunday treat".encode("latin-1"),
    "09-cues.srt": "1\n00:00:01,000 --> 00:00:03,000\nThis tea melts belly fat overnight\n\n2\nnot a time line\n"
                   "a cue without its timing\n\n3\n00:00:05,000 --> 00:00:07,000\nLink in bio for 20% off\n",
    "10-captions.csv": "video_id,caption\nv1,\"Lost 10 kg in two weeks with this tea, order now\"\n"
                       "v2,\"Rainy day, a good book and hot chocolate\"\nv3,\"ragged\",\"row\"\n",
    "11-recipe.txt": "Three ingredient banana pancakes: two eggs, one banana, a spoon of oats.\n",
    "12-gym.txt": "Leg day done. Squats, lunges and a very slow walk home #fitness\n",
}

# more captions, so that the workers get several batches each (batches start at 16 items)
DAYS = [
    "Day {n} of my skincare journey: this cream cleared my eczema completely, shop the link in bio",
    "Day {n} of learning to cook: tonight it's a simple tomato pasta with basil from the balcony",
    "Day {n} at the new studio, the light here is unreal #photography",
    "Day {n}: use code GLOW{n} for 30% off, today only, DM me to order",
    "Day {n} of marathon training, 12 km easy run and a lot of stretching after",
]


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "captions"
    root.mkdir()
    for n in range(1, 11):
        for k, text in enumerate(DAYS):
            (root / f"20-day-{n:02d}-{k}.txt").write_text(text.format(n=n) + "\n", encoding="utf-8")
    for name, body in FILES.items():
        path = root / name
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
    return root


@pytest.fixture
def pools(monkeypatch):
    """Workers after 3 items (not CHECK_SERIAL_FIRST), and the worker pools started, counted."""
    monkeypatch.setattr(checker.cli, "CHECK_SERIAL_FIRST", 3)
    started = []
    real = checker.audit.run.WorkerPool

    def counted(jobs, *args, **kwargs):
        started.append(jobs)
        return real(jobs, *args, **kwargs)

    monkeypatch.setattr(checker.audit.run, "WorkerPool", counted)
    return started


def check(*args):
    result = CliRunner().invoke(main, ["check", *map(str, args), "--market", "us", "--config", "none"])
    assert "Traceback" not in result.output, result.output
    return result


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_several_workers_report_what_one_process_reports(folder, pools, fmt):
    one = check(folder, "-f", fmt, "-j", "1")
    assert pools == []
    two = check(folder, "-f", fmt, "-j", "2")
    assert pools == [2]  # (the workers checked the items after the third)
    assert two.exit_code == one.exit_code == 2  # (input errors)
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr


def test_a_broken_file_is_one_line_and_counted_and_the_rest_is_checked(folder, pools):
    result = check(folder, "-f", "json", "-j", "2")
    assert pools == [2]
    report = json.loads(result.stdout)
    errors = [line for line in result.stderr.splitlines() if line.startswith("reelcheck: error:")]
    assert len(errors) == 5, result.stderr
    for name, what in (("06-broken-front-matter.md", "front matter"), ("07-not-text.txt", "binary file"),
                       ("08-latin1.txt", "not valid UTF-8"), ("09-cues.srt", ""), ("10-captions.csv", "")):
        assert any(name in line and what in line for line in errors), (name, errors)
    # every other file and record checked, in the order of the walk
    paths = [d["path"].rsplit("/", 1)[-1] + (f"#{d['record']}" if d["record"] else "") for d in report["documents"]]
    assert paths == ["01-serum.txt", "02-walk.txt", "03-wholesale.txt", "04-empty.txt", "05-script.md",
                     "09-cues.srt", "10-captions.csv#v1", "10-captions.csv#v2", "11-recipe.txt", "12-gym.txt",
                     *(f"20-day-{n:02d}-{k}.txt" for n in range(1, 11) for k in range(len(DAYS)))]
    found = {p: sorted(f["rule"] for f in d["findings"]) for p, d in zip(paths, report["documents"], strict=True)}
    assert found["01-serum.txt"] and found["03-wholesale.txt"] and found["10-captions.csv#v1"]
    assert found["02-walk.txt"] == found["11-recipe.txt"] == found["12-gym.txt"] == []
    for n in range(1, 11):  # the same caption of another day: the same findings, whichever worker had it
        assert found[f"20-day-{n:02d}-0.txt"] == found["20-day-01-0.txt"] != []
        assert found[f"20-day-{n:02d}-1.txt"] == found[f"20-day-{n:02d}-2.txt"] == []
        assert found[f"20-day-{n:02d}-3.txt"] != []
    summary = report["summary"]
    assert summary["errors"] == 5
    assert summary["records_read"] == summary["records_checked"] + summary["records_skipped"] + summary["records_failed"]
    assert summary["records_failed"] == 4  # (the srt's bad cue is a partial error: its file is still checked)
    assert summary["records_skipped"] == 1  # the empty caption


def test_a_few_files_are_checked_without_workers(folder, monkeypatch):
    started = []
    monkeypatch.setattr(checker.audit.run, "WorkerPool", lambda *a, **k: started.append(a))
    result = check(folder, "-f", "json", "-j", "2")  # 63 items, fewer than CHECK_SERIAL_FIRST
    assert started == []
    assert len(json.loads(result.stdout)["documents"]) == 60


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_collector_is_paused_until_the_first_result_then_what_the_run_holds_is_frozen(folder, pools, monkeypatch,
                                                                                          jobs):
    """A run's start (the rules read back, the first item's languages, spaCy) is made with the garbage
    collector paused; once the first result is out, what the process holds is frozen out of it
    (`gc.freeze`: full collections would walk it) and it runs again. When the run returns, the
    collector is as the caller had it; a caller's own freeze is left alone."""
    import gc

    import checker.runner

    seen = []
    real = checker.runner.check_item

    def counted(*args, **kwargs):
        seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
        return real(*args, **kwargs)

    monkeypatch.setattr(checker.runner, "check_item", counted)
    gc.unfreeze()
    assert gc.isenabled()
    result = check(folder, "-f", "json", "-j", jobs)
    assert len(json.loads(result.stdout)["documents"]) == 60
    assert len(seen) >= 3 and seen[0] == (False, False) and set(seen[1:]) == {(True, True)}
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.freeze()
    try:
        kept = gc.get_freeze_count()
        check(folder, "-f", "json", "-j", jobs)
        assert gc.isenabled() and gc.get_freeze_count() >= kept > 0
        gc.disable()
        check(folder, "-f", "json", "-j", jobs)
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
