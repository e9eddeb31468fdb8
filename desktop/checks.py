"""Checks that catch mistakes in a document's figures. Plain Python: rows in, findings out.

Each check reads the document's metric rows as the store holds them (rejected rows
left out) and its body, and says in words what looks wrong and which rows it
concerns. They are hints for the reviewer, computed on every change; none blocks
anything. :data:`CHECKS` lists them for Help ▸ Checks.

Example::

    >>> report = run(doc, metrics, operations)
    >>> [f.message for f in report.findings]
    ['14 charged is more than 12 arrested (operation: none)']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from desktop.text_numbers import uncited

#: (id, name, what it looks for) — the list under Help ▸ Checks
CHECKS: tuple[tuple[str, str, str], ...] = (
    ("charged_over_arrested", "More charged than arrested",
     "The charges figure of an operation is larger than its arrests figure."),
    ("subtotal_over_total", "A part larger than its whole",
     "A figure introduced by \"of whom\", \"of which\", \"of these\" or \"including\" is larger than the figure "
     "it is part of (\"12 arrests, of whom 14 were charged\")."),
    ("headline_vs_body", "Headline and body disagree",
     "A figure in the opening lines and a figure of the same category further down cannot both be true "
     "(qualifiers such as \"more than\" are taken into account)."),
    ("percent_without_direction", "A percent change without a direction",
     "A percent change whose words say neither up nor down (rise, fall, increase, reduction…)."),
    ("same_figure_two_categories", "One figure, two categories",
     "The same figure in the text is cited by two rows with different categories."),
    ("outside_operation_dates", "A date outside the operation",
     "A figure tied to an operation whose sentence gives a date outside the operation's start and end."),
    ("uncited_numbers", "Numbers no row cites",
     "Numbers in the text (dotted underline) that no row cites, counted per document; many of them put "
     "the document early in the Needs attention queue."),
)
#: how many uncited numbers make a document need attention
MANY_UNCITED = 10

_PART_OF = re.compile(r"\b(?:of whom|of which|of these|of those|including)\s*(?:were\s+|was\s+)?$", re.I)
_DIRECTION = re.compile(r"\b(?:up|down|rise|rises|rising|rose|risen|fall|falls|falling|fell|fallen|increase[sd]?|"
                        r"increasing|decrease[sd]?|decreasing|reduc(?:e|ed|es|ing|tion)|drop(?:s|ped)?|cut|"
                        r"higher|lower|more|fewer|less|grow(?:th|n|s)?|grew|declin(?:e|ed|es|ing)|jump(?:ed)?|"
                        r"surge[ds]?|plummet(?:ed)?|climb(?:ed)?)\b", re.I)
_MONTHS = {m: i + 1 for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                            "august", "september", "october", "november", "december"))}
_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


@dataclass(frozen=True)
class Finding:
    """One thing that looks wrong: which check, what it says, the metric rows it concerns."""

    check: str
    message: str
    rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class Report:
    """What the checks found in one document."""

    findings: tuple[Finding, ...] = ()
    uncited: int = 0
    _by_row: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def failed(self) -> int:
        """How many findings (failed checks) the document has."""
        return len(self.findings)

    def for_row(self, row_id: int) -> list[Finding]:
        return [f for f in self.findings if row_id in f.rows]

    def needs_attention(self, flagged: bool = False) -> bool:
        return bool(self.findings) or flagged or self.uncited >= MANY_UNCITED


def run(body: str, metrics: Iterable[dict], operations: Iterable[dict] = ()) -> Report:
    """Every check over one document's ``body``, metric rows and operation rows (as the store gives them)."""
    body = body or ""
    rows = [m for m in metrics if m.get("status") != "rejected"]
    ops = [o for o in operations if o.get("status") != "rejected"]
    findings: list[Finding] = []
    findings += charged_over_arrested(rows)
    findings += subtotal_over_total(body, rows)
    findings += headline_vs_body(body, rows)
    findings += percent_without_direction(body, rows)
    findings += same_figure_two_categories(rows)
    findings += outside_operation_dates(body, rows, ops)
    return Report(tuple(findings), uncited_count(body, rows))


# -- the checks ------------------------------------------------------------------------------------
def _value(row: dict) -> Optional[float]:
    value = row.get("value")
    return float(value) if isinstance(value, (int, float)) else None


def _n(value: Optional[float]) -> str:
    if value is None:
        return "—"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def charged_over_arrested(rows: list[dict]) -> list[Finding]:
    """The largest charges figure of an operation above its largest arrests figure."""
    out = []
    for operation in sorted({r.get("operation") or "" for r in rows}):
        mine = [r for r in rows if (r.get("operation") or "") == operation and _value(r) is not None]
        arrests = [r for r in mine if r.get("category") == "arrests"]
        charges = [r for r in mine if r.get("category") == "charges"]
        if not arrests or not charges:
            continue
        top_arrests = max(arrests, key=_value)
        top_charges = max(charges, key=_value)
        if _value(top_charges) > _value(top_arrests):
            out.append(Finding("charged_over_arrested",
                               f"{_n(_value(top_charges))} charged is more than {_n(_value(top_arrests))} arrested "
                               f"(operation: {operation or 'none'})", (top_charges["id"], top_arrests["id"])))
    return out


def _located(body: str, rows: list[dict]) -> list[dict]:
    return sorted((r for r in rows if isinstance(r.get("offset"), int) and r.get("length")
                   and 0 <= r["offset"] <= len(body) and _value(r) is not None), key=lambda r: r["offset"])


def _sentence(body: str, at: int) -> tuple[int, int]:
    before = [m.end() for m in _SENTENCE_END.finditer(body, 0, at)]
    after = _SENTENCE_END.search(body, at)
    return (before[-1] if before else 0), (after.end() if after else len(body))


def subtotal_over_total(body: str, rows: list[dict]) -> list[Finding]:
    """"12 arrests, of whom 14 were charged": the part follows its whole in the same sentence."""
    out = []
    located = _located(body, rows)
    for i, part in enumerate(located):
        lead = body[max(0, part["offset"] - 40):part["offset"]]
        if not _PART_OF.search(lead):
            continue
        start, _end = _sentence(body, part["offset"])
        wholes = [w for w in located[:i] if w["offset"] >= start]
        if wholes and _value(part) > _value(wholes[-1]):
            whole = wholes[-1]
            out.append(Finding("subtotal_over_total",
                               f"{_n(_value(part))} ({part.get('category', '').replace('_', ' ')}) is part of "
                               f"{_n(_value(whole))} ({whole.get('category', '').replace('_', ' ')}) but larger",
                               (part["id"], whole["id"])))
    return out


def _lead_end(body: str, located: list[dict]) -> int:
    """Where the headline ends: the end of the first paragraph holding a figure, within the opening lines."""
    if not located or located[0]["offset"] > 400:
        return 0
    start = located[0]["offset"]
    end = body.find("\n\n", start)
    return len(body) if end < 0 else end


def _consistent(headline: dict, body_value: float) -> bool:
    value, qualifier = _value(headline), headline.get("qualifier") or "exact"
    if qualifier == "at_least":
        return body_value >= value
    if qualifier == "at_most":
        return body_value <= value
    if qualifier == "about":
        return abs(body_value - value) <= 0.1 * max(abs(value), 1)
    return body_value == value


def headline_vs_body(body: str, rows: list[dict]) -> list[Finding]:
    """A headline figure that no figure of the same category in the body agrees with."""
    located = _located(body, rows)
    lead_end = _lead_end(body, located)
    out = []
    for head in (r for r in located if r["offset"] < lead_end and r.get("category") not in (None, "other")):
        later = [r for r in located if r["offset"] >= lead_end and r.get("category") == head.get("category")
                 and (r.get("operation") or "") == (head.get("operation") or "")]
        if later and not any(_consistent(head, _value(r)) for r in later):
            shown = ", ".join(_n(_value(r)) for r in later[:3])
            out.append(Finding("headline_vs_body",
                               f"the headline's {_n(_value(head))} {head['category'].replace('_', ' ')} "
                               f"disagrees with the body's {shown}", (head["id"], *(r["id"] for r in later))))
    return out


def percent_without_direction(body: str, rows: list[dict]) -> list[Finding]:
    out = []
    for row in rows:
        if row.get("category") != "percent_change":
            continue
        value = _value(row)
        if value is not None and value < 0:
            continue  # the sign is the direction
        offset = row.get("offset")
        if isinstance(offset, int) and row.get("length"):
            start, end = _sentence(body, offset)
            words = body[start:max(end, offset + row["length"])]
        else:
            words = row.get("text") or ""
        if not _DIRECTION.search(words):
            out.append(Finding("percent_without_direction",
                               f"{_n(value)}% change: up or down? The words around it do not say", (row["id"],)))
    return out


def same_figure_two_categories(rows: list[dict]) -> list[Finding]:
    out = []
    located = [r for r in rows if isinstance(r.get("offset"), int) and r.get("length")]
    for i, a in enumerate(located):
        for b in located[i + 1:]:
            overlap = a["offset"] < b["offset"] + b["length"] and b["offset"] < a["offset"] + a["length"]
            if overlap and _value(a) == _value(b) and a.get("category") != b.get("category"):
                out.append(Finding("same_figure_two_categories",
                                   f"{_n(_value(a))} is cited as {a.get('category', '').replace('_', ' ')} and as "
                                   f"{b.get('category', '').replace('_', ' ')}", (a["id"], b["id"])))
    return out


def outside_operation_dates(body: str, rows: list[dict], operations: list[dict]) -> list[Finding]:
    dated = {o["name"]: (o.get("start"), o.get("end")) for o in operations if o.get("start") or o.get("end")}
    out = []
    for row in rows:
        span = dated.get(row.get("operation") or "")
        offset = row.get("offset")
        if not span or not isinstance(offset, int):
            continue
        start, end = _sentence(body, offset)
        for match in _DATE.finditer(body, start, end):
            day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
            iso = f"{year:04}-{month:02}-{day:02}"
            if (span[0] and iso < span[0][:10]) or (span[1] and iso > span[1][:10]):
                out.append(Finding("outside_operation_dates",
                                   f"{_n(_value(row))} is dated {match.group(0)}, outside {row['operation']} "
                                   f"({span[0] or '…'} to {span[1] or '…'})", (row["id"],)))
                break
    return out


def uncited_count(body: str, rows: list[dict]) -> int:
    """How many numbers of ``body`` no row's evidence covers."""
    cited = [(r["offset"], r["offset"] + r["length"]) for r in rows
             if isinstance(r.get("offset"), int) and r.get("length")]
    return len(uncited(body, cited))
