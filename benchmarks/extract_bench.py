"""Extractor speed: documents per second on a synthetic corpus, against one plain regex pass.

Builds 10,000 releases from the seeds (``seeds/*.txt``): each copy has its numbers
perturbed and its paragraphs shuffled, deterministically (a fixed random seed). Then
times ``extract`` over all of them on one core, and one compiled-regex pass
(``RAW_PATTERN.findall``) over the same texts, and prints both rates and their ratio.

Targets (issue 3): at least 2,000 documents/s, and within 6x of the raw pass.

Example::

    $ .venv/bin/python benchmarks/extract_bench.py
    extract: 10000 docs in 3.10 s = 3226 docs/s
    raw regex pass: 10000 docs in 0.60 s = 16667 docs/s
    ratio (raw / extract): 5.2x

Params: ``--docs N`` (default 10000), ``--seed S`` (default 3).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.domain import Document  # noqa: E402
from desktop.extractor import default_rules, extract  # noqa: E402
from desktop.importer import read_document  # noqa: E402

#: The "plain compiled regex" baseline: every number in the text.
RAW_PATTERN = re.compile(r"\d[\d,.]*")
_NUM = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+|(?<![\w.,])\d+(?![\w])")


def _perturb_number(rng: random.Random, m: re.Match) -> str:
    text = m.group()
    value = int(text.replace(",", ""))
    if 1900 <= value <= 2099 and "," not in text:
        return text  # keep years (and dates) as they are
    new = max(1, int(value * rng.uniform(0.5, 1.8)))
    return f"{new:,}" if "," in text or new >= 10_000 else str(new)


def synthetic_corpus(n: int, seed: int = 3) -> list[Document]:
    """``n`` releases made from the seeds: numbers scaled, paragraphs reordered (deterministic).

    :param n: how many documents
    :param seed: the random seed
    """
    seeds = [read_document(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        base = seeds[i % len(seeds)]
        paras = base.body.split("\n\n")
        head, rest = paras[:1], paras[1:]
        rng.shuffle(rest)
        body = "\n\n".join(head + rest)
        body = _NUM.sub(lambda m: _perturb_number(rng, m), body)
        out.append(Document(name=f"synthetic_{i:05d}.txt", body=body, sha256=str(i), published=base.published,
                            url=base.url))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    docs = synthetic_corpus(args.docs, args.seed)
    rules = default_rules()
    extract(docs[0], rules)  # warm up (rules compiled, regex caches filled)

    t0 = time.perf_counter()
    metrics = 0
    for d in docs:
        metrics += len(extract(d, rules).metrics)
    t_extract = time.perf_counter() - t0

    t0 = time.perf_counter()
    found = 0
    for d in docs:
        found += len(RAW_PATTERN.findall(d.body))
    t_raw = time.perf_counter() - t0

    rate, raw_rate = len(docs) / t_extract, len(docs) / t_raw
    print(f"extract: {len(docs)} docs in {t_extract:.2f} s = {rate:.0f} docs/s ({metrics} metrics)")
    print(f"raw regex pass ({RAW_PATTERN.pattern}): {len(docs)} docs in {t_raw:.2f} s = {raw_rate:.0f} docs/s")
    print(f"ratio (raw / extract): {raw_rate / rate:.1f}x  (targets: >= 2000 docs/s, <= 6x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
