"""The peer the extractor is compared with: spaCy's blank English pipeline (tokenizer only) and a
``Matcher`` of 10 token patterns for figures and their nouns, over the same texts.

Run by ``extract_bench.py`` in an interpreter that has spaCy (``--peer-python``; spaCy is not a
dependency of Blotter). Reads texts as JSON Lines on standard input, prints the best and every
docs/s of RUNS runs as JSON.

    python benchmarks/spacy_peer.py RUNS < texts.jsonl
"""

from __future__ import annotations

import json
import sys
import time

import spacy
from spacy.matcher import Matcher

NOUNS = ["arrest", "arrests", "knife", "knives", "weapon", "weapons", "firearm", "firearms", "warrant",
         "warrants", "people", "men", "women", "drugs", "vehicles", "cars", "officers", "searches"]
PATTERNS = {
    "num_noun": [{"LIKE_NUM": True}, {"LOWER": {"IN": NOUNS}}],
    "num_adj_noun": [{"LIKE_NUM": True}, {"IS_ALPHA": True}, {"LOWER": {"IN": NOUNS}}],
    "num_adj2_noun": [{"LIKE_NUM": True}, {"IS_ALPHA": True}, {"IS_ALPHA": True}, {"LOWER": {"IN": NOUNS}}],
    "verb_num": [{"LOWER": {"IN": ["arrested", "seized", "recovered", "charged", "executed"]}}, {"LIKE_NUM": True}],
    "money": [{"IS_CURRENCY": True}, {"LIKE_NUM": True}],
    "money_unit": [{"IS_CURRENCY": True}, {"LIKE_NUM": True}, {"LOWER": {"IN": ["million", "m", "k"]}}],
    "percent": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["%", "per", "percent"]}}],
    "operation": [{"LOWER": "operation"}, {"IS_TITLE": True}, {"IS_TITLE": True, "OP": "?"}],
    "more_than": [{"LOWER": {"IN": ["more", "over", "almost", "nearly"]}}, {"LOWER": {"IN": ["than"]}, "OP": "?"},
                  {"LIKE_NUM": True}],
    "weeks": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["week", "weeks", "day", "days", "month", "months"]}}],
}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    texts = [json.loads(line) for line in sys.stdin]
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    for name, pattern in PATTERNS.items():
        matcher.add(name, [pattern])
    for doc in nlp.pipe(texts[:50]):  # warm up
        matcher(doc)
    rates, found = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        found = 0
        for text in texts:
            found += len(matcher(nlp(text)))
        rates.append(len(texts) / (time.perf_counter() - t))
    print(json.dumps({"rates": rates, "matches": found, "spacy": spacy.__version__}))


if __name__ == "__main__":
    main()
