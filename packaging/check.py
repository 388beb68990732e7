"""The packaging checks that CI runs (``.ci/run``); each works locally too, from the
repository root (``uv run python packaging/check.py …``):

    check.py apt-packages   print the README's Linux libraries (what .ci/run apt-installs)
    check.py xcb [PLUGIN]   Qt's xcb plugin (PySide6's libqxcb.so) finds every library it
                            needs; else the missing ones and their apt packages
    check.py dist DIR       the wheel and sdist in DIR (``uv build --out-dir DIR``) hold
                            LICENSE and every file of resources/ (lessons, icons, and each
                            translation's .qm once resources/translations/*.ts exist), and the
                            unpacked wheel finds its resources
    check.py desktop        desktop-file-validate, appstreamcli validate and
                            update-mime-database accept packaging/'s files, without a hint

Each exits 1 listing what is wrong. Standard library only.
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
MIME_TYPE = "application/x-nnsim-experiment"
MIME_GLOB = "*.nnsim.json"

# What Qt's libraries (Core, Gui, Widgets, DBus, the xcb plugin) need from the system, by
# Debian/Ubuntu package; the C/C++ runtime and zlib are on every system and not listed.
PACKAGE_OF = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libzstd.so.1": "libzstd1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


class PackagingError(Exception):
    """The problems found, one per argument."""


# -- the Linux libraries --------------------------------------------------------------------
def apt_packages(readme: str) -> list[str]:
    """The packages of the README's ``apt-get install`` block (its ```sh fence)."""
    for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.DOTALL):
        command = block.replace("\\\n", " ")
        match = re.search(r"apt-get install (.*)", command)
        if match:
            return [word for word in match[1].split() if not word.startswith("-")]
    raise PackagingError("README.md has no ```sh block with an apt-get install line")


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` reports as ``not found``, each once, in its order."""
    found = re.findall(r"^\s*(\S+) => not found", ldd_output, flags=re.MULTILINE)
    return list(dict.fromkeys(found))


def xcb_plugin() -> Path:
    import PySide6  # the package only: no Qt library is loaded

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def check_xcb(plugin: Path) -> str:
    if not plugin.is_file():
        raise PackagingError(f"no xcb plugin at {plugin}")
    result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PackagingError(f"ldd {plugin} failed: {result.stderr.strip()}")
    missing = missing_libraries(result.stdout)
    if missing:
        lines = [f"{plugin.name} cannot find {len(missing)} libraries:"]
        for soname in missing:
            package = PACKAGE_OF.get(soname, f"unknown: find it with apt-file search {soname}")
            lines.append(f"  {soname}  (apt package {package})")
        known = sorted({PACKAGE_OF[s] for s in missing if s in PACKAGE_OF})
        if known:
            lines.append(f"install them: apt-get install {' '.join(known)}")
        lines.append("and add any missing from README.md's list to it")
        raise PackagingError(*lines)
    return f"{plugin.name}: every library found"


# -- the wheel and the sdist ----------------------------------------------------------------
def resource_files(root: Path = ROOT) -> list[str]:
    """The files of ``resources/``, relative to it (``lessons/article-backprop.json``)."""
    base = root / "resources"
    return sorted(
        p.relative_to(base).as_posix()
        for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def wheel_problems(names: list[str], resources: list[str]) -> list[str]:
    """What the wheel's file ``names`` lack: LICENSE, every resource (at ``nnsim/resources/``),
    a lesson, the icon, and a ``.qm`` for each translation source ``translations/*.ts``."""
    have = set(names)
    problems = []
    if not any(re.fullmatch(r"nnsim-[^/]+\.dist-info/licenses/LICENSE", n) for n in names):
        problems.append("wheel: no LICENSE in .dist-info/licenses/")
    wanted = [f"nnsim/resources/{r}" for r in resources]
    wanted += [
        f"nnsim/resources/{r[:-3]}.qm"
        for r in resources
        if r.startswith("translations/") and r.endswith(".ts")
    ]
    problems += [f"wheel: {w} is missing" for w in wanted if w not in have]
    if not any(re.fullmatch(r"nnsim/resources/lessons/[^/]+\.json", n) for n in names):
        problems.append("wheel: no lesson (nnsim/resources/lessons/*.json)")
    if "nnsim/resources/icons/nnsim.svg" not in have:
        problems.append("wheel: no icon (nnsim/resources/icons/nnsim.svg)")
    return list(dict.fromkeys(problems))


def sdist_problems(names: list[str], resources: list[str]) -> list[str]:
    """What the sdist's ``names`` (``nnsim-0.1.0/…``) lack: LICENSE and every resource."""
    inside = {n.split("/", 1)[1] for n in names if "/" in n}
    wanted = ["LICENSE", "pyproject.toml", *(f"resources/{r}" for r in resources)]
    return [f"sdist: {w} is missing" for w in wanted if w not in inside]


def check_dist(dist: Path) -> str:
    wheels, sdists = sorted(dist.glob("nnsim-*.whl")), sorted(dist.glob("nnsim-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise PackagingError(f"{dist}: expected one wheel and one sdist, found {wheels + sdists}")
    resources = resource_files()
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
        problems = wheel_problems(names, resources)
        with tempfile.TemporaryDirectory() as unpacked:
            wheel.extractall(unpacked)
            problems += installed_resource_problems(Path(unpacked))
    with tarfile.open(sdists[0]) as sdist:
        problems += sdist_problems(sdist.getnames(), resources)
    if problems:
        raise PackagingError(*problems)
    return f"{wheels[0].name}, {sdists[0].name}: LICENSE and {len(resources)} resources inside"


def installed_resource_problems(site: Path) -> list[str]:
    """Whether nnsim imported from the unpacked wheel ``site`` finds its own resources."""
    code = "import nnsim.paths as p; print(p.resource('lessons'))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=site,
        env={"PYTHONPATH": str(site), "PATH": ""},
    )
    found = Path(result.stdout.strip())
    if result.returncode != 0 or not found.is_dir() or site.resolve() not in found.parents:
        return [f"wheel: installed nnsim looks for its lessons in {found} ({result.stderr})"]
    return []


# -- the desktop entry, AppStream metadata and MIME type ------------------------------------
def run_tool(command: list[str], package: str) -> str:
    """The tool's output (stdout and stderr); a failure, or a missing tool, is a problem."""
    if shutil.which(command[0]) is None:
        raise PackagingError(f"{command[0]} is not installed (apt-get install {package})")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise PackagingError(f"{' '.join(command)} failed:", output)
    return output


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def check_desktop() -> str:
    entry = PACKAGING / "nnsim.desktop"
    metainfo = PACKAGING / "io.github.nnsim.nnsim.metainfo.xml"
    mime_xml = PACKAGING / "nnsim-experiment.xml"
    problems = []
    hints = run_tool(["desktop-file-validate", str(entry)], "desktop-file-utils")
    if hints:  # a hint (e.g. two main categories) is a problem too
        problems.append(hints)
    run_tool(["appstreamcli", "validate", "--no-net", "--strict", str(metainfo)], "appstream")
    with tempfile.TemporaryDirectory() as mime_dir:
        (Path(mime_dir) / "packages").mkdir()
        shutil.copy(mime_xml, Path(mime_dir) / "packages")
        run_tool(["update-mime-database", "-V", mime_dir], "shared-mime-info")
        globs = (Path(mime_dir) / "globs2").read_text(encoding="utf-8")
    if f"{MIME_TYPE}:{MIME_GLOB}" not in globs:
        problems.append(f"{mime_xml.name}: update-mime-database made no {MIME_GLOB} glob")
    if desktop_entry(entry).get("MimeType") != f"{MIME_TYPE};":
        problems.append(f"{entry.name}: MimeType must be {MIME_TYPE}; alone")
    provided = [e.text for e in ET.parse(metainfo).iter("mediatype")]
    if provided != [MIME_TYPE]:
        problems.append(f"{metainfo.name}: <provides> must list <mediatype>{MIME_TYPE}")
    if problems:
        raise PackagingError(*problems)
    return "nnsim.desktop, metainfo and MIME type valid"


def main(argv: list[str]) -> int:
    command, args = (argv[0], argv[1:]) if argv else ("", [])
    try:
        if command == "apt-packages" and not args:
            print(" ".join(apt_packages((ROOT / "README.md").read_text(encoding="utf-8"))))
            return 0
        if command == "xcb" and len(args) <= 1:
            print(check_xcb(Path(args[0]) if args else xcb_plugin()))
        elif command == "dist" and len(args) == 1:
            print(check_dist(Path(args[0])))
        elif command == "desktop" and not args:
            print(check_desktop())
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except PackagingError as failed:
        print(f"packaging check {command} failed:", *failed.args, sep="\n", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
