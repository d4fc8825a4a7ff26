"""A child process for the ending-signal tests: the real app, at a question, words typed.

Usage: python -m tests.ui.ending_child PRACTICE_ID WORDS
Runs ``run_app`` with the practice; once the player waits at its first question (reached
by skipping), types WORDS into it and prints ``READY <seconds practised> <the sound player>``.

With ``--note`` for PRACTICE_ID: the app opens on the Journal, *New entry* is pressed, and
once the dialog shows WORDS are typed as the entry's words (and "Evening" as its title);
then ``READY 0 none``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kapcompanion.ui.app import AppWindow, new_application, run_app
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.player.gates import ReflectGate


def write_a_note(words: str) -> int:
    """Open the app, begin a new journal entry and type ``words`` into it."""
    from kapcompanion.ui.journal_pages.note_dialog import NoteDialog

    def typing() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NoteDialog):
            QTimer.singleShot(50, typing)
            return
        dialog.title_edit.setText("Evening")
        dialog.text_edit.insertPlainText(words)  # kept within a second, or at the end
        print("READY 0 none", flush=True)

    def to_journal() -> None:
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AppWindow))
        pages = win.parts.journal_pages
        assert pages is not None
        win.show_page("journal")
        QTimer.singleShot(0, pages.journal.new_entry)  # the dialog's own loop runs in it
        QTimer.singleShot(0, typing)

    QTimer.singleShot(100, to_journal)
    return run_app([sys.argv[0]])


def main() -> int:
    pid, words = sys.argv[1], sys.argv[2]
    new_application([sys.argv[0]])
    if pid == "--note":
        return write_a_note(words)
    practice = load_library().for_language("en")[pid]

    def to_question() -> None:
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AppWindow))
        view = win.player
        if view.session is None or view.ready_until is not None:
            QTimer.singleShot(50, to_question)
            return
        for _ in range(200):
            if view.gate is not None:
                break
            view.skip()
            view.tick()
        assert isinstance(view.gate, ReflectGate)
        view.gate.edit.insertPlainText(words)  # kept as a draft within a second, or at the end
        sound = type(view.player).__name__ if view.player and view.player.available else "none"
        print(f"READY {view.session.practised:.3f} {sound}", flush=True)

    QTimer.singleShot(100, to_question)
    return run_app([sys.argv[0]], practice=practice)


if __name__ == "__main__":
    sys.exit(main())
