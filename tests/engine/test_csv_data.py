"""Tests for nnsim.engine.csv_data: the user's own data, and every way a file can be wrong."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
import pytest

from nnsim.engine.csv_data import DataError, load_csv, save_csv
from nnsim.engine.datasets import MAX_SAMPLES, make_dataset


@pytest.mark.parametrize("name", ["circle", "blobs4", "gaussians", "plane"])
def test_csv_round_trip(tmp_path: Path, name: str) -> None:
    d = make_dataset(name, 400, 0.3, 9)
    path = tmp_path / f"{name}_data.csv"
    save_csv(path, d)
    assert path.read_text().splitlines()[0] == "x1,x2,label"
    back = load_csv(path)
    np.testing.assert_array_equal(back.x, d.x)
    np.testing.assert_array_equal(back.y, d.y)
    assert (back.kind, back.num_classes, back.y.dtype) == (d.kind, d.num_classes, d.y.dtype)
    assert back.name == f"{name}_data"
    assert os.listdir(tmp_path) == [path.name]  # no temporary file left behind


def test_save_csv_replaces_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("old")
    path.chmod(0o600)
    save_csv(path, make_dataset("xor", 10))
    assert len(load_csv(path)) == 10
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_csv_failure_leaves_target_alone(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("keep me")
    with pytest.raises(AttributeError):
        save_csv(path, object())  # type: ignore[arg-type]
    assert path.read_text() == "keep me" and os.listdir(tmp_path) == ["d.csv"]


def write(tmp_path: Path, text: str, name: str = "user.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_kind_rules(tmp_path: Path) -> None:
    binary = load_csv(write(tmp_path, "a,b,c\n1,2,0\n-1,-2,1\n"))
    assert (binary.kind, binary.num_classes, binary.y.tolist()) == ("binary", 2, [0, 1])
    multi = load_csv(write(tmp_path, "x1,x2,label\n0,0,2\n1,1,0\n2,2,1.0\n"))
    assert (multi.kind, multi.num_classes, multi.y.tolist()) == ("multiclass", 3, [2, 0, 1])
    reg = load_csv(write(tmp_path, "x1,x2,label\n0,0,1\n1,1,-0.5\n"))
    assert (reg.kind, reg.y.tolist()) == ("regression", [1.0, -0.5])


def test_csv_tolerates_blank_lines_spaces_bom_crlf(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes("\ufeff\r\nx1 , x2 , label\r\n 1.5 , -2 , 1 \r\n\r\n3e0,0,0\r\n\r\n".encode())
    d = load_csv(path)
    assert d.x.tolist() == [[1.5, -2.0], [3.0, 0.0]] and d.y.tolist() == [1, 0]


def check_error(path: Path, line: int | None, *fragments: str) -> None:
    with pytest.raises(DataError) as info:
        load_csv(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.line == line and str(path) in str(err)
    if line is not None:
        assert f"line {line}:" in str(err)
    for fragment in fragments:
        assert fragment in str(err)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("x1,x2,label\n0,0,0\n1,1\n", 3, "expected 3 columns"),
        ("x1,x2,label\n0,0,0\n1,1,1,1\n", 3, "found 4"),
        ("x1,x2\n0,0\n", 1, "expected 3 columns"),
        ("x1,x2,label\n0,0,0\n\n1,abc,1\n", 4, "x2 must be a finite number, got 'abc'"),
        ("x1,x2,label\n0,,0\n", 2, "x2 must be a finite number, got ''"),
        ("x1,x2,label\n0,0,0\nnan,1,1\n", 3, "x1 must be a finite number, got 'nan'"),
        ("x1,x2,label\n0,0,0\n1,1,NaN\n", 3, "label must be a finite number"),
        ("x1,x2,label\n0,0,0\n1,inf,1\n", 3, "got 'inf'"),
        ("x1,x2,label\n0,0,0\n1,1,-Infinity\n", 3, "got '-Infinity'"),
        ("1,2,0\n3,4,1\n", 1, "expected a header row"),
        ("x1,x2,label\n0,0,0\n6.5,0,1\n", 3, "outside"),
        ("x1,x2,label\n0,0,0\n0,1,-1\n", 3, "invalid class label -1"),
        ("x1,x2,label\n0,0,0\n0,1,1\n0,2,3\n", 4, "no row has label 2"),
        ("x1,x2,label\n0,0,1\n0,1,2\n", 2, "no row has label 0"),
        ("x1,x2,label\n0,0,0\n0,1,10\n", 3, "invalid class label 10"),
        ("x1,x2,label\n0,0,0.5\n0,1,2\n", 3, "regression target 2 is outside [-1, 1]"),
        ('x1,x2,label\n0,0,"0\n', 2, "malformed CSV"),
        ('x1,x2,label\n0,0,0\n1,"1"x,1\n', 3, "malformed CSV"),
    ],
)
def test_csv_errors_name_the_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    check_error(write(tmp_path, text), line, fragment)


def test_csv_empty_header_only_and_single_class(tmp_path: Path) -> None:
    check_error(write(tmp_path, "", "a.csv"), None, "file is empty")
    check_error(write(tmp_path, "\n  \n", "b.csv"), None, "file is empty")
    check_error(write(tmp_path, "x1,x2,label\n", "c.csv"), 1, "no data rows")
    check_error(write(tmp_path, "\nx1,x2,label\n\n", "d.csv"), 2, "no data rows")
    check_error(write(tmp_path, "x1,x2,label\n0,0,0\n1,1,0\n", "e.csv"), None, "every row")


def test_csv_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bin.csv"
    path.write_bytes(b"x1,x2,label\n\xff\xfe,0,0\n")
    check_error(path, None, "UTF-8")


def test_csv_row_limit(tmp_path: Path) -> None:
    rows = "0.5,-0.5,1\n-0.5,0.5,0\n" * (MAX_SAMPLES // 2)
    ok = write(tmp_path, "x1,x2,label\n" + rows, "ok.csv")
    assert len(load_csv(ok)) == MAX_SAMPLES
    too_many = write(tmp_path, "x1,x2,label\n" + rows + "1,1,1\n", "big.csv")
    check_error(too_many, MAX_SAMPLES + 2, f"more than {MAX_SAMPLES} data rows")


def test_missing_file_is_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_csv(tmp_path / "nope.csv")


def test_csv_errors_list_up_to_ten_bad_lines_and_name_the_file_once(tmp_path: Path) -> None:
    rows = ["x1,x2,label", "0,0,0", "1,1,1"]
    rows += [f"0.5,{i / 10},x" for i in range(13)]  # lines 4..16: bad labels
    rows += ["9,0,1", "1,2"]  # line 17 outside, line 18 two columns
    path = write(tmp_path, "\n".join(rows) + "\n")
    with pytest.raises(DataError) as info:
        load_csv(path)
    err = info.value
    assert len(err.problems) == 15 and err.line == 4
    assert err.lines()[0] == "line 4: label must be a finite number, got 'x'"
    assert err.lines()[9] == "line 13: label must be a finite number, got 'x'"
    assert err.lines()[10:] == ["… and 5 more"]
    assert str(err).count(str(path)) == 1
    assert str(err).splitlines()[1:] == err.lines()
    mixed = write(tmp_path, "x1,x2,label\n0,0,0\n0,1,abc\n1,1,12\n2,2,1\n", "mixed.csv")
    with pytest.raises(DataError) as info:
        load_csv(mixed)
    assert [line for line, _ in info.value.problems] == [3, 4]
    assert "invalid class label 12" in info.value.lines()[1]


def test_csv_refuses_pipes_devices_and_huge_files(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    check_error(pipe, None, "is a named pipe, not a regular file")
    with pytest.raises(DataError, match="is a device, not a regular file"):
        load_csv("/dev/zero")
    big = tmp_path / "big.csv"
    with open(big, "wb") as f:
        f.truncate(16 * 2**20 + 1)
    check_error(big, None, "is too large")
