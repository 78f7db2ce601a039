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
  without the cache (`REELCHECK_NO_CACHE=1`: what every run cost before the cache); each as seconds
  and as a multiple of the spaCy floor (targets: warm one market <= 1.5x, nine <= 2x);
- `reelcheck --version`, `--help`, `markets`, `rules list` (warm): seconds, and whether spaCy was
  imported (`python -X importtime`; the target is that it is not);
- the installed size of reelcheck's runtime dependencies (the closure of its requirements, test extras
  left out), per distribution, and of spacy-lookups-data alone (target: <= 350 MB in all);
- `reelcheck check DIR --market us` on `--files` one-caption files against `proselint check DIR` on the
  same files (proselint is only installed for this benchmark: `pip install proselint`), wall time
  and peak RSS of each (target: reelcheck >= 5x faster).
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
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CAPTION = ("Morning routine with my new serum, honestly my skin feels softer after two weeks. "
           "Link in bio if you want to try it #skincare #morningroutine")
NINE = "us,uk,id,th,vn,my,ph,sg,cn"


def run(cmd: list[str], env: dict | None = None, cwd: str | None = None) -> tuple[float, float, str, float]:
    """(seconds, peak RSS in MB of the process, stderr, CPU seconds: user + system) of one run of `cmd`."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, err, usage.ru_utime + usage.ru_stime


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


def check_dir(files: int, repeat: int, work: Path) -> None:
    folder = work / "captions"
    folder.mkdir(exist_ok=True)
    for i, text in enumerate(captions(files)):
        (folder / f"caption-{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    cache = work / "cache-dir"
    ours = reelcheck("check", str(folder), "--market", "us", "--format", "json", "--output", str(work / "out.json"))
    run(ours, env_with(REELCHECK_CACHE_DIR=cache))  # (fills the compiled-pack cache)
    proselint = shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which("proselint")
    results: dict[str, list[tuple[float, float]]] = {}
    for _ in range(repeat):
        results.setdefault("reelcheck", []).append(run(ours, env_with(REELCHECK_CACHE_DIR=cache))[:2])
        if proselint:
            results.setdefault("proselint", []).append(run([proselint, "check", str(folder)])[:2])
    print(f"check DIR, {files:,} one-caption files (best of {repeat}):")
    for name, values in results.items():
        secs = min(v[0] for v in values)
        rss = max(v[1] for v in values)
        print(f"  {name:12}{secs:8.2f} s  {files / secs:8,.0f} files/s  peak RSS {rss:6.0f} MB")
    if "proselint" in results:
        ratio = min(v[0] for v in results["proselint"]) / min(v[0] for v in results["reelcheck"])
        print(f"  reelcheck is {ratio:.1f}x faster than proselint (target >= 5x)")
    else:
        print("  proselint is not installed here (pip install proselint): no comparison")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--skip-dir", action="store_true", help="leave out the check DIR comparison")
    args = ap.parse_args()
    os.chdir(ROOT)
    work = Path(tempfile.mkdtemp(prefix="bench_startup_"))
    try:
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; reelcheck from {ROOT}")
        startup(args.repeat, work)
        print()
        installed_sizes()
        if not args.skip_dir:
            print()
            check_dir(args.files, args.repeat, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
