"""Synthetic press releases made from the bundled seeds, for benchmarks.

Numbers, operation names and paragraph order are perturbed, bodies are padded
or cut to 2–6 KB, one release in five opens with YAML front matter shaped like a
scraped page's (as real corpora do), and the same ``seed`` always gives the same corpus.

Example::

    >>> texts = list(generate(10, seed=1))
    >>> 2000 <= len(texts[0][1].encode()) <= 6500
    True

Run as a script to write files: ``python benchmarks/corpus.py OUT_DIR N [SEED]``.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.importer import split_front_matter  # noqa: E402

NAMES = ["Sceptre", "Winter Nights", "Autumn Nights", "Pandilla", "Venice", "Orochi", "Kaiser", "Mille",
         "Smuggler", "Avro", "Guardian", "Tornado", "Falcon", "Harrier", "Lumen", "Nightjar", "Badger",
         "Clearwater", "Holly", "Trident"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?![\w])")
_OPERATION = re.compile(r"\bOperation ([A-Z][a-z]+(?: [A-Z][a-z]+)?)")


def seed_paragraphs() -> list[tuple[str, list[str]]]:
    """Each seed's first line (kept in place) and its other paragraphs."""
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        _, body = split_front_matter(path.read_text(encoding="utf-8"))
        paras = [p.strip() for p in body.split("\n\n") if p.strip()]
        out.append((paras[0], paras[1:]))
    return out


def _perturb_number(match: re.Match, rng: random.Random) -> str:
    text = match.group(0)
    digits = text.replace(",", "")
    if len(digits) == 4 and digits.startswith(("19", "20")):
        return text  # a year: keep
    n = int(digits)
    n = max(1, int(n * rng.uniform(0.5, 1.6)))
    return f"{n:,}" if "," in text else str(n)


def make_release(rng: random.Random, pool: list[tuple[str, list[str]]], with_front_matter: bool = False) -> str:
    """One synthetic release of 2–6 KB (its body), with front matter when asked."""
    head, paras = pool[rng.randrange(len(pool))]
    paras = list(paras)
    rng.shuffle(paras)
    target = rng.randint(2000, 6000)
    body = [head] + paras
    while len("\n\n".join(body).encode()) < target:
        _, more = pool[rng.randrange(len(pool))]
        body.append(rng.choice(more))
    text = "\n\n".join(body)
    while len(text.encode()) > 6200 and len(body) > 3:
        body.pop()
        text = "\n\n".join(body)
    name = rng.choice(NAMES)
    text = _OPERATION.sub(lambda m: f"Operation {name}", text)
    text = _NUMBER.sub(lambda m: _perturb_number(m, rng), text)
    day, month, year = rng.randint(1, 28), rng.randrange(12), rng.randint(2018, 2025)
    out = f"{MONTHS[month][:3]} {day:02}, {year} 10:00 GMT\n\n{text}\n\nRef {rng.getrandbits(48):012x}\n"
    return front_matter(rng, text) + out if with_front_matter else out


def front_matter(rng: random.Random, text: str) -> str:
    """A ```` ```yaml ```` block like the ones scrapers write (seed 000's shape: nested keys, a long
    description, addresses)."""
    title = text.split("\n", 1)[0][:90].replace("'", "''")
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    url = f"https://news.example.police.uk/news/{slug}-{rng.randrange(10**6)}"
    desc = " ".join(text.split()[:28]).replace("'", "''")
    return ("```yaml\n"
            "area: Metropolitan\n"
            f"fb:\n  app:\n    id: '{rng.getrandbits(40)}'\n"
            f"og:\n  description: '{desc}...'\n"
            f"  image: https://resources.example.com/image/upload/{rng.getrandbits(60):015x}.jpg\n"
            "  site:\n    name: Mynewsdesk\n"
            f"  title: '{title}'\n  type: article\n  url: {url}\n"
            "pressroom:\n  name: Metropolitan Police\n"
            f"title: '{title} - Metropolitan Police'\n"
            f"url: {url}\n"
            "```\n\n")


def generate(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """``(file name, text)`` for ``n`` synthetic releases."""
    rng = random.Random(seed)
    pool = seed_paragraphs()
    for i in range(n):
        yield f"release_{i:06}.txt", make_release(rng, pool, with_front_matter=i % 5 == 4)


def write_corpus(out: Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` releases into ``out`` (spread over sub-folders of 1,000); reuse a complete one."""
    out = Path(out)
    stamp = out / f".complete-{n}-{seed}-fm5"
    if stamp.exists():
        return out
    for i, (name, text) in enumerate(generate(n, seed)):
        folder = out / f"{i // 1000:03}"
        if i % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    stamp.touch()
    return out


if __name__ == "__main__":
    target = write_corpus(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    print(target)
