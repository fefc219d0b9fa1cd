"""Tell caches when anything a page embeds about consent changes."""

from cookie_consent.models import Cookie, CookieGroup
from django.core.exceptions import ValidationError
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site
from wagtail.signals import page_published

from . import declarations
from .cookie_names import validate_declared_cookie
from .models import BannerSettings, CookieCategory, CookieDetails, GatedScript
from .signals import declarations_changed

# Django sends a proxy model's save and delete signals with the proxy as sender.
CATEGORY_MODELS = [CookieGroup, CookieCategory]
WATCHED = [*CATEGORY_MODELS, Cookie, CookieDetails, GatedScript, BannerSettings]


def announce_change(sender, instance, **kwargs):
    declarations.forget()
    declarations_changed.send(sender=sender, instance=instance)


def renew_version_of_renamed_cookie(sender, instance, **kwargs):
    # The category's version is the creation time of its newest cookie; renaming
    # a cookie declares a different one, so visitors must be asked again.
    if not instance.pk:
        return
    previous = sender.objects.filter(pk=instance.pk).values("name", "domain").first()
    if previous and previous != {"name": instance.name, "domain": instance.domain}:
        instance.created = timezone.now()


def refuse_bad_declaration(sender, instance, **kwargs):
    # On save, not only in full_clean: the shell, importers and fixtures save
    # without full_clean, and the rule compares the row with other categories.
    validate_declared_cookie(instance.name, instance.cookiegroup)


def keep_varname(sender, instance, raw=False, **kwargs):
    # Stored choices and consent records name categories by varname, and
    # CookieGroup is not ours to give a clean(): so the guard is here, for every save.
    if raw or not instance.pk:
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("varname", flat=True)
    if stored and stored[0] != instance.varname:
        raise ValidationError(
            {"varname": _("A category's varname cannot be changed once saved.")}
        )


def refresh_policy_texts(sender, instance, **kwargs):
    # The banner settings keep a fingerprint of their cookie policy page's text:
    # publishing a new wording of it starts a new texts revision.
    for banner in BannerSettings.objects.filter(policy_page_id=instance.pk):
        if banner.refresh_texts_revision():
            banner.save()


def connect():
    for model in WATCHED:
        post_save.connect(
            announce_change, sender=model, dispatch_uid=f"consent-{model.__name__}-save"
        )
        post_delete.connect(
            announce_change,
            sender=model,
            dispatch_uid=f"consent-{model.__name__}-delete",
        )
    page_published.connect(refresh_policy_texts, dispatch_uid="consent-policy-texts")
    for signal in (post_save, post_delete):
        signal.connect(
            declarations.forget_sites,
            sender=Site,
            dispatch_uid=f"consent-site-{signal is post_save}",
        )
    pre_save.connect(
        refuse_bad_declaration, sender=Cookie, dispatch_uid="consent-cookie-rules"
    )
    for model in CATEGORY_MODELS:
        pre_save.connect(
            keep_varname,
            sender=model,
            dispatch_uid=f"consent-{model.__name__}-varname",
        )
    pre_save.connect(
        renew_version_of_renamed_cookie,
        sender=Cookie,
        dispatch_uid="consent-cookie-rename",
    )
