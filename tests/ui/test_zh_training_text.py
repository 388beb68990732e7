"""Issue 13: the text the Qt-free training layer makes (the coach's diagnoses and cures, why a
run diverged, what a restart changed) reads in Chinese in a Chinese window, while its
``str()`` (the command line, diagnosis.json) stays the English it always was."""

from __future__ import annotations

import string

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from nnsim.testing import train_until
from nnsim.testing.untranslated import english_texts, english_words
from nnsim.training.changes import describe_change, describe_reset
from nnsim.training.diagnosis import Diagnoser, Diagnosis
from nnsim.training.diagnosis.messages import FIRST_TO_LAST, GROWTH, MESSAGES, TITLES
from nnsim.training.divergence import divergence_message, divergence_what
from nnsim.training.experiment import Experiment, ExperimentError
from nnsim.training.lr_finder import LRFinder
from nnsim.training.trainer import Trainer
from nnsim.training.variations import with_settings
from nnsim.ui.controls import OptimizerPanel
from nnsim.ui.diagnosis_panel import DiagnosisPanel
from nnsim.ui.divergence_banner import DivergenceBanner
from nnsim.ui.i18n import catalogue, shown, switch_language

DEAD_RELU = {
    "training.optimizer.lr": 10,
    "network.hidden_layers.0.activation": "relu",
    "network.hidden_layers.1.activation": "relu",
}
VANISHING = {
    "network.hidden_layers": [{"units": 4, "activation": "sigmoid"}] * 6,
    "training.optimizer.lr": 0.03,
}
LR_TOO_HIGH = {  # tests/ui/test_main_window.py's diverging run
    "data.dataset": "plane",
    "network.hidden_layers": [{"units": 8, "activation": "relu"}] * 3,
    "training.optimizer.lr": 50.0,
}


def fields(template: str) -> set[tuple[str, str]]:
    """The ``{name:spec}`` placeholders of a template."""
    return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(template) if name}


def sample_evidence(template: str) -> dict[str, object]:
    """Numbers for every placeholder of a MESSAGES template (names where it needs names)."""
    names = {"activation": "tanh", "what": divergence_what("loss", "inf"), "how": "…"}
    return {name: names.get(name, 3) for name, _ in fields(template)}


def found(settings, steps) -> tuple[Diagnosis, ...]:
    trainer, diagnoser = Trainer(with_settings(Experiment.default(), settings)), Diagnoser()
    for _ in range(steps):
        trainer.step()
        diagnoser.update(trainer)
    return diagnoser.diagnoses


def test_every_message_template_keeps_its_placeholders_in_chinese(qapp):
    zh = catalogue("zh_CN")
    templates = [*MESSAGES.values(), GROWTH, FIRST_TO_LAST, *TITLES.values()]
    for template in templates:
        assert template in zh, f"no Chinese for {template!r}"
        assert fields(zh[template]) == fields(template), template


def test_every_diagnosis_reads_in_chinese_and_stays_english_in_files(qapp, nnsim_language):
    nnsim_language("zh_CN")
    for code, template in MESSAGES.items():
        evidence = sample_evidence(template)
        if code == "diverged":
            evidence = {"bad": "loss", "value": "inf", "lr": 3.0}
        if code == "exploding_gradients":
            evidence = {"growth": 1e4, "window": 100, "from": 0.1, "norm": 1e3}
        diagnosis = Diagnosis(code, 100, 2, evidence)
        assert english_words(shown(diagnosis.text)) == [], code
        assert english_words(shown(TITLES[code])) == [], code
        assert diagnosis.message == str(diagnosis.text)  # the English, as before
        assert not any("\u4e00" <= c <= "\u9fff" for c in diagnosis.message), code
    assert Diagnosis("diverged", 7, None, {"bad": "weight", "value": "nan", "lr": 3.0}).message == (
        "a weight became nan at step 7 — the learning rate 3 is too high for this network; "
        "try ≤ 0.3"
    )


def test_the_coach_panel_shows_a_run_s_diagnoses_and_cures_in_chinese(qtbot, nnsim_language):
    nnsim_language("zh_CN")
    zeros = {"network.init": "zeros"}
    diagnoses = found(VANISHING, 300) + found(DEAD_RELU, 100) + found(zeros, 100)
    codes = {d.code for d in diagnoses}
    assert {"vanishing_gradients", "dead_relu", "symmetric_units"} <= codes
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert english_texts(panel) == []  # the empty panel
    panel.show_diagnoses(diagnoses)
    assert len(panel.rows) == len(diagnoses)
    assert english_texts(panel) == []
    for row in panel.rows:  # hover texts too: the evidence and the cure
        assert english_words(row.label.toolTip()) == [], row.label.toolTip()
        button = row.findChild(QPushButton, "cureButton")
        if button is not None:
            assert english_words(button.text()) == [] and english_words(button.toolTip()) == []


def test_a_run_that_diverges_explains_itself_in_chinese(qtbot, make_window, nnsim_language):
    nnsim_language("zh_CN")
    window = make_window(with_settings(Experiment.default(), LR_TOO_HIGH))
    window.play()
    qtbot.waitUntil(lambda: window.last_snapshot.diverged is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert " became " in str(window.last_snapshot.diverged)  # English inside
    label = window.findChild(QLabel, "divergenceLabel")
    assert "50" in label.text() and english_words(label.text()) == [], label.text()
    assert english_texts(window.banner) == []
    assert english_words(window.status_text()) == [], window.status_text()
    qtbot.waitUntil(lambda: window.diagnosis_panel.codes()[:1] == ["diverged"])
    assert english_texts(window.diagnosis_panel) == []


def test_the_coach_panel_in_a_window_speaks_chinese(qtbot, make_window, nnsim_language):
    nnsim_language("zh_CN")
    window = make_window(with_settings(Experiment.default(), DEAD_RELU))
    train_until(window, 150)
    qtbot.waitUntil(lambda: window.diagnosis_panel.codes() == ["dead_relu"])
    assert english_texts(window.diagnosis_panel) == []


def test_a_ghost_run_is_labelled_in_chinese(qtbot, make_window, nnsim_language):
    nnsim_language("zh_CN")
    window = make_window()
    train_until(window, 20)
    window.model.update(seed=1)
    qtbot.waitUntil(lambda: window.last_snapshot.step == 0)
    (label,) = window.loss_panel.ghosts.labels()
    assert "0 → 1" in label and english_words(label) == [], label


def test_changes_and_divergences_say_the_same_english_as_before(qapp):
    old = Experiment.default()
    new = with_settings(old, {"seed": 1, "network.hidden_layers": [{"units": 8}] * 2})
    assert describe_reset(old, new, "the network changed") == "seed 0 → 1, hidden layers 4-2 → 8-8"
    adam = with_settings(old, {"training.optimizer.name": "adam", "training.batch_size": 20})
    assert describe_change(old, adam) == "optimizer sgd → adam; batch 10 → 20"
    assert describe_change(old, old) == "settings changed"
    what = divergence_what("loss", float("inf"))
    assert divergence_message(what, 212, 3.0) == (
        "loss became inf at step 212 — the learning rate 3 is too high for this network; try ≤ 0.3"
    )


def test_switching_the_language_re_makes_the_panel_and_the_banner(qtbot, nnsim_language):
    panel, banner = DiagnosisPanel(), DivergenceBanner()
    qtbot.addWidget(panel)
    qtbot.addWidget(banner)
    panel.show()
    panel.show_diagnoses(found(DEAD_RELU, 100))
    trainer = Trainer(with_settings(Experiment.default(), LR_TOO_HIGH))
    trainer.run(2000)
    assert trainer.diverged
    banner.show_divergence(trainer.diverged)
    assert "dead_relu" in panel.rows[0].label.text()
    assert "Training stopped" in banner.label.text()
    switch_language("zh_CN")  # Qt posts LanguageChange: the rows are made again after it
    try:
        qtbot.waitUntil(lambda: english_texts(panel) == [] and english_texts(banner) == [])
        assert english_words(panel.rows[0].label.toolTip()) == []
    finally:
        switch_language("en")
    qtbot.waitUntil(lambda: "dead_relu" in panel.rows[0].label.text())
    assert "Training stopped" in banner.label.text()


def test_a_value_the_experiment_refuses_is_explained_in_chinese(qtbot, nnsim_language):
    nnsim_language("zh_CN")
    start = Experiment.from_dict({"training": {"schedule": {"name": "cosine", "T_max": 100}}})
    panel = OptimizerPanel(start)
    qtbot.addWidget(panel)
    panel.show()
    edit = panel.findChild(QLineEdit, "schedule_eta_min")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "0.5")  # above the learning rate 0.03: the experiment refuses it
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    message = panel.message()
    assert panel.experiment() == start and "0.5" in message and "0.03" in message
    path = "training.schedule.eta_min"  # a name in the file, as it is written there
    assert english_words(message, ignore=(path, "Not applied")) == [], message


def test_experiment_errors_keep_their_english_and_read_in_chinese(qapp, nnsim_language):
    bad = {"data": {"noise": "x"}, "training": {"batch_size": 0, "optimizer": {"lr": -1}}}
    with pytest.raises(ExperimentError) as caught:
        Experiment.from_dict(bad)
    assert sorted(str(caught.value).splitlines()) == [  # the English, as before
        "data.noise: must be a number between 0 and 0.5, got 'x' (a string)",
        "training.batch_size: must be an integer in 1..100000 or 'all', got 0",
        "training.optimizer.lr: must be > 0, got -1",
    ]
    nnsim_language("zh_CN")
    lines = shown(caught.value).splitlines()
    assert len(lines) == 3
    paths = ("data.noise", "training.optimizer.lr")  # names and values from the file
    ignore = (*paths, "'x'")
    translated = [line for line in lines if line.startswith(paths)]
    assert len(translated) == 2
    for line in translated:
        assert english_words(line, ignore=ignore) == [], line


def test_the_range_test_explains_its_suggestions_in_chinese(qtbot, nnsim_language):
    result = LRFinder(Experiment.default(), steps=60).run()
    english = [str(s.explanation) for s in result.suggestions] + [str(result.message)]
    assert all(english_words(text) for text in english)  # str(): the English, as before
    nnsim_language("zh_CN")
    for suggestion in result.suggestions:
        assert english_words(shown(suggestion.title)) == []
        assert english_words(shown(suggestion.explanation)) == []
    assert english_words(shown(result.message)) == []
