"""One key per category, pressed on the current metric row to set its category (as in Prodigy or doccano).

Plain Python (no Qt): the table, its defaults, and how it is written into the settings as text.

Example::

    >>> parse("arrests=1, other=x")["arrests"]
    '1'
"""

from __future__ import annotations

from desktop.domain import CATEGORIES

#: 1–9 for the nine most common categories, a letter of the name for the rest (F flags a document)
DEFAULT_KEYS: dict[str, str] = {
    "arrests": "1", "charges": "2", "knives_seized": "3", "firearms_seized": "4", "weapons_seized": "5",
    "drugs_seized": "6", "cash_seized": "7", "vehicles_seized": "8", "warrants_executed": "9",
    "weapon_sweeps": "w", "stop_searches": "s", "referrals": "r", "engagements": "e", "officers": "o",
    "offences": "n", "percent_change": "p", "other": "x",
}
#: keys that already mean something in the table
RESERVED = set(" \t\r\nf")  # F flags the document


class KeysError(ValueError):
    """A key table a person typed that cannot be used; the message says why."""


def validate(keys: dict[str, str]) -> dict[str, str]:
    """``keys`` cleaned (lower case, one character each, unknown categories dropped); raises
    :class:`KeysError` for a key used twice or a key that is not one printable character."""
    clean: dict[str, str] = {}
    seen: dict[str, str] = {}
    for category, key in keys.items():
        if category not in CATEGORIES:
            continue
        key = (key or "").strip().lower()
        if not key:
            continue  # no key for this category
        if key == "f":
            raise KeysError(f"F flags the document; choose another key for {category.replace('_', ' ')}")
        if len(key) != 1 or key in RESERVED or not key.isprintable():
            raise KeysError(f"the key for {category.replace('_', ' ')} must be one letter or digit, not {key!r}")
        if key in seen:
            raise KeysError(f"{key!r} is the key of both {seen[key].replace('_', ' ')} and "
                            f"{category.replace('_', ' ')}")
        seen[key] = category
        clean[category] = key
    return clean


def parse(text: str) -> dict[str, str]:
    """Keys from their settings text ``category=key, ...``; the defaults when empty or unusable."""
    if not text or not text.strip():
        return dict(DEFAULT_KEYS)
    pairs = {}
    for part in text.split(","):
        if "=" in part:
            category, key = part.split("=", 1)
            pairs[category.strip()] = key.strip()
    try:
        return validate(pairs)
    except KeysError:
        return dict(DEFAULT_KEYS)


def dump(keys: dict[str, str]) -> str:
    return ", ".join(f"{c}={k}" for c, k in keys.items())


def category_for(keys: dict[str, str], typed: str):
    """The category whose key is ``typed`` (case-insensitive), or None."""
    typed = (typed or "").lower()
    return next((c for c, k in keys.items() if k == typed), None) if typed else None
