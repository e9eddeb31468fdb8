"""Word lists as data: the ``words`` section of the rules turned into regex macros.

A category's nouns, verbs and people words are plain YAML lists a user can extend
without writing a regular expression::

    words:
      nouns:
        knife: [knife, blade, machete, zombie knife]
      verbs:
        seize: [seize, recover, hand in]

Each list becomes a macro of the same name (``{knife}``, ``{seize}``) for the rules'
patterns. The engine adds the inflections: a noun also stands for its plural
(``knife`` -> ``knives``, ``machete`` -> ``machetes``, ``man`` -> ``men``), a verb for
its ``-s``, ``-ed`` and ``-ing`` forms (``hand in`` -> ``handed in``); the last word of
a phrase is the one inflected. Words match case-insensitively; spaces match any
horizontal space; a hyphen matches a hyphen, a space or nothing. Irregular forms
(``found``) are listed as words of their own.

Example::

    >>> noun_forms("knife"), noun_forms("man"), noun_forms("drugs")
    (['knife', 'knives'], ['man', 'men'], ['drugs'])
    >>> verb_forms("hand in")
    ['hand in', 'hands in', 'handed in', 'handing in']
"""

from __future__ import annotations

import re
from typing import Callable

_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "person": "people", "child": "children", "foot": "feet",
                      "mouse": "mice", "knife": "knives", "wife": "wives", "life": "lives", "thief": "thieves",
                      "police": "police", "staff": "staff", "personnel": "personnel", "cannabis": "cannabis",
                      "ammunition": "ammunition", "cash": "cash", "money": "money", "heroin": "heroin",
                      "cocaine": "cocaine", "ketamine": "ketamine", "crack": "crack", "spice": "spice",
                      "skunk": "skunk", "mdma": "mdma", "ecstasy": "ecstasy", "youth": "youths",
                      "aircraft": "aircraft", "sheep": "sheep", "equipment": "equipment"}
_IRREGULAR_VERBS = {"find": ["found"], "hold": ["held"], "seek": ["sought"], "speak": ["spoke", "spoken"],
                    "meet": ["met"], "take": ["took", "taken"], "give": ["gave", "given"], "get": ["got"],
                    "catch": ["caught"], "bring": ["brought"], "make": ["made"], "run": ["ran"], "stop": ["stopped"],
                    "hand": ["handed"], "put": ["put"], "teach": ["taught"], "lead": ["led"]}
_VOWELS = set("aeiou")


def noun_forms(word: str) -> list[str]:
    """The word and its plural (the last word of a phrase is made plural)."""
    if " of " in word:  # "member of the public": the word before "of" is the head
        first, _, rest = word.lower().partition(" of ")
        return [f + " of " + rest for f in noun_forms(first)]
    head, _, last = word.lower().rpartition(" ")
    low = last
    if low in _IRREGULAR_PLURALS:
        plural = _IRREGULAR_PLURALS[low]
    elif low in _IRREGULAR_PLURALS.values() or (low.endswith("s") and not low.endswith("ss")) or low.endswith("ies"):
        plural = low  # already plural (drugs, people) or a mass noun ending in s (cannabis)
    elif low.endswith(("ss", "sh", "ch", "x", "z")):
        plural = low + "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in _VOWELS:
        plural = low[:-1] + "ies"
    else:
        plural = low + "s"
    forms = [word.lower()]
    if plural != low:
        forms.append(((head + " ") if head else "") + plural)
    return forms


def verb_forms(word: str) -> list[str]:
    """The verb (given in its base form) with its ``-s``, ``-ed`` and ``-ing`` forms; first word inflected."""
    first, sep, rest = word.lower().partition(" ")
    tail = sep + rest
    if first.endswith("e") and not first.endswith("ee"):
        s, ed, ing = first + "s", first + "d", first[:-1] + "ing"
    elif first.endswith("y") and len(first) > 1 and first[-2] not in _VOWELS:
        s, ed, ing = first[:-1] + "ies", first[:-1] + "ied", first + "ing"
    elif first.endswith(("ss", "sh", "ch", "x", "z")):
        s, ed, ing = first + "es", first + "ed", first + "ing"
    else:
        s, ed, ing = first + "s", first + "ed", first + "ing"
    pasts = _IRREGULAR_VERBS.get(first)
    forms = [first, s] + ([p for p in pasts] if pasts else [ed]) + [ing]
    if first == "stop":
        forms[-1] = "stopping"
    out: list[str] = []
    for f in forms:
        if f + tail not in out:
            out.append(f + tail)
    return out


#: what a character of a written form stands for in the pattern
_UNITS = {" ": "{s}", "-": "(?:-|{s})?", "'": "['’]", "’": "['’]"}


def _units(form: str) -> list[str]:
    """A written form as pattern units: a space is ``{s}``, a hyphen is optional or a space."""
    return [_UNITS.get(ch) or re.escape(ch) for ch in " ".join(form.split())]


def alternation(words: list[str], forms: Callable[[str], list[str]]) -> str:
    """One regex of every form of ``words``, as a trie (the engine tries few branches at each place).

    Longer forms are tried first, so ``knives`` is preferred over ``knife`` where both could match.
    """
    trie: dict = {}
    for w in words:
        for f in forms(w):
            node = trie
            for unit in _units(f):
                node = node.setdefault(unit, {})
            node[""] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    alts = [unit + _emit(sub) for unit, sub in sorted(node.items(), key=lambda kv: kv[0]) if unit]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def word_macros(section: dict, fail: Callable[[object, str], None]) -> dict[str, str]:
    """``{name: regex source}`` for every list under ``nouns:`` and ``verbs:`` of the ``words`` section.

    :param section: the loaded ``words`` mapping
    :param fail: called with (value, reason) for a malformed entry (it raises)
    """
    out: dict[str, str] = {}
    for kind, forms in (("nouns", noun_forms), ("verbs", verb_forms)):
        lists = section.get(kind) or {}
        if not isinstance(lists, dict):
            fail(lists, f"'words: {kind}:' must map list names to lists of words")
        for name, words in lists.items():
            if not re.fullmatch(r"[a-z_][a-z0-9_]*", str(name)):
                fail(name, f"word list name '{name}' must be lower_case_with_underscores")
            if not isinstance(words, list) or not words:
                fail(words if words is not None else name, f"word list '{name}' must be a non-empty list of words")
            bad = [w for w in words if not isinstance(w, str) or not w.strip() or re.search(r"[\\()\[\]{}|*+?^$]", w)]
            if bad:
                fail(bad[0], f"word list '{name}': {bad[0]!r} is not a plain word or phrase")
            out[str(name)] = alternation([str(w).strip() for w in words], forms)
    for name in section:
        if name not in ("nouns", "verbs"):
            fail(name, f"unknown part 'words: {name}:' (expected nouns or verbs)")
    return out
