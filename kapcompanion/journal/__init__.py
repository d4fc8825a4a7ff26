"""The private journal: SQLite store, migrations, encryption, backups, export and the session arc.

Qt-free and pygame-free, so the desktop views stay thin and the CLI can use it all.
"""
