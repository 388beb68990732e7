"""Packaging and install (issue 13): the README's Linux libraries, the desktop entry, the
experiments' MIME type, the per-user install, LICENSE, .gitignore and the dependency groups.
The checks CI runs on the built wheel live in ``packaging/check.py``; here they are tested on
made-up inputs, and the install script in a temporary home."""

from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _load_check():
    spec = importlib.util.spec_from_file_location("packaging_check", ROOT / "packaging/check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


check = _load_check()


# -- the README's Linux libraries and the xcb check ------------------------------------------
def test_the_readme_lists_every_library_qts_xcb_plugin_needs():
    listed = check.apt_packages(README)
    assert {"libxcb-xkb1", "libxkbcommon-x11-0", "libxcb-shape0"} <= set(listed)
    assert set(check.PACKAGE_OF.values()) <= set(listed)
    assert len(listed) == len(set(listed))


def test_ldd_output_gives_the_missing_libraries_once_each():
    output = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)\n"
        "\tlibxcb-xkb.so.1 => not found\n"
        "\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)\n"
        "\tlibxcb-shape.so.0 => not found\n"
        "\tlibxcb-xkb.so.1 => not found\n"
    )
    assert check.missing_libraries(output) == ["libxcb-xkb.so.1", "libxcb-shape.so.0"]


def test_the_xcb_check_names_the_missing_libraries_and_their_packages(tmp_path, monkeypatch):
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "ldd").write_text(
        "#!/bin/sh\nprintf '\\tlibxcb-xkb.so.1 => not found\\n\\tlibfoo.so.9 => not found\\n'\n"
    )
    (fake / "ldd").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(check.PackagingError) as failed:
        check.check_xcb(plugin)
    text = "\n".join(failed.value.args)
    assert "libxcb-xkb.so.1  (apt package libxcb-xkb1)" in text
    assert "libfoo.so.9  (apt package unknown: find it with apt-file search libfoo.so.9)" in text
    assert "apt-get install libxcb-xkb1" in text


# -- the wheel and the sdist -------------------------------------------------------------
WHEEL = [
    "nnsim/__init__.py",
    "nnsim/resources/icons/nnsim.svg",
    "nnsim/resources/lessons/article-backprop.json",
    "nnsim/resources/lessons/article-backprop.md",
    "nnsim-0.1.0.dist-info/licenses/LICENSE",
]
RESOURCES = ["icons/nnsim.svg", "lessons/article-backprop.json", "lessons/article-backprop.md"]


def test_a_complete_wheel_passes_the_content_check():
    assert check.wheel_problems(WHEEL, RESOURCES) == []


def test_the_content_check_wants_license_lessons_icons_and_translations():
    no_license = [n for n in WHEEL if "LICENSE" not in n]
    assert check.wheel_problems(no_license, RESOURCES) == [
        "wheel: no LICENSE in .dist-info/licenses/"
    ]
    no_lessons = [n for n in WHEEL if "lessons" not in n]
    assert "wheel: no lesson (nnsim/resources/lessons/*.json)" in check.wheel_problems(
        no_lessons, []
    )
    with_translations = [*RESOURCES, "translations/nnsim_zh_CN.ts"]
    assert check.wheel_problems(WHEEL, with_translations) == [
        "wheel: nnsim/resources/translations/nnsim_zh_CN.ts is missing",
        "wheel: nnsim/resources/translations/nnsim_zh_CN.qm is missing",
    ]


def test_the_sdist_check_wants_license_and_resources():
    names = ["nnsim-0.1.0/pyproject.toml", *(f"nnsim-0.1.0/resources/{r}" for r in RESOURCES)]
    assert check.sdist_problems(names, RESOURCES) == ["sdist: LICENSE is missing"]
    assert check.sdist_problems([*names, "nnsim-0.1.0/LICENSE"], RESOURCES) == []


def test_the_resources_check_covers_every_file_of_resources():
    found = check.resource_files()
    assert {"icons/nnsim.svg", "lessons/article-backprop.json"} <= set(found)


# -- LICENSE, .gitignore, pyproject -----------------------------------------------------------
def test_the_license_is_the_mit_license_pyproject_names():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 the nnsim authors\n")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the git checkout")
def test_gitignore_keeps_environments_caches_and_builds_out_of_git():
    ignored = [
        ".venv/bin/python",
        "nnsim/__pycache__/paths.cpython-311.pyc",
        "dist/nnsim-0.1.0.tar.gz",
        "build/nnsim/x",
        ".pytest_cache/v",
        "nnsim.egg-info/PKG-INFO",
        "spiral-run/metrics.csv",
        "spiral-compare/summary.csv",
    ]
    kept = ["nnsim/paths.py", "packaging/nnsim.desktop", "resources/lessons/article-backprop.json"]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *ignored, *kept],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == ignored


def test_launching_does_not_install_the_test_tools_but_the_test_command_does():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["uv"]["default-groups"] == []
    assert pyproject["dependency-groups"]["test"] == ["nnsim[test]"]
    test_tools = " ".join(pyproject["project"]["optional-dependencies"]["test"])
    assert all(tool in test_tools for tool in ("pytest", "pytest-qt", "hypothesis", "mypy"))
    assert "| launch the app | `uv run nnsim` |" in README
    assert "| run the tests | `uv run --group test pytest` |" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "uv sync --locked --group test" in ci and "uv run --group test pytest" in ci


# -- desktop entry and MIME type ----------------------------------------------------------
def test_the_desktop_entry_opens_nnsim_experiments_only_in_one_main_category():
    entry = check.desktop_entry(ROOT / "packaging" / "nnsim.desktop")
    assert entry["MimeType"] == "application/x-nnsim-experiment;"
    main_categories = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game"}
    main_categories |= {"Graphics", "Network", "Office", "Science", "Settings", "System"}
    categories = set(entry["Categories"].strip(";").split(";"))
    assert categories & main_categories == {"Education"}
    assert entry["Exec"] == "nnsim %f"  # install.sh makes it the installed build's path


def test_the_mime_type_is_nnsim_json_files_a_kind_of_json():
    root = ET.parse(ROOT / "packaging" / "nnsim-experiment.xml").getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-nnsim-experiment"
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.nnsim.json"]
    assert [s.get("type") for s in mime.findall(f"{MIME_NS}sub-class-of")] == ["application/json"]


@pytest.mark.parametrize(
    ("path", "stem"),
    [
        ("spiral.nnsim.json", "spiral"),
        ("lessons/spiral.json", "spiral"),
        ("a.b.json", "a.b"),
        (".nnsim.json", ".nnsim"),
        ("noext", "noext"),
    ],
)
def test_an_experiments_stem_leaves_out_the_whole_nnsim_json_extension(path, stem):
    from nnsim.training.experiment.files import experiment_stem

    assert experiment_stem(path) == stem


def test_nnsim_run_names_its_folder_without_the_nnsim_json_extension(tmp_path, monkeypatch):
    from nnsim.cli import main
    from nnsim.training.experiment import Experiment, save_experiment

    save_experiment(Experiment.default(), tmp_path / "spiral.nnsim.json")
    monkeypatch.chdir(tmp_path)
    assert main(["run", "spiral.nnsim.json", "--steps", "3"]) == 0
    assert (tmp_path / "spiral-run" / "metrics.csv").is_file()


# -- the per-user install -----------------------------------------------------------------
def _install(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    return subprocess.run(
        ["bash", str(ROOT / "packaging" / "install.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def fake_build(tmp_path) -> Path:
    """A one-folder build whose ``nnsim`` writes the arguments it was started with."""
    build = tmp_path / "dist" / "nnsim"
    (build / "_internal").mkdir(parents=True)
    (build / "nnsim").write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$HOME/started-with"\n')
    (build / "nnsim").chmod(0o755)
    return build


def test_the_installed_desktop_entry_starts_the_installed_build(tmp_path, fake_build):
    home = tmp_path / "home of a learner"  # a space, which Exec= must quote
    home.mkdir()
    result = _install(home, str(fake_build))
    assert result.returncode == 0, result.stderr
    installed = home / ".local" / "lib" / "nnsim" / "nnsim"
    assert (home / ".local" / "bin" / "nnsim").resolve() == installed.resolve()
    share = home / ".local" / "share"
    entry = check.desktop_entry(share / "applications" / "nnsim.desktop")
    argv = shlex.split(entry["Exec"].replace("%f", "my.nnsim.json"))
    assert argv == [str(installed), "my.nnsim.json"] and entry["TryExec"] == str(installed)
    subprocess.run(argv, env={**os.environ, "HOME": str(home)}, check=True)
    assert (home / "started-with").read_text() == "my.nnsim.json\n"
    assert (share / "mime" / "packages" / "nnsim-experiment.xml").is_file()
    assert (share / "icons/hicolor/scalable/apps/io.github.nnsim.nnsim.svg").is_file()
    assert (share / "metainfo/io.github.nnsim.nnsim.metainfo.xml").is_file()
    if shutil.which("update-mime-database"):
        globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
        assert "application/x-nnsim-experiment:*.nnsim.json" in globs
    if shutil.which("desktop-file-validate"):
        validated = subprocess.run(
            ["desktop-file-validate", str(share / "applications" / "nnsim.desktop")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (validated.returncode, validated.stdout + validated.stderr) == (0, "")


def test_uninstall_removes_what_install_put_there(tmp_path, fake_build):
    home = tmp_path / "home"
    home.mkdir()
    assert _install(home, str(fake_build)).returncode == 0
    result = _install(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    left = [
        p.relative_to(home).as_posix()
        for p in home.rglob("*")
        if p.is_file() and "nnsim" in p.name and "/mime/" not in p.as_posix()
    ]
    assert left == [] and not (home / ".local" / "bin" / "nnsim").exists()
    if shutil.which("update-mime-database"):
        globs = (home / ".local/share/mime/globs2").read_text(encoding="utf-8")
        assert "nnsim" not in globs


def test_install_without_a_build_says_how_to_make_one(tmp_path):
    result = _install(tmp_path, str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "no nnsim build in" in result.stderr and "pyinstaller" in result.stderr
