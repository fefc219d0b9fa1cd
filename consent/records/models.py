"""Proof of consent: one row per decision a visitor makes about cookies.

Data minimisation: a random id the visitor can quote, what they chose, which
versions and texts they were shown, how and when. No IP address, no user agent,
nothing that identifies a person without the id they hold.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .lookups import CategoryListField
from .querysets import ConsentRecordQuerySet


class ConsentSource(models.TextChoices):
    BANNER = "banner", _("Banner")
    PREFERENCES = "preferences", _("Preferences dialog")
    PAGE = "page", _("Cookies page")
    GPC = "gpc", _("Global Privacy Control")


class ConsentRecord(models.Model):
    consent_id = models.UUIDField(
        _("consent id"),
        db_index=True,
        help_text=_("Random id kept in the visitor's consent_id cookie."),
    )
    accepted = CategoryListField(_("accepted categories"), default=list, blank=True)
    declined = CategoryListField(_("declined categories"), default=list, blank=True)
    versions = models.JSONField(
        _("category versions shown"),
        default=dict,
        blank=True,
        help_text=_("Varname of each category mapped to the version shown."),
    )
    texts_hash = models.CharField(
        _("texts hash"),
        max_length=64,
        blank=True,
        help_text=_("SHA-256 of the banner and policy texts shown."),
    )
    texts_revision = models.PositiveIntegerField(_("texts revision"), default=0)
    source = models.CharField(_("source"), max_length=16, choices=ConsentSource)
    decided_at = models.DateTimeField(
        _("decided at"), default=timezone.now, db_index=True
    )

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-decided_at", "-pk"]
        # Records are written by visitors' decisions only, never edited by hand.
        default_permissions = ("view",)

    def __str__(self):
        decided = f"{self.decided_at:%Y-%m-%d %H:%M}"
        return f"{self.consent_id} {self.get_source_display()} {decided}"

    @property
    def accepted_display(self) -> str:
        return ", ".join(self.accepted)

    @property
    def declined_display(self) -> str:
        return ", ".join(self.declined)

    @property
    def versions_display(self) -> str:
        return "; ".join(f"{name}={version}" for name, version in self.versions.items())


def new_consent_id() -> uuid.UUID:
    return uuid.uuid4()
