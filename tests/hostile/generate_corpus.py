"""Generate a corpus of hostile experiment files, every one of which nnsim must refuse.

Run as a script (``python tests/hostile/generate_corpus.py OUT_DIR``) or call
:func:`generate`; ``tests/hostile/test_hostile_files.py`` generates the corpus into a
temporary folder at test time. Each file is invalid: ``nnsim validate FILE`` must print
one line per problem, exit with code 2, and never print a traceback, hang or use memory
out of proportion to the file.

Families: huge integers (up to 10⁵ digits) and floats, NaN / Infinity literals, and every
wrong JSON type, at each number-valued key; deep nesting; huge sizes (10⁹ samples, 10⁶
units, megabytes of points, of ``{}``, ``[]`` and numbers, a file over the size limit);
duplicate and odd keys; non-UTF-8 bytes and lone surrogates; truncated and malformed
JSON; schedules whose learning rate is not finite; not a regular file (a named pipe, a
directory, ``/dev/zero``).
"""

from __future__ import annotations

import copy
import json
import os
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT: dict[str, Any] = {
    "format": "nnsim.experiment",
    "version": 1,
    "seed": 0,
    "data": {"dataset": "circle", "samples": 500, "noise": 0.1, "train_fraction": 0.5,
             "features": ["x1", "x2"]},
    "network": {"hidden_layers": [{"units": 4, "activation": "tanh"},
                                  {"units": 2, "activation": "tanh"}],
                "output_activation": "auto", "init": "xavier_uniform",
                "batch_norm": False, "dropout": 0.0},
    "loss": "auto",
    "training": {"batch_size": 10, "optimizer": {"name": "adam", "lr": 0.03,
                                                 "betas": [0.9, 0.999], "eps": 1e-8},
                 "schedule": {"name": "step", "unit": "step", "step_size": 100, "gamma": 0.5,
                              "warmup_steps": 5},
                 "regularization": {"kind": "l2", "rate": 0.001},
                 "grad_clip": {"mode": "norm", "max_norm": 1.0}, "eval_every": 10},
}  # fmt: skip
"""A valid experiment with a number at every numeric key (the test checks it validates)."""

# (path, whether 0 and small values are valid there): where numbers are put
NUMBER_PATHS: list[tuple[str | int, ...]] = [
    ("version",),
    ("seed",),
    ("data", "samples"),
    ("data", "noise"),
    ("data", "train_fraction"),
    ("network", "hidden_layers", 0, "units"),
    ("network", "dropout"),
    ("training", "batch_size"),
    ("training", "optimizer", "lr"),
    ("training", "optimizer", "betas", 0),
    ("training", "optimizer", "eps"),
    ("training", "schedule", "step_size"),
    ("training", "schedule", "gamma"),
    ("training", "schedule", "warmup_steps"),
    ("training", "regularization", "rate"),
    ("training", "grad_clip", "max_norm"),
    ("training", "eval_every"),
]
RAW = "\x00RAW\x00"  # placeholder replaced by raw JSON text (numbers json cannot write)


@dataclass(frozen=True)
class HostileFile:
    """One generated file: its path and the family it belongs to."""

    path: Path
    family: str


def _set(d: Any, path: tuple[str | int, ...], value: Any) -> Any:
    d = copy.deepcopy(d)
    target = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return d


def _with_raw(path: tuple[str | int, ...], raw: str) -> str:
    """The default experiment as JSON text with the value at ``path`` replaced by ``raw``."""
    return json.dumps(_set(DEFAULT, path, RAW)).replace(json.dumps(RAW), raw)


def _name(path: tuple[str | int, ...]) -> str:
    return "_".join(map(str, path))


def _numbers() -> dict[str, str]:
    huge = {f"int{n}": "9" * n for n in (20, 309, 400, 4301, 100_000)}
    huge |= {f"negint{n}": "-" + "7" * n for n in (309, 4301)}
    huge |= {
        "int2p63": str(2**63),
        "int2p64": str(2**64 + 1),
        "float1e309": "1e309",
        "floatneg1e309": "-1.5e309",
        "float_exp_huge": "1e99999999999999999999",
        "float_long_mantissa": "0." + "0" * 50_000 + "1e60000",
        "nan": "NaN",
        "inf": "Infinity",
        "neginf": "-Infinity",
        "string": '"10"',
        "list": "[1, 2]",
        "object": '{"value": 1}',
        "true": "true",
        "deep": "[" * 50 + "]" * 50,
    }
    return huge


def _files() -> dict[str, tuple[str, bytes | str]]:
    """name -> (family, content) of the files written to disk."""
    files: dict[str, tuple[str, bytes | str]] = {}
    default_text = json.dumps(DEFAULT)

    for path in NUMBER_PATHS:  # 17 keys x 21 values
        for tag, raw in _numbers().items():
            files[f"number_{_name(path)}_{tag}.json"] = ("numbers", _with_raw(path, raw))
    point_row = _with_raw(("data",), '{"dataset": "custom", "points": [[0, 0, 0], ROW]}')
    for tag, raw in _numbers().items():
        row = f"[1, {raw}, 1]"
        files[f"point_{tag}.json"] = ("numbers", point_row.replace("ROW", row))

    for depth in (30, 1000, 100_000, 1_000_000):  # deep nesting
        files[f"deep_list_{depth}.json"] = ("nesting", "[" * depth + "]" * depth)
        files[f"deep_object_{depth}.json"] = ("nesting", '{"a":' * depth + "1" + "}" * depth)
        files[f"deep_name_{depth}.json"] = (
            "nesting",
            _with_raw(("name",), "[" * depth + "]" * depth),
        )
    files["deep_unclosed.json"] = ("nesting", "[" * 500_000)
    escaped = '\\"' * 5000 + "a" * 2**20  # once took minutes to strip of its strings
    files["string_escaped_quotes.json"] = ("nesting", '{"name": "' + escaped)
    files["string_escaped_quotes_list.json"] = ("nesting", "[" * 30 + escaped)

    sizes = {  # values far beyond the limits
        ("data", "samples"): 10**9,
        ("network", "hidden_layers", 0, "units"): 10**6,
        ("training", "batch_size"): 10**9,
        ("seed",): 2**40,
    }
    for path, value in sizes.items():
        files[f"size_{_name(path)}.json"] = ("sizes", json.dumps(_set(DEFAULT, path, value)))
    many_layers = [{"units": 4, "activation": "tanh"}] * 100_000
    files["size_layers.json"] = (
        "sizes",
        json.dumps(_set(DEFAULT, ("network", "hidden_layers"), many_layers)),
    )
    rng = random.Random(8)
    rows = [[round(rng.uniform(-5, 5), 6), round(rng.uniform(-5, 5), 6), rng.randint(0, 1)]
            for _ in range(250_000)]  # fmt: skip
    custom = {"dataset": "custom", "points": rows}
    files["size_points_250k.json"] = ("sizes", json.dumps(_set(DEFAULT, ("data",), custom)))
    custom = {"dataset": "custom", "points": rows[:100_001]}
    files["size_points_100001.json"] = ("sizes", json.dumps(_set(DEFAULT, ("data",), custom)))
    megabytes = 6 * 2**20
    files["size_empty_objects.json"] = ("sizes", "[" + "{}," * (megabytes // 3) + "{}]")
    files["size_empty_lists.json"] = ("sizes", "[" + "[]," * (megabytes // 3) + "[]]")
    files["size_zeros.json"] = ("sizes", "[" + "0," * (megabytes // 2) + "0]")
    files["size_floats.json"] = ("sizes", "[" + "1.5," * (megabytes // 4) + "1]")
    features = ["x1", "x2", "x1_sq", "x2_sq", "x1_x2", "sin_x1", "sin_x2", "cos_x1", "cos_x2"]
    files["size_features.json"] = ("sizes", json.dumps({"data": {"features": features * 50_000}}))
    files["size_features_same.json"] = (
        "sizes",
        json.dumps({"data": {"features": ["x1"] * 500_000}}),
    )
    files["size_controls.json"] = (
        "sizes",
        json.dumps({"view": {"hidden_controls": ["a"] * 500_000}}),
    )
    files["size_bad_controls.json"] = (
        "sizes",
        json.dumps({"view": {"hidden_controls": [1] * 500_000}}),
    )
    files["size_long_string_value.json"] = ("sizes", json.dumps({"unknown": "x" * megabytes}))
    files["size_long_choice.json"] = ("sizes", json.dumps({"loss": "bce" * (megabytes // 3)}))
    files["size_many_keys.json"] = ("sizes", json.dumps({f"k{i}": i for i in range(200_000)}))
    files["size_betas.json"] = (
        "sizes",
        _with_raw(("training", "optimizer", "betas"), "[" + "0.5," * 500_000 + "0.5]"),
    )

    files["duplicate_top.json"] = ("duplicates", '{"seed": 1, "seed": 2}')
    files["duplicate_nested.json"] = ("duplicates", '{"data": {"noise": 0.1, "noise": 0.2}}')
    files["duplicate_many.json"] = ("duplicates", "{" + ", ".join(['"seed": 1'] * 200_000) + "}")
    files["duplicate_sections.json"] = ("duplicates", '{"training": {}, "training": {}}')
    files["duplicate_many_names.json"] = (
        "duplicates",
        "{" + ", ".join(f'"k{i}": 1, "k{i}": 2' for i in range(20_000)) + "}",
    )
    odd_keys = {
        "newline": "a\nb", "tab": "a\tb", "escape": "\x1b[31mred", "long": "k" * 100_000,
        "surrogate": "\ud800", "empty": "", "nul": "\x00", "rtl": "\u202eevil",
    }  # fmt: skip
    for tag, key in odd_keys.items():
        text = json.dumps({key: 1, "data": {key: 2}})
        files[f"key_{tag}.json"] = ("keys", text)
        files[f"value_{tag}.json"] = ("keys", json.dumps({"loss": key, "data": {"dataset": key}}))

    encodings = {
        "latin1": '{"name": "caf\u00e9", "seed": -1}'.encode("latin-1"),
        "utf16": '{"seed": 1}'.encode("utf-16"),
        "utf16le": '{"seed": 1}'.encode("utf-16-le"),
        "utf32": '{"seed": 1}'.encode("utf-32"),
        "nul_bytes": b'{"seed": 1\x00}',
        "truncated_utf8": b'{"name": "\xe2\x82"}',
        "overlong_utf8": b'{"name": "\xc0\xaf"}',
        "random_bytes": bytes(random.Random(3).randrange(256) for _ in range(4096)),
        "surrogate_escape_name": b'{"name": "\\ud800"}',
        "surrogate_escape_description": b'{"description": "a\\udfffb"}',
        "surrogate_raw_utf8": b'{"name": "\xed\xa0\x80"}',
        "bom_twice": b"\xef\xbb\xbf\xef\xbb\xbf{}",
    }
    for tag, raw in encodings.items():
        files[f"encoding_{tag}.json"] = ("encoding", raw)

    syntax = {
        "empty": "", "whitespace": " \n\t ", "open": "{", "close": "}", "list": "[]",
        "string": '"experiment"', "number": "1", "null": "null", "true": "true", "nan": "NaN",
        "trailing_comma": '{"seed": 1,}', "comment": '{"seed": 1 // one\n}',
        "single_quotes": "{'seed': 1}", "unquoted": "{seed: 1}", "two_objects": "{}{}",
        "python": "{'seed': None}", "yaml": "seed: 1\n", "hex": '{"seed": 0x10}',
        "leading_zero": '{"seed": 01}', "plus": '{"seed": +1}', "bad_escape": '{"name": "\\x"}',
        "control_char": '{"name": "a\x01b"}', "lone_minus": '{"seed": -}',
    }  # fmt: skip
    for tag, text in syntax.items():
        files[f"syntax_{tag}.json"] = ("syntax", text)
    for cut in range(1, len(default_text) - 1, max(1, len(default_text) // 40)):
        files[f"truncated_{cut:04d}.json"] = ("syntax", default_text[:cut])

    for path in NUMBER_PATHS:  # wrong JSON types
        for tag, value in {"string": "abc", "null": None, "object": {}, "list": []}.items():
            if path == ("training", "optimizer", "betas", 0) and tag == "list":
                continue
            files[f"type_{_name(path)}_{tag}.json"] = (
                "types",
                json.dumps(_set(DEFAULT, path, value)),
            )

    schedules = {  # valid-looking hyper-parameters whose learning rate is not usable
        "one_cycle_tiny_div": {"name": "one_cycle", "total_steps": 100, "div_factor": 5e-324},
        "one_cycle_tiny_final_div": {"name": "one_cycle", "total_steps": 100,
                                     "final_div_factor": 5e-324},
        "one_cycle_huge_max_lr": {"name": "one_cycle", "total_steps": 100, "max_lr": 1.7e308,
                                  "div_factor": 1e-10},
        "one_cycle_steps_2p63": {"name": "one_cycle", "total_steps": 2**63},
        "step_size_2p63": {"name": "step", "step_size": 2**63},
        "step_size_2p64": {"name": "step", "step_size": 2**64},
        "warmup_2p63": {"name": "constant", "warmup_steps": 2**63},
        "cosine_t_max_2p63": {"name": "cosine", "T_max": 2**63},
        "one_cycle_max_lr_1000": {"name": "one_cycle", "total_steps": 100, "max_lr": 1000},
        "exponential_gamma_nan": {"name": "exponential", "gamma": float("nan")},
    }  # fmt: skip
    schedules |= {  # integers past int64 in every schedule's counts (issue 15 item 2)
        "t_mult_2p63": {"name": "cosine", "T_max": 10, "restarts": True, "T_mult": 2**63},
        "t_0_2p64": {"name": "cosine", "T_max": 10, "restarts": True, "T_0": 2**64},
        "patience_2p63": {"name": "plateau", "patience": 2**63},
        "decay_steps_huge": {"name": "inverse_time", "decay_rate": 0.1, "decay_steps": 1e309},
        "one_cycle_max_lr_1e300": {"name": "one_cycle", "total_steps": 100, "max_lr": 1e300},
    }  # fmt: skip
    for tag, schedule in schedules.items():
        d = _set(DEFAULT, ("training", "schedule"), schedule)
        files[f"schedule_{tag}.json"] = ("schedules", json.dumps(d))

    widest = [{"units": 256, "activation": "relu"}] * 32  # the documented maxima (item 4)
    for tag, batch in {"all": "all", "5000": 5000}.items():
        d = _set(
            _set(_set(DEFAULT, ("data", "samples"), 100_000), ("network", "hidden_layers"), widest),
            ("training", "batch_size"),
            batch,
        )
        files[f"memory_maxima_batch_{tag}.json"] = ("memory", json.dumps(d))
    d = _set(DEFAULT, ("view",), {"hidden_controls": [f"c{i}" for i in range(200_000)]})
    files["memory_hidden_controls_200k.json"] = ("memory", json.dumps(d))
    one_point = {"dataset": "custom", "points": [[0.5, 0.5, 0.3]]}  # item 5
    files["custom_one_point.json"] = (
        "custom data",
        json.dumps(_set(DEFAULT, ("data",), one_point)),
    )
    split = {"dataset": "custom", "points": [[0.5, 0.5, 0.3]], "test_points": []}
    files["custom_empty_test.json"] = ("custom data", json.dumps(_set(DEFAULT, ("data",), split)))
    one_class = {"dataset": "custom", "points": [[0, 0, 1], [1, 1, 1]]}
    files["custom_one_class.json"] = (
        "custom data",
        json.dumps(_set(DEFAULT, ("data",), one_class)),
    )
    messages = {  # item 7: forged lines, escape codes, huge echoes
        "forged_line": {"a\nnnsim: ok": 1},
        "escape_codes": {"loss": "\x1b[2J\x1b[31m"},
        "megabyte_key": {"k" * 2**20: 1},
        "many_problems": {"data": {"dataset": "custom", "points": [[9.0, 9.0, 0]] * 5000}},
        "many_unknown": {f"k{i}": i for i in range(4000)},
    }
    for tag, d in messages.items():
        files[f"message_{tag}.json"] = ("messages", json.dumps(d))
    return files


def accepted_files() -> dict[str, str]:
    """name -> content of extreme files that are valid: each must validate and train (or stop
    with the divergence explained), never crash (issue 15: what validates, runs)."""

    def with_schedule(schedule: dict[str, Any]) -> str:
        return json.dumps(_set(DEFAULT, ("training", "schedule"), schedule))

    sgd = {"name": "sgd", "lr": 0.01, "momentum": 1e308}
    return {
        "accepted_step_size_2p53.json": with_schedule({"name": "step", "step_size": 2**53}),
        "accepted_warmup_2p53.json": with_schedule({"name": "constant", "warmup_steps": 2**53}),
        "accepted_t_mult_2p40.json": with_schedule(
            {"name": "cosine", "T_max": 10, "restarts": True, "T_mult": 2**40}
        ),
        "accepted_t_mult_2.json": with_schedule(
            {"name": "cosine", "T_max": 10, "restarts": True, "T_mult": 2}
        ),
        "accepted_one_cycle_tiny_total.json": with_schedule(
            {"name": "one_cycle", "total_steps": 1}
        ),
        "accepted_momentum_1e308.json": json.dumps(_set(DEFAULT, ("training", "optimizer"), sgd)),
        "accepted_odd_name.json": json.dumps(_set(DEFAULT, ("name",), "a\nb\x1b[31m\u202e")),
        "accepted_two_points.json": json.dumps(
            _set(DEFAULT, ("data",), {"dataset": "custom", "points": [[0, 0, 0], [1, 1, 1]]})
        ),
        "accepted_full_batch.json": json.dumps(
            _set(_set(DEFAULT, ("data", "samples"), 100_000), ("training", "batch_size"), "all")
        ),
        "accepted_controls_200.json": json.dumps(
            _set(DEFAULT, ("view",), {"hidden_controls": [f"c{i}" for i in range(200)]})
        ),
    }


def _sparse_file(path: Path) -> None:
    """A file of 17 MB (beyond the 16 MB limit) that takes no room on disk."""
    path.write_bytes(b'{"description": "')
    os.truncate(path, 17 * 2**20)


def generate(folder: Path) -> list[HostileFile]:
    """Write the corpus into ``folder`` (created if needed); special files too where possible."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, (family, content) in _files().items():
        path = folder / name
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        path.write_bytes(data)
        out.append(HostileFile(path, family))
    specials: list[tuple[str, Callable[[Path], None]]] = [
        ("a_directory.json", lambda p: p.mkdir()),
        ("missing.json", lambda p: None),
        ("size_over_limit.json", _sparse_file),
    ]
    if hasattr(os, "mkfifo"):
        specials.append(("a_pipe.json", lambda p: os.mkfifo(p)))
    if hasattr(os, "symlink"):
        specials.append(("a_loop.json", lambda p: os.symlink(p, p)))
        if os.path.exists("/dev/zero"):
            specials.append(("dev_zero.json", lambda p: os.symlink("/dev/zero", p)))
    for name, make in specials:
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        elif path.is_symlink() or path.exists():  # a file, a pipe: written by an earlier run
            path.unlink()
        make(path)
        out.append(HostileFile(path, "not a file"))
    if os.path.exists("/dev/zero"):
        out.append(HostileFile(Path("/dev/zero"), "not a file"))
    return out


def generate_accepted(folder: Path) -> list[Path]:
    """Write :func:`accepted_files` into ``folder``; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in accepted_files().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile/generate_corpus.py OUT_DIR")
    corpus = generate(Path(sys.argv[1]))
    print(f"{len(corpus)} hostile files in {sys.argv[1]}")
