"""The step along the gradient: the engine's own losses along θ − η·g, where η lands."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from nnsim.training import protocol
from nnsim.training.experiment import Experiment
from nnsim.training.host import STEP_LINE_INTERVAL, TrainingHost
from nnsim.training.lecture import LectureSession, checkpoint, checkpoints_equal
from nnsim.training.step_line import StepLine, StepLineProbe, line_etas
from nnsim.training.text import Sentence
from nnsim.training.trainer import Trainer
from nnsim.training.variations import with_settings


def experiment(**changes) -> Experiment:
    """The default experiment with dotted-path changes, e.g. ``training__batch_size=5``."""
    dotted = {key.replace("__", "."): value for key, value in changes.items()}
    return with_settings(Experiment.default(), dotted)


PENALTY_CLIP = dict(
    network__hidden_layers=[{"units": 8, "activation": "tanh"}, {"units": 8, "activation": "relu"}],
    training__regularization={"kind": "l2", "rate": 0.01},
    training__grad_clip={"mode": "norm", "max_norm": 0.05},
)
RICH = dict(
    network__hidden_layers=[
        {"units": 5, "activation": "relu", "batch_norm": True, "dropout": 0.2},
        {"units": 3, "activation": "tanh"},
    ],
    training__optimizer={"name": "adam", "lr": 0.01},
    training__regularization={"kind": "l1", "rate": 0.001},
)


def trained(steps: int = 30, **changes) -> Trainer:
    trainer = Trainer(experiment(**changes))
    trainer.run(steps)
    return trainer


def copy_of(trainer: Trainer) -> Trainer:
    other = Trainer(trainer.experiment, trainer.data)
    other.load_state_dict(trainer.state_dict())
    return other


def objective(trainer: Trainer, x: np.ndarray, y: np.ndarray) -> float:
    """The trainer's training-mode batch loss plus its penalty, at its current weights."""
    from nnsim.engine import regularization

    net, reg = trainer.network, trainer.experiment.training.regularization
    net.forward(x, train=True)
    return net.loss_value(y) + regularization.penalty(net.weights, reg.kind, reg.rate)


def penalty(trainer: Trainer) -> float:
    from nnsim.engine import regularization

    reg = trainer.experiment.training.regularization
    return regularization.penalty(trainer.network.weights, reg.kind, reg.rate)


@pytest.mark.parametrize("changes", [{}, PENALTY_CLIP, RICH], ids=["default", "l2-clip", "rich"])
def test_the_line_starts_at_the_loss_the_trainer_then_reports(changes):
    trainer = trained(**changes)
    line = StepLineProbe().next_step(trainer)
    train_loss = trainer.evaluate().train_loss + penalty(trainer)
    result = trainer.step()
    assert line.step == result.step and line.lr == result.lr
    assert line.etas[0] == 0.0 and line.lr in line.etas
    assert line.batch_loss[0] == pytest.approx(result.loss + result.reg_loss, abs=1e-12)
    if changes is not RICH:  # batch-norm: the step moves the running statistics (see below)
        assert line.train_loss[0] == pytest.approx(train_loss, abs=1e-12)


@pytest.mark.parametrize("changes", [{}, PENALTY_CLIP], ids=["default", "l2-clip"])
def test_every_point_is_a_trainers_loss_after_a_manual_sgd_step_of_that_size(changes):
    trainer = trained(**changes)
    line = StepLineProbe().next_step(trainer)
    for k in (1, 7, line.chosen_index, len(line.etas) // 2, len(line.etas) - 1):
        eta = float(line.etas[k])
        sgd = copy_of(trainer)
        sgd.set_learning_rate(eta)
        x, y = sgd.next_batch()
        x, y = x.copy(), y.copy()
        sgd.train_on(x, y)  # θ ← θ − η·g, g with the penalty and clipped as the trainer does
        assert line.batch_loss[k] == pytest.approx(objective(sgd, x, y), abs=1e-12)
        full = sgd.loss_and_accuracy(sgd.data.x_train, sgd.data.y_train)[0] + penalty(sgd)
        assert line.train_loss[k] == pytest.approx(full, abs=1e-12)


def test_looking_at_the_next_step_leaves_the_trainer_exactly_where_it_was():
    trainer = trained(**RICH)
    twin = copy_of(trainer)
    before = checkpoint(trainer)
    StepLineProbe().next_step(trainer)
    assert checkpoints_equal(checkpoint(trainer), before)
    for _ in range(15):  # crosses a pass: the shuffle is the one it would have been
        assert trainer.step().loss == twin.step().loss


def test_adam_also_shows_the_loss_along_its_actual_update():
    trainer = trained(**RICH)
    line = StepLineProbe().next_step(trainer)
    assert line.optimizer == "Adam" and line.update_train_loss is not None
    assert line.update_cosine is not None and line.update_cosine < 0.999
    trainer.step()
    after = trainer.evaluate().train_loss + penalty(trainer)
    assert line.update_train_loss[line.chosen_index] == pytest.approx(after, abs=1e-12)
    assert line.update_text().startswith("Adam steps ") and "away from −g" in line.update_text()


def test_plain_sgd_has_one_line():
    line = StepLineProbe().next_step(trained())
    assert line.update_train_loss is None and line.update_text() == ""


def test_the_quadratic_model_is_exact_for_a_quadratic_loss():
    # no hidden layer, a linear output and the squared error: J is a quadratic in θ
    trainer = trained(5, network__hidden_layers=[], data__dataset="gaussians")
    line = StepLineProbe().next_step(trainer)
    assert np.max(np.abs(line.batch_loss - line.quadratic)) < 1e-9
    assert line.slope == pytest.approx(line.grad_norm**2, rel=1e-12)  # no clipping: ∇J·g = ‖g‖²
    assert line.quadratic_minimum == pytest.approx(line.slope / line.curvature)


def test_the_curvature_is_the_second_derivative_along_the_line():
    line = StepLineProbe().next_step(trained(**PENALTY_CLIP))
    e, J = line.etas[1:4], line.batch_loss[1:4]  # tiny steps: the log-spaced start
    second = 2 * ((J[2] - J[1]) / (e[2] - e[1]) - (J[1] - J[0]) / (e[1] - e[0])) / (e[2] - e[0])
    assert line.curvature == pytest.approx(second, rel=1e-3)


def test_a_too_high_rate_lands_past_the_minimum_and_says_it_skips_over_it():
    trainer = trained(100, training__optimizer={"name": "sgd", "lr": 0.3})
    trainer.set_learning_rate(3.0)  # the learner turns the rate up
    line = StepLineProbe().next_step(trainer)
    _, best = line.best()
    assert line.lr > best and line.train_loss[line.chosen_index] > line.train_loss[0]
    text = line.verdict()
    assert text.startswith("η = 3 lands past the minimum along the gradient (best η ≈ ")
    assert "): the step skips over it and the loss goes up." in text
    assert f"batch {line.batch_loss[0]:.3g} → {line.batch_loss[line.chosen_index]:.3g}" in (
        line.details()
    )


def test_a_low_rate_falls_short_of_the_minimum():
    line = StepLineProbe().next_step(trained(30, training__optimizer={"name": "sgd", "lr": 0.001}))
    assert "short of the minimum" in line.verdict()
    assert line.best()[1] > line.lr


def test_the_grid_holds_zero_the_chosen_rate_and_reaches_span_times_it():
    etas = line_etas(0.3, 4.0)
    assert etas[0] == 0 and 0.3 in etas and etas[-1] == pytest.approx(1.2)
    assert 41 <= len(etas) <= 81 and np.all(np.diff(etas) > 0)
    assert etas[1] == pytest.approx(0.3e-3)


def test_a_zero_gradient_says_so():
    line = StepLine(1, 0.1, line_etas(0.1), np.ones(81), np.ones(81), 0.0, 0.0, 0.0)
    assert "gradient is zero" in line.verdict()


def test_the_lecture_line_is_the_steps_own_weights_and_batch():
    session = LectureSession(Trainer(experiment(**RICH)))
    for _ in range(3):
        session.run_to_end_of_step()
    update = session.current
    assert update is not None and update.kind == "update"
    line = StepLineProbe().for_lecture(session)
    assert line is not None and line.step == session.step_index
    result = update.result
    assert line.batch_loss[0] == pytest.approx(result.loss + result.reg_loss, abs=1e-12)
    after = session.trainer.evaluate().train_loss + penalty(session.trainer)
    landed = line.update_train_loss[line.chosen_index]  # Adam: its actual update lands there
    assert landed == pytest.approx(after, abs=1e-12)
    session.previous_phase()  # before the Update: no line (the step is not taken yet)
    assert StepLineProbe().for_lecture(session) is None


# -- the training process ----------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        self.now += 0.0001
        return self.now


def lines(sent):
    return [m.snapshot.step_line for m in sent if isinstance(m, protocol.SnapshotReady)]


def test_the_host_measures_the_line_only_while_it_is_watched():
    sent: list = []
    host = TrainingHost(Experiment.default(), sent.append)
    host.handle(protocol.Step())
    assert lines(sent)[-1] is None  # nobody watches: nothing computed
    host.handle(protocol.WatchStepLine(True))
    line = lines(sent)[-1]
    assert isinstance(line, StepLine) and line.step == 2
    host.handle(protocol.Step())  # the step the line was of
    result = host.trainer.last_result
    assert line.batch_loss[0] == pytest.approx(result.loss + result.reg_loss, abs=1e-12)
    assert lines(sent)[-1].step == 3
    host.handle(protocol.WatchStepLine(False))
    host.handle(protocol.Step())
    assert lines(sent)[-1] is None


def test_while_playing_the_line_comes_a_few_times_a_second():
    clock = Clock()
    sent: list = []
    host = TrainingHost(Experiment.default(), sent.append, clock=clock)
    host.handle(protocol.WatchStepLine(True))
    host.handle(protocol.Play())
    sent.clear()
    for _ in range(40):  # 40 slices of ~35 ms (snapshots every 33 ms): 1.4 s of training
        host.handle(protocol.Taken())
        host.train_slice(0.002)
        clock.now += 0.033
    got = lines(sent)
    measured = [line for line in got if line is not None]
    assert len(got) >= 30
    assert 1.4 / STEP_LINE_INTERVAL - 2 <= len(measured) <= 1.4 / STEP_LINE_INTERVAL + 2
    steps = [line.step for line in measured]
    assert steps == sorted(steps) and all(math.isfinite(line.lr) for line in measured)


def test_past_twice_the_best_step_the_loss_goes_up():
    trainer = trained(5, network__hidden_layers=[], data__dataset="gaussians")
    best = StepLineProbe().next_step(trainer).quadratic_minimum  # exact: J is quadratic
    trainer.set_learning_rate(2.6 * best)
    line = StepLineProbe().next_step(trainer)
    assert line.batch_loss[line.chosen_index] > line.batch_loss[0]
    assert "the step skips over it and the loss goes up." in line.verdict()


def test_a_costly_line_comes_less_often_so_training_keeps_its_pace(monkeypatch):
    clock = Clock()
    measure = StepLineProbe.next_step

    def slow(self, trainer):  # a network whose line takes 100 ms
        clock.now += 0.1
        return measure(self, trainer)

    monkeypatch.setattr(StepLineProbe, "next_step", slow)
    sent: list = []
    host = TrainingHost(Experiment.default(), sent.append, clock=clock)
    host.handle(protocol.WatchStepLine(True))
    host.handle(protocol.Play())
    sent.clear()
    start = clock.now
    while clock.now - start < 6.0:
        host.handle(protocol.Taken())
        host.train_slice(0.001)  # ~10 steps of 0.1 ms, then time passes drawing
        clock.now += 0.05
    measured = [line for line in lines(sent) if line is not None]
    assert 2 <= len(measured) <= 4  # every 0.1 s / 5 % = 2 s: at most 5 % of the time


def test_the_verdict_details_and_update_text_are_sentences_translated_whole():
    etas = np.array([0.0, 0.5, 1.0, 2.0, 4.0])
    line = StepLine(
        1, 1.0, etas, np.array([1.0, 0.9, 0.6, 0.7, 2.0]), np.array([1.0, 0.5, 0.8, 0.9, 3.0]),
        slope=2.0, curvature=1.0, grad_norm=1.0, optimizer="Adam",
        update_batch_loss=np.ones(5), update_train_loss=np.array([1.0, 0.9, 0.7, 1, 1]),
        update_cosine=0.5,
    )  # fmt: skip
    texts = {
        line.verdict(): "η = 1 lands past the minimum along the gradient (best η ≈ 0.5): the "
        "step skips over it. On the mini-batch itself it lands near the minimum (best η ≈ 1).",
        line.details(): "batch 1 → 0.6 (best 0.6 at η ≈ 1) · training set 1 → 0.8 (best 0.5 "
        "at η ≈ 0.5) · quadratic model: minimum at η ≈ 2, above the start past η ≈ 4",
        line.update_text(): "Adam steps 60° away from −g: along its actual update (dotted) the "
        "training-set loss lands at 0.7.",
    }

    def wordless(template: str) -> str:  # a "language" without a single English letter
        return re.sub(r"\{[^}]*\}|[A-Za-z]", lambda m: m[0] if m[0][0] == "{" else "", template)

    for text, english in texts.items():
        assert isinstance(text, Sentence) and text == english  # str() is the English
        assert re.findall(r"[A-Za-z]+", text.render(wordless)) in ([], ["Adam"]), text
