"""checker.pool: the audit's worker processes (order of results, large batches, dead workers, stopping)."""

import multiprocessing
import os
import time

import pytest

from checker.pool import WorkerDied, WorkerPool

CONTEXT = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def _echo(payload):
    """Task: (delay, items) -> items reversed, after `delay` seconds; a payload 'die' ends the worker."""
    if payload == "die":
        os._exit(3)
    delay, items = payload
    time.sleep(delay)
    return [(os.getpid(), item) for item in reversed(items)]


def _init(marker):
    os.environ["POOL_TEST_MARKER"] = marker


def _marker(payload):
    return os.environ.get("POOL_TEST_MARKER")


def test_results_in_the_order_sent_whatever_each_batch_costs():
    pool = WorkerPool(2, CONTEXT, _echo)
    try:
        tickets = [pool.submit((0.05 if n % 3 == 0 else 0.0, [n, n + 1])) for n in range(12)]
        results = [pool.result(t) for t in tickets]
    finally:
        pool.close()
    assert [[item for _, item in r] for r in results] == [[n + 1, n] for n in range(12)]
    assert len({pid for r in results for pid, _ in r}) == 2  # both workers took batches


def test_a_batch_goes_to_the_worker_with_the_least_work_in_flight():
    """Weighed by the bytes of the batches in flight, not their number: after a large batch to one
    worker, the small ones go to the other until it holds as much (and results that came back count
    no more)."""
    pool = WorkerPool(2, CONTEXT, _echo)
    try:
        large = pool.submit((2.0, list(range(2000))))
        small = [pool.submit((2.0, [n])) for n in range(3)]
        assert all(t.worker is not large.worker for t in small)
        for t in [large, *small]:
            pool.result(t)
        quick = pool.submit((0.0, [1]))
        pool.result(quick)
        assert all(w.queued == 0 and not w.waiting for w in pool.workers)
    finally:
        pool.close()


def test_initializer_runs_in_each_worker():
    pool = WorkerPool(2, CONTEXT, _marker, _init, ("ready",))
    try:
        assert [pool.result(pool.submit(None)) for _ in range(4)] == ["ready"] * 4
    finally:
        pool.close()


def test_large_batches_both_ways_do_not_block_each_other():
    """Batches and results far larger than a pipe's buffer, many in flight: neither side waits forever
    (the worker reads its pipe in a thread while it works)."""
    big = ["x" * 1000] * 2000  # ~2 MB each way per batch
    pool = WorkerPool(2, CONTEXT, _echo)
    try:
        tickets = [pool.submit((0.0, big)) for _ in range(8)]
        assert all(len(pool.result(t)) == 2000 for t in tickets)
    finally:
        pool.close()


def test_done_says_whether_result_would_wait():
    pool = WorkerPool(1, CONTEXT, _echo)
    try:
        slow = pool.submit((0.5, [1]))
        assert not pool.done(slow)
        deadline = time.monotonic() + 10
        while not pool.done(slow) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert pool.done(slow) and [i for _, i in pool.result(slow)] == [1]
    finally:
        pool.close()


def test_a_dead_worker_fails_its_batches_and_the_others_go_on():
    pool = WorkerPool(2, CONTEXT, _echo)
    try:
        first = pool.submit((0.0, [1]))   # worker A
        doomed = pool.submit("die")       # worker B
        after = pool.submit((0.0, [2]))   # worker A or B, whichever has fewer in flight
        assert [i for _, i in pool.result(first)] == [1]
        with pytest.raises(WorkerDied, match="exit code 3"):
            pool.result(doomed)
        if after.worker is doomed.worker:
            with pytest.raises(WorkerDied):
                pool.result(after)
        else:
            assert [i for _, i in pool.result(after)] == [2]
    finally:
        pool.stop()
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


def test_stop_ends_busy_workers_at_once():
    pool = WorkerPool(2, CONTEXT, _echo)
    processes = [w.process for w in pool.workers]
    pool.submit((30.0, [1]))
    pool.submit((30.0, [2]))
    t = time.monotonic()
    pool.stop()
    assert time.monotonic() - t < 10
    assert not any(p.is_alive() for p in processes)
    assert pool.workers == []


_ORPHAN_SCRIPT = """
import multiprocessing, os, sys, threading, time
from checker.pool import WorkerPool

def busy(payload):  # a worker at full CPU (a hung check), or idle when the payload says so
    if payload == "idle":
        return []
    while True:
        pass

def start():
    pool = WorkerPool(2, multiprocessing.get_context(sys.argv[1]), busy)
    pool.submit("busy")
    pool.submit("idle")
    print(" ".join(str(w.process.pid) for w in pool.workers), flush=True)
    time.sleep(600)

if __name__ == "__main__":
    if sys.argv[2] == "thread":  # (no kernel signal for a pool started by another thread: the watch alone)
        threading.Thread(target=start).start()
    else:
        start()
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in "ZX"  # a zombie has ended
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
@pytest.mark.parametrize("started_by", ["main", "thread"])
def test_workers_end_when_the_main_process_is_killed(tmp_path, started_by):
    import signal
    import subprocess
    import sys

    script = tmp_path / "orphans.py"
    script.write_text(_ORPHAN_SCRIPT, encoding="utf-8")
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    main = subprocess.Popen([sys.executable, str(script), method, started_by], stdout=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    pids = [int(p) for p in main.stdout.readline().split()]
    try:
        assert len(pids) == 2
        time.sleep(1.0)  # the busy worker is at full CPU, the other idle
        assert not any(_gone(pid) for pid in pids)
        main.send_signal(signal.SIGKILL)
        main.wait(timeout=10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not all(_gone(pid) for pid in pids):
            time.sleep(0.1)
        assert all(_gone(pid) for pid in pids), [pid for pid in pids if not _gone(pid)]
    finally:
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_starting_workers_leaves_the_callers_frozen_objects_frozen():
    """The pool freezes this process's objects while it forks (so that the workers' collections do
    not copy the pages they inherit) and unfreezes them after, unless the caller had frozen some."""
    import gc

    gc.unfreeze()
    WorkerPool(1, CONTEXT, _echo).close()
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        kept = gc.get_freeze_count()
        WorkerPool(1, CONTEXT, _echo).close()
        # (still frozen: unfrozen, the count would be 0; a frozen object freed meanwhile leaves it, so
        # the count may be a few below what it was)
        assert gc.get_freeze_count() > kept // 2 > 0
    finally:
        gc.unfreeze()


def _collecting(payload):
    import gc

    return gc.isenabled()


def test_a_worker_collects_garbage_even_when_its_parent_had_paused_the_collector():
    import gc

    gc.disable()
    try:
        pool = WorkerPool(1, CONTEXT, _collecting)
    finally:
        gc.enable()
    try:
        assert pool.result(pool.submit(None)) is True
    finally:
        pool.close()
