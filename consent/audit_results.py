"""The outcome of each ``audit_consent`` run, for the consent report page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditResultQuerySet(models.QuerySet):
    def latest_run(self):
        return self.order_by("-finished_at", "-pk").first()


class AuditResult(models.Model):
    """Counts only: the full report is the command's output."""

    finished_at = models.DateTimeField(_("finished at"), auto_now_add=True)
    base_url = models.CharField(_("site audited"), max_length=500)
    pages = models.PositiveIntegerField(_("pages"))
    sensitive_pages = models.PositiveIntegerField(_("sensitive pages"))
    violations = models.PositiveIntegerField(_("consent violations"))
    leaks = models.PositiveIntegerField(_("leaks"))
    errors = models.PositiveIntegerField(_("pages not audited"))

    objects = AuditResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent audit result")
        default_permissions = ()

    def __str__(self):
        return f"{self.base_url} {self.finished_at:%Y-%m-%d %H:%M}"

    @property
    def clean(self) -> bool:
        return not (self.violations or self.leaks or self.errors)
