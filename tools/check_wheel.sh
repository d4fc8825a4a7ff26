#!/usr/bin/env bash
# Build the wheel, install it in a new virtualenv outside the source tree, and run it there:
# the built-in library must be found and valid, a practice must render, and the window must
# open offscreen. The venv borrows the already installed dependencies (--system-site-packages)
# so the check is quick; the wheel itself is installed with --no-deps from the file.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen SDL_AUDIODRIVER=dummy PYGAME_HIDE_SUPPORT_PROMPT=1
export KAPCOMPANION_DATA_DIR="$WORK/data"

python3 -m pip wheel -q --no-deps -w "$WORK/dist" "$ROOT"
python3 -m venv --system-site-packages "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --no-deps "$WORK"/dist/kapcompanion-*.whl
cd "$WORK"   # nothing from the source tree on the path
PY="$WORK/venv/bin/python"
KAP="$WORK/venv/bin/kapcompanion"

where=$("$PY" -c 'import kapcompanion; print(kapcompanion.__file__)')
case "$where" in "$WORK"/venv/*) ;; *) echo "wheel check: imported $where, not the wheel" >&2; exit 1 ;; esac
"$KAP" --version
scripts=$("$PY" -c 'from kapcompanion.resources import builtin_scripts; print(builtin_scripts())')
case "$scripts" in "$WORK"/venv/*) ;; *) echo "wheel check: scripts at $scripts" >&2; exit 1 ;; esac
"$KAP" validate "$scripts"
count=$("$KAP" list --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)["practices"]))')
[ "$count" -ge 20 ] || { echo "wheel check: only $count entries in the library" >&2; exit 1; }
"$KAP" render box-breathing -o "$WORK/box.wav" >/dev/null
"$PY" - <<'PY'
from PySide6.QtWidgets import QApplication
from kapcompanion.ui.app import create_window
w = create_window([])
QApplication.processEvents()
assert len(w.practices) >= 20, len(w.practices)
assert w.isVisible()
w.close()
print(f"window opened offscreen with {len(w.practices)} practices")
PY
echo "wheel check: ok ($count library entries)"
