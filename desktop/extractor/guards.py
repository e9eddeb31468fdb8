"""Cheap literal guards that let a costly pattern run only where it could match.

:func:`required_literals` reads a compiled pattern and finds strings of which every
match must contain one ("arrested" or "detained" for ``{passive}(?:arrested|detained)``).
A :class:`Guarded` pattern checks for them in the (lowercased) text first, a few
substring tests, and runs the regular expression only when one is there. The result
is the same as running the pattern always: the literals are a necessary condition.
Patterns with no such literal are simply always run.

Example::

    >>> sorted(required_literals(re.compile(r"\\b(?:arrested|detained)(?:\\s+\\w+)?", re.I)))
    ['arrested', 'detained']
    >>> g = Guarded(re.compile(r"\\bcharged\\s*$", re.I))
    >>> bool(g.search("He was Charged ", "he was charged ", 0, 15)), g.search("he ran ", "he ran ", 0, 7)
    (True, None)
"""

from __future__ import annotations

import re
from typing import Optional

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    from re import _constants as _c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_REPEATS = tuple(getattr(_c, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, n))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
#: A guard with more literals than this is one compiled alternation instead of substring tests.
_MAX_TESTS = 6


def _best(options: list[set[str]]) -> Optional[set[str]]:
    """The most selective candidate set: longest shortest literal, then fewest literals."""
    options = [o for o in options if o and min(map(len, o)) >= 2]
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _seq(items) -> Optional[set[str]]:
    """Literals one of which every match of this sequence contains, or ``None``."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append({"".join(run)})
            run = []
        found: Optional[set[str]] = None
        if op is _c.SUBPATTERN:
            found = _seq(av[-1])
        elif _ATOMIC is not None and op is _ATOMIC:
            found = _seq(av)
        elif op is _c.BRANCH:
            alts = [_seq(alt) for alt in av[1]]
            if all(a is not None for a in alts):
                found = set().union(*alts)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            found = _seq(av[2])
        if found:
            options.append(found)
    if run:
        options.append({"".join(run)})
    return _best(options)


def required_literals(regex: re.Pattern) -> Optional[frozenset[str]]:
    """Lowercase strings one of which every match of ``regex`` contains, or ``None`` when unknown.

    Only what a match consumes counts (look-arounds are ignored), so testing for the
    literals in the lowercased text searched is a safe pre-check.
    """
    try:
        tree = _sre_parse.parse(regex.pattern, regex.flags)
    except Exception:  # pragma: no cover - the pattern compiled, so this should not happen
        return None
    found = _seq(list(tree))
    if not found:
        return None
    lowered = {s.lower() for s in found}
    # a literal containing another one is redundant ("arrested" when "arrest" is there)
    return frozenset(s for s in lowered if not any(o != s and o in s for o in lowered))


def literal_alternation(words) -> str:
    """A regex source matching any of ``words``, as a trie so the engine tries few branches."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


#: a negative look-ahead over plain words that must end a word: ``(?!(?:(?:were|was|is))\b)``
_WORD_LIST_LOOKAHEAD = re.compile(r"(?<!\\)\(\?!((?:\(\?:)*)([a-z]+(?:\|[a-z]+)+)(\)*)\\b\)")


def word_list_tries(source: str) -> str:
    """``source`` with each negative look-ahead over a list of plain words written as a trie.

    ``(?!(?:were|was|is)\\b)`` fails where any of the words ends a word, whichever the
    engine tries first, so the trie ``(?!(?:is|w(?:as|ere))\\b)`` means the same; it
    tries a few branches at each place instead of every word (the ``{word}`` macro).

    Example::

        >>> word_list_tries(r"(?!(?:(?:was|is|were))\\b)\\w+")
        '(?!(?:(?:(?:is|w(?:as|ere))))\\\\b)\\\\w+'
    """
    def trie(m: re.Match) -> str:
        opened, words, closed = m.groups()
        if len(opened) != 3 * len(closed):
            return m.group(0)
        return "(?!" + opened + literal_alternation(sorted(set(words.split("|")))) + closed + "\\b)"
    return _WORD_LIST_LOOKAHEAD.sub(trie, source)


class Guarded:
    """A compiled pattern with its literal guard; ``search``/``match`` take the text and its lowercase.

    :param regex: the compiled pattern
    :param literals: the guard; derived from the pattern when not given (``()``: no guard)
    """

    __slots__ = ("regex", "literals", "_any", "pattern")

    def __init__(self, regex: re.Pattern, literals: Optional[frozenset[str]] = None):
        self.regex = regex
        self.pattern = regex.pattern
        self.literals = required_literals(regex) if literals is None else (frozenset(literals) or None)
        self._any = None
        if self.literals and len(self.literals) > _MAX_TESTS:
            self._any = re.compile(literal_alternation(sorted(self.literals)))

    def possible(self, lower: str, pos: int, endpos: int) -> bool:
        """Whether a match inside ``lower[pos:endpos]`` is possible at all."""
        lits = self.literals
        if lits is None:
            return True
        if self._any is not None:
            return self._any.search(lower, pos, endpos) is not None
        if len(lits) == 1:
            for lit in lits:
                return lower.find(lit, pos, endpos) >= 0
        # one slice, then ``in`` (no argument parsing) for each literal: ``lit in lower[pos:endpos]``
        # is ``lower.find(lit, pos, endpos) >= 0`` for a non-empty literal (a guard's are 2+ characters)
        chunk = lower[pos:endpos]
        for lit in lits:
            if lit in chunk:
                return True
        return False

    def search(self, text: str, lower: str, pos: int, endpos: int) -> Optional[re.Match]:
        """``regex.search(text, pos, endpos)`` when the guard allows it, else ``None``."""
        if self.literals is not None and not self.possible(lower, pos, endpos):
            return None
        return self.regex.search(text, pos, endpos)

    def match(self, text: str, lower: str, pos: int, limit: int) -> Optional[re.Match]:
        """``regex.match(text, pos)`` when a literal occurs in ``lower[pos:limit]``, else ``None``.

        ``limit`` bounds where the guard looks (the end of the line, or a few hundred
        characters), not the match itself.
        """
        if self.literals is not None and not self.possible(lower, pos, limit):
            return None
        return self.regex.match(text, pos)


_CATEGORY_CLASS = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_DIGIT": None,
                   "CATEGORY_WORD": None, "CATEGORY_NOT_WORD": None, "CATEGORY_NOT_SPACE": None}
_ZERO_WIDTH = tuple(getattr(_c, n) for n in ("AT", "ASSERT", "ASSERT_NOT") if hasattr(_c, n))


def _first(items, flags: int) -> tuple[Optional[set[str]], bool]:
    """The characters a match of ``items`` can open with (class items), and whether it can be empty."""
    out: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            out.add(re.escape(chr(av)))
            return out, False
        if op is _c.IN:
            for iop, iav in av:
                if iop is _c.LITERAL:
                    out.add(re.escape(chr(iav)))
                elif iop is _c.RANGE:
                    out.add(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
                elif iop is _c.CATEGORY and _CATEGORY_CLASS.get(str(iav)):
                    out.add(_CATEGORY_CLASS[str(iav)])
                else:
                    return None, False  # negated, \w, \S...: too wide to be worth it
            return out, False
        if op is _c.SUBPATTERN:
            add = av[1] if len(av) > 3 else 0
            if add & re.I and not flags & re.I:
                return None, False  # a case-insensitive part inside a case-sensitive pattern
            sub, empty = _first(av[-1], flags)
        elif op is _c.BRANCH:
            sub, empty = set(), False
            for alt in av[1]:
                part, e = _first(alt, flags)
                if part is None:
                    return None, False
                sub |= part
                empty = empty or e
        elif op in _REPEATS:
            sub, empty = _first(av[2], flags)
            empty = empty or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not empty:
            return out, False
    return out, True


def lead_assert(source: str, flags: int = 0) -> str:
    """A look-ahead naming the characters a match of ``source`` can start with, or ``""``.

    Put in front of a pattern it changes no match, but lets the engine refuse every
    other place at once instead of trying each alternative there.

    Example::

        >>> lead_assert(r"\\b(?:Mon|Tues)day|\\d+ May")
        '(?=[MT\\\\d])'
    """
    try:
        chars, empty = _first(list(_sre_parse.parse(source, flags)), flags)
    except Exception:  # pragma: no cover - the caller compiles and reports errors itself
        return ""
    if not chars or empty:
        return ""
    return "(?=[" + "".join(sorted(chars)) + "])"


def lead_class(regex: re.Pattern) -> Optional[re.Pattern]:
    """A pattern of one character class: the characters a match of ``regex`` can start with, or ``None``.

    ``None`` when they are not known or the pattern can match the empty string. Where
    ``lead_class(r).search(text, pos, end)`` finds nothing, no match of ``r`` starts in
    ``[pos, end)`` (the test :func:`lead_assert` makes at each place, done for all of them at once).
    """
    lead = lead_assert(regex.pattern, regex.flags)
    if not lead:
        return None
    try:
        return re.compile(lead[3:-1], regex.flags)  # "(?=[...])" -> "[...]"
    except re.error:  # pragma: no cover - the same class compiled inside the look-ahead
        return None


def with_lead(regex: re.Pattern) -> re.Pattern:
    """``regex`` with its :func:`lead_assert` in front (the same matches, found sooner)."""
    lead = lead_assert(regex.pattern, regex.flags)
    if not lead:
        return regex
    try:
        return re.compile(f"{lead}(?:{regex.pattern})", regex.flags)
    except re.error:  # e.g. a global flag that must open the pattern
        return regex


class AnyOf:
    """Alternatives tried one by one, each with its own guard: only those whose words occur run.

    ``search`` returns a match of some alternative (not necessarily the leftmost): for
    questions of "is there one?" (a wider period, a not-a-metric context).
    """

    __slots__ = ("alternatives", "pattern", "_union")

    def __init__(self, regexes):
        self.alternatives = [Guarded(with_lead(r)) for r in regexes]
        self.pattern = "|".join(f"(?:{r.pattern})" for r in regexes)
        lits = [a.literals for a in self.alternatives]
        # one test for all the alternatives' words first; only when one occurs are they tried in turn
        self._union = None if not lits or any(x is None for x in lits) else Guarded(
            re.compile("(?!)"), frozenset().union(*lits))

    def search(self, text: str, lower: str, pos: int, endpos: int) -> Optional[re.Match]:
        if self._union is not None and not self._union.possible(lower, pos, endpos):
            return None
        for alt in self.alternatives:
            m = alt.search(text, lower, pos, endpos)
            if m:
                return m
        return None
