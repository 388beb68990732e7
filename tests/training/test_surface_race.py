"""Optimizers racing on 2-D surfaces: the engine's optimizers, exactly as PyTorch writes them;
the stability regime of SGD on the bowl; the presets each show what their name says."""

from __future__ import annotations

import math
import pickle
import re

import numpy as np
import pytest

from nnsim.engine.surfaces import Bowl, make_surface
from nnsim.testing.untranslated import english_words
from nnsim.training.surface_race import (
    ESCAPE,
    MAX_STEPS,
    PRESETS,
    Race,
    Racer,
    RacerSpec,
    bowl_curvatures,
    preset,
)
from nnsim.training.surface_regime import iteration_matrix, sgd_regime, stability_limit
from nnsim.training.text import Sentence

# -- PyTorch's published update rules, written out by hand (torch.optim docs) ---------------


def torch_sgd(grad, theta, steps, lr, momentum=0.0, dampening=0.0, nesterov=False, wd=0.0):
    theta, b, path = np.array(theta, float), None, []
    for _ in range(steps):
        g = grad(theta) + wd * theta
        if momentum != 0:
            b = g.copy() if b is None else momentum * b + (1 - dampening) * g
            g = g + momentum * b if nesterov else b
        theta = theta - lr * g
        path.append(theta)
    return np.array(path)


def torch_adam(grad, theta, steps, lr, betas=(0.9, 0.999), eps=1e-8):
    theta = np.array(theta, float)
    m, v, path = np.zeros(2), np.zeros(2), []
    for t in range(1, steps + 1):
        g = grad(theta)
        m = betas[0] * m + (1 - betas[0]) * g
        v = betas[1] * v + (1 - betas[1]) * g * g
        m_hat, v_hat = m / (1 - betas[0] ** t), v / (1 - betas[1] ** t)
        theta = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
        path.append(theta)
    return np.array(path)


def _race_path(surface, start, spec, steps):
    race = Race(surface, start, [spec])
    race.step(steps)
    racer = race.racers[0]
    assert racer.stopped is None and racer.steps_done == steps
    return racer.path


@pytest.mark.parametrize(
    "kwargs",
    [
        {"lr": 0.001},
        {"lr": 0.0005, "momentum": 0.9},
        {"lr": 0.0005, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.01},
        {"lr": 0.0005, "momentum": 0.9, "nesterov": True},
    ],
)
def test_an_sgd_path_follows_torchs_formulas(kwargs):
    surface = make_surface("rosenbrock")
    spec = RacerSpec("sgd", kwargs)
    path = _race_path(surface, (-1.5, 2.0), spec, 300)
    hand = dict(kwargs)
    wd = hand.pop("weight_decay", 0.0)
    expected = torch_sgd(surface.gradient, (-1.5, 2.0), 300, wd=wd, **hand)
    np.testing.assert_allclose(path[0], (-1.5, 2.0))
    np.testing.assert_allclose(path[1:], expected, rtol=1e-11, atol=1e-13)


def test_an_adam_path_follows_torchs_formulas():
    surface = make_surface("beale")
    spec = RacerSpec("adam", {"lr": 0.02, "betas": (0.8, 0.99), "eps": 1e-6})
    path = _race_path(surface, (1.0, 1.5), spec, 500)
    expected = torch_adam(surface.gradient, (1.0, 1.5), 500, 0.02, (0.8, 0.99), 1e-6)
    np.testing.assert_allclose(path[1:], expected, rtol=1e-11, atol=1e-13)


def test_a_scheduled_rate_follows_the_engines_schedule():
    surface = make_surface("bowl", condition=10)
    spec = RacerSpec("sgd", {"lr": 0.1}, "step", {"step_size": 5, "gamma": 0.5})
    race = Race(surface, (1.0, 1.0), [spec])
    theta, rates = np.array([1.0, 1.0]), []
    for t in range(12):
        race.step()
        lr = 0.1 * 0.5 ** (t // 5)
        theta = theta - lr * surface.gradient(theta)
        rates.append(race.racers[0].lr)
    np.testing.assert_allclose(race.racers[0].theta, theta, rtol=1e-13)
    assert rates == pytest.approx([0.1] * 5 + [0.05] * 5 + [0.025] * 2)


def test_each_racer_is_the_engines_optimizer_class():
    from nnsim.engine.optimizers import OPTIMIZERS

    surface = make_surface("camel")
    for name, cls in OPTIMIZERS.items():
        racer = Racer(RacerSpec(name, {"lr": 0.01}), surface, (0.5, 0.5))
        assert type(racer.optimizer) is cls


def test_bad_settings_are_refused_with_the_engines_message():
    surface = make_surface("bowl")
    with pytest.raises(ValueError, match="momentum must be >= 0"):
        Racer(RacerSpec("sgd", {"lr": 0.1, "momentum": -1}), surface, (1, 1))
    with pytest.raises(ValueError, match="cannot race"):
        Racer(RacerSpec("sgd", {"lr": 0.1}, "plateau"), surface, (1, 1))


# -- overflow ---------------------------------------------------------------------------------


def test_a_path_that_overflows_stops_at_its_last_finite_point_without_raising():
    surface = make_surface("beale")
    race = Race(
        surface, (4.0, 4.0), [RacerSpec("sgd", {"lr": 1.0}), RacerSpec("adam", {"lr": 0.01})]
    )
    race.step(400)
    blown, calm = race.racers
    assert blown.stopped is not None and blown.stopped.startswith("diverged at step")
    assert np.all(np.isfinite(blown.path)) and np.all(np.isfinite(blown.losses))
    assert np.all(np.isfinite(blown.theta))
    before = blown.steps_done
    race.step(10)
    assert blown.steps_done == before and blown.steps_done < 400
    assert calm.stopped is None and calm.steps_done == 410


def test_a_path_that_runs_away_stops_beyond_the_escape_distance():
    race = Race(make_surface("saddle"), (0.5, 0.5), [RacerSpec("sgd", {"lr": 0.5})])
    race.step(1000)
    racer = race.racers[0]
    assert racer.stopped is not None and "ran off" in racer.stopped
    assert np.abs(racer.path).max() <= ESCAPE
    assert race.finished


def test_a_race_ends_at_max_steps():
    race = Race(make_surface("bowl"), (1, 1), [RacerSpec("sgd", {"lr": 0.01})])
    race.step(MAX_STEPS + 50)
    assert race.steps_done == MAX_STEPS and race.finished
    assert len(race.racers[0].path) == MAX_STEPS + 1


# -- the regime on the bowl ---------------------------------------------------------------------


def _converges(hp, condition=20.0, steps=3000):
    race = Race(Bowl(condition, 30), (-1.6, 1.2), [RacerSpec("sgd", hp)])
    racer = race.racers[0]
    for _ in range(0, steps, 100):  # (stop early once it is clear)
        race.step(100)
        if racer.stopped or np.abs(racer.theta).max() < 1e-4 or racer.losses[-1] > 1e6:
            break
    return racer.stopped is None and np.abs(racer.theta).max() < 1e-4


def test_gradient_descent_converges_iff_lr_is_below_2_over_lambda_max():
    lam = 20.0
    for fraction in (0.05, 0.3, 0.5, 0.9, 0.97, 1.03, 1.2, 2.0):
        lr = fraction * 2 / lam
        regime = sgd_regime({"lr": lr}, (1.0, lam))
        assert regime.limit == pytest.approx(2 / lam)
        assert _converges({"lr": lr}) == (fraction < 1) == (regime.kind != "divergent")
    assert sgd_regime({"lr": 0.9 / lam}, (1, lam)).kind == "monotone"
    assert sgd_regime({"lr": 1.1 / lam}, (1, lam)).kind == "oscillating"
    assert sgd_regime({"lr": 2.0 / lam}, (1, lam)).kind == "divergent"
    assert sgd_regime({"lr": 0.0}, (1, lam)).kind == "stalled"


def test_the_regimes_path_shapes_along_the_steep_direction():
    bowl = Bowl(20, 30)
    steep = bowl.directions[1]
    for lr, kind in ((0.04, "monotone"), (0.08, "oscillating")):
        race = Race(bowl, (-1.6, 1.2), [RacerSpec("sgd", {"lr": lr})])
        race.step(12)  # later the steep part is below the rounding of the shallow one
        signs = np.sign(race.racers[0].path @ steep)
        assert sgd_regime({"lr": lr}, bowl.eigenvalues).kind == kind
        flips = np.count_nonzero(signs[1:] != signs[:-1])
        assert flips == (0 if kind == "monotone" else 12)


@pytest.mark.parametrize("momentum", [0.3, 0.6, 0.9])
def test_momentum_converges_iff_lr_lambda_is_below_2_times_1_plus_mu(momentum):
    """Distill's condition 0 < αλ < 2 + 2β, checked by running the engine's SGD."""
    lam = 20.0
    limit = 2 * (1 + momentum) / lam
    for fraction in (0.1, 0.5, 0.9, 0.97, 1.03, 1.2):
        hp = {"lr": fraction * limit, "momentum": momentum}
        regime = sgd_regime(hp, (1.0, lam))
        assert regime.limit == pytest.approx(limit)
        assert _converges(hp, steps=4000) == (fraction < 1) == (regime.kind != "divergent")


@pytest.mark.parametrize(
    "hp",
    [
        {"lr": 0.02, "momentum": 0.9},  # ripples
        {"lr": 0.004, "momentum": 0.2},  # monotone
        {"lr": 0.09, "momentum": 0.3},  # oscillating
        {"lr": 0.01, "momentum": 0.9, "nesterov": True},
        {"lr": 0.05, "momentum": 0.7, "dampening": 0.4, "weight_decay": 0.5},
        {"lr": 0.07},
    ],
)
def test_the_regimes_rate_is_what_the_engines_sgd_does(hp):
    """The slowest direction's |σ| is the measured shrink factor per step."""
    bowl = Bowl(20, 0)
    regime = sgd_regime(hp, bowl.eigenvalues)
    race = Race(bowl, (0.0, 1.0), [RacerSpec("sgd", hp)])  # only the steep direction moves
    race.step(300)
    w = np.abs(race.racers[0].path[:, 1])
    end = int(np.flatnonzero(w > 1e-200)[-1]) - 10
    start = 20
    assert end - start >= 50
    rate = (w[end : end + 10].max() / w[start : start + 10].max()) ** (1 / (end - start))
    assert rate == pytest.approx(regime.rates[0], rel=0.05)


@pytest.mark.parametrize(
    "hp",
    [
        {"momentum": 0.0},
        {"momentum": 0.9},
        {"momentum": 0.5, "dampening": 0.4},
        {"momentum": 0.8, "nesterov": True},
        {"momentum": 0.6, "weight_decay": 0.3},
    ],
)
def test_the_iteration_matrix_is_the_engines_sgd_step(hp):
    """(b, w) ← R·(b, w) along each axis of an unrotated bowl, b read from the optimizer."""
    bowl = Bowl(20, 0)  # x has curvature 1, y curvature 20
    lr = 0.03
    racer = Racer(RacerSpec("sgd", {"lr": lr, **hp}), bowl, (1.0, -0.7))

    def state():
        buffer = racer.optimizer.state_dict()["state"][0].get("momentum_buffer")
        return np.stack([np.zeros(2) if buffer is None else buffer, racer.theta.copy()])

    racer.step()  # (the first step starts the buffer at b = g)
    for _ in range(5):
        before = state()
        racer.step()
        after = state()
        for k, lam in enumerate(bowl.eigenvalues):
            r = iteration_matrix(
                lr, lam + hp.get("weight_decay", 0.0), hp["momentum"],
                hp.get("dampening", 0.0), hp.get("nesterov", False),
            )  # fmt: skip
            predicted = r @ before[:, k]
            np.testing.assert_allclose(predicted[1], after[1, k], rtol=1e-12)
            if hp["momentum"]:
                np.testing.assert_allclose(predicted[0], after[0, k], rtol=1e-12)


@pytest.mark.parametrize("mu, tau, nesterov", [(0.0, 0.0, False), (0.5, 0.0, False),
                                              (0.9, 0.0, False), (0.5, 0.5, False),
                                              (0.7, 0.0, True)])  # fmt: skip
def test_the_stability_limit_is_where_the_spectral_radius_reaches_1(mu, tau, nesterov):
    lam = 7.0
    limit = stability_limit(lam, mu, tau, nesterov)

    def radius(lr):
        return np.abs(np.linalg.eigvals(iteration_matrix(lr, lam, mu, tau, nesterov))).max()

    assert radius(limit * (1 - 1e-6)) < 1 < radius(limit * (1 + 1e-6))


def test_momentum_of_1_or_more_never_converges():
    assert sgd_regime({"lr": 1e-4, "momentum": 1.0}, (1, 20)).kind == "divergent"


def test_the_regime_text_states_the_rate_against_the_limit():
    regime = sgd_regime({"lr": 0.09}, (1, 20))
    assert regime.text.startswith("η = 0.09: oscillating") and "×0.8 a step" in regime.text
    assert "0 < η < 2/λ_max = 2/20 = 0.1" in regime.rule
    regime = sgd_regime({"lr": 0.02, "momentum": 0.8}, (1, 100))
    assert "ripples" in regime.text and "√μ = 0.894" in regime.text
    assert "0 < ηλ < 2(1 + μ)" in regime.rule and "η < 0.036" in regime.rule


# -- what the race says, for people in any language (issue 13) ------------------------------


def _chinese(template: str) -> str:
    """A stand-in translation: every word outside a ``{placeholder}`` becomes 字."""
    parts = re.split(r"(\{[^}]*\})", template)
    return "".join(p if p.startswith("{") else re.sub(r"[A-Za-z]+", "字", p) for p in parts)


def _said_by_a_race() -> list[object]:
    said: list[object] = [p.title for p in PRESETS] + [p.story for p in PRESETS]
    specs = [s for p in PRESETS for s in p.racers] + [
        RacerSpec("sgd", {"lr": 0.1, "momentum": 0.9, "nesterov": True}, "step"),
        RacerSpec("adam", {"lr": 0.05}, "one_cycle"),
    ]
    said += [s.label() for s in specs]
    for surface, start, lr in (("beale", (4.0, 4.0), 1.0), ("saddle", (0.5, 0.5), 0.5)):
        race = Race(make_surface(surface), start, [RacerSpec("sgd", {"lr": lr})])
        race.step(1000)
        said.append(race.racers[0].stopped)
    for lr in (0.0, 0.002, 0.09, 0.11):
        for momentum, nesterov in ((0.0, False), (0.8, False), (0.9, True), (1.0, False)):
            regime = sgd_regime({"lr": lr, "momentum": momentum, "nesterov": nesterov}, (1, 20))
            said += [regime.text, regime.rule]
    return said


def test_every_text_of_the_race_is_a_sentence_whose_words_all_translate():
    names = ["Rosenbrock", "Distill", "SGD", "Adam", "Nesterov", "RMSprop"]
    for text in _said_by_a_race():
        assert isinstance(text, Sentence), text
        assert text.render() == str(text)  # the English, as the command line prints it
        assert english_words(text.render(_chinese), names) == [], text
        assert pickle.loads(pickle.dumps(text)) == text  # (through the training pipe)


def test_each_racing_schedule_is_named_in_the_label_as_its_title_and_decay():
    from nnsim.engine.schedules import SCHEDULES
    from nnsim.training.surface_race import DECAYS, RACE_SCHEDULES

    for name in RACE_SCHEDULES:
        if name != "constant":
            assert DECAYS[name] == f"{SCHEDULES[name].title} decay"
            spec = RacerSpec("sgd", {"lr": 0.1}, name)
            assert str(spec.label()) == f"SGD η=0.1, {SCHEDULES[name].title} decay"


def test_the_english_of_the_race_is_unchanged():
    assert str(RacerSpec("sgd", {"lr": 0.01, "momentum": 0.9}).label()) == "SGD+momentum 0.9 η=0.01"
    spec = RacerSpec("adam", {"lr": 0.05}, "step")
    assert str(spec.label()) == "Adam η=0.05, step decay"
    race = Race(make_surface("saddle"), (0.5, 0.5), [RacerSpec("sgd", {"lr": 0.5})])
    race.step(1000)
    assert str(race.racers[0].stopped) == "diverged at step 28: the path ran off beyond 1e+08"
    regime = sgd_regime({"lr": 0.04}, (1, 20))
    assert str(regime.text) == (
        "η = 0.04: monotone: every step lands short of the minimum, never across it; the "
        "slowest direction shrinks ×0.96 a step (≈ 57 steps to a tenth)."
    )
    assert str(regime.rule) == (
        "Gradient descent converges iff 0 < η < 2/λ_max = 2/20 = 0.1; below 1/λ_max = 0.05 "
        "every step stays short of the valley floor."
    )
    assert str(preset("too low: crawls").story).startswith("η = 0.002 is safe but tiny:")


# -- the presets tell their stories -------------------------------------------------------------


def _ran(title):
    p = preset(title)
    race = p.race()
    race.step(p.steps)
    return p, race


def _regime(race, racer):
    return sgd_regime(racer.spec.params, bowl_curvatures(race.surface))


def test_every_issue_preset_exists():
    titles = [p.title for p in PRESETS]
    assert titles == [
        "too high: oscillates", "too high: diverges", "too low: crawls",
        "decay: fast then fine", "momentum through a ravine", "Adam on Rosenbrock",
        "SGD stuck at a saddle vs momentum",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="unknown preset"):
        preset("nope")


def test_too_high_oscillates_zig_zags_across_the_valley_and_still_converges():
    _, race = _ran("too high: oscillates")
    first = race.racers[0]
    assert _regime(race, first).kind == "oscillating"
    steep = race.surface.directions[1]
    signs = np.sign(first.path @ steep)
    assert np.all(signs[1:] != signs[:-1])  # across the valley at every step
    assert first.losses[-1] < 1e-3 * first.losses[0]
    assert _regime(race, race.racers[1]).kind == "monotone"
    assert first.spec.lr > 1 / race.surface.lambda_max


def test_too_high_diverges_grows_the_loss_until_the_path_stops():
    _, race = _ran("too high: diverges")
    blown = race.racers[0]
    assert _regime(race, blown).kind == "divergent"
    assert blown.spec.lr > 2 / race.surface.lambda_max
    assert np.all(np.diff(blown.losses[5:]) > 0) and blown.losses[-1] > 1e6 * blown.losses[0]
    race.step(1000)
    assert blown.stopped is not None  # it runs off; a marker, not an exception
    assert race.racers[1].stopped is None and race.racers[1].losses[-1] < 1e-8


def test_too_low_crawls_barely_moves_while_a_good_rate_arrives():
    _, race = _ran("too low: crawls")
    slow, good = race.racers
    assert _regime(race, slow).kind == "monotone"
    assert slow.losses[-1] > 1e-3 * slow.losses[0] > 1e5 * good.losses[-1]
    assert np.linalg.norm(slow.path[-1]) > 0.25 * np.linalg.norm(slow.path[0])


def test_decay_is_fast_at_first_and_finest_at_the_end():
    _, race = _ran("decay: fast then fine")
    large, small, decayed = race.racers
    assert decayed.spec.schedule != "constant" and decayed.lr < 0.2 * large.lr
    assert decayed.losses[10] < small.losses[10]  # fast
    assert decayed.losses[-1] < large.losses[-1] / 100  # fine: the bouncing has settled
    assert decayed.losses[-1] < small.losses[-1] / 100


def test_momentum_through_a_ravine_beats_the_best_plain_rate():
    _, race = _ran("momentum through a ravine")
    plain, heavy = race.racers
    assert race.surface.condition == 100
    assert _regime(race, plain).kind != "divergent" and _regime(race, heavy).kind == "ripples"
    assert heavy.spec.lr > 2 / race.surface.lambda_max  # beyond plain GD's limit, yet stable
    assert heavy.losses[-1] < 1e-6 * plain.losses[-1]


def test_adam_on_rosenbrock_reaches_the_minimum_while_sgd_creeps():
    _, race = _ran("Adam on Rosenbrock")
    adam, *sgds = race.racers
    assert adam.spec.optimizer == "adam" and race.surface.name == "rosenbrock"
    assert np.linalg.norm(adam.theta - (1, 1)) < 1e-3
    for sgd in sgds:
        assert sgd.stopped is None and np.linalg.norm(sgd.theta - (1, 1)) > 0.1


def test_sgd_stays_near_the_saddle_while_momentum_leaves():
    _, race = _ran("SGD stuck at a saddle vs momentum")
    sgd, heavy = race.racers
    assert np.linalg.norm(sgd.theta) < 0.1 < np.linalg.norm(sgd.path[0])
    assert heavy.stopped is not None or np.linalg.norm(heavy.theta) > 10
    assert heavy.losses[-1] < -100 < sgd.losses[-1]


def test_preset_starts_are_inside_the_surfaces_box():
    for p in PRESETS:
        x0, x1, y0, y1 = p.make_surface().box
        assert x0 <= p.start[0] <= x1 and y0 <= p.start[1] <= y1, p.title
        assert math.isfinite(p.make_surface().loss(p.start))
