"""Extractor speed: documents per second on a synthetic corpus, against one plain regex pass.

Builds 10,000 releases from the seeds (``seeds/*.txt``): each copy has its numbers
perturbed and its paragraphs shuffled, deterministically (a fixed random seed). Then
times ``extract`` over all of them on one core, and one compiled-regex pass
(``RAW_PATTERN.findall``) over the same texts, and prints both rates and their ratio.

Peer (issue 15): spaCy's blank English tokenizer with a 10-pattern ``Matcher``
(``spacy_peer.py``) over the same texts, in an interpreter that has spaCy (``--peer-python``;
default: this one if it has spaCy, else ``$BLOTTER_SPACY_PYTHON``). Runs alternate between the
extractor and the peer and each figure is the median of ``--runs``.

Targets (issue 15): at least 1,700 documents/s on one core, at least 4x spaCy's Matcher.

Example::

    $ .venv/bin/python benchmarks/extract_bench.py
    extract: 10000 docs in 3.10 s = 3226 docs/s
    raw regex pass: 10000 docs in 0.60 s = 16667 docs/s
    ratio (raw / extract): 5.2x

Params: ``--docs N`` (default 10000), ``--seed S`` (default 3), ``--runs R`` (default 3),
``--peer-python PYTHON``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
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


def _peer_python(given):
    if given:
        return given
    try:
        import spacy  # noqa: F401
        return sys.executable
    except ImportError:
        return os.environ.get("BLOTTER_SPACY_PYTHON")


def _peer_rate(python: str, docs: list[Document]) -> float:
    texts = "".join(json.dumps(d.body) + "\n" for d in docs)
    out = subprocess.run([python, str(Path(__file__).with_name("spacy_peer.py")), "1"], input=texts,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"spaCy peer failed: {out.stderr[-1500:]}")
    return json.loads(out.stdout)["rates"][0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer-python", default=None, help="an interpreter with spaCy installed")
    args = parser.parse_args(argv)
    docs = synthetic_corpus(args.docs, args.seed)
    rules = default_rules()
    extract(docs[0], rules)  # warm up (rules compiled, regex caches filled)
    peer = _peer_python(args.peer_python)
    print(f"extractor benchmark: {len(docs):,} releases, {args.runs} runs; load {os.getloadavg()[0]:.2f}")
    rates, raw_rates, peer_rates = [], [], []
    metrics = 0
    for run in range(args.runs):
        t0 = time.perf_counter()
        metrics = 0
        for d in docs:
            metrics += len(extract(d, rules).metrics)
        rates.append(len(docs) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for d in docs:
            RAW_PATTERN.findall(d.body)
        raw_rates.append(len(docs) / (time.perf_counter() - t0))
        if peer:
            peer_rates.append(_peer_rate(peer, docs))
        print(f"    run {run + 1}: extract {rates[-1]:,.0f} docs/s, raw pass {raw_rates[-1]:,.0f}"
              + (f", spaCy Matcher {peer_rates[-1]:,.0f}" if peer else ""), flush=True)
    rate, raw_rate = statistics.median(rates), statistics.median(raw_rates)
    print(f"extract: {rate:,.0f} docs/s, median of {args.runs} ({metrics} metrics a run)  [target >= 1,700 docs/s]")
    print(f"raw regex pass ({RAW_PATTERN.pattern}): {raw_rate:,.0f} docs/s (floor; extract is {raw_rate / rate:.1f}x slower)")
    if peer:
        p = statistics.median(peer_rates)
        print(f"peer, spaCy blank('en') + 10-pattern Matcher: {p:,.0f} docs/s; extract is {rate / p:.2f}x "
              f"faster  [target >= 4x]")
    else:
        print("peer: spaCy not found (give --peer-python or BLOTTER_SPACY_PYTHON)")
    print(f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
