"""nnsim in English and Simplified Chinese: :func:`tr`, the language setting, live switching.

- Every user-visible string of the UI is written in English inside ``tr("…")`` (one
  translation context for the whole window, so that a term such as *learning rate* is
  translated once, the same everywhere; ``tr(text, "note")`` tells two meanings apart).
  Text with values is a template: ``tr("Step {step}").format(step=…)``, never an f-string.
- Text made in the Qt-free ``training`` layer (diagnoses, explanations, lesson feedback) is
  marked there with :func:`nnsim.training.text.QT_TR_NOOP` and passes through :func:`tr`
  when the UI shows it: one catalogue for both layers, and no Qt in ``training``.
- The sources are Qt Linguist files, ``resources/translations/nnsim_LANG.ts``, built to
  ``.qm`` by ``pyside6-lrelease`` (``python packaging/translations.py build``). Qt's own
  dialogs (file dialogs, standard buttons) follow through ``qtbase_LANG.qm`` from PySide6.
- The language follows the system locale until one is chosen in View ▸ Language, which is
  kept in QSettings (``language``). Switching while the window is open re-translates every
  widget, menu, tooltip and plot label whose text is a translated string (the texts made
  from values follow at their next update), see :func:`switch_language`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase

from nnsim.paths import resource
from nnsim.training.text import LANGUAGES, Sentence, Text

SOURCE_LANGUAGE = "en"
SETTING = "language"

_installed: list[QTranslator] = []
_current = [SOURCE_LANGUAGE]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the UI's language (``n`` chooses a plural form of ``%n``)."""
    return QCoreApplication.translate("", text, disambiguation, n)


def shown(text: Text | str | BaseException) -> str:
    """Text from the training layer in the UI's language: a :class:`Text` or
    :class:`~nnsim.training.text.Sentence` rendered with :func:`tr`, a fixed string (a
    ``QT_TR_NOOP`` one) translated, an error by its message (``ExperimentError``)."""
    if isinstance(text, BaseException):
        problems = getattr(text, "problems", None)  # ExperimentError: one line each
        if isinstance(problems, list) and problems and str(text) == "\n".join(problems):
            return "\n".join(shown(problem) for problem in problems)
        message = text.args[0] if len(text.args) == 1 else None
        text = message if isinstance(message, Text | Sentence) else str(text)
    return text.render(tr) if isinstance(text, Text | Sentence) else tr(text)


def current_language() -> str:
    """The language installed now (a key of :data:`LANGUAGES`)."""
    return _current[0]


def system_language() -> str:
    """Simplified Chinese for any Chinese system locale, else English."""
    for name in QLocale.system().uiLanguages():
        if name.lower().startswith("zh"):
            return "zh_CN"
    return SOURCE_LANGUAGE


def chosen_language() -> str:
    """View ▸ Language's choice (QSettings), else the system's language."""
    chosen = QSettings().value(SETTING)
    return chosen if chosen in LANGUAGES else system_language()


def translation_file(language: str) -> str:
    """nnsim's compiled catalogue for ``language`` (``resources/translations``)."""
    return str(resource("translations", f"nnsim_{language}.qm"))


def install_language(language: str) -> list[str]:
    """Make ``language`` the UI's language (nnsim's catalogue, then Qt's own); returns the
    files that could not be loaded (the UI stays English where they are missing)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _current[0] = language
    missing: list[str] = []
    if language == SOURCE_LANGUAGE:
        return missing
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in (translation_file(language), f"{qt_dir}/qtbase_{language}.qm"):
        translator = QTranslator(app)
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        else:
            missing.append(path)
    return missing


@cache
def catalogue(language: str) -> dict[str, str]:
    """English source → finished translation, read from ``nnsim_LANG.ts`` (the ``.qm`` is
    a hash table that cannot be listed). English maps to itself (an empty dict)."""
    if language == SOURCE_LANGUAGE:
        return {}
    path = resource("translations", f"nnsim_{language}.ts")
    if not path.is_file():
        return {}
    table: dict[str, str] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if source is None or translation is None or translation.get("type") == "unfinished":
            continue
        if message.get("numerus") == "yes":
            continue  # "%n runs": made from a count, shown again at its next update
        if translation.text:
            table.setdefault(source, translation.text)
    return table


def retranslator(old: str, new: str):
    """``text ↦ text in new``, for any text that was a translated string in ``old``; other
    text (values, names the user typed) comes back unchanged."""
    to_source = {shown: source for source, shown in catalogue(old).items()}
    target = catalogue(new)

    def convert(text: str) -> str:
        source = text if old == SOURCE_LANGUAGE else to_source.get(text)
        known = source is not None and (new == SOURCE_LANGUAGE or source in target)
        if not known and "\n" in text:  # lines put together (a summary, its formula)
            return "\n".join(map(convert, text.split("\n")))
        source = text if source is None else source
        return target.get(source, source) if new != SOURCE_LANGUAGE else source

    return convert


def switch_language(language: str) -> None:
    """Choose ``language`` (kept in QSettings), install it, and re-translate every open
    window in place: nothing is closed, rebuilt or retrained. Qt sends each widget a
    ``LanguageChange`` event too, for the views that re-make their text themselves."""
    from nnsim.ui.retranslate import retranslate_widgets

    old = current_language()
    QSettings().setValue(SETTING, language)
    if language == old:
        return
    install_language(language)
    retranslate_widgets(retranslator(old, language))


def has_chinese_font() -> bool:
    """Whether a font that covers Simplified Chinese is installed (else Chinese text shows
    as boxes: fonts-noto-cjk on Debian/Ubuntu, see the README)."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
