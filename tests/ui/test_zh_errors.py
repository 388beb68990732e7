"""Refusals in a Chinese window: a bad experiment file and bad CSV data are explained in
Chinese, line by line; what stays English is what the file itself holds (its keys and
values) and the file's path. The command line and ``str()`` keep the English."""

from __future__ import annotations

import json

import pytest

from nnsim.engine.csv_data import DataError, load_csv
from nnsim.testing.untranslated import english_words

KEYS = """format version name description seed data network loss training view foo features
batch_size optimizer points dataset hidden_layers units 'all' 'abc' 'x' 'x1' 'custom'
'nnsim.experiment'""".split()  # noqa: SIM905  (the file's own keys and values)


def chinese_status(window, path) -> str:
    text = window.status_text()
    given = sorted([str(path), *KEYS], key=len, reverse=True)  # the longest first
    assert english_words(text, given) == [], text
    return text


def test_a_bad_experiment_file_is_explained_in_chinese(make_window, nnsim_language, tmp_path):
    nnsim_language("zh_CN")
    window = make_window()
    bad = tmp_path / "bad.nnsim.json"
    bad.write_text(
        json.dumps(
            {"training": {"batch_size": 0}, "data": {"dataset": "custom", "points": [[0, 0, 1]]}}
        )
    )
    assert not window.open_file(str(bad))
    text = chinese_status(window, bad)
    assert "应为 1..100000 的整数或 'all'" in text and "个数据点" in text
    odd = tmp_path / "odd.nnsim.json"
    odd.write_text(json.dumps({"format": "x", "data": {"points": [], "features": ["x1", "x1"]},
                               "network": {"hidden_layers": [{}]}}))  # fmt: skip
    assert not window.open_file(str(odd))
    chinese_status(window, odd)


def test_bad_csv_rows_and_a_one_row_data_set_are_explained_in_chinese(
    make_window, nnsim_language, tmp_path
):
    nnsim_language("zh_CN")
    window = make_window()
    rows = tmp_path / "rows.csv"
    rows.write_text("x1,x2,y\n1,abc,0.5\n2,3\n9,9,1\n")
    assert not window.import_csv(str(rows))
    text = chinese_status(window, rows)
    assert "第 2 行" in text and "第 3 行" in text and "第 4 行" in text
    one = tmp_path / "one.csv"
    one.write_text("x1,x2,y\n1,2,0.5\n")
    assert not window.import_csv(str(one))
    chinese_status(window, one)


def test_the_csv_problems_keep_their_english_words(tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text("x1,x2,y\n1,abc,0.5\n2,3\n9,9,1\n")
    with pytest.raises(DataError) as caught:
        load_csv(rows)
    assert caught.value.lines() == [
        "line 2: x2 must be a finite number, got 'abc'",
        "line 3: expected 3 columns (x1,x2,label), found 2",
        "line 4: point (9, 9) is outside the area [-6, 6]²",
    ]


def test_an_experiment_too_big_for_the_memory_is_refused_in_chinese(
    make_window, nnsim_language, tmp_path
):
    nnsim_language("zh_CN")
    window = make_window()
    big = tmp_path / "big.nnsim.json"
    big.write_text(json.dumps({
        "data": {"samples": 100_000},
        "network": {"hidden_layers": [{"units": 256, "activation": "relu"}] * 32},
        "training": {"batch_size": "all"},
    }))  # fmt: skip
    assert not window.open_file(str(big))
    text = chinese_status(window, big)
    assert "训练大约需要 14.8 GB 内存" in text and "nnsim 最多允许" in text
