"""The ``categories`` section compiled into an ordered, guarded list of steps per number kind.

A figure is classified by the first step that fires, in this order:

1. higher ``priority`` first (default 0);
2. within one priority: the rules whose ``after`` opens with ``{mods}`` share one
   pattern (the nearest counted noun wins, file order breaks ties); then the other
   ``after``-only rules, in file order; then the rules with a ``before`` pattern, in
   file order.

Every pattern carries a literal guard (:mod:`desktop.extractor.guards`), so a rule
whose words do not occur near the figure costs a few substring tests, not a regex run.

Example::

    >>> from desktop.extractor.rules import load_rules
    >>> [s.kind for s in load_rules().steps["money"]][:2]
    ['after', 'before']
"""

from __future__ import annotations

import re
from typing import Any, Optional

from desktop.extractor.guards import Guarded, lead_assert, literal_alternation, with_lead, word_list_tries
from desktop.extractor.yamlload import line_of

KINDS = ("count", "money", "weight")
_RULE_KEYS = {"id", "before", "after", "kind", "note", "priority", "requires"}


class MetricRule:
    """One compiled metric rule: ``before``/``after`` patterns, a category, a kind and a priority."""

    __slots__ = ("id", "category", "kind", "before", "after", "group", "priority", "raw_after", "requires")

    def __init__(self, rid: str, category: str, kind: str, before, after, priority: int = 0, raw_after=None,
                 requires=None):
        self.id, self.category, self.kind, self.before, self.after = rid, category, kind, before, after
        self.priority, self.raw_after, self.group = priority, raw_after, ""
        #: a pattern the release must contain somewhere for this rule's category to hold (else: ``other``)
        self.requires = requires


class Step:
    """One thing to try on a figure.

    ``kind`` is ``noun`` (``regex`` matched after the number, ``groups`` maps its named
    groups to rules), ``after`` (``regex`` matched after the number) or ``before``
    (``regex`` ends before the number or its qualifier; ``after`` must then match too).
    """

    __slots__ = ("kind", "regex", "after", "rule", "groups")

    def __init__(self, kind: str, regex: Guarded, rule: Optional[MetricRule] = None,
                 after: Optional[re.Pattern] = None, groups: Optional[dict] = None):
        self.kind, self.regex, self.rule, self.after, self.groups = kind, regex, rule, after, groups or {}


def metric_rule(rules, cat: str, raw: Any, seen: dict) -> MetricRule:
    """Validate and compile one rule mapping of category ``cat`` (``rules`` reports errors)."""
    if not isinstance(raw, dict):
        rules._fail(raw, f"a rule of '{cat}' must be a mapping with 'id' and 'before'/'after'")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        rules._fail(raw, f"unknown key(s) in rule: {', '.join(sorted(map(str, unknown)))}")
    rid = str(raw.get("id") or "")
    if not rid:
        rules._fail(raw, f"a rule of '{cat}' has no 'id'")
    if rid in seen:
        rules._fail(raw.get("id"), f"rule id '{rid}' is used twice (first at line {line_of(seen[rid])})")
    seen[rid] = raw.get("id")
    kind = str(raw.get("kind") or "count")
    if kind not in KINDS:
        rules._fail(raw.get("kind"), f"unknown kind '{kind}' (expected one of {', '.join(KINDS)})")
    priority = raw.get("priority", 0)
    if isinstance(priority, bool) or not isinstance(priority, int):
        rules._fail(raw.get("priority", raw), f"'priority' of rule '{rid}' must be a whole number")
    if raw.get("before") is None and raw.get("after") is None:
        rules._fail(raw, f"rule '{rid}' needs 'before' or 'after'")
    before = rules.compile(raw["before"], suffix=r"[^\S\n]*$") if raw.get("before") is not None else None
    after = rules.compile(raw["after"]) if raw.get("after") is not None else None
    requires = rules.compile(raw["requires"]) if raw.get("requires") is not None else None
    return MetricRule(rid, cat, kind, before, after, int(priority), raw.get("after"), requires)


def compile_categories(rules, entries: list) -> tuple[dict, dict, dict]:
    """``(categories, steps, guards)``: rules by category, the ordered steps and the side guards per kind."""
    categories: dict[str, list[MetricRule]] = {}
    seen: dict[str, Any] = {}
    by_kind: dict[str, list[MetricRule]] = {k: [] for k in KINDS}
    for entry in entries:
        if not isinstance(entry, dict) or "category" not in entry:
            rules._fail(entry, "each categories entry needs 'category:' and 'rules:'")
        cat = str(entry["category"])
        if not re.fullmatch(r"[a-z][a-z0-9_]*", cat):
            rules._fail(entry["category"], f"category name '{cat}' must be lower_case_with_underscores")
        items = entry.get("rules") or []
        if not isinstance(items, list):
            rules._fail(entry, f"'rules' of category '{cat}' must be a list")
        for raw in items:
            rule = metric_rule(rules, cat, raw, seen)
            categories.setdefault(cat, []).append(rule)
            by_kind[rule.kind].append(rule)
    mods = rules._expand("{mods}") if "mods" in rules.macros else None
    steps = {kind: _steps(rules, rs, mods) for kind, rs in by_kind.items()}
    return categories, steps, {kind: side_guards(st) for kind, st in steps.items()}


def side_guards(steps: list[Step]) -> dict[str, Any]:
    """One guard for all ``after`` steps and one for all ``before`` steps of a kind.

    When it finds none of their words near the figure, none of the steps of that side is tried.
    ``before_words`` (a :class:`WordsNear`) also tells which of the before-words are there.
    """
    out = {}
    for side in ("after", "before"):
        lits: Optional[set[str]] = set()
        for s in steps:
            if s.kind == side:
                if s.regex.literals is None:
                    lits = None  # a step without a guard: always try that side
                    break
                lits |= s.regex.literals
        out[side] = Guarded(re.compile("(?!)"), frozenset(lits) if lits else frozenset())
    out["before_words"] = WordsNear(out["before"].literals)
    out["after_words"] = WordsNear(out["after"].literals)
    return out


class WordsNear:
    """Which guard literals occur in a window, found with one scan (``None`` literals: unknown).

    ``found(lower, pos, endpos)`` returns the set of literals present: each occurrence
    counts for every literal it contains ("seized" also stands for "seize"). Two literals
    glued so that they share letters ("arrestedetained") count as the first only.
    """

    __slots__ = ("regex", "within")

    def __init__(self, literals: Optional[frozenset]):
        self.regex = re.compile(literal_alternation(sorted(literals))) if literals else None
        lits = literals or ()
        self.within = {a: frozenset(b for b in lits if b in a) for a in lits}

    def found(self, lower: str, pos: int, endpos: int) -> Optional[frozenset]:
        if self.regex is None:
            return None
        hits = self.regex.findall(lower, pos, endpos)
        if not hits:
            return frozenset()
        within = self.within
        if len(hits) == 1:
            return within[hits[0]]
        return frozenset().union(*(within[h] for h in hits))


class Run(list):
    """The steps of one run; ``words``: the few literals one of which any of them needs, or ``None``.

    A ``before`` run whose ``words`` are all absent from the window (a substring test on one
    slice) fires no step there: each step's guard needs one of them. The window's before-words
    scan is then not needed for this run (it is made for the first run that could fire).
    """

    __slots__ = ("words",)


def step_runs(steps: list[Step]) -> list[tuple[str, list[Step]]]:
    """``steps`` cut into runs of one kind, in order: a side whose guard fails skips its whole run."""
    runs: list[tuple[str, list[Step]]] = []
    for step in steps:
        if runs and runs[-1][0] == step.kind:
            runs[-1][1].append(step)
        else:
            runs.append((step.kind, Run([step])))
    for _, run in runs:
        lits = [s.regex.literals for s in run]
        words = None if any(x is None for x in lits) else frozenset().union(*lits)
        run.words = tuple(sorted(words)) if words and len(words) <= 3 else None
    return runs


def _steps(rules, rs: list[MetricRule], mods: Optional[str]) -> list[Step]:
    out: list[Step] = []
    for priority in sorted({r.priority for r in rs}, reverse=True):
        level = [r for r in rs if r.priority == priority]
        nouns, afters, befores = [], [], []
        for r in level:
            if r.before is not None:
                befores.append(r)
            elif mods is not None and str(r.raw_after).startswith("{mods}"):
                nouns.append(r)
            else:
                afters.append(r)
        if nouns:
            groups, alts = {}, []
            for i, r in enumerate(nouns):
                r.group = f"n{i}"
                groups[r.group] = r
                alt = f"(?P<n{i}>{rules._expand(str(r.raw_after)[len('{mods}'):])})"
                alts.append(lead_assert(alt, re.I) + alt)  # a noun that cannot start here is not tried
            # after each run of modifiers the nouns' first letters are tested once, then each noun's own
            lead = lead_assert("(?:" + "|".join(alts) + ")", re.I)
            regex = re.compile(word_list_tries(mods + lead + "(?:" + "|".join(alts) + ")"), re.I)
            out.append(Step("noun", Guarded(regex), groups=groups))
        out.extend(Step("after", Guarded(r.after), rule=r) for r in afters)
        out.extend(Step("before", Guarded(with_lead(r.before)), rule=r, after=r.after) for r in befores)
    return out
