"""The desktop app (Qt Widgets only)."""
