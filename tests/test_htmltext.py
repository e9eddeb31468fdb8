"""HTML import keeps the article's text: table cells apart, void elements harmless, an open <head>
forgiven, and a saved news page reduced to its release (pages written by hand in tests/fixtures/html)."""

from pathlib import Path

import pytest

from desktop.extractor import extract
from desktop.htmltext import html_to_text
from desktop.importer import read_document

PAGES = Path(__file__).parent / "fixtures" / "html"


def text(markup: str) -> str:
    return html_to_text(markup)[0]


def test_table_cells_and_rows_get_separators():
    body = text("<table><tr><th>Force</th><th>Arrests</th><th>Knives</th></tr>"
                "<tr><td>Kent</td><td>1,825</td><td>313</td></tr><tr><td>Essex<td>20<td>7</table>")
    assert body == "| Force | Arrests | Knives |\n| Kent | 1,825 | 313 |\n| Essex | 20 | 7 |"
    assert "1,825313" not in body


def test_a_page_laid_out_in_a_table_is_not_made_a_grid():
    body = text("<table><tr><td><p>Police made 12 arrests.</p><p>A second paragraph, long enough.</p></td>"
                "<td><table><tr><td>a</td><td>1</td></tr></table></td></tr></table>")
    assert "Police made 12 arrests." in body.split("\n\n")
    assert "| a | 1 |" in body


@pytest.mark.parametrize("void", ["<embed src='x.swf'>", "<img src='x.png'>", "<br>", "<source src='a.mp4'>",
                                  "<wbr>", "<input name=q>", "<embed src='x.swf'/>", "<track src='t.vtt'>"])
def test_void_elements_do_not_swallow_the_rest_of_the_page(void):
    body = text(f"<p>Police made 12 arrests {void} and seized 3 knives.</p><p>Ends with 40 charges.</p>")
    assert "seized 3 knives." in body and "Ends with 40 charges." in body


def test_a_head_left_open_does_not_empty_the_text():
    body, title = html_to_text("<html><head><title>Results</title><meta charset='utf-8'>"
                               "<body><p>Police made 12 arrests.</p></body></html>")
    assert (body, title) == ("Police made 12 arrests.", "Results")
    assert text("<head><title>x</title><p>No body tag either: 7 arrests.</p>") == "No body tag either: 7 arrests."


def test_line_breaks_in_the_source_are_spaces_and_br_is_a_break():
    assert text("<p>a further\n   107 weapons</p>") == "a further 107 weapons"
    assert text("<p>one<br>two</p>") == "one\n\ntwo"
    assert text("<pre>a\nb</pre>") == "a\n\nb"


def test_stray_end_tags_and_unclosed_paragraphs_are_forgiven():
    assert text("</div></p><p>one<p>two</span><div>three</div>") == "one\n\ntwo\n\nthree"


def test_deep_nesting_is_flattened_not_a_crash():
    body = text("<div>" * 5000 + "Police made 12 arrests." + "</div>" * 5000)
    assert body == "Police made 12 arrests."


FORCE_SITE = ["Knife crime week of action: 1,825 arrests",
              "Officers made 1,825 arrests during Operation Sceptre's week of action, the force said today.",
              "Weapon sweeps found 313 knives in parks and on wasteland, and a further 107 weapons were handed in "
              "at knife amnesty bins.",
              "| District | Arrests | Knives |\n| Eastbridge | 1,512 | 280 |\n| Westholm | 313 | 33 |",
              "Chief Inspector Ada Morrow said: “Every knife off the street is one that can’t be used.”"]
BLOG = ["Drugs and cash seized in dawn raids",
        "Warrants were executed at 14 addresses across Westvale on Tuesday morning.",
        "Officers seized £84,500 in cash, 2 kilograms of cocaine and 6 vehicles.", "Nine people were charged.",
        "* 14 warrants executed", "* 22 arrests"]
TABLES = ["Police in Southmoor made 57 arrests during Operation Harvest, a two-week crackdown on rural crime.",
          "Officers recovered 19 stolen quad bikes and seized 4 firearms.", "| Arrests | 57 |\n| Firearms seized | 4 |",
          "ENDS"]
FURNITURE = ["cookie", "Skip to", "Main menu", "Report", "Contact us", "Home", "Related", "Share", "Email",
             "42 arrests", "Privacy", "999", "Most read", "Sign up", "Older post", "thoughts", "Copyright",
             "All rights", "Appeals", "400,000", "Tweet"]


@pytest.mark.parametrize("name,paragraphs,title", [
    ("force_site.html", FORCE_SITE, "Knife crime week of action: 1,825 arrests | Northshire Police"),
    ("blog_engine.html", BLOG, "Drugs and cash seized in dawn raids – Westvale Constabulary News"),
    ("table_layout.html", TABLES, "Press Release 2009/114 - Southmoor Police"),
])
def test_a_saved_news_page_imports_its_article_text(name, paragraphs, title):
    doc = read_document(PAGES / name)
    found = doc.body.split("\n\n")
    for paragraph in paragraphs:
        assert paragraph in found, paragraph
    for word in FURNITURE:
        assert word.lower() not in doc.body.lower(), word
    assert doc.title == title


def test_the_extractor_reads_the_table_of_a_saved_page():
    doc = read_document(PAGES / "force_site.html")
    figures = {(m.category, m.value) for m in extract(doc).metrics}
    assert ("arrests", 1825) in figures and ("knives_seized", 313) in figures
    assert ("arrests", 1512) in figures  # "| Eastbridge | 1,512 | 280 |" under "| District | Arrests | Knives |"
