"""Marking the engine's text for people (titles, summaries, hyper-parameters' meanings).

``QT_TR_NOOP("…")`` returns its argument; ``pyside6-lupdate`` finds the name, so that the
English lands in nnsim's translation catalogue and the window shows it translated
(``nnsim.ui.i18n.tr``). :class:`Text` and :class:`Sentence` carry a template and its
values, for messages made from values (plain Python: the engine and the training layer use
them, ``nnsim.training.text`` re-exports them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
    """``text``, marked for translation."""
    return text


@dataclass(frozen=True)
class Text:
    """A sentence for people as a template and its values: ``Text(QT_TR_NOOP("Loss {loss:.3g}
    at step {step}"), {"loss": 0.5, "step": 3})``. ``str()`` is the English (the command
    line, logs, files); the window shows :meth:`render` with its translation. A value may be
    a Text itself (rendered in the same language)."""

    template: str
    args: Mapping[str, object] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] = str) -> str:
        values = {
            key: value.render(translate) if isinstance(value, Text | Sentence) else value
            for key, value in self.args.items()
        }
        return translate(self.template).format(**values)

    def __str__(self) -> str:
        return self.render()


class Sentence(str):
    """A :class:`Text` that is also its English ``str``: for the fields and messages that
    scripts, files, the command line and tests read as plain English strings
    (``trainer.diverged``, a cure's label, an ``ExperimentError``), while the window shows
    :attr:`text` translated (:func:`nnsim.ui.i18n.shown`). Whatever makes a new string from
    it (``+``, an f-string) gets the English only."""

    text: Text

    def __new__(cls, template: str, args: Mapping[str, object] | None = None) -> Sentence:
        text = Text(template, dict(args or {}))
        self = super().__new__(cls, text.render())
        self.text = text
        return self

    def __reduce__(self) -> tuple[object, ...]:  # through the training process's pipe
        return (Sentence, (self.text.template, dict(self.text.args)))

    def render(self, translate: Callable[[str], str] = str) -> str:
        return self.text.render(translate)
