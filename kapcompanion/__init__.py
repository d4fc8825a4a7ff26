"""KAP Companion: a calm, offline practice companion for ketamine-assisted psychotherapy."""

import os as _os

__version__ = "0.1.0"

# The voice runs on onnxruntime, whose Linux and macOS builds (1.2x and later) collect
# telemetry: a device id under ~/.cache/Microsoft and uploads to Microsoft. The app makes
# no network connection and writes only in its data dir, so it is switched off for the
# whole process before onnxruntime can start (the variable is read once, at its start).
_os.environ["ORT_DISABLE_TELEMETRY"] = "1"
