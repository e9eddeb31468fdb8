"""Extractor scaling: time per figure on very long releases of several shapes.

A release that states N figures should cost about N times one figure. Each shape is
built at two sizes (``--figures`` and four times that) and the script prints seconds,
microseconds per figure and the growth factor; a factor far above 4 means time grows
faster than the text (a quadratic step somewhere).

Shapes: one long line of figures (the whole release is its lead); one sentence that never
ends (lowercase after every stop); many operations, one per line, each with dates; one
operation and many sentences opening "This work led to"; figures written in words.

Example::

    $ .venv/bin/python benchmarks/extract_scaling.py --figures 2000
    shape       figures    seconds  us/figure  growth (4x text)
    one-line       4000      0.21       52
    ...

Params: ``--figures N`` (default 2000).
"""

from __future__ import annotations

import argparse
import time

from _util import machine  # noqa: F401  (puts the project on sys.path)

from desktop.domain import Document
from desktop.extractor import default_rules, extract

SHAPES = {
    "one-line": lambda n: "Title\n\n" + " ".join(
        f"Officers made {i} arrests and seized {i} knives in Leeds." for i in range(1, n // 2 + 1)),
    "no-stops": lambda n: "Title\n\n" + " ".join(
        "twenty-one people were arrested and three hundred and five knives seized." for _ in range(n // 2)),
    "many-ops": lambda n: "Title\n\n" + "\n".join(
        f"Operation Alpha{i} ran from 3 May to 9 May. It led to {i} arrests and £{i},000 seized."
        for i in range(n // 2)),
    "anaphora": lambda n: "Title\n\nOperation Kaiser ran. " + " ".join(
        f"This work led to {i} arrests in 2019, up {i} per cent." for i in range(n // 2)),
}


def run(body: str, rules) -> tuple[float, int]:
    doc = Document(name="long.txt", body=body, sha256="x", published="2021-01-05")
    t = time.perf_counter()
    found = len(extract(doc, rules).metrics)
    return time.perf_counter() - t, found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=2000)
    args = parser.parse_args(argv)
    rules = default_rules()
    print(machine())
    print(f"{'shape':10s} {'figures':>8s} {'seconds':>9s} {'us/figure':>10s}  growth (4x text)")
    for name, make in SHAPES.items():
        small, n_small = run(make(args.figures), rules)
        large, n_large = run(make(4 * args.figures), rules)
        print(f"{name:10s} {n_small:8d} {small:9.2f} {small / max(1, n_small) * 1e6:10.0f}")
        print(f"{'':10s} {n_large:8d} {large:9.2f} {large / max(1, n_large) * 1e6:10.0f}  {large / small:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
