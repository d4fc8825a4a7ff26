"""Saving from the editor: invalid drafts, files changed on disk, id clashes, disk errors."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kapcompanion.ui.editor.host import EditorHost
from kapcompanion.ui.editor.saving import atomic_write_text, same_content, stamp

log = logging.getLogger(__name__)

# Called as _translate("SaveFlow", "literal") so lupdate finds each string with its context.
_translate = QCoreApplication.translate


def save(ed: EditorHost) -> bool:
    """Write the editor's text to ``<user practices>/<id>.yaml``; True when written.

    The editor window announces the file written (its ``saved`` signal).

    Asks before saving a draft with errors (the library leaves such files out; once the
    person has said to save the draft, later saves of it do not ask again), before
    overwriting the file when it changed on disk since it was opened or saved ("Keep
    mine / Reload theirs / Cancel"), and before replacing another file with the same id.
    """
    ed.check_now()
    target = ed.target_path()
    if target is None:
        ed.show_banner(
            _translate(
                "SaveFlow",
                "Give the practice an id before saving — lowercase letters, digits and "
                "dashes, like id: my-evening-breath.",
            )
        )
        ed.edit.go_to(1, 1)
        return False
    errors = [d for d in ed.diagnostics if d.is_error]
    if errors and not ed.draft_ok:
        first = errors[0]
        choice = ed.ask(
            _translate("SaveFlow", "Save with problems?"),
            _translate(
                "SaveFlow",
                "This practice still has {n} error(s) — the first on line {line}: {message}.\n\n"
                "You can save it as a draft, but the library leaves it out until the errors "
                "are fixed.",
            ).format(n=len(errors), line=first.line, message=first.message),
            [
                ("save", _translate("SaveFlow", "Save as a draft")),
                ("cancel", _translate("SaveFlow", "Keep editing")),
            ],
            "save",  # they asked to save: Enter saves, Esc keeps editing
        )
        if choice != "save":
            return False
        ed.draft_ok = True  # from now on Ctrl+S saves the draft without asking again
    try:
        now = stamp(target)
    except OSError as exc:
        _cannot_save(ed, target, exc)
        return False
    if now is not None and target == ed.saved_path and not same_content(now, ed.saved_stamp):
        choice = ed.ask(
            _translate("SaveFlow", "Changed on disk"),
            _translate(
                "SaveFlow",
                "“{name}” was changed outside this editor after you opened it.\n\n"
                "Keep mine saves your version over it. Reload theirs replaces your text with "
                "the file on disk (you can undo that with Ctrl+Z).",
            ).format(name=target.name),
            [
                ("keep", _translate("SaveFlow", "Keep mine")),
                ("reload", _translate("SaveFlow", "Reload theirs")),
                ("cancel", _translate("SaveFlow", "Cancel")),
            ],
            "cancel",
        )
        if choice == "reload":
            reload_from_disk(ed)
            return False
        if choice != "keep":
            return False
    elif now is not None and target != ed.saved_path:
        choice = ed.ask(
            _translate("SaveFlow", "Replace a practice?"),
            _translate(
                "SaveFlow",
                "There is already a practice saved as “{name}” in your practices. "
                "Replace it with this one? (Or change the id to keep both.)",
            ).format(name=target.name),
            [
                ("replace", _translate("SaveFlow", "Replace it")),
                ("cancel", _translate("SaveFlow", "Cancel")),
            ],
            "cancel",
        )
        if choice != "replace":
            return False
    try:
        ed.saved_stamp = atomic_write_text(target, ed.text)
    except OSError as exc:
        _cannot_save(ed, target, exc)
        return False
    ed.saved_path = target
    ed.draft_ok = bool(errors)  # once it is valid, a new error asks again
    ed.edit.document().setModified(False)
    ed.show_banner("")
    ed.summary.setText(
        _translate("SaveFlow", "Saved to {path}.").format(path=target)
        if not errors
        else _translate(
            "SaveFlow", "Saved as a draft to {path}; the library shows it once it has no errors."
        ).format(path=target)
    )
    return True


def _cannot_save(ed: EditorHost, target: Path, exc: OSError) -> None:
    log.warning("cannot save %s: %s", target, exc)
    ed.show_banner(
        _translate(
            "SaveFlow",
            "Could not save to {path} ({error}). Your text is still here — check that "
            "the folder can be written and that there is free space, then save again.",
        ).format(path=target, error=exc.strerror or exc)
    )


def reload_from_disk(ed: EditorHost) -> None:
    """Replace the text with the saved file (one undoable edit) and trust it from now on."""
    path = ed.saved_path
    if path is None:
        return
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        ed.show_banner(
            _translate(
                "SaveFlow", "Could not read {path} ({error}); your text is unchanged."
            ).format(path=path, error=exc)
        )
        return
    ed.saved_stamp = stamp(path)
    ed.replace_text(text)
    ed.edit.document().setModified(False)
    ed.show_banner(_translate("SaveFlow", "Reloaded “{name}” from disk.").format(name=path.name))
