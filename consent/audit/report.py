"""The audit's result as data, and its two renderings: text and JSON-ready dict."""

from __future__ import annotations

from dataclasses import dataclass, field

from .classify import (
    INFO,
    LEAK,
    OK,
    PHASE_TITLES,
    STORAGE_LABELS,
    VIOLATION,
    Finding,
)


@dataclass
class PageResult:
    url: str
    status: int | None = None  # HTTP status of the page, None when it did not load
    error: str = ""  # why the page could not be audited
    findings: list[Finding] = field(default_factory=list)
    sensitive: bool = False  # the page says so (checked after Accept all)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.verdict == VIOLATION]


@dataclass
class PhaseResult:
    phase: str
    pages: list[PageResult] = field(default_factory=list)
    note: str = ""  # for example: which button was clicked

    @property
    def title(self) -> str:
        return PHASE_TITLES[self.phase]

    @property
    def violations(self) -> list[tuple[str, Finding]]:
        return [(p.url, f) for p in self.pages for f in p.violations]


@dataclass
class AuditReport:
    base_url: str
    urls: list[str]
    phases: list[PhaseResult] = field(default_factory=list)

    @property
    def violations(self) -> list[dict]:
        """Every violation as ``{"phase", "url", "kind", "name", ...}``."""
        return [
            {"phase": phase.phase, "url": url, **finding.as_dict()}
            for phase in self.phases
            for url, finding in phase.violations
        ]

    @property
    def leaks(self) -> list[dict]:
        return [v for v in self.violations if v["kind"] == LEAK]

    @property
    def sensitive_urls(self) -> list[str]:
        return sorted(
            {
                page.url
                for phase in self.phases
                for page in phase.pages
                if page.sensitive
            }
        )

    @property
    def errors(self) -> list[str]:
        return [
            f"{PHASE_TITLES[phase.phase]}: {page.url}: {page.error}"
            for phase in self.phases
            for page in phase.pages
            if page.error
        ]

    @property
    def clean(self) -> bool:
        return not self.violations and not self.errors

    def as_dict(self) -> dict:
        return {
            "base_url": self.base_url,
            "urls": self.urls,
            "clean": self.clean,
            "violations": self.violations,
            "sensitive_urls": self.sensitive_urls,
            "leaks": len(self.leaks),
            "errors": self.errors,
            "phases": [
                {
                    "phase": phase.phase,
                    "title": phase.title,
                    "note": phase.note,
                    "violations": len(phase.violations),
                    "pages": [
                        {
                            "url": page.url,
                            "status": page.status,
                            "error": page.error,
                            "verdict": _page_verdict(page),
                            "sensitive": page.sensitive,
                            "findings": [f.as_dict() for f in page.findings],
                        }
                        for page in phase.pages
                    ],
                }
                for phase in self.phases
            ],
        }


def _page_verdict(page: PageResult) -> str:
    if page.error:
        return "error"
    return "violation" if page.violations else "clean"


_MARKS = {OK: "ok", VIOLATION: "VIOLATION", INFO: "info"}


def _what(finding: Finding) -> str:
    if finding.kind == "cookie":
        where = f" ({finding.domain})" if finding.domain else ""
        return f"cookie {finding.name}{where}"
    if finding.kind in STORAGE_LABELS:
        return f"{STORAGE_LABELS[finding.kind]} key {finding.name}"
    if finding.kind == LEAK:
        return f"LEAK to {finding.domain}: {finding.name}"
    return f"request to {finding.name}"


def render_text(report: AuditReport) -> str:
    """A readable list per phase: each page, what was found and the verdict."""
    lines = [f"Consent audit of {report.base_url} ({len(report.urls)} page(s))"]
    for phase in report.phases:
        count = len(phase.violations)
        lines += ["", f"== {phase.title}: {count} violation(s)"]
        if phase.note:
            lines.append(f"   {phase.note}")
        for page in phase.pages:
            status = f" [{page.status}]" if page.status else ""
            sensitive = " (sensitive page)" if page.sensitive else ""
            lines.append(
                f"  {page.url}{status}{sensitive}: {_page_verdict(page).upper()}"
            )
            if page.error:
                lines.append(f"      error: {page.error}")
            elif not page.findings:
                lines.append("      nothing new: no cookies, storage or other hosts")
            for finding in page.findings:
                mark = _MARKS[finding.verdict]
                lines.append(f"      {mark:<9} {_what(finding)}: {finding.reason}")
    by_phase = ", ".join(f"{p.title}: {len(p.violations)}" for p in report.phases)
    total = len(report.violations)
    lines += ["", f"Result: {total} violation(s) ({by_phase})"]
    lines.append(
        f"Leak check: {len(report.leaks)} leak(s) on "
        f"{len(report.sensitive_urls)} sensitive page(s) after Accept all"
    )
    if report.errors:
        lines.append(f"{len(report.errors)} page(s) could not be audited")
    return "\n".join(lines)
