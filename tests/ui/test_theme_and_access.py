"""A dark palette keeps a dark reading pane and readable text (≥ 4.5:1); the main parts have accessible names."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop.ui import style, theme


def dark_palette() -> QPalette:
    """A dark palette as desktops set it (Breeze Dark's colours)."""
    p = QPalette()
    for role, colour in ((QPalette.Window, "#31363b"), (QPalette.WindowText, "#eff0f1"), (QPalette.Base, "#232629"),
                         (QPalette.AlternateBase, "#31363b"), (QPalette.Text, "#eff0f1"), (QPalette.Button, "#31363b"),
                         (QPalette.ButtonText, "#eff0f1"), (QPalette.Highlight, "#3daee9"),
                         (QPalette.HighlightedText, "#eff0f1"), (QPalette.Mid, "#4d5359")):
        p.setColor(role, QColor(colour))
    return p


def light_palette() -> QPalette:
    p = QPalette()
    for role, colour in ((QPalette.Window, "#efefef"), (QPalette.Base, "#ffffff"), (QPalette.Text, "#000000"),
                         (QPalette.Highlight, "#308cc6"), (QPalette.HighlightedText, "#ffffff")):
        p.setColor(role, QColor(colour))
    return p


def test_contrast_is_computed_as_wcag_says():
    assert theme.contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert theme.contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert theme.contrast(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)


@pytest.mark.parametrize("palette", [dark_palette(), light_palette()], ids=["dark", "light"])
def test_every_text_colour_reaches_4_5_to_1_on_the_palette(palette):
    colours = theme.colours(palette)
    assert theme.contrast(QColor(colours["pane_fg"]), QColor(colours["pane_bg"])) >= 4.5
    assert theme.contrast(QColor(colours["sel_fg"]), QColor(colours["sel_bg"])) >= 4.5
    assert theme.contrast(QColor(colours["text_sel_fg"]), QColor(colours["text_sel_bg"])) >= 4.5
    for name, value in theme.text_colours(palette).items():
        for role in (QPalette.Base, QPalette.Window):
            assert theme.contrast(QColor(value), palette.color(role)) >= 4.5, (name, value)


def test_selected_text_is_made_readable_on_the_highlight():
    palette = theme.readable_palette(dark_palette())
    assert theme.contrast(palette.color(QPalette.HighlightedText), palette.color(QPalette.Highlight)) >= 4.5
    assert palette.color(QPalette.Base).name() == "#232629"  # the rest is the desktop's


@pytest.mark.parametrize("palette", [dark_palette(), light_palette()], ids=["dark", "light"])
def test_placeholder_text_is_readable_on_its_field_and_still_a_hint(palette):
    fixed = theme.readable_palette(palette)
    for group in (QPalette.Active, QPalette.Inactive):
        base = fixed.color(group, QPalette.Base)
        hint = theme.over(fixed.color(group, QPalette.PlaceholderText), base)  # as it shows on the field
        assert theme.contrast(hint, base) >= 4.5
        assert hint != fixed.color(group, QPalette.Text)  # a grey, not typed text


def test_over_blends_a_half_transparent_colour_into_its_background():
    half_black = QColor(0, 0, 0, 128)
    assert theme.over(half_black, QColor("#ffffff")).name() == "#7f7f7f"
    assert theme.over(QColor("#123456"), QColor("#ffffff")).name() == "#123456"


def test_a_dark_palette_has_no_forced_light_pane():
    sheet = theme.stylesheet(dark_palette())
    assert "#fffefb" not in sheet and "@" not in sheet
    assert "background: #232629" in sheet  # the palette's own base
    light = theme.stylesheet(light_palette())
    assert "background: #fffefb" in light and "color: #1a1a1a" in light


def test_the_amber_warning_is_darkened_even_in_a_light_palette():
    # #c77700 on white is 3.3:1, too faint for text
    assert theme.contrast(QColor(style.WARNING_COLOUR), QColor("#ffffff")) < 4.5
    assert theme.contrast(QColor(theme.text_colours(light_palette())["WARNING_COLOUR"]), QColor("#ffffff")) >= 4.5


def test_the_main_parts_have_accessible_names(window):
    assert window.document_list.view.accessibleName() == "Documents"
    assert window.document_list.search.accessibleName() == "Search documents"
    assert window.release.text.accessibleName() == "Release text"
    assert window.form.metrics_view.accessibleName() == "Metrics"
    assert window.form.operations_view.accessibleName() == "Operations"
