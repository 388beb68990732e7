#!/usr/bin/env bash
# Install the PyInstaller build of nnsim for this user, no root needed (packaging/README.md):
#
#     packaging/install.sh [BUILD]         BUILD: the one-folder build, default dist/nnsim
#     packaging/install.sh --uninstall
#
# The build is copied to ~/.local/lib/nnsim and linked as ~/.local/bin/nnsim (for the
# terminal); the desktop entry is written with the build's absolute path in Exec=, so the
# menu and the file manager start it whether or not ~/.local/bin is on PATH. With it go the
# MIME type of experiments (*.nnsim.json, application/x-nnsim-experiment), the icon and the
# AppStream metadata, under $XDG_DATA_HOME (default ~/.local/share). The MIME and desktop
# databases are refreshed when their tools (shared-mime-info, desktop-file-utils) exist.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
lib="$HOME/.local/lib/nnsim"
bin="$HOME/.local/bin"
app_id="io.github.nnsim.nnsim"

entry="$data/applications/nnsim.desktop"
mime="$data/mime/packages/nnsim-experiment.xml"
icon="$data/icons/hicolor/scalable/apps/$app_id.svg"
metainfo="$data/metainfo/$app_id.metainfo.xml"

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data/mime"
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications"
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    if [ -L "$bin/nnsim" ] && [ "$(readlink "$bin/nnsim")" = "$lib/nnsim" ]; then
        rm "$bin/nnsim"
    fi
    rm -f "$entry" "$mime" "$icon" "$metainfo"
    rm -rf "$lib"
    mkdir -p "$data/mime" "$data/applications"
    refresh
    echo "nnsim uninstalled"
    exit 0
fi

build="${1:-$root/dist/nnsim}"
if [ ! -x "$build/nnsim" ]; then
    echo "install.sh: no nnsim build in $build (build it first:" \
        "uv run --with pyinstaller pyinstaller --noconfirm packaging/nnsim.spec)" >&2
    exit 1
fi
case "$lib" in
    *[\"\`\$\\]* | *$'\n'*)
        echo "install.sh: cannot write a desktop entry for $lib" \
            "(a quote, backquote, dollar, backslash or newline in the path)" >&2
        exit 1
        ;;
esac

rm -rf "$lib"
mkdir -p "$(dirname "$lib")" "$bin"
cp -R "$build" "$lib"
ln -sfn "$lib/nnsim" "$bin/nnsim"

# The desktop entry: the absolute path, quoted (spaces) with % doubled, as the spec asks.
exec_path="${lib//%/%%}/nnsim"
mkdir -p "$(dirname "$entry")"
while IFS= read -r line; do
    case "$line" in
        "#"*) ;;
        "Exec=nnsim "*) printf 'Exec="%s"%s\n' "$exec_path" "${line#Exec=nnsim}" ;;
        "TryExec=nnsim") printf 'TryExec=%s\n' "$lib/nnsim" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$here/nnsim.desktop" >"$entry"
install -Dm644 "$here/nnsim-experiment.xml" "$mime"
install -Dm644 "$root/resources/icons/nnsim.svg" "$icon"
install -Dm644 "$here/$app_id.metainfo.xml" "$metainfo"
refresh

echo "nnsim installed in $lib; the menu entry is $entry"
case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "note: $bin is not on PATH: add it to run nnsim from a terminal" ;;
esac
