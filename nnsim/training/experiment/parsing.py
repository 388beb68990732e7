"""Reading an experiment from parsed JSON: every section checked, every problem reported.

A reader records what is wrong with its JSON path (``data.noise: must be between 0
and 0.5, got 0.7``) and goes on, so one :class:`ExperimentError` lists everything;
the ``training`` section is read by :mod:`nnsim.training.experiment.training_parsing`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from typing import Any

import numpy as np

from nnsim.engine.activations import ACTIVATIONS
from nnsim.engine.datasets import (
    BOUND,
    DATASETS,
    MAX_NOISE,
    MAX_SAMPLES,
    MAX_TRAIN_FRACTION,
    MIN_TRAIN_FRACTION,
)
from nnsim.engine.features import FEATURES
from nnsim.engine.initializers import INITIALIZERS
from nnsim.training.experiment.memory import memory_problem
from nnsim.training.experiment.schema import (
    CUSTOM,
    FORMAT,
    LOSSES,
    MAX_HIDDEN_LAYERS,
    MAX_SEED,
    MAX_UNITS,
    MIN_SAMPLES,
    OUTPUT_ACTIVATION_CHOICES,
    SPEED_MAX,
    SPEEDS,
    VERSION,
)
from nnsim.training.experiment.specs import (
    DataSpec,
    ExperimentError,
    LayerSpec,
    NetworkSpec,
    ViewSpec,
)
from nnsim.training.experiment.tasks import head_problems, label_problems
from nnsim.training.experiment.training_parsing import parse_training
from nnsim.training.text import QT_TR_NOOP, Sentence
from nnsim.training.validation import (
    INVALID,
    MAX_SAFE_INTEGER,
    MISSING,
    Problems,
    child,
    describe,
    item,
    read_bool,
    read_choice,
    read_int,
    read_number,
    read_object,
    read_str,
)

__all__ = ["parse_experiment_fields"]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MAX_ROW_PROBLEMS = 5  # bad rows of data.points reported one by one, then summarised
MAX_HIDDEN_CONTROLS = 200  # the window has a few dozen controls

_TOP_KEYS = (
    "format", "version", "name", "description", "seed",
    "data", "network", "loss", "training", "view",
)  # fmt: skip
_DATA_KEYS = ("dataset", "samples", "noise", "train_fraction", "features", "points", "test_points")
_NETWORK_KEYS = ("hidden_layers", "output_activation", "init", "batch_norm", "dropout")
_LAYER_KEYS = ("units", "activation", "batch_norm", "dropout")
_VIEW_KEYS = ("hidden_controls", "speed")


def parse_experiment_fields(d: Any) -> dict[str, Any]:
    """The fields of an :class:`~nnsim.training.experiment.Experiment` read from parsed JSON.

    Raises
    ------
    ExperimentError
        Listing every problem found, each with its JSON path.
    """
    problems = Problems()
    version = d.get("version", VERSION) if isinstance(d, Mapping) else VERSION
    if type(version) is int and version > VERSION:
        problems.add(
            "version",
            Sentence(
                QT_TR_NOOP(
                    "this file was made by a newer nnsim (experiment version {version}); "
                    "this nnsim reads version {ours}: please update nnsim"
                ),
                {"version": version, "ours": VERSION},
            ),
        )
        raise ExperimentError(problems.messages)  # its other keys would be guesswork
    root = read_object(problems, d, "", _TOP_KEYS)
    if root is None:
        raise ExperimentError(problems.messages)
    fmt = root.get("format", FORMAT)
    if fmt != FORMAT:
        got = describe(fmt, with_type=True)
        template = QT_TR_NOOP("must be {format!r} (this is not an nnsim experiment?), got {got}")
        problems.add("format", Sentence(template, {"format": FORMAT, "got": got}))
    if version != VERSION or type(version) is not int:
        got = describe(version, with_type=True)
        problems.add("version", Sentence(QT_TR_NOOP("must be {version}, got {got}"),
                                         {"version": VERSION, "got": got}))  # fmt: skip
    name = read_str(problems, root, "name", "", "")
    description = read_str(problems, root, "description", "", "")
    seed = read_int(problems, root, "seed", "", 0, 0, MAX_SEED)
    data = _parse_data(problems, root.get("data", {}), "data")
    network = _parse_network(problems, root.get("network", {}), "network")
    loss = read_choice(problems, root, "loss", "", "auto", LOSSES)
    training = parse_training(problems, root.get("training", {}), "training")
    view = _parse_view(problems, root.get("view", {}), "view")
    if INVALID not in (data, network, loss):
        for path, message in head_problems(loss, network.output_activation, data):
            problems.add(path, message)
    if not problems:
        too_big = memory_problem(data, network, training)  # what validates, runs
        if too_big:
            problems.add("", too_big)
    if problems:
        raise ExperimentError(problems.messages)
    return {
        "seed": seed,
        "data": data,
        "network": network,
        "loss": loss,
        "training": training,
        "view": view,
        "name": name,
        "description": description,
    }


def _parse_data(problems: Problems, value: Any, path: str) -> Any:
    d = read_object(problems, value, path, _DATA_KEYS)
    if d is None:
        return INVALID
    before = len(problems)
    dataset = read_choice(problems, d, "dataset", path, "circle", (*DATASETS, CUSTOM))
    samples = read_int(problems, d, "samples", path, 500, MIN_SAMPLES, MAX_SAMPLES)
    noise = read_number(problems, d, "noise", path, 0.1, low=0.0, high=MAX_NOISE)
    fraction = read_number(
        problems, d, "train_fraction", path, 0.5, low=MIN_TRAIN_FRACTION, high=MAX_TRAIN_FRACTION
    )
    features = _parse_features(problems, d.get("features", MISSING), child(path, "features"))
    points = None
    if d.get("points") is not None:
        points = _parse_points(problems, d["points"], child(path, "points"))
        if dataset not in (CUSTOM, INVALID):
            template = QT_TR_NOOP('only allowed with "dataset": {custom!r}')
            problems.add(child(path, "points"), Sentence(template, {"custom": CUSTOM}))
    elif dataset == CUSTOM:
        problems.add(
            child(path, "points"),
            Sentence(
                QT_TR_NOOP('required with "dataset": {custom!r}: a list of [x1, x2, label] rows'),
                {"custom": CUSTOM},
            ),
        )
    test_points = None
    if d.get("test_points") is not None:
        where = child(path, "test_points")
        test_points = _parse_points(problems, d["test_points"], where)
        if dataset != CUSTOM or points is None:
            template = QT_TR_NOOP('only allowed with "dataset": {custom!r} and its points')
            problems.add(where, Sentence(template, {"custom": CUSTOM}))
        elif INVALID not in (points, test_points) and len(points) + len(test_points) > (
            MAX_SAMPLES
        ):
            template = QT_TR_NOOP("points and test_points hold at most {most} in all")
            problems.add(where, Sentence(template, {"most": MAX_SAMPLES}))
    if len(problems) > before:
        return INVALID
    return DataSpec(dataset, samples, noise, fraction, features, points, test_points)


def _parse_features(problems: Problems, value: Any, path: str) -> Any:
    if value is MISSING:
        return ("x1", "x2")
    if not isinstance(value, list) or not value:
        got = describe(value, with_type=True) if not isinstance(value, list) else "an empty list"
        template = QT_TR_NOOP("must be a non-empty list of feature names, got {got}")
        problems.add(path, Sentence(template, {"got": got}))
        return INVALID
    if len(value) > len(FEATURES):
        template = QT_TR_NOOP("must list at most {most} features, got {count}")
        problems.add(path, Sentence(template, {"most": len(FEATURES), "count": len(value)}))
        return INVALID
    ok = True
    for i, name in enumerate(value):
        if not isinstance(name, str) or name not in FEATURES:
            problems.add(
                item(path, i),
                Sentence(
                    QT_TR_NOOP("must be one of {choices}, got {got}"),
                    {"choices": ", ".join(FEATURES), "got": describe(name)},
                ),
            )
            ok = False
        elif name in value[:i]:
            problems.add(item(path, i), _twice(name))
            ok = False
    return tuple(value) if ok else INVALID


def _parse_points(problems: Problems, value: Any, path: str) -> Any:
    limit = f"{MIN_SAMPLES}..{MAX_SAMPLES}"
    if not isinstance(value, list):
        template = QT_TR_NOOP("must be a list of [x1, x2, label] rows, got {got}")
        problems.add(path, Sentence(template, {"got": describe(value)}))
        return INVALID
    if not MIN_SAMPLES <= len(value) <= MAX_SAMPLES:
        template = QT_TR_NOOP("must hold {limit} points, got {count}")
        problems.add(path, Sentence(template, {"limit": limit, "count": len(value)}))
        return INVALID
    bad_rows: list[tuple[int | None, str]] = []
    table = _plain_table(value)
    if table is None:
        table = _checked_table(value, bad_rows)
    finite = np.isfinite(table).all(axis=1)
    not_finite = Sentence(QT_TR_NOOP("must hold finite numbers"))
    bad_rows += [(int(i), not_finite) for i in np.flatnonzero(~finite)]
    outside = finite & (np.abs(table[:, :2]).max(axis=1) > BOUND)
    area = f"[-{BOUND:g}, {BOUND:g}]²"
    out = Sentence(QT_TR_NOOP("is outside the area {area}"), {"area": area})
    bad_rows += [(int(i), out) for i in np.flatnonzero(outside)]
    if not bad_rows:
        bad_rows = label_problems(table[:, 2])
    for row_index, message in bad_rows[:_MAX_ROW_PROBLEMS]:
        problems.add(path if row_index is None else item(path, row_index), message)
    if len(bad_rows) > _MAX_ROW_PROBLEMS:
        more = QT_TR_NOOP("… and {count} more bad rows")
        problems.add(path, Sentence(more, {"count": len(bad_rows) - _MAX_ROW_PROBLEMS}))
    if bad_rows:
        return INVALID
    return tuple(map(tuple, table.tolist()))


def _plain_table(rows: list[Any]) -> np.ndarray | None:
    """The (n, 3) table of ``rows`` if every row is a list of three floats or integers
    within ±2**53, checked without a Python loop over them (100,000 points in a few ms);
    else None, and :func:`_checked_table` says which rows are not."""
    if set(map(type, rows)) != {list} or set(map(len, rows)) != {3}:
        return None
    if not set(map(type, itertools.chain.from_iterable(rows))) <= {float, int}:
        return None
    try:
        table = np.array(rows, dtype=np.float64)
    except OverflowError:  # an integer beyond float64
        return None
    with np.errstate(invalid="ignore"):
        # 2**53 + 1 rounds to 2**53: from there on, an integer may be one not allowed
        if np.abs(table).max(initial=0.0) >= MAX_SAFE_INTEGER:
            return None
    return table


def _checked_table(rows: list[Any], bad_rows: list[tuple[int | None, str]]) -> np.ndarray:
    """The (n, 3) table of ``rows``, each row that is not three numbers in ``bad_rows``
    (and zeros in the table)."""
    table = []
    for i, row in enumerate(rows):
        if (
            type(row) is list
            and len(row) == 3
            and all(
                type(v) is float or (type(v) is int and abs(v) <= MAX_SAFE_INTEGER) for v in row
            )
        ):
            table.append(row)
        else:
            template = QT_TR_NOOP("must be [x1, x2, label], three numbers, got {got}")
            bad_rows.append((i, Sentence(template, {"got": describe(row)})))
            table.append([0.0, 0.0, 0.0])
    return np.array(table, dtype=np.float64)


def _parse_network(problems: Problems, value: Any, path: str) -> Any:
    d = read_object(problems, value, path, _NETWORK_KEYS)
    if d is None:
        return INVALID
    before = len(problems)
    layers = _parse_layers(problems, d.get("hidden_layers", MISSING), child(path, "hidden_layers"))
    output = read_choice(problems, d, "output_activation", path, "auto", OUTPUT_ACTIVATION_CHOICES)
    init = read_choice(problems, d, "init", path, "xavier_uniform", INITIALIZERS)
    batch_norm = read_bool(problems, d, "batch_norm", path, False)
    dropout = read_number(
        problems, d, "dropout", path, 0.0, low=0.0, high=1.0, high_inclusive=False
    )
    if len(problems) > before:
        return INVALID
    return NetworkSpec(layers, output, init, batch_norm, dropout)


def _parse_layers(problems: Problems, value: Any, path: str) -> Any:
    if value is MISSING:
        return NetworkSpec().hidden_layers
    if not isinstance(value, list) or len(value) > MAX_HIDDEN_LAYERS:
        got = f"{len(value)} layers" if isinstance(value, list) else describe(value, with_type=True)
        template = QT_TR_NOOP("must be a list of 0..{most} layers, got {got}")
        problems.add(path, Sentence(template, {"most": MAX_HIDDEN_LAYERS, "got": got}))
        return INVALID
    before = len(problems)
    layers = []
    for i, layer_value in enumerate(value):
        where = item(path, i)
        d = read_object(problems, layer_value, where, _LAYER_KEYS)
        if d is None:
            continue
        if "units" not in d:
            template = QT_TR_NOOP("is required: an integer in 1..{most}")
            problems.add(child(where, "units"), Sentence(template, {"most": MAX_UNITS}))
        units = read_int(problems, d, "units", where, 1, 1, MAX_UNITS)
        activation = read_choice(problems, d, "activation", where, "tanh", ACTIVATIONS)
        batch_norm = read_bool(problems, d, "batch_norm", where, None)
        dropout = d.get("dropout")
        if dropout is not None:
            dropout = read_number(problems, d, "dropout", where, 0.0, low=0.0, high=1.0,
                                  high_inclusive=False)  # fmt: skip
        layers.append(LayerSpec(units, activation, batch_norm, dropout))
    return INVALID if len(problems) > before else tuple(layers)


def _parse_view(problems: Problems, value: Any, path: str) -> Any:
    d = read_object(problems, value, path, _VIEW_KEYS)
    if d is None:
        return INVALID
    names = _parse_hidden_controls(problems, d, path)
    speed = _parse_speed(problems, d.get("speed", MISSING), child(path, "speed"))
    return INVALID if INVALID in (speed, names) else ViewSpec(names, speed)


def _parse_speed(problems: Problems, value: Any, where: str) -> Any:
    """One of :data:`SPEEDS`: a number of steps per second (``10.0`` is read as ``10``) or
    ``"max"``."""
    if value is MISSING:
        return SPEED_MAX
    if isinstance(value, int | float | str) and not isinstance(value, bool) and value in SPEEDS:
        return value if isinstance(value, str) else int(value)
    steps = ", ".join(str(s) for s in SPEEDS if s != SPEED_MAX)
    got = describe(value, with_type=True)
    template = QT_TR_NOOP("must be one of {steps} (steps per second) or {max!r}, got {got}")
    problems.add(where, Sentence(template, {"steps": steps, "max": SPEED_MAX, "got": got}))
    return INVALID


def _parse_hidden_controls(problems: Problems, d: Mapping[str, Any], path: str) -> Any:
    where = child(path, "hidden_controls")
    names = d.get("hidden_controls", [])
    if not isinstance(names, list) or len(names) > MAX_HIDDEN_CONTROLS:
        got = f"{len(names)} names" if isinstance(names, list) else describe(names, with_type=True)
        template = QT_TR_NOOP("must be a list of 0..{most} control names, got {got}")
        problems.add(where, Sentence(template, {"most": MAX_HIDDEN_CONTROLS, "got": got}))
        return INVALID
    before = len(problems)
    seen: set[str] = set()
    for i, name in enumerate(names):
        if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name):
            problems.add(
                item(where, i),
                Sentence(
                    QT_TR_NOOP(
                        "must be an identifier like 'learning_rate' "
                        "([A-Za-z_][A-Za-z0-9_]*), got {got}"
                    ),
                    {"got": describe(name, with_type=True)},
                ),
            )
        elif name in seen:
            problems.add(item(where, i), _twice(name))
        else:
            seen.add(name)
    return INVALID if len(problems) > before else tuple(names)


def _twice(name: object) -> str:
    return Sentence(QT_TR_NOOP("{name!r} is listed twice"), {"name": name})
