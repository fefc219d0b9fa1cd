"""The fingerprint of the texts a visitor was shown (banner, policy page).

Part of the core: the banner settings keep it, and ``consent.records`` stores it in
each record (``consent.records.fingerprint`` re-exports it)."""

import hashlib


def texts_fingerprint(*texts: str | None) -> str:
    """SHA-256 (hex) of the exact texts shown, in order; None counts as empty.

    Each text is prefixed with its length so that ("ab", "c") and ("a", "bc")
    differ.
    """
    digest = hashlib.sha256()
    for text in texts:
        if text is not None and not isinstance(text, str):
            raise TypeError(f"texts_fingerprint takes strings, not {type(text)}.")
        encoded = (text or "").encode("utf-8")
        digest.update(f"{len(encoded)}:".encode())
        digest.update(encoded)
    return digest.hexdigest()
