"""Self-audit of cookie consent: what a headless browser sees on the site's pages.

``run_audit`` (browser) gathers; ``classify_*`` (pure) judge; ``AuditReport``
renders. The ``audit_consent`` management command ties them together.
"""

from .browser import AuditError, run_audit
from .classify import (
    ACCEPT,
    BEFORE,
    REJECT,
    Declaration,
    Finding,
    classify_cookies,
    classify_requests,
    classify_storage,
    domain_covers,
)
from .report import AuditReport, PageResult, PhaseResult, render_text

__all__ = [
    "ACCEPT",
    "BEFORE",
    "REJECT",
    "AuditError",
    "AuditReport",
    "Declaration",
    "Finding",
    "PageResult",
    "PhaseResult",
    "classify_cookies",
    "classify_requests",
    "classify_storage",
    "domain_covers",
    "render_text",
    "run_audit",
]
