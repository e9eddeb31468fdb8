"""Correction mining: words for the lexicon, proposed from rows reviewers added or corrected.

For each row a reviewer added (or whose category or value they corrected) in a reviewed
document, the evidence is read for the counted noun (the last word of the phrase after the
figure: "7 rusty hatchets" -> ``hatchet``) and the verb ("were confiscated" -> ``confiscate``).
A word the lexicon lacks is proposed for the list the row's category's rules use (the noun or
verb list its rules name; lists shared by many categories, such as ``people``, are not
proposed). Every proposal is tried (:mod:`desktop.loop.try_rules`) on the reviewed documents
that contain the word before it is shown, with what it fixes and breaks.

Example::

    >>> [p.sentence() for p in propose(store.db)]                     # doctest: +SKIP
    ['hatchets -> weapons_seized nouns (weapon): added by reviewers 7 times in 5 documents; trying it: fixes 7, breaks 0']
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import sqlite_utils
import yaml

from desktop.domain import CORE_CATEGORIES
from desktop.extractor import default_rules
from desktop.extractor.rules import Rules, load_rules
from desktop.extractor.user_overlay import user_rule_files
from desktop.extractor.words import noun_forms, verb_forms
from desktop.loop.decisions import Decision, reviewed_decisions
from desktop.loop.try_rules import try_rules

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]")
_NUMBER = re.compile(r"[£$€]?\d[\d,.]*%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                     r"sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|a pair of)\b", re.I)
_STOP = frozenset("""a an the and or but of for with in into to from by at on as were was are is be been being have has
had that this these those than after before during while per each across around since such including also not no it
its their they we our he she his her will would could can may then when where which who whom all some more over about
nearly almost under up total further other others off out were""".split())
#: a noun list used by the rules of this many categories is shared (people, places): never proposed
SHARED = 3
_SILENT_E = ("at", "iz", "is", "ur", "id", "ov", "av", "os", "us", "g", "c", "v", "ac", "uc", "ot")


@dataclass
class Proposal:
    word: str  # as written in the evidence ("hatchets")
    base: str  # what goes in the list ("hatchet")
    kind: str  # nouns | verbs
    list_name: str
    category: str
    rows: int = 0
    documents: set = field(default_factory=set)
    fixes: int = 0
    breaks: int = 0
    new: int = 0

    def sentence(self) -> str:
        return (f"{self.word} → {self.category} {self.kind} ({self.list_name}): added by reviewers "
                f"{self.rows} time{'s' * (self.rows != 1)} in {len(self.documents)} document"
                f"{'s' * (len(self.documents) != 1)}; trying it: fixes {self.fixes}, breaks {self.breaks}")

    def to_json(self) -> dict:
        return {"word": self.word, "add": self.base, "kind": self.kind, "list": self.list_name,
                "category": self.category, "rows": self.rows, "documents": len(self.documents),
                "fixes": self.fixes, "breaks": self.breaks, "new": self.new, "text": self.sentence()}


def category_lists(rules: Rules) -> dict[str, dict[str, str]]:
    """For each category, the noun and verb list its rules use most: ``{category: {"nouns": name, ...}}``."""
    words = rules.data.get("words") or {}
    kinds = {kind: set((words.get(kind) or {}).keys()) for kind in ("nouns", "verbs")}
    uses: dict[str, dict[str, Counter]] = defaultdict(lambda: {"nouns": Counter(), "verbs": Counter()})
    for entry in rules.data.get("categories") or []:
        cat = entry.get("category") if isinstance(entry, dict) else None
        for rule in (entry.get("rules") or []) if cat else []:
            for part in ("before", "after"):
                for name in re.findall(r"\{([a-z_][a-z0-9_]*)\}", str(rule.get(part) or "")):
                    for kind in ("nouns", "verbs"):
                        if name in kinds[kind]:
                            uses[cat][kind][name] += 1
    spread = Counter(name for cat in uses.values() for kind in cat.values() for name in kind)
    out: dict[str, dict[str, str]] = {}
    for cat, by_kind in uses.items():
        for kind, counts in by_kind.items():
            own = [(n, c) for n, c in counts.most_common() if spread[n] < SHARED]
            if own:
                out.setdefault(cat, {})[kind] = own[0][0]
    return out


def lexicon(rules: Rules) -> set[str]:
    """Every single word any noun or verb list stands for, in every form, lower case."""
    words = rules.data.get("words") or {}
    out: set[str] = set()
    for kind, forms in (("nouns", noun_forms), ("verbs", verb_forms)):
        for items in (words.get(kind) or {}).values():
            for w in items or []:
                for f in forms(str(w)):
                    out.update(f.split())
    return out


def noun_base(word: str) -> str:
    """The singular the noun list takes: ``hatchets`` -> ``hatchet`` (the engine makes the plural)."""
    low = word.lower()
    if low.endswith("s") and not low.endswith(("ss", "is", "us")):
        for base in (low[:-3] + "y" if low.endswith("ies") else None, low[:-1], low[:-2]):
            if base and low in noun_forms(base):
                return base
    return low


def verb_base(word: str) -> Optional[str]:
    """The base form of a past participle: ``confiscated`` -> ``confiscate``; ``None`` if not one."""
    low = word.lower()
    if not low.endswith("ed") or len(low) < 5:
        return None
    stem = low[:-2]
    base = stem + "e" if stem.endswith(_SILENT_E) else stem
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        base = stem[:-1]  # stopped -> stop
    return base if low in verb_forms(base) else None


def counted_words(text: str) -> tuple[Optional[str], list[str]]:
    """``(the counted noun, the verbs)`` in a piece of evidence; the noun is the last word of the phrase after
    the first figure."""
    m = _NUMBER.search(text or "")
    if not m:
        return None, []
    phrase = []
    for w in _WORD.findall(text[m.end():]):
        if w.lower() in _STOP or _NUMBER.fullmatch(w):
            break
        phrase.append(w)
        if len(phrase) == 4:
            break
    noun = phrase[-1] if phrase else None
    verbs = [w for w in _WORD.findall(text) if w.lower().endswith("ed")]
    return noun, verbs


def candidates(decisions: list[Decision], rules: Rules) -> list[Proposal]:
    """Proposals (not yet tried) from added and corrected rows, with their support."""
    known = lexicon(rules)
    lists = category_lists(rules)
    found: dict[tuple, Proposal] = {}
    for d in decisions:
        missed = d.outcome == "added" or (d.outcome == "corrected" and not d.keeps)
        if not missed or d.category not in CORE_CATEGORIES or d.category not in lists:
            continue
        noun, verbs = counted_words(d.text or "")
        picks = []
        if noun and noun.lower() not in known and "nouns" in lists[d.category] and len(noun) > 2:
            picks.append(("nouns", noun, noun_base(noun)))
        if "verbs" in lists[d.category]:
            for v in verbs:
                base = verb_base(v)
                if base and v.lower() not in known:
                    picks.append(("verbs", v, base))
                    break
        for kind, word, base in picks:
            key = (d.category, kind, base)
            p = found.get(key) or Proposal(word.lower(), base, kind, lists[d.category][kind], d.category)
            found[key] = p
            p.rows += 1
            p.documents.add(d.document_id)
    return sorted(found.values(), key=lambda p: (-p.rows, -len(p.documents), p.base))


def _stem(base: str) -> str:
    """A piece of text every written form of ``base`` contains (to try only documents that could change)."""
    first = re.split(r"[\s’'-]", base.lower())[0]
    return first[:-1] if first.endswith(("e", "y")) and len(first) > 3 else first


def _overlay_rules(p: Proposal, extra_files: list[Path]) -> Rules:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "proposal.yaml"
        path.write_text(yaml.safe_dump({"words": {p.kind: {p.list_name: [p.base]}}}), encoding="utf-8")
        return load_rules(None, overlays=extra_files + [path])


def propose(db: sqlite_utils.Database, min_rows: int = 2, limit: int = 20,
            progress: Optional[Callable[[int, int], None]] = None) -> list[Proposal]:
    """Tried proposals, best first: most fixes, fewest breaks.

    :param min_rows: how many reviewer rows must support a word before it is proposed
    """
    decisions = reviewed_decisions(db)
    rules = default_rules()
    props = [p for p in candidates(decisions, rules) if p.rows >= min_rows][:limit]
    user_files = user_rule_files()
    bodies = {r[0]: r[1].lower() for r in db.execute("SELECT id, body FROM documents WHERE status = 'reviewed'")}
    for i, p in enumerate(props):
        stem = _stem(p.base)
        ids = [doc_id for doc_id, body in bodies.items() if stem in body]
        result = try_rules(db, _overlay_rules(p, user_files), only=ids, decisions=decisions)
        baseline = try_rules(db, rules, only=ids, decisions=decisions)
        now, before = result.totals, baseline.totals
        p.fixes = max(0, now["fix"] - before["fix"])
        p.breaks = max(0, now["break"] - before["break"])
        p.new = max(0, now["new"] - before["new"])
        if progress is not None:
            progress(i + 1, len(props))
    return sorted(props, key=lambda p: (-p.fixes, p.breaks, -p.rows, p.base))
