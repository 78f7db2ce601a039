"""Worker processes for `reelcheck audit`: batches in, results out, each worker on its own pipe.

Why not `concurrent.futures.ProcessPoolExecutor`: it moves every batch through two extra threads of the
main process (its manager and its queue's feeder) and a Future, and on two cores the main process's
share is what an audit's speed-up on all cores is short of (docs/performance.md). Here the main thread
pickles a batch and writes it to the worker with the fewest batches in flight, and reads a worker's
results in the order it sent them: no thread in the main process, one pickle each way.

A worker reads its pipe in a thread of its own, so the main process's writes do not wait for a batch to
be checked, and a worker writing a large result never waits for the main process to finish a write (the
two could otherwise block each other, each with the other's pipe full). A worker that dies makes `result`
raise `WorkerDied` for its batches; the caller decides what to do (the audit starts a fresh pool).

A worker never outlives the main process (`kill -9` of an audit leaves no worker behind, busy or idle):
on Linux the kernel kills it when the main process ends (PR_SET_PDEATHSIG, when the pool was started by
the main thread), and everywhere a thread of the worker ends it once its parent is gone (`_watch_parent`).
"""

from __future__ import annotations

import gc
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable

_PROTOCOL = pickle.HIGHEST_PROTOCOL
_UNSET = object()


class WorkerDied(Exception):
    """A worker process ended (killed, out of memory, crashed) before sending a batch's results."""


class Ticket:
    """A batch sent to a worker; `WorkerPool.result` gives its results."""

    __slots__ = ("worker", "value", "size")

    def __init__(self, worker: _Worker, size: int = 0):
        self.worker = worker
        self.value = _UNSET
        self.size = size  # (the pickled batch's bytes: what it weighs in its worker's queue)


class _Worker:
    __slots__ = ("process", "conn", "waiting", "queued", "dead")

    def __init__(self, process, conn):
        self.process = process
        self.conn = conn
        self.waiting: deque[Ticket] = deque()  # sent, results not read yet, in the order sent
        self.queued = 0  # bytes of the batches sent whose results have not come back
        self.dead = False


PARENT_POLL = 0.5  # seconds between a worker's checks that its parent is still there
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int, kernel: bool) -> None:
    """End this worker when the process that started it (`parent`) ends, even while `task` is busy."""
    if kernel and sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # (the thread below does it)
    if os.getppid() != parent:  # gone already, before the kernel was told
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL)
            if os.getppid() != parent:  # (re-parented: the main process is gone)
                os._exit(1)

    threading.Thread(target=watch, name="reelcheck-parent-watch", daemon=True).start()


def _serve(conn, initializer: Callable | None, initargs: tuple, task: Callable, parent: int | None = None,
           kernel: bool = False) -> None:
    """A worker's life: run `initializer` once, then `task` on each batch, in the order they came."""
    if parent is not None:
        _die_with_parent(parent, kernel)
    gc.enable()  # (a worker forked while its parent had paused the collector collects as usual)
    if initializer is not None:
        initializer(*initargs)
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def read() -> None:  # drain the pipe as batches come, whatever the worker is doing
        try:
            while True:
                data = conn.recv_bytes()
                inbox.put(data)
                if not data:
                    return
        except (EOFError, OSError):
            inbox.put(b"")

    threading.Thread(target=read, daemon=True).start()
    while True:
        data = inbox.get()
        if not data:  # the end, or the main process went away
            return
        results = task(pickle.loads(data))
        try:
            conn.send_bytes(pickle.dumps(results, _PROTOCOL))
        except OSError:
            return


class WorkerPool:
    """`jobs` worker processes started at once from `context` (a multiprocessing context), each running
    `initializer(*initargs)` once and then `task(payload)` for each batch `submit`ted to it."""

    def __init__(self, jobs: int, context, task: Callable, initializer: Callable | None = None,
                 initargs: tuple = ()):
        self.workers: list[_Worker] = []
        # With fork, the workers inherit this process's objects: frozen out of the garbage collector
        # meanwhile, so that a collection in a worker does not write to, and so copy, every page it
        # inherited (gc.freeze, as Python's docs advise). What the caller froze before stays frozen.
        frozen = gc.get_freeze_count()
        gc.freeze()
        parent = os.getpid()
        # (the kernel's signal comes when the thread that started the worker ends: only the main thread's)
        kernel = threading.current_thread() is threading.main_thread()
        try:
            for _ in range(jobs):
                mine, theirs = context.Pipe(duplex=True)
                process = context.Process(target=_serve, args=(theirs, initializer, initargs, task, parent, kernel),
                                          daemon=True)
                try:
                    process.start()
                finally:
                    theirs.close()
                self.workers.append(_Worker(process, mine))
        except BaseException:
            self.stop()
            raise
        finally:
            if not frozen:
                gc.unfreeze()

    def submit(self, payload) -> Ticket:
        """Send a batch to the worker with the least work in flight: the fewest bytes of batches whose
        results have not come back (results that arrived meanwhile are read first), then the fewest
        batches. Counting batches alone, the batches of an input that starts small and doubles left one
        worker a quarter of the records more than the other at the end of `check DIR`."""
        data = pickle.dumps(payload, _PROTOCOL)
        for worker in self.workers:
            self._read_arrived(worker)
        worker = min(self.workers, key=lambda w: (w.queued, len(w.waiting)))
        ticket = Ticket(worker, len(data))
        worker.waiting.append(ticket)
        worker.queued += ticket.size
        if worker.dead:
            return ticket
        try:
            worker.conn.send_bytes(data)
        except OSError:  # (the worker died: its result will say so)
            worker.dead = True
        return ticket

    def _read_arrived(self, worker: _Worker) -> None:
        """Read the results `worker` has sent that are waiting in its pipe (never waits)."""
        while worker.waiting and not worker.dead:
            try:
                if not worker.conn.poll(0):
                    return
            except OSError:
                return
            self._receive(worker)

    def done(self, ticket: Ticket) -> bool:
        """Whether `result(ticket)` would not wait (results that arrived meanwhile are read)."""
        worker = ticket.worker
        while ticket.value is _UNSET and not worker.dead:
            try:
                if not worker.conn.poll(0):
                    return False
            except OSError:
                return True
            self._receive(worker)
        return True

    def result(self, ticket: Ticket):
        """The batch's results, waiting for them; `WorkerDied` if its worker ended first."""
        worker = ticket.worker
        while ticket.value is _UNSET and not worker.dead:
            self._receive(worker)
        if ticket.value is _UNSET:
            raise WorkerDied(f"worker process {worker.process.pid} ended (exit code {worker.process.exitcode})")
        value, ticket.value = ticket.value, None
        return value

    @staticmethod
    def _receive(worker: _Worker) -> None:
        try:
            data = worker.conn.recv_bytes()
        except (EOFError, OSError):
            worker.dead = True
            worker.process.join(timeout=1)
            return
        ticket = worker.waiting.popleft()
        ticket.value = pickle.loads(data)
        worker.queued -= ticket.size

    def close(self) -> None:
        """Let the workers finish what they have, then end them."""
        for worker in self.workers:
            try:
                worker.conn.send_bytes(b"")
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(timeout=10)
        self.stop()

    def stop(self) -> None:
        """End the workers now (what they were doing is lost)."""
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=5)
            worker.conn.close()
            worker.dead = True
        self.workers = []
