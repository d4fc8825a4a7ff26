"""The domain: practice model, safe loading and validation, timeline, session, library.

Nothing here imports Qt or pygame (a test checks it).
"""
