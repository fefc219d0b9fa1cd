"""What visitors read about categories and the banner, per language.

django-cookie-consent's ``CookieGroup`` and ``Cookie`` and the plugin's
``BannerSettings`` hold what the plugin *does* (varname, required, order, cookie
names, policy page) once for every language, with their wording in the default
language. The models here hold the same wording per Wagtail ``Locale``, as
translatable snippets, so that Wagtail's i18n and wagtail-localize can translate
them. The default locale's rows mirror the behaviour rows' wording (kept so by
``consent.signal_handlers``) and are the source translators start from; a
language without a row, or a row with an empty text, falls back to the default
wording.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin

from .fingerprint import texts_fingerprint

try:  # wagtail-localize is optional: it only reads these declarations.
    from wagtail_localize.fields import SynchronizedField
except ImportError:  # pragma: no cover - exercised without wagtail-localize
    SynchronizedField = None


def synchronised(*names):
    """For wagtail-localize: fields copied to translations as they are, where it
    would otherwise offer every text field for translation."""
    if SynchronizedField is None:
        return []
    return [SynchronizedField(name) for name in names]


class WordingForm(WagtailAdminModelForm):
    """What a wording belongs to (its category or site) is chosen once: every
    translation shares it."""

    owner_field = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.owner_field in self.fields:
            self.fields[self.owner_field].disabled = True


class CategoryWordingForm(WordingForm):
    owner_field = "category"


class BannerWordingForm(WordingForm):
    owner_field = "site"


def refuse_second_wording(wording, owner_field):
    # Django leaves the (owner, locale) constraint out of form validation, locale
    # not being a form field; without this a second one is a 500.
    owner_id = getattr(wording, f"{owner_field}_id")
    if owner_id is None or wording.locale_id is None:
        return
    others = (
        type(wording)
        .objects.filter(
            **{f"{owner_field}_id": owner_id, "locale_id": wording.locale_id}
        )
        .exclude(pk=wording.pk)
    )
    if others.exists():
        raise ValidationError(
            {owner_field: _("It already has wording in this language.")}
        )


class CategoryWording(TranslatableMixin, ClusterableModel):
    """A cookie category's name and description, and its cookies' purposes, in
    one language."""

    category = models.ForeignKey(
        "cookie_consent.CookieGroup",
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="wordings",
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("category"),
        FieldPanel("name"),
        FieldPanel("description"),
        InlinePanel("purposes", heading=_("Purposes of the declared cookies")),
    ]
    base_form_class = CategoryWordingForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cookie category wording")
        verbose_name_plural = _("cookie category wordings")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "locale"], name="consent_one_wording_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from .locales import default_locale_id

        if self.locale_id == default_locale_id():
            self.write_back()

    def clean(self):
        refuse_second_wording(self, "category")

    def write_back(self):
        """The default locale's wording is the category's own: an edit of it here
        reaches the category and its cookies (whose saves mirror it back, equal)."""
        group = self.category
        if (group.name, group.description) != (self.name, self.description):
            group.name, group.description = self.name, self.description
            group.save()
        for purpose in self.purposes.select_related("cookie"):
            if purpose.cookie.description != purpose.purpose:
                purpose.cookie.description = purpose.purpose
                purpose.cookie.save()


class CookiePurpose(TranslatableMixin, Orderable):
    """What a declared cookie is for, in the language of its category wording."""

    wording = ParentalKey(
        CategoryWording, on_delete=models.CASCADE, related_name="purposes"
    )
    cookie = models.ForeignKey(
        "cookie_consent.Cookie",
        verbose_name=_("cookie"),
        on_delete=models.CASCADE,
        related_name="purposes",
    )
    purpose = models.TextField(_("purpose"), blank=True)

    panels = [FieldPanel("cookie", read_only=True), FieldPanel("purpose")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cookie purpose")
        verbose_name_plural = _("cookie purposes")

    def __str__(self):
        return self.purpose


class BannerWording(TranslatableMixin, models.Model):
    """The banner's texts for one site in one language, with their own texts
    revision: visitors reading this language are asked again when it changes."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=100)
    message = models.TextField(_("message"))
    accept_label = models.CharField(_("accept button"), max_length=40)
    reject_label = models.CharField(_("reject button"), max_length=40)
    customise_label = models.CharField(_("customise button"), max_length=40)
    save_label = models.CharField(_("save button"), max_length=40)
    texts_revision = models.PositiveIntegerField(default=1, editable=False)
    texts_hash = models.CharField(max_length=64, blank=True, editable=False)

    TEXT_FIELDS = (
        "title",
        "message",
        "accept_label",
        "reject_label",
        "customise_label",
        "save_label",
    )

    panels = [FieldPanel("site"), *map(FieldPanel, TEXT_FIELDS)]
    base_form_class = BannerWordingForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cookie banner wording")
        verbose_name_plural = _("cookie banner wordings")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "locale"], name="consent_one_banner_wording_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.locale})"

    def save(self, *args, **kwargs):
        from .banner_revisions import refresh_wording_revision

        refresh_wording_revision(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "texts_revision",
                "texts_hash",
            }
        super().save(*args, **kwargs)

    def clean(self):
        refuse_second_wording(self, "site")

    def texts(self):
        """The wording visitors see, in order (as ``BannerSettings.texts``)."""
        return [getattr(self, name) for name in self.TEXT_FIELDS]

    def fingerprint(self, policy_page):
        from .models import policy_text

        return texts_fingerprint(*self.texts(), policy_text(policy_page))
