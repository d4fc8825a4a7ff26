"""The desktop app (Qt Widgets only)."""

from kapcompanion.ui.qtguard import guard_none

guard_none()
