"""The desktop app (Qt Widgets only)."""

from kapcompanion.ui.qtguard import guard_none
from kapcompanion.ui.qtimports import quicken

guard_none()
quicken()
