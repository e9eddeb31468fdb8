"""Rules as data: load ``resources/rules/*.yaml`` (or a user's file) and compile them.

The YAML sections (see the comments in ``resources/rules/*.yaml``):

- ``macros``: named regex fragments, used in patterns as ``{name}``.
- ``words``: ``nouns:`` and ``verbs:`` word lists (plain words, inflected by the
  engine, see :mod:`desktop.extractor.words`), used in patterns like macros.
- ``qualifiers``: qualifier name -> phrases written just before a number.
- ``categories``: ``- category: NAME`` with ``rules: [{id, before?, after?, kind?}]``;
  ``after`` is matched right after the number, ``before`` must end right before it
  (or before its qualifier). ``kind`` is ``count`` (default), ``money`` or ``weight``.
- ``percent``: the category and the words that make a per cent a fall or a rise.
- ``not_metric``: ``spans`` (numbers inside are not metrics), ``before``, ``after``.
- ``contexts``: ``target`` (a target or aim: category ``other``), ``hypothetical`` (a per
  cent in a claim of what could happen), ``filler`` (words between a verb and its figure),
  ``wider_period``, ``operation_reference``, ``anaphora``, ``lead_lines``, ``inherit``
  (``before``/``after`` a breakdown, ``continues``).
- ``operations``: name ``patterns`` (with a ``name`` group), ``stop_words``, ``exclude``,
  ``units`` (names that stand for a team), ``main_cue`` (words introducing the release's own
  operation), ``durations``, ``scope`` (a sentence talking about "the operation"),
  ``date_start_cue``/``date_end_cue``, ``reporting`` (a reporting period, not dates).
- ``dollar``: currency code -> words naming its country (what ``$`` stands for).

A user's file is layered over the defaults (its rules first, so they win); with
``replace: true`` at the top it stands alone.

Example::

    >>> rules = load_rules()
    >>> "arrests" in rules.categories
    True
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional, Sequence, Union

import yaml

from desktop.extractor.categories import compile_categories, step_runs
from desktop.extractor.guards import AnyOf, Guarded, lead_class, with_lead, word_list_tries
from desktop.extractor.regexcheck import catastrophic
from desktop.extractor.words import word_macros
from desktop.extractor.yamlload import LDict, line_of, load_yaml_text

_MACRO = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_SECTIONS = {"macros", "words", "dollar", "qualifiers", "categories", "percent", "not_metric", "contexts", "operations", "replace",
             "version", "description"}


class RulesError(ValueError):
    """A rules file that cannot be used: names the file, the line and the reason."""

    def __init__(self, path, line, reason):
        self.path, self.line, self.reason = path, line, reason
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {reason}")


def default_rules_dir() -> Path:
    """The bundled rules folder (``resources/rules``)."""
    try:
        from desktop.paths import resource_path
        return Path(resource_path("rules"))
    except ImportError:  # pragma: no cover - before desktop.paths existed
        return Path(__file__).resolve().parents[2] / "resources" / "rules"


class Rules:
    """Compiled rules: what :func:`desktop.extractor.extract` runs on.

    Built by :func:`load_rules`; ``sources`` names the files it came from.
    """

    def __init__(self, data: dict, sources: list[str], lines: dict):
        self.sources = sources
        self._lines = lines
        self.data = data
        self._compile()

    # -- compiling ---------------------------------------------------------
    def _where(self, value: Any) -> tuple[str, int]:
        return self._lines.get(id(value), (self.sources[-1] if self.sources else "<rules>", line_of(value)))

    def _fail(self, value: Any, reason: str):
        path, line = self._where(value)
        raise RulesError(path, line or line_of(value), reason)

    def _expand(self, pattern: Any) -> str:
        if not isinstance(pattern, str):
            self._fail(pattern, f"expected a regular expression string, found {type(pattern).__name__}")
        text = str(pattern)
        for _ in range(8):
            new = _MACRO.sub(lambda m: self._macro(pattern, m.group(1)), text)
            if new == text:
                return text
            text = new
        self._fail(pattern, "macros nest too deeply (a macro refers to itself?)")

    def _macro(self, where: Any, name: str) -> str:
        if name not in self.macros:
            self._fail(where, f"unknown macro {{{name}}}")
        return "(?:" + self.macros[name] + ")"

    def compile(self, pattern: Any, flags: int = re.I, suffix: str = "", prefix: str = "") -> re.Pattern:
        """Expand macros in ``pattern`` and compile it; refuses slow or broken patterns."""
        source = prefix + self._expand(pattern) + suffix
        why = catastrophic(source)
        if why:
            self._fail(pattern, f"pattern refused: {why} (it could take exponential time)")
        try:
            return re.compile(word_list_tries(source), flags)
        except re.error as exc:
            self._fail(pattern, f"bad regular expression: {exc}")

    def _section(self, name: str, kind: type) -> Any:
        value = self.data.get(name)
        if value is None:
            return kind()
        if not isinstance(value, kind):
            self._fail(value, f"'{name}' must be a {'mapping' if kind is dict else 'list'}")
        return value

    def _compile(self) -> None:
        for key in self.data:
            if key not in _SECTIONS:
                self._fail(key, f"unknown section '{key}' (expected one of {', '.join(sorted(_SECTIONS - {'replace', 'version', 'description'}))})")
        self.macros = {str(k): str(v) for k, v in self._section("macros", dict).items()}
        for name, source in word_macros(self._section("words", dict), self._fail).items():
            if name in self.macros:
                self._fail(name, f"word list '{name}' has the name of a macro")
            self.macros[name] = source
        self._compile_qualifiers()
        self._compile_categories()
        self._compile_percent()
        self._compile_not_metric()
        self._compile_contexts()
        self._compile_operations()
        self._compile_dollar()
        self._compile_classification()

    def _compile_qualifiers(self) -> None:
        parts, self.qualifier_of = [], {}
        for i, (name, phrases) in enumerate(self._section("qualifiers", dict).items()):
            if name not in ("exact", "at_least", "about", "at_most"):
                self._fail(name, f"unknown qualifier '{name}' (exact, at_least, about, at_most)")
            if not isinstance(phrases, list):
                self._fail(phrases, f"qualifier '{name}' needs a list of phrases")
            for phrase in phrases:
                words = r"\s+".join(re.escape(w) for w in str(phrase).split())
                parts.append((len(str(phrase)), words, str(name)))
        parts.sort(reverse=True)
        alts = []
        for i, (_, words, name) in enumerate(parts):
            self.qualifier_of[f"q{i}"] = name
            alts.append(f"(?P<q{i}>{words})")
        body = "|".join(alts) or "(?!)"
        self.qualifier_re = with_lead(re.compile(r"(?<![\w-])(?:" + body + r")[^\S\n]+$", re.I))
        # the last word of every phrase: a qualifier can only stand where the text ends with one
        self.qualifier_tails = tuple(sorted({str(p).split()[-1].lower() for ps in
                                             self._section("qualifiers", dict).values() for p in ps if str(p).split()}))

    def _compile_categories(self) -> None:
        self.categories, self.steps, self.side_guards = compile_categories(self, self._section("categories", list))
        self.step_runs = {kind: step_runs(steps) for kind, steps in self.steps.items()}

    def _compile_percent(self) -> None:
        pc = self._section("percent", dict)
        self.percent_category = str(pc.get("category", "percent_change"))
        down = [re.escape(str(w)) for w in pc.get("decrease", [])] or ["(?!)"]
        up = [re.escape(str(w)) for w in pc.get("increase", [])] or ["(?!)"]
        sign = r"(?:(?P<down>{})|(?P<up>{}))".format("|".join(down), "|".join(up))
        self.percent_sign_re = re.compile(r"\b" + sign + r"\b", re.I)
        self.percent_after_re = re.compile(r"(?:[^\S\n]?%|[^\S\n]*per[^\S\n]?cent\b|[^\S\n]*percent\b)", re.I)
        self.percent_dir_after_re = re.compile(r"[^\S\n]+" + sign + r"\b", re.I)
        # "reduced by 27%", "a fall of 13%", and with what changed in between: "increased arrests by 52%"
        self.percent_dir_before_re = re.compile(
            r"\b" + sign + r"(?:[^\S\n]+(?:by|of|to|a|an|just)|(?:[^\S\n]+[\w’'-]+){1,3}?[^\S\n]+by)?[^\S\n]*$", re.I)
        self.percent_dir_before = Guarded(with_lead(self.percent_dir_before_re))

    def _compile_not_metric(self) -> None:
        nm = self._section("not_metric", dict)
        spans = [self._named(x, "regex").pattern for x in nm.get("spans", [])]
        self.not_metric_spans_re = with_lead(re.compile("|".join(f"(?:{p})" for p in spans) or "(?!)", re.I))
        before = [self._named(x, "regex").pattern for x in nm.get("before", [])]
        self.not_metric_before_re = re.compile("(?:" + ("|".join(f"(?:{p})" for p in before) or "(?!)") + r")[^\S\n]*$", re.I)
        self.not_metric_before = AnyOf([re.compile(f"(?:{p})" + r"[^\S\n]*$", re.I) for p in before])
        after = [self._named(x, "regex").pattern for x in nm.get("after", [])]
        self.not_metric_after_re = re.compile("|".join(f"(?:{p})" for p in after) or "(?!)", re.I)

    def _named(self, item: Any, key: str, flags: int = re.I) -> re.Pattern:
        if not isinstance(item, dict) or key not in item:
            self._fail(item, f"expected a mapping with '{key}:'")
        return self.compile(item[key], flags=flags)

    def _compile_contexts(self) -> None:
        ctx = self._section("contexts", dict)
        target = ctx.get("target") or {}
        self.target_category = str(target.get("category", "other"))
        self.target_re = self.compile(target["before"], suffix=r"$") if target.get("before") else re.compile("(?!)")
        self.target = Guarded(with_lead(self.target_re))
        self.filler = Guarded(with_lead(self.compile(ctx["filler"], suffix=r"[^\S\n]*$"))) if ctx.get("filler") else None
        self.hypothetical_re = self.compile(ctx["hypothetical"]) if ctx.get("hypothetical") else None
        periods = [self.compile(p).pattern for p in ctx.get("wider_period", [])]
        self.wider_period_re = with_lead(re.compile("|".join(f"(?:{p})" for p in periods) or "(?!)", re.I))
        self.wider_period = AnyOf([re.compile(p, re.I) for p in periods])
        self.anaphora_re = self.compile(ctx.get("anaphora", "(?!)"), flags=0)
        self.operation_reference_re = with_lead(self.compile(ctx.get("operation_reference", "(?!)")))
        self.operation_reference = Guarded(self.operation_reference_re)
        self.lead_lines = int(ctx.get("lead_lines", 3))
        inherit = ctx.get("inherit") or {}
        self.inherit_before_re = self.compile(inherit["before"], suffix=r"$") if inherit.get("before") else None
        self.inherit_after_re = self.compile(inherit["after"]) if inherit.get("after") else None
        verbs = [f"{{{v}}}" for v in ("seize", "arrest") if v in self.macros]
        self.intro_verb_re = self.compile(r"\b(?:" + "|".join(verbs) + r")\b") if verbs else None
        self.people_after_re = self.compile("{mods}(?:{people})\\b") if "people" in self.macros and "mods" in self.macros else None
        self.inherit_continues_re = self.compile(inherit["continues"], suffix=r"$") if inherit.get("continues") else None

    # -- fast paths of the per-figure classification (ADR 0003, fifth addendum) --
    def _compile_classification(self) -> None:
        """Pre-tests that settle a per-figure pattern call without making it (same answers)."""
        #: the characters a not-a-metric span can start with (``None``: unknown; always scan)
        self.not_metric_spans_lead = lead_class(self.not_metric_spans_re)

    def _compile_dollar(self) -> None:
        """``dollar_cues``: currency code -> one regex of the words that name its country."""
        self.dollar_cues = {}
        for code, words in self._section("dollar", dict).items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                self._fail(words, f"'dollar: {code}:' must be a list of words")
            alts = "|".join(re.escape(w.strip()) for w in sorted(words, key=len, reverse=True))
            self.dollar_cues[str(code)] = re.compile(rf"\b(?:{alts})\b")

    def _triggers(self, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self._fail(value, "'triggers' must be a list of non-empty strings")
        return tuple(str(v) for v in value)

    def _compile_operations(self) -> None:
        ops = self._section("operations", dict)
        self.op_patterns = []
        for item in ops.get("patterns", []):
            regex = with_lead(self._named(item, "regex", flags=0))
            if "name" not in regex.groupindex:
                self._fail(item, "an operation pattern needs a (?P<name>...) group")
            self.op_patterns.append((str(item.get("id", "operation")), regex, str(item.get("prefix") or ""),
                                     str(item.get("trim") or "right"), self._triggers(item.get("triggers"))))
        self.op_stop_words = {str(w) for w in ops.get("stop_words", [])}
        self.op_exclude_re = self.compile(ops["exclude"], flags=0) if ops.get("exclude") else None
        self.op_units_re = self.compile(ops["units"], flags=0) if ops.get("units") else None
        if self.op_units_re is not None and "name" not in self.op_units_re.groupindex:
            self._fail(ops["units"], "'units' needs a (?P<name>...) group")
        # guarded: the cue's words are looked for (a few substring tests) before the pattern runs
        self.op_start_cue_re = Guarded(with_lead(self.compile(ops["date_start_cue"], suffix=r"[^\S\n]*(?:\(|on|from)?[^\S\n]*(?:\w+day,?[^\S\n]*)?\(?$"))) if ops.get("date_start_cue") else None
        self.op_end_cue_re = Guarded(with_lead(self.compile(ops["date_end_cue"], suffix=r"[^\S\n]*(?:on|to|until|by)?[^\S\n]*(?:\w+day,?[^\S\n]*)?\(?$"))) if ops.get("date_end_cue") else None
        self.op_reporting_re = self.compile(ops["reporting"]) if ops.get("reporting") else None
        self.op_main_cue_re = self.compile(ops["main_cue"], flags=re.I) if ops.get("main_cue") else None
        self.duration_re = with_lead(self.compile(ops["durations"])) if ops.get("durations") else re.compile("(?!)")
        # looked for in the lowercased text: one spelling finds them all
        self.duration_triggers = tuple(sorted({t.lower() for t in self._triggers(ops.get("durations_triggers"))}))
        self.op_scope_re = with_lead(self.compile(ops["scope"])) if ops.get("scope") else re.compile("(?!)")
        self.op_scope = Guarded(self.op_scope_re)


# -- loading ---------------------------------------------------------------
def _read(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(str(path), 0, "no such rules file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(str(path), 0, f"cannot be read ({exc})") from None
    try:
        data = load_yaml_text(text, str(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RulesError(str(path), mark.line + 1 if mark else 0, f"not valid YAML: {problem}") from None
    if data is None:
        return LDict()
    if not isinstance(data, dict):
        raise RulesError(str(path), line_of(data, 1), "a rules file must be a mapping of sections")
    return data


def _tag(value: Any, path: str, lines: dict) -> None:
    """Remember which file every loaded value came from (for error messages)."""
    lines[id(value)] = (path, line_of(value))
    if isinstance(value, dict):
        for k, v in value.items():
            lines[id(k)] = (path, line_of(k))
            _tag(v, path, lines)
    elif isinstance(value, list):
        for v in value:
            _tag(v, path, lines)


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        out = LDict(base)
        out.line = line_of(over) or line_of(base)
        for k, v in over.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(over, list):
        return type(over)(list(over) + list(base))
    return over


def load_rules(path: Union[str, Path, None] = None, overlays: Sequence[Union[str, Path]] = ()) -> Rules:
    """Load and compile rules; raises :class:`RulesError` naming file, line and reason.

    :param path: ``None`` for the bundled rules; a folder (all ``*.yaml`` in it); or
        one file, layered over the bundled rules unless it says ``replace: true``
    :param overlays: more files layered over those, in order (a user's rules: they add
        words to a category's lists, or categories, without copying the whole set)

    Example::

        >>> load_rules().percent_category
        'percent_change'
    """
    files: list[Path] = []
    default = default_rules_dir()
    user: Optional[Path] = Path(path) if path is not None else None
    if user is not None and user.is_dir():
        files = sorted(user.glob("*.yaml"))
        if not files:
            raise RulesError(str(user), 0, "no *.yaml rules files in this folder")
        user = None
    else:
        files = sorted(default.glob("*.yaml"))
    lines: dict = {}
    loaded = []
    for f in files:
        data = _read(f)
        _tag(data, str(f), lines)
        loaded.append((str(f), data))
    if user is not None:
        data = _read(user)
        _tag(data, str(user), lines)
        if data.get("replace"):
            loaded = []
        loaded.append((str(user), data))
    for extra in overlays:
        data = _read(Path(extra))
        _tag(data, str(extra), lines)
        if data.get("replace"):
            loaded = []
        loaded.append((str(extra), data))
    merged: Any = LDict()
    for _, data in loaded:
        merged = _merge(merged, data)
    return Rules(merged, [p for p, _ in loaded], lines)
