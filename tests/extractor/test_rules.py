"""Rules files: errors name file, line and reason; slow patterns are refused; YAML edits add categories."""

import textwrap

import pytest

from desktop.extractor import RulesError, extract, load_rules

from .helpers import doc


def _write(tmp_path, text, name="mine.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_broken_yaml_names_the_line(tmp_path):
    path = _write(tmp_path, """\
        categories:
          - category: arrests
            rules: [ {id: x, after: 'a'
        """)
    with pytest.raises(RulesError) as err:
        load_rules(path)
    assert err.value.path == str(path) and err.value.line >= 3 and "YAML" in err.value.reason


def test_bad_regex_names_the_line(tmp_path):
    path = _write(tmp_path, """\
        categories:
          - category: arrests
            rules:
              - {id: mine.bad, after: '(unclosed'}
        """)
    with pytest.raises(RulesError) as err:
        load_rules(path)
    assert (err.value.path, err.value.line) == (str(path), 4)
    assert "regular expression" in err.value.reason


def test_catastrophic_regex_is_refused(tmp_path):
    path = _write(tmp_path, """\
        categories:
          - category: arrests
            rules:
              - {id: mine.slow, after: '(\\w+\\s?)+$'}
        """)
    with pytest.raises(RulesError) as err:
        load_rules(path)
    assert err.value.line == 4 and "refused" in err.value.reason


def test_unknown_keys_and_kinds_are_refused(tmp_path):
    path = _write(tmp_path, """\
        categories:
          - category: arrests
            rules:
              - {id: mine.k, after: 'x', kind: volume}
        """)
    with pytest.raises(RulesError, match="unknown kind"):
        load_rules(path)
    with pytest.raises(RulesError, match="unknown section"):
        load_rules(_write(tmp_path, "categorys: []\n", "typo.yaml"))


def test_duplicate_rule_id_is_refused(tmp_path):
    path = _write(tmp_path, """\
        categories:
          - category: arrests
            rules:
              - {id: arrests.count, after: '{mods}nabs\\b'}
        """)
    with pytest.raises(RulesError, match="used twice"):
        load_rules(path)


def test_a_new_category_is_a_yaml_edit(tmp_path):
    body = "Officers issued 14 dispersal orders."
    assert [m.category for m in extract(doc(body)).metrics] == []
    path = _write(tmp_path, """\
        categories:
          - category: dispersal_orders
            rules:
              - {id: dispersal_orders.count, after: '{mods}dispersal{s}orders?\\b'}
        """)
    rules = load_rules(path)
    (m,) = extract(doc(body), rules).metrics
    assert (m.category, m.value, m.rule) == ("dispersal_orders", 14, "dispersal_orders.count")


def test_a_synonym_is_a_yaml_edit(tmp_path):
    body = "Officers made 9 collars overnight."
    path = _write(tmp_path, """\
        categories:
          - category: arrests
            rules:
              - {id: arrests.slang, after: '{mods}collars\\b'}
        """)
    assert [(m.category, m.value) for m in extract(doc(body), load_rules(path)).metrics] == [("arrests", 9)]


def test_missing_file(tmp_path):
    with pytest.raises(RulesError, match="no such rules file"):
        load_rules(tmp_path / "absent.yaml")


def test_priority_orders_rules_and_is_checked(tmp_path):
    body = "Cannabis with a street value of £250,000 was recovered."
    assert [(m.category, m.value) for m in extract(doc(body)).metrics] == [("drugs_seized", 250000)]
    path = _write(tmp_path, """\
        categories:
          - category: arrests
            rules:
              - {id: mine.p, after: '{mods}nabs\\b', priority: high}
        """)
    with pytest.raises(RulesError, match="priority"):
        load_rules(path)
