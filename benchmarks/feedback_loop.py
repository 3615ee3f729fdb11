"""How fast is the learner's loop? Prints, measured side by side in one run:

  floor            python -c "import pytest, fastapi, sqlalchemy.ext.asyncio, httpx"
  workbook check   grading one kata through the workbook command
  pytest one kata  pytest katas/<kata>
  pytest katas     every kata

and the ratios against the floor. Targets: one kata within 1.5x the floor by either
command; all katas within 5 s. Each command runs --repeat times, interleaved so that a
noisy neighbour hurts all of them alike; the median counts.

    python3 run.py python benchmarks/feedback_loop.py [--repeat 5] [--kata 04]

It grades a scratch copy of the workbook's katas, so your own results are untouched.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FLOOR_IMPORTS = "import pytest, fastapi, sqlalchemy.ext.asyncio, httpx"
ONE_KATA_TARGET = 1.5  # times the import floor
ALL_KATAS_TARGET_S = 5.0


def seconds(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--kata", default=None, help="kata folder name (default: the first)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="workbook-bench-") as scratch:
        workspace = Path(scratch)
        shutil.copytree(ROOT / "katas", workspace / "katas", ignore=shutil.ignore_patterns("__pycache__"))
        kata = args.kata or sorted(p.name for p in (workspace / "katas").glob("[0-9][0-9]_*"))[0]
        env = {**os.environ, "WORKBOOK_ROOT": str(workspace)}
        commands = {
            "import floor": [sys.executable, "-c", FLOOR_IMPORTS],
            "workbook check": [str(BIN / "workbook"), "check", kata],
            "pytest one kata": [sys.executable, "-m", "pytest", f"katas/{kata}", "-q"],
            "pytest katas": [sys.executable, "-m", "pytest", "katas", "-q"],
        }
        for command in commands.values():  # warm the file cache once, unmeasured
            seconds(command, workspace, env)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                samples[name].append(seconds(command, workspace, env))

    median = {name: statistics.median(values) for name, values in samples.items()}
    floor = median["import floor"]
    katas = len(list((ROOT / "katas").glob("[0-9][0-9]_*")))
    print(f"median of {args.repeat} runs each, {os.cpu_count()} cores, kata {kata}, {katas} katas in all\n")
    print(f"{'command':<17}{'seconds':>8}{'x floor':>9}  target")
    verdicts = []
    for name, value in median.items():
        ratio = value / floor
        if name in ("workbook check", "pytest one kata"):
            ok = ratio <= ONE_KATA_TARGET
            target = f"<= {ONE_KATA_TARGET}x floor: {'met' if ok else 'MISSED'}"
        elif name == "pytest katas":
            ok = value <= ALL_KATAS_TARGET_S
            target = f"<= {ALL_KATAS_TARGET_S:g} s: {'met' if ok else 'MISSED'}"
        else:
            ok, target = True, ""
        verdicts.append(ok)
        print(f"{name:<17}{value:>8.2f}{ratio:>9.2f}  {target}")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
