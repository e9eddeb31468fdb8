"""Numbers as people write them: ``1,825``, ``2.5``, ``£46,000``, ``£2m``, ``£1.2 million``,
``twenty-one``, ``One hundred``, ``a dozen``, ``ten thousand pounds``.

:func:`find_numbers` yields :class:`NumberToken` for every number in a text, with its
value, its currency (from a symbol or a following word) and its kind
(``count``/``money``/``weight``). "Hundreds of", "dozens of" are not numbers.

Example::

    >>> [(t.value, t.currency) for t in find_numbers("seized £1.2 million and 3,227 wraps")]
    [(1200000, 'GBP'), (3227, None)]
    >>> parse_number("twenty-one")
    21
"""

from __future__ import annotations

import os
import re
from typing import Iterator, Optional, Sequence, Union

from desktop.extractor.guards import literal_alternation

Number = Union[int, float]

ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
               "bn": 1_000_000_000, "billion": 1_000_000_000}
SYMBOLS = {"£": "GBP", "€": "EUR", "$": "$"}
CURRENCY_WORDS = {"pound": "GBP", "pounds": "GBP", "quid": "GBP", "euro": "EUR", "euros": "EUR",
                  "dollar": "$", "dollars": "$"}
#: Currency codes written before a figure ("NZ$4.4m", "US$33,200", "EUR 45,000").
CODES = {"NZ": "NZD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "US": "USD", "EUR": "EUR", "USD": "USD",
         "AUD": "AUD", "NZD": "NZD", "CAD": "CAD", "GBP": "GBP"}
_DOLLAR_CODE = re.compile(r"(?<![A-Za-z])(?P<code>NZ|AU|A|CA|C|US)$")
_CODE_ENDS = frozenset("RDP")  # the last letters of the codes _CODE_BEFORE knows
_CODE_BEFORE = re.compile(r"(?<![A-Za-z])(?P<code>EUR|USD|AUD|NZD|CAD|GBP)[^\S\n]?$")
#: ``$`` means the publishing country's dollar; by web domain ending.
DOLLAR_BY_DOMAIN = {".au": "AUD", ".nz": "NZD", ".ca": "CAD"}

_ONES = "|".join(sorted(ONES, key=len, reverse=True))
_TENS = "|".join(TENS)
_SMALL = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_ONES})"
_WORDS = (rf"(?:{_SMALL}(?:[^\S\n]+(?:hundred|thousand|million)(?:[^\S\n]+(?:and[^\S\n]+)?{_SMALL}(?![\w-]))?)?"
          rf"|a[^\S\n]+dozen|dozen)")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SUFFIX = (r"(?:[^\S\n]?(?P<mult>million|mn|bn|billion|thousand|m|k)(?![\w]))?"
           r"(?P<weight>[^\S\n]?(?:kgs?|kilos?|kilograms?|g|grams?|grammes?|tonnes?|lbs?|oz|ounces?)(?![\w]))?"
           r"(?![\w])")
#: One written number (used by :func:`parse_number`).
NUMBER_RE = re.compile(rf"(?:(?P<cur>[£€$])[^\S\n]?)?(?:(?P<d>{_DIGITS})|(?P<w>{_WORDS})){_SUFFIX}", re.I)
# The scanners open with a character class; they are not run over the whole text (a class test at
# every character costs ~100 instructions a character): the places the class allows are found with
# ``str.find`` and the pattern is matched there (:func:`_digit_spans`, :func:`_word_starts`).
_DIGIT_SCAN = re.compile(r"[£€$0-9](?:(?<=[£€$])[^\S\n]?[0-9])?[0-9]*(?:,[0-9]{3})*(?:\.[0-9]+)?")
_WORD_AT = re.compile(rf"\b(?=[otfsenad])(?:{_WORDS})(?![\w])")

_NUMBER_WORDS = set(ONES) | set(TENS) | {"dozen"}
#: Where a number in words may start: a first number word after a character that is no part of a
#: word (an ASCII letter, digit, ``_`` or ``-``). The match consumes that character and the word.
_WORD_START = re.compile(r"[^a-z0-9_\-](?:" + literal_alternation(sorted(_NUMBER_WORDS))
                         + r"|a[^\S\n]+dozen)")
#: ``_WORD_START`` without its first character, and the starts its words have in common: where
#: a number in words may start is found with ``str.find`` for these (:func:`_word_starts`).
_WORD_OR_DOZEN = re.compile(_WORD_START.pattern[len("[^a-z0-9_\\-]"):])
#: Each is the longest start the number words sharing their first three letters have in common
#: ("for" stands for "forty" alone, "nin" for "nine", "ninety", "nineteen"): a longer needle is found
#: faster, and a "for" or a "thing" is no longer a place to try.
_WORD_PREFIXES = tuple(sorted({os.path.commonprefix([w for w in _NUMBER_WORDS if w[:3] == v[:3]])
                               for v in _NUMBER_WORDS}))
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
_SUFFIX_RE = re.compile(_SUFFIX, re.I)
_BAD_BEFORE_DIGIT = set(".,£€$/=?&#@%+-_")
_OF_AFTER = re.compile(r"[^\S\n]+of\b(?![^\S\n]+(?:which|whom|this|that|it)\b)", re.I)
_SCHEME = re.compile(r"^[a-z]+://")
_WORD_SPLIT = re.compile(r"[\s-]+")
_CURRENCY_WORD_RE = re.compile(r"[^\S\n]+(?P<word>pounds?|quid|euros?|dollars?)\b", re.I)


class NumberToken:
    """A number found in a text: where it stands and what it is worth.

    ``start``/``end`` cover the written number (with its symbol, multiplier,
    weight unit and currency word); ``num_start`` is where its digits or words begin.
    """

    __slots__ = ("start", "end", "value", "currency", "kind", "raw", "is_word", "plain")

    def __init__(self, start: int, end: int, value: Number, currency: Optional[str], kind: str, raw: str,
                 is_word: bool, plain: bool):
        self.start, self.end, self.value, self.currency = start, end, value, currency
        self.kind, self.raw, self.is_word, self.plain = kind, raw, is_word, plain

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"NumberToken({self.raw!r}, {self.value}, {self.currency}, {self.kind})"


def _tidy(value: float) -> Number:
    return int(value) if float(value).is_integer() else round(value, 6)


def parse_words(text: str) -> Optional[int]:
    """The value of a number written in words (``"One hundred"`` -> 100), or ``None``.

    :param text: words such as ``twenty-one``, ``three hundred and fifty``, ``a dozen``
    """
    words = _WORD_SPLIT.split(text.lower().strip())
    if words in (["a", "dozen"], ["dozen"]):
        return 12
    total, current, seen = 0, 0, False
    for w in words:
        if w == "and":
            continue
        if w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million"):
            total += (current or 1) * MULTIPLIERS[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> Optional[Number]:
    """The value of one written number: digits, words, with ``m``/``million``/``k`` and a symbol.

    :param text: e.g. ``"1,825"``, ``"£2m"``, ``"£1.2 million"``, ``"twelve"``

    Example::

        >>> parse_number("£2m"), parse_number("1.2 million"), parse_number("a dozen")
        (2000000, 1200000, 12)
    """
    m = NUMBER_RE.fullmatch(text.strip())
    if not m:
        return None
    return _value(m)


def _value(m: re.Match) -> Optional[Number]:
    if m.group("d"):
        value: float = float(m.group("d").replace(",", ""))
    else:
        words = parse_words(m.group("w"))
        if words is None:
            return None
        value = words
    mult = (m.group("mult") or "").lower()
    if mult:
        value *= MULTIPLIERS[mult]
    return _tidy(value)


def dollar_currency(url: Optional[str]) -> str:
    """The currency ``$`` stands for, from the publisher's web address (USD when unknown)."""
    if url:
        host = _SCHEME.sub("", url.lower()).split("/", 1)[0]
        for ending, code in DOLLAR_BY_DOMAIN.items():
            if host.endswith(ending) or (ending + ".") in host + ".":
                return code
    return "USD"


def find_numbers(text: str, dollar: str = "USD", lower: Optional[str] = None, skip: Sequence[tuple[int, int]] = (),
                 years: bool = True) -> Iterator[NumberToken]:
    """Every number in ``text`` in order (years, dates and the like included unless left out below).

    :param text: the document body
    :param dollar: the currency code ``$`` stands for
    :param lower: ``text`` lowercased with the same length, when the caller has it
    :param skip: sorted ``(start, end)`` spans (dates, say): figures starting inside one
        are left out (those in digits without the cost of reading them)
    :param years: ``False`` leaves out plain four-digit years (1900-2099) the same way
    """
    found = []
    si = 0
    for start, end in _digit_spans(text):
        if skip:
            si, inside = _advance(skip, si, start)
            if inside:
                continue
        if not years and end - start == 4 and _is_plain_year(text, start, end):
            continue
        cur = text[start] if text[start] in SYMBOLS else None
        num_start = start
        if cur:
            num_start = start + 1
            while num_start < end and not text[num_start].isdigit():
                num_start += 1
            if num_start >= end:
                continue
        prev = text[start - 1] if start else " "
        code = None
        if prev.isalpha() or prev in " \xa0":
            # a currency code written before the figure: "NZ$4.4 million", "US$33,200", "EUR 45,000"
            # (a code's last letter, R, D or P, stands just before, or before one space: else no search)
            cm = (_DOLLAR_CODE if cur == "$" else _CODE_BEFORE if not cur and _CODE_ENDS.intersection(
                text[start - 2 if start > 2 else 0:start]) else None)
            cm = cm.search(text, start - 5 if start > 5 else 0, start) if cm is not None else None
            if cm:
                code, start = CODES[cm.group("code").upper()], cm.start()
                prev = text[start - 1] if start else " "
        if prev.isalnum() or (prev in _BAD_BEFORE_DIGIT and not cur) or prev == "_":
            continue
        token = _token(text, text[num_start:end], False, cur, start, end, dollar)
        if token is not None and code:
            token.currency, token.kind = code, "money"
        if token is not None:
            found.append(token)
    if lower is None:
        lower = text.lower()
    if len(lower) == len(text):
        words = []
        last = si = 0
        starts = _word_starts(lower)
        if _WORD_AT.match(lower, 0):
            starts.insert(0, 0)
        for start in starts:
            if start < last:
                continue  # inside the number before ("three hundred and fifty")
            m = _WORD_AT.match(lower, start)
            if m is None:
                continue
            last = m.end()
            if skip:
                si, inside = _advance(skip, si, start)
                if inside:
                    continue
            token = _token(text, m.group(), True, None, start, m.end(), dollar)
            if token is not None:
                words.append(token)
        if words:
            found.extend(words)
            found.sort(key=lambda t: t.start)
    return iter(found)


def _digit_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _DIGIT_SCAN.finditer(text)]``, without testing every character.

    The pattern matches wherever a digit or a currency symbol stands, so those places (found
    with ``str.find``) are tried in order, each only where the match before it ended.
    """
    find = text.find
    places = []
    for ch in "0123456789£€$":
        i = find(ch)
        while i >= 0:
            places.append(i)
            i = find(ch, i + 1)
    places.sort()
    spans = []
    last = 0
    match = _DIGIT_SCAN.match
    for p in places:
        if p >= last:
            m = match(text, p)
            if m is not None:
                spans.append(m.span())
                last = m.end()
    return spans


def _word_starts(lower: str) -> list[int]:
    """``[m.start() + 1 for m in _WORD_START.finditer(lower)]``, without testing every character.

    Every match's word starts with one of ``_WORD_PREFIXES`` ("a dozen": its "dozen" after blanks
    after "a"), so those places are the only ones tried, in order, a match starting only where
    the one before it ended, as ``finditer`` does.
    """
    find = lower.find
    places = set()
    for prefix in _WORD_PREFIXES:
        i = find(prefix, 1)
        while i >= 0:
            places.add(i)
            if prefix == "dozen":
                j = i - 1
                while j > 0 and lower[j] != "\n" and lower[j].isspace():
                    j -= 1
                if j < i - 1 and j >= 1 and lower[j] == "a":
                    places.add(j)
            i = find(prefix, i + 1)
    starts: list[int] = []
    last = 0
    match = _WORD_OR_DOZEN.match
    for p in sorted(places):
        if p - 1 < last or lower[p - 1] in _WORD_CHARS:
            continue
        m = match(lower, p)
        if m is not None:
            starts.append(p)
            last = m.end()
    return starts


#: First letters of what may follow a number after one space: a multiplier or a weight unit
#: (million, bn, thousand, kg, g, lb, oz...) and a currency word (pounds, quid, euros, dollars).
_SUFFIX_FIRST = frozenset("mbtkglo")
_CURRENCY_FIRST = frozenset("pqed")


def _advance(spans: Sequence[tuple[int, int]], i: int, pos: int) -> tuple[int, bool]:
    """Move ``i`` past the sorted ``spans`` ending at or before ``pos``; also whether ``pos`` is inside ``spans[i]``."""
    while i < len(spans) and spans[i][1] <= pos:
        i += 1
    return i, i < len(spans) and spans[i][0] <= pos


def _suffix_may_follow(text: str, end: int) -> bool:
    """Whether a multiplier, a unit or glued letters may follow the figure ending at ``end``.

    When not ("5 arrests", "5,"), the suffix pattern need not run: it could only match nothing.
    """
    nxt = text[end:end + 1]
    return nxt.isalnum() or nxt == "_" or (nxt != "\n" and nxt.isspace()
                                          and text[end + 1:end + 2].lower() in _SUFFIX_FIRST)


def _is_plain_year(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (four characters) is a year no multiplier or unit follows."""
    raw = text[start:end]
    return raw.isdigit() and 1900 <= int(raw) <= 2099 and not _suffix_may_follow(text, end)


def _token(text: str, raw: str, is_word: bool, cur: Optional[str], start: int, end: int, dollar: str):
    if is_word:
        value: Optional[float] = parse_words(raw)
        if value is None:
            return None
    else:
        if raw.startswith("0") and len(raw) > 1 and "." not in raw:
            return None  # leading zero: a phone number, a code
        # plain digits (the usual case) read exactly as int; other forms through float, as before
        value = int(raw) if len(raw) < 16 and raw.isdecimal() else float(raw.replace(",", ""))
    suffix, mult, weight = None, "", None
    if _suffix_may_follow(text, end):
        suffix = _SUFFIX_RE.match(text, end)
        if suffix is None:
            return None  # glued to letters: a model name, a hash, an ordinal
        mult, weight = (suffix.group("mult") or "").lower(), suffix.group("weight")
    kind = "count"
    if mult and (cur or mult not in ("m", "k", "mn")):
        value *= MULTIPLIERS[mult]
        end = suffix.end()
    elif mult:
        pass  # "5m" without a currency is a length: the bare number only
    elif weight:
        kind, end = "weight", suffix.end()
    currency = SYMBOLS.get(cur) if cur else None
    if currency is None and kind == "count":
        c0 = text[end:end + 1]
        if c0 and c0 != "\n" and c0.isspace():
            c1 = text[end + 1:end + 2]
            if c1 and (c1.isspace() or c1.lower() in _CURRENCY_FIRST):
                cw = _CURRENCY_WORD_RE.match(text, end)
                if cw and cw.group("word").lower().startswith("pound") and _OF_AFTER.match(text, cw.end()):
                    kind, end = "weight", cw.end()  # "25 pounds of marijuana": a weight, not money
                elif cw:
                    currency = CURRENCY_WORDS[cw.group("word").lower()]
                    end = cw.end()
    if currency == "$":
        currency = dollar
    if currency:
        kind = "money"
    plain = not is_word and not mult and not cur and "," not in raw and "." not in raw
    return NumberToken(start, end, value if type(value) is int else _tidy(value), currency, kind, text[start:end],
                       is_word, plain)
