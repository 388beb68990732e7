"""The lecture mode's model: phase-by-phase walking, exact undo, formulas and the article."""

from __future__ import annotations

import dataclasses
import html
import math
import re

import numpy as np
import pytest

from nnsim.engine.features import feature_matrix
from nnsim.engine.schedules import make_schedule
from nnsim.training import protocol
from nnsim.training.experiment import Experiment
from nnsim.training.history import MetricHistory
from nnsim.training.lecture import (
    ARTICLE_LESSON,
    ARTICLE_NOTES,
    LectureSession,
    StepContext,
    article_decay_example,
    article_experiment,
    article_session,
    checkpoint,
    checkpoints_equal,
    explain,
    format_matrix,
    format_number,
    numbers_in,
    phase_tables,
    restore,
)
from nnsim.training.phases import phase_titles
from nnsim.training.text import Sentence
from nnsim.training.trainer import DivergedError, Trainer


def experiment(**changes) -> Experiment:
    """The default experiment with nested keys set, e.g. ``training__batch_size=5``."""
    d = Experiment.default().to_dict()
    for path, value in changes.items():
        node = d
        *parents, last = path.split("__")
        for key in parents:
            node = node[key]
        node[last] = value
    return Experiment.from_dict(d)


CONFIGS = {
    "default": {},
    "adam_batchnorm_dropout": {
        "training__optimizer": {"name": "adam", "lr": 0.01},
        "network__batch_norm": True,
        "network__dropout": 0.3,
    },
    "momentum_l2_clip_plateau_epochs": {
        "training__optimizer": {"name": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True},
        "training__regularization": {"kind": "l2", "rate": 0.01},
        "training__grad_clip": {"mode": "norm", "max_norm": 0.5},
        "training__schedule": {"name": "plateau", "unit": "epoch", "patience": 0},
        "training__eval_every": 2,
        "data__samples": 40,
        "training__batch_size": 6,
    },
    "regression_mse_relu": {
        "data__dataset": "plane",
        "network__hidden_layers": [{"units": 3, "activation": "relu"}],
    },
    "multiclass_cross_entropy": {
        "data__dataset": "spiral3",
        "data__samples": 60,
        "training__batch_size": 7,
        "data__features": ["x1", "x2", "x1_sq", "sin_x2"],
    },
    "one_cycle_full_batch": {
        "training__schedule": {"name": "one_cycle", "unit": "step", "total_steps": 20},
        "network__hidden_layers": [
            {"units": 5, "activation": "gelu"},
            {"units": 3, "activation": "sigmoid", "dropout": 0.2},
        ],
        "training__batch_size": "all",
        "data__samples": 30,
    },
}


def rounded(x: float, digits: int = 4) -> float:
    """A value as the formulas write it."""
    return float(format_number(x, digits).replace("−", "-"))


def expected(*values) -> list[float]:
    return [rounded(v) for v in values]


def interleave(left, right, limit: int = 8) -> list[float]:
    return [v for pair in zip(left[:limit], right[:limit], strict=True) for v in pair]


def same_phase(p, q) -> bool:
    if (p.kind, p.layer, p.lr) != (q.kind, q.layer, q.lr) or p.arrays.keys() != q.arrays.keys():
        return False
    if not (p.loss == q.loss or (math.isnan(p.loss) and math.isnan(q.loss))):
        return False
    return all(np.array_equal(p.arrays[k], q.arrays[k], equal_nan=True) for k in p.arrays)


def walk_step(session: LectureSession) -> list:
    """Walk one whole step phase by phase; returns its phases."""
    return [session.next_phase() for _ in session.titles]


# -- walking is exactly training --------------------------------------------------------------
@pytest.mark.parametrize("name", CONFIGS)
def test_walking_every_phase_equals_trainer_step(name):
    exp = experiment(**CONFIGS[name])
    session, reference = LectureSession(Trainer(exp)), Trainer(exp)
    for _ in range(12):
        phases = walk_step(session)
        result = reference.step()
        assert [p.title for p in phases] == session.titles
        assert session.at_update and phases[-1] is session.current
        assert np.array_equal(session.trainer.network.theta, reference.network.theta)
        assert phases[-1].result.loss == result.loss
        assert checkpoints_equal(checkpoint(session.trainer), checkpoint(reference))
    assert session.trainer.steps_done == reference.steps_done == 12
    assert np.array_equal(session.trainer.history.table(), reference.history.table())
    assert np.array_equal(
        session.trainer.evaluations.table(), reference.evaluations.table(), equal_nan=True
    )


def test_before_the_update_the_trainer_is_untouched():
    session = LectureSession(Trainer(experiment()))
    before = checkpoint(session.trainer)
    for _ in range(len(session.titles) - 1):
        session.next_phase()
        assert checkpoints_equal(checkpoint(session.trainer), before)
    session.next_phase()
    assert session.trainer.steps_done == 1


def test_run_to_end_of_step_and_go_to():
    exp = experiment(**CONFIGS["adam_batchnorm_dropout"])
    session, reference = LectureSession(Trainer(exp)), Trainer(exp)
    assert session.current is None and session.position == -1 and session.step_index == 0
    update = session.run_to_end_of_step()
    reference.step()
    assert update.kind == "update" and session.step_index == 1
    assert np.array_equal(session.trainer.network.theta, reference.network.theta)
    session.next_phase()
    session.next_phase()
    assert session.position == 1 and session.step_index == 2
    session.run_to_end_of_step()
    reference.step()
    assert np.array_equal(session.trainer.network.theta, reference.network.theta)
    assert session.go_to(0).title == "Forward L1"
    assert session.trainer.steps_done == 1  # the update was undone
    assert session.go_to(len(session.titles) - 1).kind == "update"
    assert np.array_equal(session.trainer.network.theta, reference.network.theta)


# -- stepping back ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", CONFIGS)
def test_stepping_back_restores_every_array_and_forward_again_replays(name):
    exp = experiment(**{**CONFIGS[name], "training__eval_every": 1})
    trainer = Trainer(exp)
    # small histories, so that the walk crosses their downsampling
    trainer.history = MetricHistory(trainer.history.columns, capacity=4)
    trainer.evaluations = MetricHistory(trainer.evaluations.columns, capacity=2)
    session = LectureSession(trainer)
    recorded = []  # (position, step, phase, checkpoint, history tables) after each move
    for _ in range(7 * len(session.titles)):
        phase = session.next_phase()
        recorded.append(
            (
                session.position,
                session.step_index,
                phase,
                checkpoint(trainer),
                trainer.history.table(),
                trainer.evaluations.table(),
            )
        )
    start = recorded[0]
    for position, step, phase, cp, history, evaluations in reversed(recorded):
        assert (session.position, session.step_index) == (position, step)
        assert session.current is phase
        assert checkpoints_equal(checkpoint(trainer), cp)
        assert np.array_equal(trainer.history.table(), history, equal_nan=True)
        assert np.array_equal(trainer.evaluations.table(), evaluations, equal_nan=True)
        session.previous_phase()
    assert session.current is None and session.previous_phase() is None
    assert trainer.steps_done == 0 and checkpoints_equal(checkpoint(trainer), start[3])
    assert len(trainer.history) == 0 and len(trainer.evaluations) == 0
    for position, step, phase, cp, history, evaluations in recorded:
        again = session.next_phase()
        assert (session.position, session.step_index) == (position, step)
        assert same_phase(again, phase)
        assert checkpoints_equal(checkpoint(trainer), cp)
        assert np.array_equal(trainer.history.table(), history, equal_nan=True)
        assert np.array_equal(trainer.evaluations.table(), evaluations, equal_nan=True)


def test_back_and_forth_within_a_step_does_not_recompute():
    session = LectureSession(Trainer(experiment()))
    first = walk_step(session)[:-1]
    for _ in range(3):
        session.previous_phase()
    session.next_phase()
    session.next_phase()
    assert session.current is first[-1]


def test_checkpoint_and_restore_helpers_continue_bit_identically():
    exp = experiment(**CONFIGS["momentum_l2_clip_plateau_epochs"])
    trainer, reference = Trainer(exp), Trainer(exp)
    trainer.run(3)
    reference.run(3)
    cp = checkpoint(trainer)
    trainer.run(9)
    trainer.set_learning_rate(0.5)
    restore(trainer, cp)
    assert checkpoints_equal(checkpoint(trainer), checkpoint(reference))
    trainer.run(9)
    reference.run(9)
    assert checkpoints_equal(checkpoint(trainer), checkpoint(reference))
    assert trainer.current_lr() == reference.current_lr()


def test_a_learning_rate_changed_before_the_update_applies_to_it():
    exp = experiment()
    session, reference = LectureSession(Trainer(exp)), Trainer(exp)
    walk_step(session)
    walk_step(session)  # step 2 is walked and kept
    session.go_to(0)
    while session.step_index > 1:
        session.previous_phase()
    session.go_to(len(session.titles) - 2)  # Backward L1 of step 1, update undone
    session.trainer.set_learning_rate(0.5)
    update = session.next_phase()
    assert update.lr == 0.5
    dW = session.phases[-2].arrays["dW"]
    assert np.array_equal(update.arrays["W1_new"], update.arrays["W1_old"] - dW * 0.5)
    reference.set_learning_rate(0.5)
    reference.step()
    assert np.array_equal(session.trainer.network.theta, reference.network.theta)
    walk_step(session)  # step 2 is computed again with the new weights
    reference.step()
    assert np.array_equal(session.trainer.network.theta, reference.network.theta)


def test_divergence_stops_at_the_update_and_going_back_clears_it():
    exp = experiment(
        data__dataset="plane",
        training__optimizer={"name": "sgd", "lr": 100},
        network__hidden_layers=[{"units": 3, "activation": "linear"}],
    )
    session = LectureSession(Trainer(exp))
    for _ in range(10):
        update = session.run_to_end_of_step()
        if update.result.diverged:
            break
    assert session.trainer.diverged and "explain" not in update.result.diverged
    assert any("diverged" in line for line in session.explain())
    with pytest.raises(DivergedError):
        session.next_phase()
    session.previous_phase()
    assert session.trainer.diverged is None
    assert session.next_phase().result.diverged


def test_the_divergence_line_reads_in_the_readers_language():
    exp = experiment(
        data__dataset="plane",
        training__optimizer={"name": "sgd", "lr": 100},
        network__hidden_layers=[{"units": 3, "activation": "linear"}],
    )
    session = LectureSession(Trainer(exp))
    for _ in range(10):
        if session.run_to_end_of_step().result.diverged:
            break
    reason = session.trainer.diverged
    assert isinstance(reason, Sentence)
    english = [line for line in session.explain() if "Training diverged" in line]
    assert english == [f"<b>Training diverged:</b> {html.escape(reason)}"]

    def shouting(template: str) -> str:  # a "language": every word upper case
        return re.sub(
            r"\{[^}]*\}|[^{]+", lambda m: m[0] if m[0][0] == "{" else m[0].upper(), template
        )

    lines = session.explain(translate=shouting)
    shown = [line for line in lines if "TRAINING DIVERGED" in line]
    assert shown == [f"<B>TRAINING DIVERGED:</B> {html.escape(reason.render(shouting))}"]
    assert reason.render(shouting) != reason


def test_old_steps_are_forgotten_beyond_max_steps():
    session = LectureSession(Trainer(experiment()), max_steps=2)
    for _ in range(4):
        session.run_to_end_of_step()
    while session.previous_phase() is not None:
        pass
    assert session.step_index == 2 and session.trainer.steps_done == 2
    session.reset()
    assert session.current is None and session.trainer.steps_done == 0


# -- sources ----------------------------------------------------------------------------------
def test_sample_source_feeds_that_training_row():
    exp = experiment()
    session, reference = LectureSession(Trainer(exp)), Trainer(exp)
    data = session.trainer.data
    source = session.set_source("sample", index=3)
    assert source.point == tuple(data.train.x[3])
    phases = walk_step(session)
    assert np.array_equal(phases[0].arrays["A_prev"], data.x_train[3:4])
    assert np.array_equal(phases[3].arrays["Y"], data.y_train[3:4])
    assert session.trainer.batches.index == reference.batches.index  # no batch taken
    reference.train_on(data.x_train[3:4], data.y_train[3:4])
    assert np.array_equal(session.trainer.network.theta, reference.network.theta)


def test_custom_source_computes_features_and_the_target_in_the_loss_shape():
    exp = experiment(**CONFIGS["multiclass_cross_entropy"])
    session = LectureSession(Trainer(exp))
    source = session.set_source("custom", x=(0.5, -1.0), y=2)
    features = feature_matrix(np.array([[0.5, -1.0]]), exp.data.features)
    assert np.array_equal(source.x, features)
    assert source.y.dtype.kind == "i" and source.y.tolist() == [2]
    phases = walk_step(session)
    assert np.array_equal(phases[0].arrays["A_prev"], features)
    assert phases[3].kind == "loss" and phases[3].arrays["Y"].tolist() == [2]
    with pytest.raises(ValueError):
        session.set_source("custom", x=(0.5, -1.0), y=1.5)
    with pytest.raises(ValueError):
        session.set_source("sample", index=10_000)
    with pytest.raises(ValueError):
        session.set_source("teacher")
    regression = LectureSession(Trainer(experiment(**CONFIGS["regression_mse_relu"])))
    assert regression.set_source("custom", x=(1, 2), y=0.3).y.shape == (1, 1)
    binary = LectureSession(Trainer(experiment()))
    assert binary.set_source("custom", x=(1, 2), y=0.6).y.tolist() == [0.6]
    with pytest.raises(ValueError):
        binary.set_source("custom", x=(1, 2), y=1.5)
    bn = LectureSession(Trainer(experiment(network__batch_norm=True)))
    with pytest.raises(ValueError, match="batch normalisation"):
        bn.set_source("sample", index=0)


def test_a_new_source_applies_from_the_next_step():
    session = LectureSession(Trainer(experiment()))
    session.next_phase()
    batch = session.batch
    session.set_source("custom", x=(1, 2), y=1)
    assert session.step_source.kind == "batch"
    while not session.at_update:
        session.next_phase()
    assert np.array_equal(session.batch[0], batch[0]) and len(batch[0]) == 10
    session.next_phase()
    assert session.step_source.kind == "custom"
    assert np.array_equal(session.current.arrays["A_prev"], [[1.0, 2.0]])
    session.set_source("batch")
    session.run_to_end_of_step()
    assert len(session.run_to_end_of_step().arrays["W1_old"]) == 4
    assert session.batch[0].shape == (10, 2)


# -- formulas ---------------------------------------------------------------------------------
def test_format_number_and_matrix():
    assert format_number(0.13109) == "0.1311"
    assert format_number(-1.23449e-05) == "−1.234e-05"
    assert format_number(0.6) == "0.6"
    assert format_number(12345.6) == "1.235e+04"
    assert format_number(-0.0) == format_number(0) == "0"
    assert format_number(float("nan")) == "NaN"
    assert format_number(-math.inf) == "−∞"
    assert format_number(2 / 3, 2) == "0.67"
    assert numbers_in("x = (−1.234e-05)·2 − 0.5 = <b>−3</b>") == [-1.234e-05, 2, 0.5, -3]
    a = np.arange(120.0).reshape(10, 12)
    cells = format_matrix(a)
    assert len(cells) == 8 and all(len(row) == 8 for row in cells)
    assert cells[0][:2] == ["0", "1"] and cells[0][6] == "…" and cells[0][7] == "11"
    assert cells[6][0] == "⋮" and cells[6][6] == "⋱"
    assert cells[7][0] == "108" and cells[7][7] == "119"
    assert format_matrix(np.array([0.5, -2.0])) == [["0.5"], ["−2"]]
    assert format_matrix(3.0) == [["3"]]
    assert format_matrix(np.ones((3, 3)), max_rows=3, max_cols=3) == [["1"] * 3] * 3


def check_forward(session, phase, neuron: int) -> None:
    a = phase.arrays
    lines = session.explain(neuron=neuron)
    W, A_prev, b, Z, A = a["W"], a["A_prev"], a["b"], a["Z"], a["A"]
    z_line = lines[2]
    assert numbers_in(z_line) == expected(
        *interleave(W[neuron], A_prev[0]), b[neuron], Z[0, neuron]
    )
    pre = a.get("Z_bn", Z)
    a_line = next(line for line in lines[3:] if line.startswith("A"))
    assert numbers_in(a_line) == expected(pre[0, neuron], A[0, neuron])


def test_explain_numbers_are_the_phase_arrays_default_experiment():
    session = LectureSession(Trainer(experiment()))
    phases = walk_step(session)
    f1, f2, f3, loss, b3, b2, b1, update = phases
    session.go_to(0)
    check_forward(session, f1, 1)
    session.go_to(1)
    check_forward(session, f2, 1)
    session.go_to(2)
    check_forward(session, f3, 0)
    n = 10
    # loss: J = −(1/n)·([y·log(a) + (1 − y)·log(1 − a)] + …) = J
    session.go_to(3)
    y, a = loss.arrays["Y"][0], loss.arrays["A"][0, 0]
    line = session.explain()[2]
    assert numbers_in(line) == [1, n, rounded(y), rounded(a), 1, rounded(y), 1, rounded(a),
                                rounded(loss.loss)]  # fmt: skip
    # backward, output layer: dZ = (A − Y)/n
    session.go_to(4)
    lines = session.explain(weight=(0, 1))
    dz_line = next(line for line in lines if line.startswith("dZ³ = "))
    assert "(A³ − Y)/n" in dz_line
    assert numbers_in(dz_line) == [rounded(a), rounded(y), n, rounded(b3.arrays["dZ"][0, 0])]
    assert np.allclose(b3.arrays["dZ"][:, 0], (loss.arrays["A"][:, 0] - loss.arrays["Y"]) / n)
    dw_line = next(line for line in lines if line.startswith("dW³₁ = "))
    A2 = f3.arrays["A_prev"]
    assert numbers_in(dw_line) == expected(
        *interleave(b3.arrays["dZ"][:, 0], A2[:, 1]), b3.arrays["dW"][0, 1]
    )
    db_line = next(line for line in lines if line.startswith("db³ = "))
    assert numbers_in(db_line) == expected(*b3.arrays["dZ"][:8, 0], b3.arrays["db"][0])
    # backward, hidden layer (tanh): dA = Σ dZ·W, dZ = dA·(1 − A²)
    session.go_to(5)
    lines = session.explain(neuron=1, weight=(1, 2))
    da_line = next(line for line in lines if line.startswith("dA²₁ = "))
    assert numbers_in(da_line) == expected(
        *interleave(b3.arrays["dZ"][0], f3.arrays["W"][:, 1]), b2.arrays["dA"][0, 1]
    )
    dz_line = next(line for line in lines if line.startswith("dZ²₁ = "))
    da, act, dz = b2.arrays["dA"][0, 1], f2.arrays["A"][0, 1], b2.arrays["dZ"][0, 1]
    assert numbers_in(dz_line) == [1, rounded(da), 1, rounded(act), rounded(dz)]  # 1 − A²
    dw_line = next(line for line in lines if line.startswith("dW²₁₂ = "))
    assert numbers_in(dw_line) == expected(
        *interleave(b2.arrays["dZ"][:, 1], f2.arrays["A_prev"][:, 2]), b2.arrays["dW"][1, 2]
    )
    # update: W ← W − η·dW
    session.go_to(7)
    lines = session.explain(neuron=2, weight=(2, 1), layer=1)
    w_line = next(line for line in lines if line.startswith("W¹₂₁ ← "))
    u = update.arrays
    assert numbers_in(w_line) == expected(
        u["W1_old"][2, 1], update.lr, b1.arrays["dW"][2, 1], u["W1_new"][2, 1]
    )
    b_line = next(line for line in lines if line.startswith("b¹₂ ← "))
    assert numbers_in(b_line) == expected(
        u["b1_old"][2], update.lr, b1.arrays["db"][2], u["b1_new"][2]
    )
    assert np.array_equal(u["W1_new"], u["W1_old"] - b1.arrays["dW"] * update.lr)
    assert len(session.explain()) == 2 + 2 * 3  # every layer by default


@pytest.mark.parametrize("name", CONFIGS)
def test_explain_every_phase_of_every_setup(name):
    session = LectureSession(Trainer(experiment(**CONFIGS[name])))
    for position, phase in enumerate(walk_step(session)):
        if phase.kind == "forward" and session.context.activation(phase.layer) != "softmax":
            session.go_to(position)
            check_forward(session, phase, min(1, len(phase.arrays["b"]) - 1))
            session.go_to(len(session.titles) - 1)
        for neuron, weight in ((0, (0, 0)), (7, (9, 9))):  # indices are clamped
            lines = session.explain(neuron, weight)
            assert lines and all(isinstance(line, str) for line in lines)
            bare = explain(phase, neuron, weight)  # without context: results only
            assert bare
            result = numbers_in(lines[-1] if phase.kind != "loss" else lines[2])
            assert result, lines
        assert session.tables()
    update = session.current
    ctx = session.context
    if not ctx.plain_sgd:
        line = next(line for line in session.explain(layer=1) if line.startswith("W¹₀₀(new)"))
        u = update.arrays
        assert numbers_in(line) == expected(
            u["W1_old"][0, 0], u["W1_step"][0, 0], u["W1_new"][0, 0]
        )


def test_explain_regression_and_cross_entropy_losses():
    session = LectureSession(Trainer(experiment(**CONFIGS["regression_mse_relu"])))
    phases = walk_step(session)
    loss = phases[2]
    session.go_to(2)
    a, y = loss.arrays["A"][0, 0], loss.arrays["Y"][0, 0]
    assert numbers_in(session.explain()[2]) == [1, 10, rounded(a), rounded(y), rounded(loss.loss)]
    session.go_to(3)
    da_line = next(line for line in session.explain() if line.startswith("dA² = "))
    assert numbers_in(da_line) == [
        2,
        2,
        rounded(a),
        rounded(y),
        10,
        rounded(phases[3].arrays["dA"][0, 0]),
    ]
    ce = LectureSession(Trainer(experiment(**CONFIGS["multiclass_cross_entropy"])))
    phases = walk_step(ce)
    loss = phases[3]
    ce.go_to(3)
    label = int(loss.arrays["Y"][0])
    line = ce.explain()[-1]
    assert numbers_in(line) == [1, 7, rounded(loss.arrays["A"][0, label]), rounded(loss.loss)]
    ce.go_to(4)
    dz_line = next(line for line in ce.explain(neuron=label) if line.startswith("dZ³"))
    assert numbers_in(dz_line) == [
        rounded(loss.arrays["A"][0, label]), 1, 7, rounded(phases[4].arrays["dZ"][0, label])
    ]  # fmt: skip


def test_the_context_comes_from_the_trainer():
    trainer = Trainer(experiment(**CONFIGS["adam_batchnorm_dropout"]))
    ctx = StepContext.from_trainer(trainer)
    assert ctx.activations == ("tanh", "tanh", "sigmoid") and ctx.loss == "bce"
    assert ctx.batch_norm == (True, True, False) and ctx.dropout == (0.3, 0.3, 0.0)
    assert ctx.optimizer == "adam" and not ctx.plain_sgd


# -- the article ------------------------------------------------------------------------------
def test_article_experiment_is_the_worked_example():
    exp = article_experiment()
    trainer = Trainer(exp)
    net = trainer.network
    assert net.sizes == [2, 4, 1] and [layer.activation.name for layer in net.layers] == [
        "sigmoid",
        "sigmoid",
    ]
    assert net.loss.name == "bce" and net.init_name == "article" and exp.seed == 1
    assert trainer.optimizer.name == "sgd" and trainer.optimizer.lr == 0.1
    assert ARTICLE_LESSON.learning_rates == (0.01, 0.1, 0.0001)
    for lr in ARTICLE_LESSON.learning_rates:
        assert Trainer(article_experiment(lr)).optimizer.lr == lr
    for name, documented in ARTICLE_LESSON.initial_weights.items():
        layer = net.layers[int(name[1]) - 1]
        value = layer.W if name[0] == "W" else layer.b
        assert np.vectorize(rounded)(value).tolist() == np.array(documented).tolist()
    assert np.array_equal(trainer.data.x_train, [[1.0, 2.0]])


def test_article_session_first_forward_phase_shows_the_documented_weights():
    session = article_session()
    assert session.source.kind == "custom" and session.source.y.tolist() == [0.6]
    first = session.next_phase()
    W1 = np.array(ARTICLE_LESSON.initial_weights["W1"])
    assert np.array_equal(first.arrays["A_prev"], [[1.0, 2.0]])
    assert np.array_equal(first.arrays["W"], session.trainer.network.layers[0].W)
    assert np.vectorize(rounded)(first.arrays["W"]).tolist() == W1.tolist()
    Z = first.arrays["Z"][0]
    assert np.allclose(Z, first.arrays["W"] @ np.array([1.0, 2.0]) + first.arrays["b"])
    for j in range(4):
        lines = session.explain(neuron=j)
        z_line = lines[2]
        assert z_line.startswith(f"Z¹{'₀₁₂₃'[j]} = W¹")
        assert numbers_in(z_line) == [W1[j, 0], 1, W1[j, 1], 2, 0, rounded(Z[j])]
        assert numbers_in(lines[3]) == expected(Z[j], first.arrays["A"][0, j])


def test_article_session_step_matches_training_on_the_sample():
    session = article_session()
    phases = walk_step(session)
    reference = Trainer(article_experiment())
    reference.train_on(np.array([[1.0, 2.0]]), np.array([0.6]))
    assert np.array_equal(session.trainer.network.theta, reference.network.theta)
    loss, out = phases[2], phases[3]
    a2 = loss.arrays["A"][0, 0]
    assert np.array_equal(out.arrays["dZ"], loss.arrays["A"] - 0.6)
    session.go_to(3)
    lines = session.explain()
    dz_line = next(line for line in lines if line.startswith("dZ² = A² − Y = "))
    assert numbers_in(dz_line) == [rounded(a2), 0.6, rounded(out.arrays["dZ"][0, 0])]
    session.go_to(2)
    assert numbers_in(session.explain()[2]) == [
        0.6, rounded(a2), 1, 0.6, 1, rounded(a2), rounded(loss.loss)
    ]  # fmt: skip
    # the backward pass goes on to layer 1: dW1, db1 (which the article leaves out)
    assert phases[4].title == "Backward L1" and phases[4].arrays["dW"].shape == (4, 2)
    session.go_to(5)
    line = next(line for line in session.explain(weight=(0, 3)) if line.startswith("W²₃ ← "))
    u = phases[5].arrays
    assert numbers_in(line) == expected(
        u["W2_old"][0, 3], 0.1, out.arrays["dW"][0, 3], u["W2_new"][0, 3]
    )


def test_article_decay_example():
    lr = make_schedule("inverse_time", 0.1, decay_rate=0.01).lr(10)
    assert lr == pytest.approx(0.1 / (1 + 0.01 * 10)) and round(lr, 4) == 0.0909
    assert article_decay_example() == lr


def test_article_notes_name_the_corrections_in_both_languages():
    en, zh = ARTICLE_NOTES["en"], ARTICLE_NOTES["zh"]
    assert len(en) == len(zh) == 7
    text_en, text_zh = " ".join(en), " ".join(zh)
    for needle in ("2×1", "1×2", "A3", "W3", "dW1", "db1", "grads[key]", "'dW1'", "0.0909"):
        assert needle in text_en
    assert "cross-entropy" in text_en and "mean squared error" in text_en
    for needle in ("2×1", "A3", "W3", "dW1", "db1", "grads[key]", "0.0909", "交叉熵", "均方误差"):
        assert needle in text_zh
    for lr in ("0.01", "0.1", "0.0001"):
        assert lr in en[5] and lr in zh[5]


def test_phase_titles_of_the_session():
    session = LectureSession(Trainer(experiment()))
    assert session.titles == phase_titles(3)
    assert session.explain() == [] and session.tables() == []


def test_training_outside_the_session_starts_afresh():
    session = LectureSession(Trainer(experiment()))
    session.run_to_end_of_step()
    session.trainer.run(2)  # e.g. the window's Play button
    first = session.next_phase()
    assert session.step_index == 4
    assert np.array_equal(first.arrays["W"], session.trainer.network.layers[0].W)
    assert session.previous_phase() is None  # steps 1..3 cannot be walked back to
    assert session.trainer.steps_done == 3


def test_tables_are_labelled_in_the_article_notation():
    session = article_session()
    session.next_phase()
    tables = session.tables()
    assert [t.label for t in tables] == ["X", "W¹", "b¹", "Z¹", "A¹"]
    assert tables[1].shape == (4, 2) and tables[1].cells[0][0] == "−0.006403"
    assert tables[2].cells == [["0"]] * 4  # b as a column
    session.run_to_end_of_step()
    labels = [t.label for t in session.tables()]
    assert labels[:3] == ["W¹ before", "−η·dW¹", "W¹ after"] and len(labels) == 12


def test_a_phase_without_its_layer_or_loss_is_refused_with_a_clear_message():
    # step_phases gives forward/backward phases a layer and the loss phase its value; a
    # phase built without them says so instead of failing deep inside a formula
    session = article_session()
    forward = session.next_phase()
    while session.current.kind != "backward":
        session.next_phase()
    backward = session.current
    loss = next(phase for phase in session.phases if phase.kind == "loss")
    for phase in (forward, backward):
        orphan = dataclasses.replace(phase, layer=None)
        with pytest.raises(ValueError, match="needs its layer"):
            explain(orphan)
        with pytest.raises(ValueError, match="needs its layer"):
            phase_tables(orphan)
    with pytest.raises(ValueError, match="needs its loss value"):
        explain(dataclasses.replace(loss, loss=None))


def test_the_windows_training_host_goes_on_from_a_lecture_state():
    import pickle

    from nnsim.training.host import TrainingHost

    experiment = Experiment.default()
    sent = []
    host = TrainingHost(experiment, sent.append)
    for _ in range(2):
        host.handle(protocol.Step())
    session = LectureSession(Trainer(experiment))
    session.trainer.load_state_dict(host.trainer.state_dict())
    for _ in range(len(session.titles) + 1):  # all of step 3, into step 4
        session.next_phase()
    reference = Trainer(experiment)
    reference.load_state_dict(session.trainer.state_dict())
    host.handle(protocol.LoadState(pickle.loads(pickle.dumps(session.trainer.state_dict()))))
    assert sent[-1].snapshot.step == 3 and host.trainer.steps_done == 3
    host.handle(protocol.Step())
    reference.step()
    assert np.array_equal(host.trainer.network.theta, reference.network.theta)
    assert host.trainer.history.column("step").tolist() == [1, 2, 3, 4]
    wider = Trainer(Experiment.from_dict({"network": {"hidden_layers": [{"units": 9}]}}))
    host.handle(protocol.LoadState(wider.state_dict()))  # refused: the run is kept
    assert isinstance(sent[-2], protocol.Refused) and "another network" in sent[-2].text
    assert host.trainer.steps_done == 4
