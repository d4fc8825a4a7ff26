"""Opening a pack: who it is from, their message, what it holds — then trust and import.

The pack is inspected first (nothing is written). Accepting runs the core's import, whose
confirm callback returns the person's answer; a refusal at any point is shown in plain
words with the core's message, and nothing is left behind (the core guarantees it).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.library import builtin_ids
from kapcompanion.core.packs import ImportResult, PackError, import_pack, inspect_pack
from kapcompanion.core.packs.format import NEW_KEY, UNSIGNED, VERIFIED, PackInfo, version_key
from kapcompanion.paths import data_folders
from kapcompanion.ui.catalogue import length_text
from kapcompanion.ui.packs.contents import audio_bytes, pack_items, size_text
from kapcompanion.ui.packs.widgets import label

log = logging.getLogger(__name__)


class ImportDialog(QDialog):
    """Shows a pack before import, or why it cannot be imported."""

    imported = Signal(object)  # ImportResult, once the pack is in the library

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.info: PackInfo | None = None
        self.result_value: ImportResult | None = None
        self.refusal = ""
        self.setWindowTitle(self.tr("Open a pack"))
        self.setAccessibleName(self.tr("Open a pack"))
        self.setMinimumSize(600, 560)

        self.head = label(role="h1")
        self.head.setAccessibleName(self.tr("Pack"))
        self.trust = label(selectable=True)
        self.fingerprint = label(role="h2", keyboard=True)
        self.fingerprint.setAccessibleName(self.tr("Key fingerprint"))
        self.fingerprint.hide()
        self.update_note = label(role="h2")
        self.update_note.hide()
        self.message_head = label(self.tr("Their message"), "h2")
        self.message = label(selectable=True)
        self.message.setAccessibleName(self.tr("Personal message"))
        self.message_card = QFrame()
        self.message_card.setObjectName("card")
        ml = QVBoxLayout(self.message_card)
        ml.setContentsMargins(16, 12, 16, 12)
        ml.addWidget(self.message)
        self.contents_head = label(self.tr("What it holds"), "h2")
        self.contents = label(selectable=True)
        self.contents.setTextFormat(Qt.TextFormat.RichText)
        self.contents.setAccessibleName(self.tr("What the pack holds"))
        self.warning = label(role="safety", selectable=True)
        self.warning.setAccessibleName(self.tr("Warning"))
        self.warning.hide()
        self.done_label = label(role="h2", selectable=True)
        self.done_label.hide()

        body = QWidget()
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 8, 0)
        bl.setSpacing(12)
        for w in (self.head, self.trust, self.fingerprint, self.update_note, self.warning):
            bl.addWidget(w)
        for w in (self.message_head, self.message_card, self.contents_head, self.contents):
            bl.addWidget(w)
        bl.addWidget(self.done_label)
        bl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # A long pack scrolls with the keyboard too: a Tab stop, so it shows the ring
        # (a transparent border of the ring's width when unfocused: it never shifts).
        scroll.setProperty("ring", True)
        scroll.setWidget(body)

        self.accept_button = QPushButton(self.tr("Import"))
        self.accept_button.setProperty("primary", True)
        self.accept_button.setAutoDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.accept_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.addWidget(scroll, 1)
        lay.addLayout(buttons)
        QWidget.setTabOrder(self.cancel_button, self.accept_button)
        self.accept_button.clicked.connect(self.accept_pack)
        self.cancel_button.clicked.connect(self.reject)

        try:
            self.info = inspect_pack(path, data_folders())
        except PackError as exc:
            self._refused(exc)
        except OSError as exc:
            self._refused(PackError(f"{path}: cannot be read ({exc.strerror or exc})"))
        else:
            self._offer(self.info)

    # -- states ------------------------------------------------------------------

    def _offer(self, info: PackInfo) -> None:
        meta = info.meta
        self.head.setText(
            self.tr("“{name}” — version {version}").format(name=meta.name, version=meta.version)
        )
        # who a pack is from is its key's confirmed name, never only what pack.yaml says
        who = (info.signer or meta.author) + (f", {meta.clinic}" if meta.clinic else "")
        if info.trust == VERIFIED:
            self.trust.setText(
                self.tr(
                    "From {who}. Signed by {signer}, verified: you have trusted this key before."
                ).format(who=who, signer=info.signer)
            )
            if info.similar_signers:  # two trusted keys with look-alike names: tell them apart
                self.trust.setText(
                    self.trust.text()
                    + " "
                    + self.tr(
                        "Another key you trust has a name that looks the same. "
                        "This key's fingerprint:"
                    )
                )
                self.fingerprint.setText(info.fingerprint or "")
                self.fingerprint.show()
            self.accept_button.setText(self.tr("Import"))
        elif info.trust == NEW_KEY:
            self.trust.setText(
                self.tr(
                    "From {who}. This is the first pack you have opened from {signer}'s key. "
                    "Before you trust it, you might check this fingerprint with your "
                    "therapist — it should match the one they see:"
                ).format(who=who, signer=info.signer)
            )
            self.fingerprint.setText(info.fingerprint or "")
            self.fingerprint.show()
            self.accept_button.setText(self.tr("Trust and import"))
        else:
            self.trust.setText(self.tr("From {who}.").format(who=who))
            self._warn(
                self.tr(
                    "This pack is not signed, so there is no way to know who it is from. "
                    "Nothing will be imported. You might ask your therapist for a signed pack."
                )
            )
            self.accept_button.setEnabled(False)
            self.accept_button.hide()
        if info.installed_version is not None and info.trust != UNSIGNED:
            self._versions(info.installed_version, meta.version)
        self.message.setText(meta.message)
        self.message_head.setVisible(bool(meta.message))
        self.message_card.setVisible(bool(meta.message))
        self.contents.setText(self._contents_html(info))
        self.accept_button.setAccessibleDescription(
            self.tr("Adds the pack's practices to your library")
        )
        self.accept_button.setFocus()

    def _versions(self, old: str, new: str) -> None:
        """Say how this pack relates to the version installed."""
        if version_key(new) > version_key(old):
            self.update_note.setText(
                self.tr("Update from version {old} to {new}").format(old=old, new=new)
            )
            self.update_note.show()
            self.accept_button.setText(self.tr("Update"))
        elif version_key(new) == version_key(old):
            self.update_note.setText(self.tr("You already have version {old}").format(old=old))
            self.update_note.show()
            self.accept_button.setText(self.tr("Import again"))
        else:
            self._warn(
                self.tr(
                    "You have version {old} of this pack; this file is version {new}, which "
                    "is older, so it cannot replace it. Nothing will change."
                ).format(old=old, new=new)
            )
            self.accept_button.setEnabled(False)
            self.accept_button.hide()
            self.cancel_button.setText(self.tr("Close"))

    def _contents_html(self, info: PackInfo) -> str:
        rows = []
        for item in pack_items(info):
            length = (
                self.tr("about {length}").format(length=length_text(item.seconds))
                if item.seconds is not None
                else self.tr("length not known yet")
            )
            rows.append(f"<li>{html.escape(item.title)} — {html.escape(length)}</li>")
        for _pid, title in info.programs:
            text = self.tr("Program: {title}").format(title=title)
            rows.append(f"<li>{html.escape(text)}</li>")
        audio = info.audio_files
        summary = self.tr("{n} practice(s), {m} program(s), {a} audio file(s) ({size}).").format(
            n=len(info.practices),
            m=len(info.programs),
            a=len(audio),
            size=size_text(audio_bytes(info)),
        )
        extra = ""
        if info.also_elsewhere:
            extra = (
                "<p>"
                + html.escape(
                    self.tr(
                        "Already in your library from elsewhere: {ids}. Your own practices "
                        "come first; the pack's take the place of built-in ones."
                    ).format(ids=", ".join(info.also_elsewhere))
                )
                + "</p>"
            )
        return (
            f"<p>{html.escape(summary)}</p><ul style='margin-left:-20px'>{''.join(rows)}</ul>"
            + extra
        )

    def _warn(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.show()

    def _refused(self, exc: PackError) -> None:
        self.refusal = exc.message
        self.head.setText(self.tr("This pack was not imported"))
        self.trust.hide()
        self.fingerprint.hide()
        self.update_note.hide()
        for w in (self.message_head, self.message_card, self.contents_head, self.contents):
            w.hide()
        hint = exc.hint[:1].upper() + exc.hint[1:]
        text = exc.message + (f"\n\n{hint}" if hint else "")
        if "nothing" not in text.lower():
            text += "\n\n" + self.tr("Nothing was added to your library.")
        self._warn(text)
        self.accept_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setFocus()

    # -- actions -----------------------------------------------------------------

    def accept_pack(self) -> ImportResult | None:
        """Import the pack shown (only if it is still what the person saw)."""
        seen = self.info
        if not self.accept_button.isEnabled() or seen is None or self.result_value is not None:
            return None

        def confirm(info: PackInfo) -> bool:
            # The answer was given for what was shown; a file swapped since is declined.
            return info.fingerprint == seen.fingerprint and info.meta == seen.meta

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = import_pack(
                self.path, data_folders(), known_ids=builtin_ids(), confirm=confirm
            )
        except PackError as exc:
            self._refused(exc)
            return None
        except OSError as exc:
            self._refused(PackError(f"{self.path}: cannot be read ({exc.strerror or exc})"))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not result.accepted:
            self._refused(
                PackError(
                    self.tr("{file} changed while it was open, so it was not imported.").format(
                        file=self.path.name
                    ),
                    self.tr("Open it again to see what it holds now."),
                )
            )
            return None
        self.result_value = result
        self._finished(result)
        self.imported.emit(result)
        return result

    def _finished(self, result: ImportResult) -> None:
        name = result.info.name
        text = {
            "unchanged": self.tr("You already have “{name}” version {version}; nothing changed."),
            "updated": self.tr("Updated “{name}” to version {version}."),
        }.get(result.status, self.tr("Imported “{name}”. Its practices are in your library now."))
        self.done_label.setText(text.format(name=name, version=result.info.meta.version))
        self.done_label.show()
        self.fingerprint.hide()
        self.accept_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setProperty("primary", True)
        self.cancel_button.style().unpolish(self.cancel_button)
        self.cancel_button.style().polish(self.cancel_button)
        self.cancel_button.setFocus()
