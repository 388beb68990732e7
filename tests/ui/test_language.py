"""View ▸ Language: the window in Simplified Chinese, chosen, kept and switched live."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from nnsim.testing.untranslated import english_words
from nnsim.ui.i18n import SETTING, current_language, has_chinese_font, tr


def test_the_checker_finds_english_and_allows_names_symbols_and_numbers():
    assert english_words("Learning rate η") == ["Learning", "rate"]
    assert english_words("学习率 η = 0.01 (SGD, Adam, ReLU, tanh) W1, dJ/dW, A3") == []
    assert english_words("<b>损失</b> &amp; 步 120") == []
    assert english_words("&File") == ["File"]


def test_the_language_menu_switches_the_window_to_chinese_and_back_and_keeps_it(
    window, nnsim_language
):
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "languageMenu")
    assert menu is not None
    names = {a.objectName(): a for a in menu.actions()}
    assert set(names) == {"language_en", "language_zh_CN"}
    file_menu = window.file_menu
    assert file_menu.title() == "&File"
    names["language_zh_CN"].trigger()
    assert current_language() == "zh_CN"
    assert QSettings().value(SETTING) == "zh_CN"
    assert tr("&File") != "&File"  # the catalogue is installed
    assert file_menu.title() == tr("&File")  # converted in place, the window kept
    assert names["language_zh_CN"].isChecked() and not names["language_en"].isChecked()
    names["language_en"].trigger()
    assert file_menu.title() == "&File"
    assert QSettings().value(SETTING) == "en"


def test_a_chinese_font_is_installed_on_the_test_machine(qapp):
    assert isinstance(QApplication.instance(), QApplication)
    assert has_chinese_font()  # CI installs fonts-noto-cjk (README); else the app warns


def test_without_a_chinese_font_the_status_bar_says_which_package_to_install(
    window, nnsim_language, monkeypatch
):
    from nnsim.ui import app, i18n

    monkeypatch.setattr(i18n, "has_chinese_font", lambda: False)
    assert app.warn_without_chinese_font(window)
    assert "fonts-noto-cjk" in window.status_text()
    assert not app.warn_without_chinese_font(window)  # English: once ever
    nnsim_language("zh_CN")
    assert app.warn_without_chinese_font(window)  # Chinese: at every start


def test_the_language_follows_the_system_locale_until_one_is_chosen(qapp, monkeypatch):
    from PySide6.QtCore import QLocale

    from nnsim.ui import i18n

    class Chinese(QLocale):
        @staticmethod
        def system():
            return QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)

    monkeypatch.setattr(i18n, "QLocale", Chinese)
    assert i18n.system_language() == "zh_CN"  # any Chinese locale: Simplified Chinese
    QSettings().remove(SETTING)
    assert i18n.chosen_language() == "zh_CN"
    QSettings().setValue(SETTING, "en")  # View ▸ Language's choice wins
    assert i18n.chosen_language() == "en"
    QSettings().setValue(SETTING, "klingon")  # a bad setting falls back to the system's
    assert i18n.chosen_language() == "zh_CN"
    monkeypatch.setattr(i18n, "QLocale", QLocale)
    QSettings().remove(SETTING)
