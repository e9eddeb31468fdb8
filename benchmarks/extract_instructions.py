"""The extractor's instructions a release under callgrind: deterministic, so a 1% change shows on a
shared, noisy machine where wall-clock time cannot (ADR 0003).

Runs ``valgrind --tool=callgrind`` over N+1 extractions and over 1 (start-up, rules, warm-up) of the
benchmark's synthetic releases (``extract_bench.synthetic_corpus``, seed 3) and prints the difference
divided by N. Both runs build the same N+1 releases: until 2026-12-01 (fourth round) only the longer
run built N of them, so about 2.4 M of the 6.8 M instructions "a release" were the benchmark making
its corpus, not the extractor (ADR 0003, fourth addendum). Both runs use ``PYTHONHASHSEED=0``, so
the count is the same from run to run.

    python benchmarks/extract_instructions.py [N=200]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from _util import callgrind_total

HERE = Path(__file__).resolve().parent


def child(n: int, built: int) -> None:
    sys.path.insert(0, str(HERE))
    import extract_bench
    from desktop.extractor import default_rules, extract
    # both runs build the same ``built + 1`` releases, so building them (reading the seeds, shuffling,
    # rewriting their numbers: about 2.4 M instructions a release) cancels out; only extracting differs
    docs = extract_bench.synthetic_corpus(built + 1, 3)
    rules = default_rules()
    for d in docs[:n + 1]:
        extract(d, rules)


def instructions(n: int, built: int) -> int:
    # a fixed hash seed: with a random one, the order of sets of strings (a guard's literals tried in
    # turn) changes from run to run, and with it the count, by up to 0.5% (third round, ADR 0003)
    return callgrind_total([sys.executable, __file__, "--child", str(n), str(built)],
                           env=dict(os.environ, PYTHONHASHSEED="0"))


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(int(sys.argv[2]), int(sys.argv[3]))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    base, full = instructions(0, n), instructions(n, n)
    print(f"extractor: {(full - base) / n / 1e6:.3f} M instructions a release ({n} releases, start-up "
          f"{base / 1e6:,.0f} M subtracted; pid {os.getpid()})")


if __name__ == "__main__":
    main()
