"""What the plugin adds to django-cookie-consent's CookieGroup and Cookie."""

from cookie_consent.models import Cookie, CookieGroup
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin

from .banner_form import BannerSettingsForm
from .banner_revisions import latest_wording_revision
from .conf import settings
from .fingerprint import texts_fingerprint
from .locales import active_locale, policy_page_in
from .permissions import MANAGE_CATEGORIES
from .script_form import GatedScriptForm, SafePromisePanel
from .wordings import synchronised


class Storage(models.TextChoices):
    COOKIE = "cookie", _("Cookie")
    LOCAL = "local", _("localStorage key")
    SESSION = "session", _("sessionStorage key")


class CookieCategory(CookieGroup):
    """django-cookie-consent's CookieGroup under the name editors know it by.

    A proxy: the same rows and permissions (``cookie_consent.*_cookiegroup``); only
    the names the admin screens print differ.
    """

    class Meta:
        proxy = True
        verbose_name = _("cookie category")
        verbose_name_plural = _("cookie categories")
        default_permissions = ()


class CookieDetails(models.Model):
    """Facts about a declared cookie that django-cookie-consent does not store.

    The cookie's name may end in ``*`` to cover a family of names (``_ga_*``);
    the purpose is the cookie's own ``description``.
    """

    cookie = models.OneToOneField(
        Cookie, on_delete=models.CASCADE, related_name="details"
    )
    storage = models.CharField(
        _("kind"), max_length=10, choices=Storage.choices, default=Storage.COOKIE
    )
    duration = models.CharField(
        _("duration"),
        max_length=100,
        blank=True,
        help_text=_("For example: 2 years, session."),
    )
    provider = models.CharField(
        _("set by"),
        max_length=100,
        blank=True,
        help_text=_("Who sets it, for example: Google."),
    )

    class Meta:
        verbose_name = _("cookie details")
        verbose_name_plural = _("cookie details")
        # Declared here because django-cookie-consent's models are not ours.
        permissions = [
            (
                "manage_cookie_categories",
                "Can change what cookie categories do (required, order, cookies)",
            )
        ]

    def __str__(self):
        return f"{self.cookie.name} ({self.get_storage_display()})"


class Placement(models.TextChoices):
    HEAD = "head", _("In the page head")
    BODY = "body", _("At the end of the page body")


class GatedScriptQuerySet(models.QuerySet):
    def live(self):
        return self.filter(enabled=True, category__is_required=False)

    def one_per_script(self, default_locale_id=None):
        """One row per script (translation key): the default locale's, else the
        oldest. Translations share the script; a page must not run it twice."""
        chosen = {}
        for script in sorted(
            self, key=lambda s: (s.locale_id != default_locale_id, s.pk)
        ):
            chosen.setdefault(script.translation_key, script)
        return sorted(chosen.values(), key=lambda s: (s.name, s.pk))


# What a script does is the same in every language: saving one translation gives
# the others the same behaviour, and wagtail-localize copies it instead of
# offering the code for translation. Only the name is wording.
SCRIPT_BEHAVIOUR = (
    "category_id",
    "src",
    "code",
    "placement",
    "enabled",
    "updated_at",
    "safe_on_sensitive_pages",
    "safe_marked_by_id",
    "safe_marked_at",
)

SAFE_ON_SENSITIVE_HELP = _(
    "Tick only if this script sends nothing about the page to anyone but this "
    "site's own servers (for example self-hosted, first-party analytics). On "
    "pages about health topics it then runs for visitors who accept its "
    "category, and the plugin tells it the page type instead of the page's "
    "title and address; it can still read the page itself, so the promise is "
    "yours, and it is recorded with your name and the time. Marketing scripts "
    "never run on sensitive pages."
)


class GatedScript(TranslatableMixin, models.Model):
    """A script that may only run once the visitor accepts its category."""

    name = models.CharField(_("name"), max_length=100)
    category = models.ForeignKey(
        CookieGroup,
        verbose_name=_("category"),
        # A category with scripts cannot be deleted by accident.
        on_delete=models.PROTECT,
        related_name="gated_scripts",
        limit_choices_to={"is_required": False},
        help_text=_("The script runs only for visitors who accept this category."),
    )
    src = models.URLField(
        _("external address"),
        max_length=500,
        blank=True,
        help_text=_(
            "Address of an external script. Leave empty to use the code below."
        ),
    )
    code = models.TextField(
        _("code"),
        blank=True,
        help_text=_("JavaScript without <script> tags. It is served as its own file."),
    )
    placement = models.CharField(
        _("placement"),
        max_length=10,
        choices=Placement.choices,
        default=Placement.BODY,
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The operator's promise (consent.sensitivity); who made it and when is
    # stamped by GatedScriptForm, and again whenever the code changes.
    safe_on_sensitive_pages = models.BooleanField(
        _("safe on sensitive pages"), default=False, help_text=SAFE_ON_SENSITIVE_HELP
    )
    safe_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked safe by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    safe_marked_at = models.DateTimeField(
        _("marked safe at"), null=True, blank=True, editable=False
    )

    objects = GatedScriptQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("category"),
        FieldPanel("placement"),
        MultiFieldPanel([FieldPanel("src"), FieldPanel("code")], heading=_("Script")),
        FieldPanel("enabled"),
        MultiFieldPanel(
            [FieldPanel("safe_on_sensitive_pages"), SafePromisePanel()],
            heading=_("Pages about health topics"),
        ),
    ]
    base_form_class = GatedScriptForm

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("gated script")
        permissions = [
            ("manage_gated_scripts", "Can create, edit and delete gated scripts")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        GatedScript.objects.filter(translation_key=self.translation_key).exclude(
            pk=self.pk
        ).update(**{name: getattr(self, name) for name in SCRIPT_BEHAVIOUR})

    def clean(self):
        if bool(self.src) == bool(self.code.strip()):
            raise ValidationError(
                _("Give either an external address or code, not both.")
            )
        if self.category_id and self.category.is_required:
            raise ValidationError(
                {"category": _("Strictly necessary scripts do not need gating.")}
            )
        if (
            self.safe_on_sensitive_pages
            and self.category_id
            and self.category.varname in settings.CONSENT_SENSITIVE_BLOCKED_CATEGORIES
        ):
            raise ValidationError(
                {
                    "safe_on_sensitive_pages": _(
                        "Scripts of this category never run on sensitive pages."
                    )
                }
            )

    @property
    def version(self):
        return int(self.updated_at.timestamp())


GatedScript.override_translatable_fields = synchronised("code")


# Visitors agreed to words: saving different ones starts a new texts revision.
ASKS_AGAIN = _("Saving new wording asks every visitor to choose again.")

# What each choice means, in the default button labels' words. Sites whose message
# was never edited get a newer default through a data migration (0008).
DEFAULT_MESSAGE = gettext_noop(
    "We use strictly necessary cookies to make this site work. “Accept all” also "
    "allows analytics, personalisation and marketing (advertising) cookies. "
    "“Reject all” keeps only the necessary ones. “Customise” lets you choose each "
    "category."
)


@register_setting(icon="cog")
class BannerSettings(BaseSiteSetting):
    title = models.CharField(
        _("title"),
        max_length=100,
        default=gettext_noop("Cookies on this site"),
        help_text=ASKS_AGAIN,
    )
    message = models.TextField(
        _("message"),
        default=DEFAULT_MESSAGE,
        help_text=ASKS_AGAIN,
    )
    accept_label = models.CharField(
        _("accept button"),
        max_length=40,
        default=gettext_noop("Accept all"),
        help_text=ASKS_AGAIN,
    )
    reject_label = models.CharField(
        _("reject button"),
        max_length=40,
        default=gettext_noop("Reject all"),
        help_text=ASKS_AGAIN,
    )
    customise_label = models.CharField(
        _("customise button"),
        max_length=40,
        default=gettext_noop("Customise"),
        help_text=ASKS_AGAIN,
    )
    save_label = models.CharField(
        _("save button"),
        max_length=40,
        default=gettext_noop("Save choices"),
        help_text=ASKS_AGAIN,
    )
    policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("cookie policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The cookie policy page the banner links to. Choosing another page, or "
            "publishing new wording on this one, asks every visitor to choose again."
        ),
    )
    google_consent_mode = models.BooleanField(
        _("Google Consent Mode"),
        default=True,
        help_text=_(
            "Tell Google tags what visitors chose (Consent Mode v2). Takes effect "
            "only where the site's CONSENT_GOOGLE_CONSENT_MODE setting is on. "
            "Changing it does not ask visitors again."
        ),
    )
    # Proof of consent: which wording visitors agreed to. The revision goes up
    # when the banner texts or the policy page's text change, and visitors who
    # decided under an older revision are asked again.
    texts_revision = models.PositiveIntegerField(default=1, editable=False)
    texts_hash = models.CharField(max_length=64, blank=True, editable=False)

    # Every page links the policy page: read it with the settings.
    select_related = ["policy_page"]

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        MultiFieldPanel(
            [
                FieldPanel("accept_label"),
                FieldPanel("reject_label"),
                FieldPanel("customise_label"),
                FieldPanel("save_label"),
            ],
            heading=_("Button labels"),
        ),
        FieldPanel("policy_page"),
        FieldPanel("google_consent_mode", permission=MANAGE_CATEGORIES),
    ]

    base_form_class = BannerSettingsForm

    class Meta:
        verbose_name = _("cookie banner")

    @classmethod
    def for_site(cls, site):
        """The site's saved settings, or the defaults unsaved.

        Wagtail's ``for_site`` creates the row on first read; every page shows the
        banner, and a save counts as a change of declarations, which purges every
        cached page. The editor's first save stores the row.
        """
        if site is None:
            raise cls.DoesNotExist(f"{cls.__name__} does not exist for site None.")
        saved = cls.base_queryset().filter(site=site).first()
        if saved is not None:
            return saved
        defaults = cls(site=site)
        defaults.refresh_texts_revision()
        return defaults

    def policy_url(self, request=None):
        """Where the banner's policy link leads: the chosen cookie policy page (in
        the active language when that translation is live) while it is live, else
        the plugin's own cookie settings page."""
        page = self.policy_page
        if page is not None and page.live:
            for candidate in (policy_page_in(active_locale(), page), page):
                if url := candidate.get_url(request):
                    return url
        return reverse("cookie_consent_cookie_group_list")

    def save(self, *args, **kwargs):
        self.refresh_texts_revision()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "texts_revision",
                "texts_hash",
            }
        super().save(*args, **kwargs)

    def refresh_texts_revision(self):
        """Store the texts' fingerprint; a different one starts a new revision."""
        fingerprint = self.fingerprint()
        if fingerprint == self.texts_hash:
            return False
        if self.texts_hash:  # the first fingerprint is revision 1, not a change
            # One counter for every language of the site (banner_revisions).
            self.texts_revision = (
                max(self.texts_revision, latest_wording_revision(self.site_id)) + 1
            )
        self.texts_hash = fingerprint
        return True

    def fingerprint(self):
        return texts_fingerprint(*self.texts(), policy_text(self.policy_page))

    def texts(self):
        """The wording visitors see, in order (for proof of consent)."""
        return [
            self.title,
            self.message,
            self.accept_label,
            self.reject_label,
            self.customise_label,
            self.save_label,
        ]


TEXT_FIELDS = (models.CharField, models.TextField, StreamField)
PAGE_FIELDS_THAT_ARE_NOT_TEXT = {"slug", "url_path", "draft_title", "locked_by"}


def policy_text(page):
    """The live wording of a cookie policy page: its title and its own text fields.

    Wagtail's bookkeeping fields (path, slug, dates…) are left out, so only a change
    of what visitors read gives a new fingerprint.
    """
    if page is None:
        return ""
    page = page.specific
    parts = [page.title]
    for field in page._meta.concrete_fields:
        if (
            field.model is not Page
            and isinstance(field, TEXT_FIELDS)
            and field.name not in PAGE_FIELDS_THAT_ARE_NOT_TEXT
        ):
            parts.append(f"{field.name}={field.value_to_string(page)}")
    return "\n".join(parts)


# What the last audit_consent runs found (the consent report shows the latest), and
# the translatable wording of categories, cookies and the banner (consent.wordings).
from .audit_results import AuditResult  # noqa: E402,F401
from .wordings import BannerWording, CategoryWording, CookiePurpose  # noqa: E402,F401
