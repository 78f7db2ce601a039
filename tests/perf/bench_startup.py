"""Benchmark: start-up of `reelcheck check`, the commands that must not import spaCy, the installed size
of the runtime dependencies, and `check DIR` on many small files against proselint.

    python tests/perf/bench_startup.py                  # every figure (about two minutes idle)
    python tests/perf/bench_startup.py --repeat 5 --files 5000
    python tests/perf/bench_startup.py --skip-dir       # start-up and sizes only

Printed, each the fastest of `--repeat` runs taken in interleaved rounds (this machine's speed drifts
from one run to the next; ratios of runs taken side by side are what to compare):

- `python -c "import spacy; spacy.blank('en')"`: the floor every reelcheck run that reads text pays;
- `reelcheck check FILE --market us` and with all nine markets, on one short caption: cold (an empty
  compiled-pack cache: packs read, validated and compiled, then stored), warm (the cache filled), and
  without the cache (`REELCHECK_NO_CACHE=1`: what every run cost before the cache); and warm on a
  caption with claims (its rules need tokens, so spaCy is imported, and their lexicon patterns run:
  the caption a seller checks before filming); each as seconds and as a multiple of the spaCy floor
  (targets: warm one market <= 1.5x, nine <= 2x);
- `reelcheck --version`, `--help`, `markets`, `rules list` (warm): seconds, and whether spaCy was
  imported (`python -X importtime`; the target is that it is not);
- the installed size of reelcheck's runtime dependencies (the closure of its requirements, test extras
  left out), per distribution, and of spacy-lookups-data alone (target: <= 350 MB in all);
- `reelcheck check DIR --market us` on `--files` one-caption files against `proselint check DIR` on the
  same files, in the same rounds, wall time and peak memory of each (target: reelcheck >= 5x faster):
  reelcheck as it runs by default (worker processes on every core after its first items) and with
  `--jobs 1`, and with `--compare OTHER_CHECKOUT` another checkout of reelcheck (say, main's commit) in
  the same rounds. Memory: the largest process's peak RSS (the kernel's count), and the peak of the
  summed RSS and PSS (shared pages split between the processes sharing them) of the process and its
  workers, sampled every 20 ms. proselint is installed for this benchmark only, best in a venv of its
  own (`python3 -m venv /tmp/prose && /tmp/prose/bin/pip install proselint`): `--proselint
  /tmp/prose/bin/proselint`, else it is looked for next to this Python and on PATH.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CAPTION = ("Morning routine with my new serum, honestly my skin feels softer after two weeks. "
           "Link in bio if you want to try it #skincare #morningroutine")
# (a caption with claims: its rules need tokens, so spaCy is imported, and their lexicon patterns run)
CLAIMS = ("This tea cured my bloating in 3 days and I lost 4 kg, clinically proven! "
          "Shop the link in bio #ad #guthealth")
NINE = "us,uk,id,th,vn,my,ph,sg,cn"


def run(cmd: list[str], env: dict | None = None, cwd: str | None = None,
        tree: dict | None = None) -> tuple[float, float, str, float]:
    """(seconds, peak RSS in MB of the process, stderr, CPU seconds: user + system) of one run of `cmd`;
    the kernel's peak RSS is the largest of the process and its waited-for workers. `tree`: filled with
    the peaks of the summed RSS and PSS (MB) of the process and its descendants, sampled meanwhile."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    sampler = None
    if tree is not None:
        sampler = threading.Thread(target=_sample_tree, args=(proc.pid, tree), daemon=True)
        sampler.start()
    err = proc.stderr.read().decode("utf-8", "replace")  # (to its end: the process is ending)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if sampler is not None:
        sampler.join()
    return elapsed, usage.ru_maxrss / 1024, err, usage.ru_utime + usage.ru_stime


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return out


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB, (0, 0) once it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            values = dict(line.split()[:2] for line in fh if line.startswith(("Rss:", "Pss:")))
        return int(values.get("Rss:", 0)), int(values.get("Pss:", 0))
    except (OSError, ValueError):
        return 0, 0


def _sample_tree(pid: int, tree: dict) -> None:
    tree.update(rss=0.0, pss=0.0)
    if not os.path.exists("/proc/self/smaps_rollup"):
        return
    while os.path.exists(f"/proc/{pid}/task"):
        rss = pss = 0
        for p in _descendants(pid):
            r, q = _memory(p)
            rss += r
            pss += q
        tree["rss"] = max(tree["rss"], rss / 1024)
        tree["pss"] = max(tree["pss"], pss / 1024)
        time.sleep(0.02)
        try:  # (a zombie: ended, not yet waited for)
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return
        except OSError:
            return


def bytecode(checkouts: list[Path], compile_first: bool) -> str:
    """reelcheck's modules as an installation has them: `pip install` compiles a package's modules to
    bytecode, and on most machines an editable install writes it at its first import. Where
    PYTHONDONTWRITEBYTECODE is set (as on some CI and sandbox machines) an editable checkout without
    `__pycache__` compiles every module it imports from source on every run (~50 modules, 0.05-0.1 s
    of CPU), while spaCy, proselint and the other installed packages read theirs: the benchmark
    compiles reelcheck's first, as pip would, unless `--source`."""
    if compile_first:
        for checkout in checkouts:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(checkout / "checker")], check=True)
        return "reelcheck's modules compiled to bytecode first, as an install has them (--source: not)"
    setting = "set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "not set"
    return f"reelcheck's modules as they are (PYTHONDONTWRITEBYTECODE {setting}; --source)"


def reelcheck(*args: str) -> list[str]:
    return [sys.executable, "-m", "checker", *args]


def env_with(**extra) -> dict:
    env = dict(os.environ)
    env.pop("REELCHECK_NO_CACHE", None)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def startup(repeat: int, work: Path) -> None:
    caption = work / "caption.txt"
    caption.write_text(CAPTION + "\n", encoding="utf-8")
    claims = work / "claims.txt"
    claims.write_text(CLAIMS + "\n", encoding="utf-8")
    cache = work / "cache"
    rows: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}

    def add(name: str, result) -> None:
        rows.setdefault(name, []).append(result[0])
        cpu.setdefault(name, []).append(result[3])

    for _ in range(repeat):
        add("spacy", run([sys.executable, "-c", "import spacy; spacy.blank('en')"]))
        for label, markets in (("one market", "us"), ("nine markets", NINE)):
            cmd = reelcheck("check", str(caption), "--market", markets, "--format", "json")
            shutil.rmtree(cache, ignore_errors=True)
            add(f"check, {label}, cold", run(cmd, env_with(REELCHECK_CACHE_DIR=cache)))
            add(f"check, {label}, warm", run(cmd, env_with(REELCHECK_CACHE_DIR=cache)))
            add(f"check, {label}, no cache", run(cmd, env_with(REELCHECK_NO_CACHE=1)))
            cmd = reelcheck("check", str(claims), "--market", markets, "--format", "json")
            add(f"check, {label}, warm, claims", run(cmd, env_with(REELCHECK_CACHE_DIR=cache)))
        for args in (("--version",), ("--help",), ("markets",), ("rules", "list")):
            add(" ".join(args), run(reelcheck(*args), env_with(REELCHECK_CACHE_DIR=cache)))
    spacy_s, spacy_cpu = min(rows["spacy"]), min(cpu["spacy"])
    # (CPU seconds too: on a shared machine the wall clock measures the neighbours as much as the code)
    print(f"{'':36}{'s (best)':>10}{'x spaCy':>9}   range        {'CPU s':>7}{'x spaCy':>9}")
    for name, values in rows.items():
        best, best_cpu = min(values), min(cpu[name])
        print(f"{name:36}{best:>10.2f}{best / spacy_s:>9.2f}   {min(values):.2f}-{max(values):.2f}"
              f"   {best_cpu:>7.2f}{best_cpu / spacy_cpu:>9.2f}")
    print("(targets: check warm, one market <= 1.50x; nine markets <= 2.00x; cold no worse than no cache)")
    print()
    for args in (("--version",), ("--help",), ("markets",), ("rules", "list")):
        _, _, err, _ = run([sys.executable, "-X", "importtime", "-m", "checker", *args], env_with(REELCHECK_CACHE_DIR=cache))
        spacy_loaded = any(re.search(r"\|\s+spacy$", line) for line in err.splitlines())
        print(f"reelcheck {' '.join(args):12} imports spaCy: {'yes' if spacy_loaded else 'no'}")


def _requirement_names(dist: str, seen: set[str]) -> None:
    key = dist.lower().replace("_", "-")
    if key in seen:
        return
    try:
        meta = metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return
    seen.add(key)
    for req in meta.requires or ():
        if "extra ==" in req:
            continue
        name = re.split(r"[\s<>=!~;\[(]", req, maxsplit=1)[0]
        if name:
            _requirement_names(name, seen)


def installed_sizes() -> None:
    names: set[str] = set()
    _requirement_names("reelcheck", names)
    names.discard("reelcheck")
    sizes = []
    for name in sorted(names):
        dist = metadata.distribution(name)
        total = 0
        for f in dist.files or ():
            path = Path(dist.locate_file(f))
            if path.is_file():
                total += path.stat().st_size
        sizes.append((total, dist.metadata["Name"]))
    sizes.sort(reverse=True)
    all_mb = sum(s for s, _ in sizes) / 1e6
    print(f"runtime dependencies installed: {all_mb:.0f} MB in {len(sizes)} distributions (target <= 350 MB)")
    for size, name in sizes[:12]:
        print(f"  {name:28}{size / 1e6:8.1f} MB")
    lookups = next((s for s, n in sizes if n.lower() == "spacy-lookups-data"), 0)
    print(f"  spacy-lookups-data is {lookups / 1e6:.0f} MB ({lookups / 1e6 / all_mb:.0%}); without it {all_mb - lookups / 1e6:.0f} MB")


def captions(n: int, seed: int = 20261204) -> list[str]:
    """Clean-looking English captions (the vocabulary of tests/perf/bench_audit.py), a few with a claim."""
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_audit

    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = bench_audit._caption(rng, "en", rng.randint(60, 330))
        if i % 20 == 0:
            text = "This serum cured my acne in a week! " + text
        out.append(text)
    return out


def _proselint(given: str | None) -> str | None:
    if given:
        return given
    return shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which("proselint")


def _load() -> str:
    with open("/proc/loadavg") as fh:
        return " ".join(fh.read().split()[:3])


def check_dir(files: int, repeat: int, work: Path, proselint: str | None, compare: str | None) -> None:
    folder = work / "captions"
    folder.mkdir(exist_ok=True)
    for i, text in enumerate(captions(files)):
        (folder / f"caption-{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    cache = work / "cache-dir"
    args = ["check", str(folder), "--market", "us", "--format", "json", "--output", str(work / "out.json")]
    # name -> (command, where it runs, its environment)
    runs = {"reelcheck": (reelcheck(*args), None, env_with(REELCHECK_CACHE_DIR=cache)),
            "reelcheck -j 1": (reelcheck(*args, "--jobs", "1"), None, env_with(REELCHECK_CACHE_DIR=cache))}
    if compare:  # another checkout, run from its folder (its packs, its code)
        runs[f"compared ({Path(compare).name})"] = (reelcheck(*args), compare,
                                                    env_with(REELCHECK_CACHE_DIR=cache, PYTHONPATH=compare))
    for cmd, cwd, env in runs.values():  # (fills the compiled-pack cache of each)
        run(cmd, env, cwd=cwd)
    proselint = _proselint(proselint)
    if proselint:
        version = subprocess.run([proselint, "version"], capture_output=True, text=True).stdout.strip()
        runs[f"proselint {version.split()[-1] if version else ''}".strip()] = ([proselint, "check", str(folder)],
                                                                              None, None)
    results: dict[str, list[tuple[float, float, float, float, float]]] = {}
    loads = [_load()]
    for _ in range(repeat):  # (interleaved: each round runs every command once)
        for name, (cmd, cwd, env) in runs.items():
            tree: dict = {}
            secs, rss, _, cpu = run(cmd, env, cwd=cwd, tree=tree)
            results.setdefault(name, []).append((secs, cpu, rss, tree.get("rss", 0.0), tree.get("pss", 0.0)))
        loads.append(_load())
    print(f"check DIR, {files:,} one-caption files (best of {repeat}; load average at the start and after each "
          f"round: {' | '.join(loads)}):")
    print(f"  {'':22}{'s (best)':>9}{'range':>14}{'CPU s':>8}{'files/s':>9}   peak MB: {'largest':>7}{'all RSS':>8}"
          f"{'all PSS':>8}")
    for name, values in results.items():
        secs = [v[0] for v in values]
        print(f"  {name:22}{min(secs):9.2f}{min(secs):8.2f}-{max(secs):<5.2f}{min(v[1] for v in values):8.2f}"
              f"{files / min(secs):9,.0f}   {'':9}{max(v[2] for v in values):7.0f}{max(v[3] for v in values):8.0f}"
              f"{max(v[4] for v in values):8.0f}")
    prose = next((n for n in results if n.startswith("proselint")), None)
    if prose is None:
        print("  proselint is not installed here (pip install proselint, --proselint PATH): no comparison")
        return
    best = {n: min(v[0] for v in values) for n, values in results.items()}
    for name in results:
        if name != prose:
            print(f"  {name} is {best[prose] / best[name]:.1f}x faster than proselint (best against best; target >= 5x)")
    for name in results:  # (rounds side by side: each round's ratio, as the load moves)
        if name != prose:
            ratios = sorted(p[0] / r[0] for p, r in zip(results[prose], results[name], strict=True))
            print(f"  {name}: per-round ratios {', '.join(f'{x:.1f}' for x in ratios)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--skip-dir", action="store_true", help="leave out the check DIR comparison")
    ap.add_argument("--only-dir", action="store_true", help="only the check DIR comparison")
    ap.add_argument("--proselint", help="the proselint command (default: next to this Python, else on PATH)")
    ap.add_argument("--compare", metavar="CHECKOUT", help="check DIR: also run this checkout of reelcheck in the same rounds")
    ap.add_argument("--source", action="store_true",
                    help="do not compile reelcheck's modules to bytecode first (see `bytecode`)")
    args = ap.parse_args()
    os.chdir(ROOT)
    work = Path(tempfile.mkdtemp(prefix="bench_startup_"))
    try:
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; reelcheck from {ROOT}")
        print(bytecode([ROOT] + ([Path(args.compare).resolve()] if args.compare else []), not args.source))
        if not args.only_dir:
            startup(args.repeat, work)
            print()
            installed_sizes()
        if not args.skip_dir:
            print()
            check_dir(args.files, args.repeat, work, args.proselint,
                      str(Path(args.compare).resolve()) if args.compare else None)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
