"""KAP Companion: a calm, offline practice companion for ketamine-assisted psychotherapy."""

__version__ = "0.1.0"
