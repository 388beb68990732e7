"""nnsim's translations: Qt Linguist sources ``resources/translations/nnsim_LANG.ts``, built
to the ``.qm`` files the app loads. From the repository root (``uv run python …``):

    translations.py update        re-read every ``tr("…")`` / ``QT_TR_NOOP("…")`` in nnsim/
                                  into each .ts (pyside6-lupdate; translations are kept,
                                  strings no longer in the code are dropped)
    translations.py build         each .ts → .qm (pyside6-lrelease)
    translations.py todo LANG     the untranslated strings as JSON {"English": ""}
    translations.py fill LANG F   put the translations of JSON file F into the .ts
    translations.py check         CI: the .ts hold every string of the code, all are
                                  translated, and each .qm is what lrelease makes of its .ts

A translator edits the .ts in Qt Linguist (``pyside6-linguist``) or through todo/fill.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """A PySide6 tool (``pyside6-lupdate``) next to this Python, else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: it comes with PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "nnsim").rglob("*.py"))


def ts_file(language: str) -> Path:
    return FOLDER / f"nnsim_{language}.ts"


def update(target: Path | None = None, language: str | None = None) -> None:
    """lupdate over nnsim/ into each .ts (or ``target``, a copy for checking)."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for lang in [language] if language else LANGUAGES:
        ts = target or ts_file(lang)
        cmd = [tool("pyside6-lupdate"), *sources(), "-locations", "none", "-no-obsolete"]
        cmd += ["-source-language", "en", "-target-language", lang, "-ts", str(ts)]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)


def build(ts: Path, qm: Path) -> None:
    cmd = [tool("pyside6-lrelease"), "-removeidentical", str(ts), "-qm", str(qm)]
    subprocess.run(cmd, check=True, capture_output=True)


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def unfinished(ts: Path) -> list[str]:
    """Sources whose translation is missing or marked unfinished."""
    out = []
    for m in messages(ts):
        t = m.find("translation")
        text = "".join(t.itertext()).strip() if t is not None else ""
        if t is None or t.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            out.append(m.findtext("source") or "")
    return out


def fill(language: str, answers: dict[str, str]) -> int:
    """Write ``answers`` (English → translation) into the language's .ts; returns how many."""
    ts = ts_file(language)
    tree = ET.parse(ts)
    done = 0
    for m in tree.getroot().iter("message"):
        source = m.findtext("source")
        if source in answers and answers[source] and m.get("numerus") != "yes":
            t = m.find("translation")
            assert t is not None
            t.attrib.pop("type", None)
            t.text = answers[source]
            done += 1
        elif source in answers and answers[source] and m.get("numerus") == "yes":
            t = m.find("translation")
            assert t is not None
            t.attrib.pop("type", None)
            for form in t.findall("numerusform"):
                form.text = answers[source]
            done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    update(language=language)  # back to lupdate's own layout, so that check compares equal
    return done


def check() -> list[str]:
    problems = []
    for lang in LANGUAGES:
        ts = ts_file(lang)
        if not ts.is_file():
            problems.append(f"{ts.relative_to(ROOT)} is missing")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            update(target=fresh, language=lang)
            if fresh.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name} is not up to date with the code: run "
                                "`uv run python packaging/translations.py update`")
            for source in unfinished(fresh):
                problems.append(f"{lang}: untranslated: {source!r}")
            qm = Path(tmp) / "fresh.qm"
            build(ts, qm)
            committed = ts.with_suffix(".qm")
            if not committed.is_file() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{committed.name} differs from what lrelease makes of "
                                f"{ts.name}: run `uv run python packaging/translations.py build`")
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        update()
    elif command == "build":
        for lang in LANGUAGES:
            build(ts_file(lang), ts_file(lang).with_suffix(".qm"))
    elif command == "todo" and len(argv) == 2:
        todo = dict.fromkeys(unfinished(ts_file(argv[1])), "")
        print(json.dumps(todo, ensure_ascii=False, indent=1))
    elif command == "fill" and len(argv) == 3:
        answers = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{fill(argv[1], answers)} translations written")
    elif command == "check":
        problems = check()
        for p in problems[:50]:
            print(p)
        if len(problems) > 50:
            print(f"… and {len(problems) - 50} more")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
