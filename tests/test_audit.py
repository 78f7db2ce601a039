"""`reelcheck audit`: planted problems found, every record counted, order, cache, failures, streaming.

Most tests run on small packs written to a temporary folder (REELCHECK_RULES), so they are fast and
do not move when the shipped packs change; one runs the example archives on the shipped packs.
"""

from __future__ import annotations

import json
import multiprocessing
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import audit as audit_mod
from checker.audit import AuditOptions
from checker.audit import run as audit_run
from checker.cli import main
from checker.engine import Checker
from checker.model import Document, InputError, Meta, Segment
from checker.reporters.json_ import JsonReporter
from checker.rules import load_rules
from checker.runner import Session

ROOT = Path(__file__).resolve().parents[1]

PACKS = {
    "global/pack.yaml": "market: global\nname: Global\nlanguages: [en, zh]\nversion: '1'\n",
    "global/offplatform.yaml": """
rules:
  - id: global.offplatform.whatsapp
    kind: terms
    category: offplatform
    severity: error
    message: Sends buyers to WhatsApp
    rationale: The sale leaves the platform.
    source: test
    match: lower
    terms:
      en: ["whatsapp me", "dm me on whatsapp"]
      zh: ["加微信"]
    examples:
      flag: ["whatsapp me for the price", "dm me on whatsapp"]
      pass: ["order in the app", "see you tomorrow"]
""",
    "us/pack.yaml": "market: us\nname: United States\nlanguages: [en]\nversion: '1'\nextends: global\n",
    "us/claims.yaml": """
rules:
  - id: us.claims.cure
    kind: terms
    category: claim
    severity: error
    message: Disease claim
    rationale: Cosmetics cannot claim to cure.
    source: test
    match: lower
    terms: ["cures acne", "miracle cure"]
    examples:
      flag: ["this serum cures acne", "a miracle cure"]
      pass: ["this serum feels nice", "acne is common"]
""",
    "cn/pack.yaml": "market: cn\nname: China\nlanguages: [zh, en]\nversion: '1'\nextends: global\n",
    "cn/absolute.yaml": """
rules:
  - id: cn.absolute.best
    kind: terms
    category: claim
    severity: error
    message: Absolute superlative
    rationale: Banned in Chinese ads.
    source: test
    match: lower
    terms:
      zh: ["最好", "第一品牌"]
    examples:
      flag: ["全网最好的面霜", "第一品牌口红"]
      pass: ["很好的面霜", "好用的口红"]
""",
}

CLEAN = {
    "en": ["Sunday reset with a long walk and an early night 🌿", "Three ways I use this serum in my routine.",
           "Answering your questions about protein powder, part 2 #fitness", "Packing for a weekend away ✨"],
    "zh": ["周末在家做了一顿简单的早餐，很满足。", "分享我的日常护肤步骤 #护肤", "今天去爬山了，空气真好！"],
}
PLANTS = {
    "us": [("Honestly this serum cures acne overnight", "us.claims.cure"),
           ("WhatsApp me for the wholesale price", "global.offplatform.whatsapp")],
    "cn": [("这是全网最好的面霜", "cn.absolute.best"), ("想要优惠的加微信", "global.offplatform.whatsapp")],
}


@pytest.fixture
def packs(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "rules"
    for name, text in PACKS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text.lstrip(), encoding="utf-8")
    monkeypatch.setenv("REELCHECK_RULES", str(root))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return root


def make_archive(path: Path, n: int, seed: int = 7, extra_lines: dict[int, str] | None = None) -> dict[str, str]:
    """A JSONL archive of `n` records (us and cn); returns {record id: rule} of the planted problems."""
    rng = random.Random(seed)
    planted: dict[str, str] = {}
    lines = []
    for i in range(n):
        market = rng.choice(["us", "us", "cn"])
        lang = "zh" if market == "cn" else "en"
        text = " ".join(rng.sample(CLEAN[lang], 2)) + f" #{i}"
        rid = f"r{i:05d}"
        if i % 50 == 17:
            text = "   "  # an empty caption: read and skipped
        elif i % 9 == 4:
            phrase, rule = PLANTS[market][i % 2]
            text = f"{text} {phrase}"
            planted[rid] = rule
        lines.append(json.dumps({"id": rid, "market": market, "caption": text}, ensure_ascii=False))
    for at, line in sorted((extra_lines or {}).items(), reverse=True):
        lines.insert(at, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return planted


ARGS = ["--id-field", "id", "--market-field", "market", "--text-field", "caption"]


def audit(*args: str):
    return CliRunner().invoke(main, ["audit", *map(str, args)], catch_exceptions=False)


def test_planted_problems_found_and_every_record_counted(packs, tmp_path):
    archive = tmp_path / "a.jsonl"
    planted = make_archive(archive, 300)
    out = tmp_path / "audit.json"
    result = audit(archive, *ARGS, "-f", "json", "-o", out, "--jobs", 2, "--no-cache")
    assert result.exit_code == 1, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    found = {d["record"]: {f["rule"] for f in d["findings"]} for d in report["documents"]}
    assert all(d["findings"] for d in report["documents"])  # clean records are counted, not listed
    missing = {rid: rule for rid, rule in planted.items() if rule not in found.get(rid, ())}
    assert not missing
    assert set(found) == set(planted)  # and nothing else was flagged
    s = report["summary"]
    assert s["records_read"] == s["documents"] == 300
    assert s["records_skipped"] == 6 and s["records_failed"] == 0
    assert s["records_checked"] + s["records_skipped"] + s["records_failed"] == s["records_read"]
    assert s["documents_with_findings"] == len(planted)


def test_output_order_identical_for_one_and_two_jobs(packs, tmp_path):
    archive = tmp_path / "a.jsonl"
    make_archive(archive, 400, extra_lines={100: "{broken json", 250: "[1, 2"})
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"audit{jobs}.json"
        result = audit(archive, *ARGS, "-f", "json", "-o", out, "-j", jobs, "--no-cache", "--all-records")
        assert result.exit_code == 2  # the two broken lines
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    report = json.loads(outs[0])
    assert [d["record"] for d in report["documents"]] == [f"r{i:05d}" for i in range(400)]
    assert [e["line"] for e in report["errors"]] == [101, 252]
    s = report["summary"]
    assert s["records_read"] == 402 and s["records_failed"] == 2


class _Counting:
    """Counts Checker.run calls (patched on the class, so forked workers count too, in their copy)."""

    calls = 0

    @classmethod
    def install(cls, monkeypatch, fail_on: str | None = None):
        original = Checker.run
        cls.calls = 0

        def run(self, document, markets):
            cls.calls += 1
            if fail_on and any(fail_on in s.text for s in document.segments):
                raise RuntimeError("rule blew up")
            return original(self, document, markets)

        monkeypatch.setattr(Checker, "run", run)


def test_cache_hits_give_identical_output_and_a_pack_change_rechecks(packs, tmp_path, monkeypatch):
    archive = tmp_path / "a.jsonl"
    make_archive(archive, 200)
    cache = tmp_path / "cache"
    _Counting.install(monkeypatch)
    runs = []
    for n in range(2):
        out = tmp_path / f"run{n}.json"
        assert audit(archive, *ARGS, "-f", "json", "-o", out, "-j", 1, "--cache", cache).exit_code == 1
        runs.append((out.read_bytes(), _Counting.calls))
        _Counting.calls = 0
    assert runs[0][0] == runs[1][0]
    assert runs[0][1] == 196 and runs[1][1] == 0  # every non-empty record checked once, then reused
    assert (cache / audit_mod.CACHE_FILE).is_file()

    # a line added above every record: same results, line numbers follow
    shifted = tmp_path / "b.jsonl"
    shifted.write_text('{"id": "new", "market": "us", "caption": "hello"}\n' + archive.read_text("utf-8"), "utf-8")
    out = tmp_path / "shifted.json"
    audit(shifted, *ARGS, "-f", "json", "-o", out, "-j", 1, "--cache", cache)
    assert _Counting.calls == 1
    _Counting.calls = 0
    before = json.loads(runs[0][0])["documents"]
    after = json.loads(out.read_text("utf-8"))["documents"]
    assert [(d["record"], d["record_line"] + 1, [f["line"] for f in d["findings"]]) for d in before] == \
        [(d["record"], d["record_line"], [f["line"] - 1 for f in d["findings"]]) for d in after]

    # any change to a pack checks everything again
    claims = packs / "us" / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace('"miracle cure"]', '"miracle cure", "walk"]'), "utf-8")
    out = tmp_path / "changed.json"
    audit(archive, *ARGS, "-f", "json", "-o", out, "-j", 2, "--cache", cache)
    report = json.loads(out.read_text("utf-8"))
    assert any(f["text"] == "walk" for d in report["documents"] for f in d["findings"])
    assert report["summary"]["records_read"] == 200
    _Counting.calls = 0
    audit(archive, *ARGS, "-f", "json", "-o", tmp_path / "again.json", "-j", 1, "--cache", cache)
    assert _Counting.calls == 0


def prefix_caption(archive: Path, index: int, prefix: str) -> dict:
    """Put `prefix` before the caption of the archive's line `index` (0-based); the record, as changed."""
    lines = archive.read_text("utf-8").splitlines()
    row = json.loads(lines[index])
    row["caption"] = prefix + row["caption"]
    lines[index] = json.dumps(row, ensure_ascii=False)
    archive.write_text("\n".join(lines) + "\n", "utf-8")
    return row


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_record_does_not_stop_the_audit(packs, tmp_path, monkeypatch, jobs):
    archive = tmp_path / "a.jsonl"
    planted = make_archive(archive, 120)
    row = prefix_caption(archive, 30, "BOOM ")
    _Counting.install(monkeypatch, fail_on="BOOM")
    out = tmp_path / "audit.json"
    result = audit(archive, *ARGS, "-f", "json", "-o", out, "-j", jobs, "--no-cache")
    assert result.exit_code == 2
    report = json.loads(out.read_text("utf-8"))
    assert report["errors"] == [{"path": str(archive), "line": 31, "record": row["id"],
                                 "message": "check failed: RuntimeError: rule blew up"}]
    s = report["summary"]
    assert s["records_read"] == 120 and s["records_failed"] == 1
    assert s["records_checked"] + s["records_skipped"] + s["records_failed"] == 120
    found = {d["record"] for d in report["documents"]}
    assert set(planted) - {row["id"]} <= found


def test_a_record_that_kills_its_worker_fails_alone(packs, tmp_path, monkeypatch):
    """A worker process that dies (here: a record makes it exit, as a segfault or the OOM killer would)
    fails only that record; its batch is checked again, the audit goes on and counts every record."""
    import os

    archive = tmp_path / "a.jsonl"
    planted = make_archive(archive, 600)
    row = prefix_caption(archive, 300, "KILLER ")
    original = Checker.run

    def run(self, document, markets):
        if any("KILLER" in s.text for s in document.segments) and multiprocessing.parent_process() is not None:
            os._exit(9)  # (only in a worker)
        return original(self, document, markets)

    monkeypatch.setattr(Checker, "run", run)
    out = tmp_path / "audit.json"
    result = audit(archive, *ARGS, "-f", "json", "-o", out, "-j", 2, "--no-cache")
    assert result.exit_code == 2, result.output
    report = json.loads(out.read_text("utf-8"))
    assert report["errors"] == [{"path": str(archive), "line": 301, "record": row["id"],
                                 "message": "check failed: the worker process died on this record"}]
    s = report["summary"]
    assert s["records_read"] == 600 and s["records_failed"] == 1
    assert s["records_checked"] + s["records_skipped"] == 599
    assert set(planted) - {row["id"]} <= {d["record"] for d in report["documents"]}
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


def test_a_worker_that_dies_once_loses_nothing(packs, tmp_path, monkeypatch):
    """A worker killed from outside (the OOM killer, say) while it checks a batch: the batch and those
    queued behind it are checked again by a fresh pool, and the report is the one without the crash."""
    import os

    archive = tmp_path / "a.jsonl"
    make_archive(archive, 2000)
    clean = tmp_path / "clean.json"
    assert audit(archive, *ARGS, "-f", "json", "-o", clean, "-j", 2, "--no-cache").exit_code == 1
    marker = tmp_path / "died"
    original = Checker.run

    def run(self, document, markets):
        if multiprocessing.parent_process() is not None and document.record == "r00900":
            try:
                fd = os.open(marker, os.O_CREAT | os.O_EXCL)  # (the first worker to get here dies)
            except FileExistsError:
                pass
            else:
                os.close(fd)
                os._exit(9)
        return original(self, document, markets)

    monkeypatch.setattr(Checker, "run", run)
    out = tmp_path / "audit.json"
    result = audit(archive, *ARGS, "-f", "json", "-o", out, "-j", 2, "--no-cache")
    assert marker.exists(), "no worker died: the test did not test anything"
    assert result.exit_code == 1, result.output
    assert out.read_bytes() == clean.read_bytes()


def test_spawned_workers_give_the_same_report(packs, tmp_path, monkeypatch):
    """Where processes cannot fork (macOS, Windows), workers are spawned: each loads the packs itself
    (from --packs / REELCHECK_RULES) and the report is the same, byte for byte."""
    archive = tmp_path / "a.jsonl"
    make_archive(archive, 300)
    forked = tmp_path / "fork.json"
    assert audit(archive, *ARGS, "-f", "json", "-o", forked, "-j", 2, "--no-cache").exit_code == 1
    monkeypatch.setattr(audit_run, "_mp_context", lambda: multiprocessing.get_context("spawn"))
    spawned = tmp_path / "spawn.json"
    assert audit(archive, *ARGS, "-f", "json", "-o", spawned, "-j", 2, "--no-cache").exit_code == 1
    assert spawned.read_bytes() == forked.read_bytes()


def test_max_errors_stops_early(packs, tmp_path):
    archive = tmp_path / "a.jsonl"
    make_archive(archive, 2000, extra_lines={i: "{not json" for i in (10, 20, 30, 40, 50)})
    out = tmp_path / "audit.json"
    result = audit(archive, *ARGS, "-f", "json", "-o", out, "-j", 2, "--no-cache", "--max-errors", 2)
    assert result.exit_code == 2
    assert "stopped after 3 errors (--max-errors 2)" in result.output
    report = json.loads(out.read_text("utf-8"))
    assert len(report["errors"]) == 3
    s = report["summary"]
    assert s["records_read"] < 2005
    assert s["records_checked"] + s["records_skipped"] + s["records_failed"] == s["records_read"]
    # without the limit everything is read
    result = audit(archive, *ARGS, "-f", "json", "-o", out, "-j", 2, "--no-cache", "--max-errors", 5)
    assert json.loads(out.read_text("utf-8"))["summary"]["records_read"] == 2005


def test_jsonl_output_one_finding_per_line(packs, tmp_path):
    archive = tmp_path / "a.jsonl"
    planted = make_archive(archive, 150)
    out = tmp_path / "findings.jsonl"
    result = audit(archive, *ARGS, "-f", "jsonl", "-o", out, "-j", 2, "--no-cache")
    assert result.exit_code == 1
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {(r["record"], r["rule"]) for r in rows} == set(planted.items())
    assert [r["record"] for r in rows] == sorted(r["record"] for r in rows)  # input order


def _docs(n: int, consumed: list[int]):
    for i in range(n):
        consumed[0] = i + 1
        text = "this serum cures acne" if i % 3 == 0 else "a calm sunday walk"
        yield Document(path="mem", segments=[Segment.whole(text)], meta=Meta(markets=("us",)), record=str(i))


@pytest.mark.parametrize("jobs", [1, 2])
def test_streams_with_bounded_batches_in_flight(packs, jobs):
    import io

    checker = Checker(load_rules())
    session = Session(JsonReporter(io.StringIO()))
    consumed = [0]
    options = AuditOptions(jobs=jobs, quiet=True)
    results = audit_mod.audit_items(checker, _docs(5000, consumed), ("us",), options, session)
    first = next(results)
    assert first["record"] == "0" and first["findings"]
    # what was read ahead is bounded by the batches in flight, not by the input
    assert consumed[0] <= audit_run.MAX_BATCH * (jobs * audit_run.IN_FLIGHT_PER_JOB + 2)
    peak = 0
    records = [first["record"]]
    for item in results:
        records.append(item["record"])
        peak = max(peak, consumed[0] - len(records))
    assert records == [str(i) for i in range(5000)]
    assert peak <= audit_run.MAX_BATCH * (jobs * audit_run.IN_FLIGHT_PER_JOB + 2)
    assert session.findings_only


def audit_interrupted(archive: Path, tmp_path: Path) -> Path:
    """Audit `archive` to JSON Lines on 2 jobs, expecting an interrupt: exit 130, the message saying how
    far it got, no complete report. Returns the path of the partial report."""
    out = tmp_path / "findings.jsonl"
    result = CliRunner().invoke(main, ["audit", str(archive), *ARGS, "-f", "jsonl", "-o", str(out), "-j", "2",
                                       "--no-cache"])
    assert result.exit_code == 130
    assert "interrupted after" in result.output and "findings.jsonl.partial" in result.output
    assert not out.exists()
    return tmp_path / "findings.jsonl.partial"


def test_interrupt_ends_workers_and_keeps_partial_output(packs, tmp_path, monkeypatch):
    import checker.sources as sources

    archive = tmp_path / "a.jsonl"
    make_archive(archive, 3000)
    real = sources.iter_records

    def interrupted(paths, options=None, stdin=None):
        for i, item in enumerate(real(paths, options, stdin)):
            if i == 1500:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(sources, "iter_records", interrupted)
    partial = audit_interrupted(archive, tmp_path).read_text("utf-8").splitlines()
    assert partial and all(json.loads(line) for line in partial)
    assert not multiprocessing.active_children()


def test_interrupt_while_the_report_is_written_still_says_how_far_it_got(packs, tmp_path, monkeypatch):
    """Ctrl-C most often lands while the main process writes the report, outside the audit's loop: the
    audit is told, stops its workers and reports how far it got, as when it lands inside."""
    archive = tmp_path / "a.jsonl"
    make_archive(archive, 3000)
    real = Session.document
    seen = [0]

    def document(self, doc):
        seen[0] += 1
        if seen[0] == 20:
            raise KeyboardInterrupt
        return real(self, doc)

    monkeypatch.setattr(Session, "document", document)
    assert audit_interrupted(archive, tmp_path).exists()
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


def test_ctrl_c_in_a_terminal_ends_the_audit_and_its_workers(packs, tmp_path):
    """A real SIGINT to the whole process group, as Ctrl-C sends it: the workers ignore it, the main
    process stops them, says how far it got and leaves the report marked partial."""
    import os
    import signal
    import subprocess
    import sys
    import time

    archive = tmp_path / "a.jsonl"
    make_archive(archive, 60000)
    out = tmp_path / "findings.jsonl"
    partial = tmp_path / "findings.jsonl.partial"
    proc = subprocess.Popen([sys.executable, "-m", "checker", "audit", str(archive), *ARGS, "-f", "jsonl",
                             "-o", str(out), "-j", "2", "--no-cache"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            # (as a terminal's shell starts it: a runner that starts the tests in the
                            # background hands them SIGINT ignored, which a child would inherit)
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # (signalled half a second after the report is opened: 60,000 records take several seconds on two
    # jobs, and the first findings may sit in the writer's buffer until much later)
    deadline = time.monotonic() + 60
    while not partial.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.5)
    assert proc.poll() is None, "the audit ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "interrupted after" in err and "findings.jsonl.partial" in err and "Traceback" not in err
    assert partial.exists() and not out.exists()
    assert all(json.loads(line) for line in partial.read_text("utf-8").splitlines())
    time.sleep(0.2)
    left = subprocess.run(["ps", "-o", "pid=", "-g", str(proc.pid)], capture_output=True, text=True).stdout
    assert left.strip() == "", f"processes left in the group: {left}"


def test_worker_failure_is_reported_per_record(packs):
    """A packed record that cannot be rebuilt or checked comes back as an error result, not a crash."""
    checker = Checker(load_rules())
    doc = Document(path="mem", segments=[Segment.whole("cures acne")], meta=Meta(markets=("zz",)), record="x")
    status, own_id, message, problems = audit_mod.check_work(checker, doc, ("zz",))
    assert status == "failed" and "zz" in message and own_id is None and problems == []
    data = audit_mod.pack_document(doc)
    again = audit_mod.unpack_document(data)
    assert again.segments == doc.segments and again.meta == doc.meta and again.record == "x"


def test_example_archives_on_the_shipped_packs(tmp_path, monkeypatch):
    monkeypatch.delenv("REELCHECK_RULES", raising=False)
    out = tmp_path / "audit.json"
    result = audit(ROOT / "examples" / "archives" / "captions.csv", "--market-field", "market", "--id-field",
                   "video_id", "--text-field", "caption", "-f", "json", "-o", out, "--no-cache", "-j", 2)
    assert result.exit_code == 1, result.output
    s = json.loads(out.read_text("utf-8"))["summary"]
    assert s["records_read"] == 240 and s["records_failed"] == 0
    assert s["documents_with_findings"] > 40
    result = audit(ROOT / "examples" / "archives" / "export.jsonl", "--market", "us", "--id-field", "video.id",
                   "--text-field", "video.desc", "--sponsored-field", "branded_content", "-f", "jsonl",
                   "--no-cache", "-j", 1)
    assert result.exit_code == 1
    assert all(isinstance(json.loads(line), dict) for line in result.stdout.splitlines())


def test_errors_from_sources_pass_through_in_order(packs):
    import io

    checker = Checker(load_rules())
    items = [InputError("a.csv", "bad row", line=3),
             Document(path="a.csv", segments=[Segment.whole("miracle cure")], meta=Meta(markets=("us",)), record="1")]
    options = AuditOptions(jobs=1, quiet=True, all_records=True)
    out = list(audit_mod.audit_items(checker, items, ("us",), options, Session(JsonReporter(io.StringIO()))))
    assert isinstance(out[0], InputError) and out[1]["findings"][0]["rule"] == "us.claims.cure"


def test_the_workers_inherit_the_languages_of_the_markets_compiled_before_they_start(packs):  # noqa: F811
    """With 2 jobs (forked workers), the main process makes the English rules ready before the pool
    starts: the workers get them with the Checker instead of each compiling its own; findings as with
    1 job."""
    import io

    checker = Checker(load_rules())
    assert "en" not in checker.compiled._by_lang
    found = {}
    for jobs in (2, 1):
        out = audit_mod.audit_items(checker if jobs == 2 else Checker(load_rules()), _docs(300, [0]), ("us",),
                                    AuditOptions(jobs=jobs, quiet=True), Session(JsonReporter(io.StringIO())))
        found[jobs] = [(d["record"], [f["rule"] for f in d["findings"]]) for d in out]
        if jobs == 2:
            assert "en" in checker.compiled._by_lang
    assert found[2] == found[1] and sum(1 for _, rules in found[1] if rules) == 100
