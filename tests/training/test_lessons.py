"""Every built-in lesson, trained headless as far as it says: what its text tells the
learner to expect is what the run shows (the answer is computed from the run)."""

from __future__ import annotations

import math

import pytest

from nnsim.engine.schedules import make_schedule
from nnsim.paths import resource
from nnsim.training.lessons import (
    CHECKS,
    LESSONS_DIR,
    NONE,
    LessonError,
    LessonPlanError,
    lesson_names,
    lesson_plan,
    load_lesson,
    observe,
    parse_plan,
)
from nnsim.training.lessons.headless import run_headless

NAMES = [
    "article-backprop",
    "fixed-lr",
    "lr-too-high",
    "lr-too-low",
    "lr-decay",
    "adaptive",
    "vanishing-gradients",
    "cures",
    "exploding-gradients",
    "symmetry",
]


def test_the_ten_lessons_in_the_articles_order():
    assert lesson_names() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_each_lessons_observation_holds_in_its_run(name):
    experiment, _, setup = load_lesson(name)
    plan = lesson_plan(name)
    run = run_headless(plan, experiment, setup)
    assert run.far_enough(plan)
    observation = observe(plan, run)
    assert observation.answer == plan.question.answer, observation.text()
    assert observation.text("en") and observation.text("zh")
    assert {c.key for c in plan.question.choices} >= {observation.answer}


@pytest.mark.parametrize("name", NAMES)
def test_each_lesson_is_written_in_english_and_chinese(name):
    _, text, _ = load_lesson(name)
    plan = lesson_plan(name)
    assert set(text.languages) == {"en", "zh"}
    for language in ("en", "zh"):
        assert text.title(language) and len(text.markdown(language)) > 200
        assert plan.question.text(language)
        assert all(c.text(language) for c in plan.question.choices)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text.markdown("zh"))


def test_lr_decay_is_the_articles_arithmetic_and_the_engines_inverse_time():
    article = 0.1 / (1 + 0.01 * 10)
    assert article == pytest.approx(0.0909, abs=1e-4)
    schedule = make_schedule("inverse_time", 0.1, decay_rate=0.01)
    assert schedule.lr(10) == pytest.approx(article, rel=1e-12)
    experiment, _, _ = load_lesson("lr-decay")
    sched = experiment.training.schedule
    assert (sched.name, sched.unit, sched.params["decay_rate"]) == ("inverse_time", "epoch", 0.01)
    plan = lesson_plan("lr-decay")
    run = run_headless(plan, experiment)
    history = run.snapshot.history
    lrs = history["lr"][history["epoch"] == 11]  # after 10 whole epochs
    assert len(lrs) and lrs == pytest.approx(article, rel=1e-12)
    assert history["lr"][history["epoch"] == 1] == pytest.approx(0.1)
    assert "0.0909" in load_lesson("lr-decay")[1].markdown("en")


def test_a_run_that_went_less_far_gives_another_answer_or_is_not_far_enough():
    experiment, _, setup = load_lesson("lr-too-low")
    plan = lesson_plan("lr-too-low")
    short = run_headless(parse_plan({**_raw(plan), "steps": 500}), experiment, setup)
    assert not short.far_enough(plan)  # the coach needs 1000 steps to call it slow
    assert observe(plan, short).answer == NONE


def _raw(plan) -> dict:
    q = plan.question
    return {
        "format": "nnsim.lesson",
        "version": 1,
        "window": plan.window,
        "look_at": plan.look_at,
        "steps": plan.steps,
        "question": {
            "check": q.check,
            "params": dict(q.params),
            "text": dict(q.texts),
            "choices": [{"key": c.key, **c.texts} for c in q.choices],
            "answer": q.answer,
        },
    }


def test_bad_plans_are_refused_naming_each_problem():
    with pytest.raises(LessonPlanError) as err:
        bad = {"check": "guess", "choices": [{"key": "a"}], "answer": "b"}
        parse_plan({"format": "nnsim.lesson", "version": 1, "window": "tv", "steps": -1,
                    "question": bad})  # fmt: skip
    text = str(err.value)
    for piece in ("window", "steps", "question.check", "question.choices", "question.answer"):
        assert piece in text
    assert set(CHECKS) and "first_below" in CHECKS


def test_an_unknown_or_broken_lesson_is_a_lesson_error(tmp_path):
    with pytest.raises(LessonError, match="the lessons are: article-backprop, fixed-lr"):
        load_lesson("nope")
    (tmp_path / "symmetry.lesson.json").write_text("{", encoding="utf-8")
    with pytest.raises(LessonError, match="lesson symmetry"):
        lesson_plan("symmetry", tmp_path)
    assert (LESSONS_DIR / "symmetry.lesson.json").is_file()
    assert resource("lessons") == LESSONS_DIR


def test_numeric_answers_match_within_a_percent_only():
    plan = lesson_plan("lr-decay")
    assert math.isclose(float(plan.question.answer), 0.0909)
    assert {c.key for c in plan.question.choices} == {"0.1", "0.0909", "0.05", "0.01"}
