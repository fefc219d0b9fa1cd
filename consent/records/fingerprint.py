"""Kept for code that imported the fingerprint from here: it lives in the core."""

from ..fingerprint import texts_fingerprint

__all__ = ["texts_fingerprint"]
