"""Promise 4, hostile rules: a rules YAML with a syntax error, an unknown key, a catastrophic regular
expression or an empty category is refused with file, line and reason (or bounded, so extracting a
release takes at most a second); the last good rules stay in use."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from desktop import extractor
from desktop.cli import main
from desktop.extractor import RulesError, load_rules
from desktop.store import Store
from tests.conftest import make_document
from tests.reliability.conftest import child_env

RELEASE = ("Police made 12 arrests and seized 3 knives during Operation Sceptre.\n"
           "Officers carried out 40 stop and searches; crime fell by 12 per cent.\n")


def _rules(tmp_path, text, name="rules.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def _refused(path, line, *words):
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    exc = caught.value
    assert exc.path == str(path), exc
    assert exc.line == line, exc
    assert f"{path}:{line}" in str(exc)
    for word in words:
        assert word.lower() in exc.reason.lower(), exc.reason
    return exc


def test_promise4_hostile_rules_syntax_error_refused_with_file_and_line(tmp_path):
    path = _rules(tmp_path, """
        categories:
          - category: arrests
            rules:
              - {id: x.one, after: 'arrests\\b'
          - category: charges
        """)
    _refused(path, 5, "YAML")


def test_promise4_hostile_rules_unknown_key_in_a_rule_refused(tmp_path):
    path = _rules(tmp_path, """
        categories:
          - category: arrests
            rules:
              - id: x.colour
                after: 'arrests\\b'
                colour: red
        """)
    _refused(path, 4, "colour")


def test_promise4_hostile_rules_unknown_section_refused(tmp_path):
    path = _rules(tmp_path, """
        macros:
          s: ' '
        categorys:
          - category: arrests
        """)
    _refused(path, 3, "categorys")


def test_promise4_hostile_rules_empty_category_name_refused(tmp_path):
    path = _rules(tmp_path, """
        categories:
          - category: ''
            rules:
              - {id: x.empty, after: 'arrests\\b'}
        """)
    _refused(path, 2, "category")


def test_promise4_hostile_rules_category_without_rules_is_refused_or_harmless(tmp_path):
    path = _rules(tmp_path, """
        categories:
          - category: arrests
            rules: []
          - category: charges
        """)
    try:
        rules = load_rules(path)
    except RulesError as exc:
        assert exc.path == str(path) and exc.line in (2, 4) and exc.reason
        return
    ext = extractor.extract(make_document(RELEASE), rules)
    assert ext.error is None and any(m.category == "arrests" for m in ext.metrics)


_TIMED_EXTRACT = """
import json, sys, time
from desktop.extractor import RulesError, extract, load_rules
from tests.conftest import make_document
try:
    rules = load_rules(sys.argv[1])
except RulesError as exc:
    print(json.dumps({"refused": True, "path": exc.path, "line": exc.line, "reason": exc.reason}))
    raise SystemExit
body = sys.argv[2]
started = time.monotonic()
extract(make_document(body), rules)
print(json.dumps({"refused": False, "seconds": time.monotonic() - started}))
"""

CATASTROPHIC = [r"(a+)+$", r"(?:a|aa)+$", r"(a*)*b", r"(\w+\s?)+$", r"(?:(?:a+)+)+c", r"(a|a?)+$", r"(.*a){12}$"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_promise4_hostile_rules_catastrophic_regex_refused_or_bounded_to_a_second(tmp_path, pattern):
    path = _rules(tmp_path, f"""
        categories:
          - category: arrests
            rules:
              - id: x.slow
                after: '{pattern}'
        """)
    body = RELEASE + "Police made 12 " + "a" * 40 + "!\n" + "12 " + "a " * 40 + "!\n" + "12 " + "a" * 5000 + "\n"
    try:
        done = subprocess.run([sys.executable, "-c", _TIMED_EXTRACT, str(path), body], capture_output=True,
                              text=True, timeout=15, env=child_env())
    except subprocess.TimeoutExpired:
        pytest.fail(f"rule {pattern!r} was accepted and extraction ran for more than 15 s")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    if result["refused"]:
        assert result["path"] == str(path) and result["line"] in (4, 5) and result["reason"]
    else:
        assert result["seconds"] <= 1.0, f"rule {pattern!r} accepted; extraction took {result['seconds']:.1f} s"


def test_promise4_hostile_rules_last_good_rules_stay_in_use(tmp_path):
    doc = make_document(RELEASE)
    good = load_rules(_rules(tmp_path, """
        categories:
          - category: arrests
            rules:
              - {id: mine.held, after: '{s}people{s}held\\b'}
        """, "good.yaml"))
    before_default = extractor.extract(doc)
    before_good = extractor.extract(doc, good)
    for bad in ("categories: [\n", "categorys: []\n", "categories:\n  - category: arrests\n    rules:\n"
                "      - {id: x.slow, after: '(a+)+$'}\n"):
        with pytest.raises(RulesError):
            load_rules(_rules(tmp_path, bad, "bad.yaml"))
    assert extractor.extract(doc, good) == before_good
    assert extractor.extract(doc) == before_default
    assert before_default.metrics, "the bundled rules find nothing in a plain release"


def test_promise4_hostile_rules_cli_refuses_and_imports_nothing(tmp_path, capsys):
    bad = _rules(tmp_path, "categories:\n  - category: arrests\n    rules:\n      - {id: x.slow, after: '(a+)+$'}\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(RELEASE, encoding="utf-8")
    db = tmp_path / "b.sqlite"
    try:
        code = main(["import", str(tmp_path / "in"), "--db", str(db), "--rules", str(bad)])
    except SystemExit as exc:  # the console script's exit path
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 2 and f"{bad}:4" in err and "Traceback" not in err
    assert not db.exists() or Store.open(db).count() == 0
