"""Tell caches when anything a page embeds about consent changes."""

from cookie_consent.models import Cookie, CookieGroup
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published

from . import declarations
from .banner_revisions import refresh_wording_revision
from .cookie_names import validate_declared_cookie
from .locales import default_locale_id
from .models import BannerSettings, CookieCategory, CookieDetails, GatedScript
from .signals import declarations_changed
from .wordings import BannerWording, CategoryWording, CookiePurpose

# Django sends a proxy model's save and delete signals with the proxy as sender.
CATEGORY_MODELS = [CookieGroup, CookieCategory]
WORDINGS = [CategoryWording, CookiePurpose, BannerWording]
WATCHED = [
    *CATEGORY_MODELS,
    Cookie,
    CookieDetails,
    GatedScript,
    BannerSettings,
    *WORDINGS,
]


def announce_change(sender, instance, **kwargs):
    # Again after the commit: a page view that read the old rows in between must
    # not leave them cached (with no expiry). The consent plugin's one copy of
    # this idiom: it may not import the glossary's (docs/architecture.md).
    declarations.forget()
    transaction.on_commit(declarations.forget)
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
    # publishing a new wording of it, or of its translation, starts a new texts
    # revision in that language.
    banners = BannerSettings.objects.filter(
        policy_page__translation_key=instance.translation_key
    )
    for banner in banners:
        if banner.refresh_texts_revision():
            banner.save()  # mirror_banner_wording refreshes the other languages
        else:
            refresh_translated_banners(banner.site_id)


# The default locale's wording rows mirror the texts of the behaviour rows: they
# are what translators (and wagtail-localize) translate from. Written with
# update() and bulk_create(), so mirroring never saves back.


def mirror_category_wording(sender, instance, raw=False, **kwargs):
    locale_id = default_locale_id()
    if raw or locale_id is None:
        return
    texts = {"name": instance.name, "description": instance.description}
    mirrors = CategoryWording.objects.filter(category=instance, locale_id=locale_id)
    if not mirrors.update(**texts):
        CategoryWording.objects.bulk_create(
            [CategoryWording(category=instance, locale_id=locale_id, **texts)]
        )


def mirror_cookie_purpose(sender, instance, raw=False, **kwargs):
    locale_id = default_locale_id()
    if raw or locale_id is None:
        return
    # A cookie moved to another category takes no purposes from the old one.
    CookiePurpose.objects.filter(cookie=instance).exclude(
        wording__category_id=instance.cookiegroup_id
    ).delete()
    wording = CategoryWording.objects.filter(
        category_id=instance.cookiegroup_id, locale_id=locale_id
    ).first()
    if wording is None:
        return
    mirrors = CookiePurpose.objects.filter(wording=wording, cookie=instance)
    if not mirrors.update(purpose=instance.description):
        CookiePurpose.objects.bulk_create(
            [
                CookiePurpose(
                    wording=wording,
                    cookie=instance,
                    locale_id=locale_id,
                    purpose=instance.description,
                    sort_order=wording.purposes.count(),
                )
            ]
        )


def mirror_banner_wording(sender, instance, raw=False, **kwargs):
    locale_id = default_locale_id()
    if raw or locale_id is None:
        return
    texts = {
        name: getattr(instance, name)
        for name in (*BannerWording.TEXT_FIELDS, "texts_revision", "texts_hash")
    }
    mirrors = BannerWording.objects.filter(site=instance.site_id, locale_id=locale_id)
    if not mirrors.update(**texts):
        BannerWording.objects.bulk_create(
            [BannerWording(site_id=instance.site_id, locale_id=locale_id, **texts)]
        )
    refresh_translated_banners(instance.site_id)


def refresh_translated_banners(site_id):
    # The policy page is part of what every language's wording fingerprints.
    others = BannerWording.objects.filter(site_id=site_id).exclude(
        locale_id=default_locale_id()
    )
    for wording in others:
        if refresh_wording_revision(wording):
            wording.save()


def connect_mirrors():
    for model in CATEGORY_MODELS:
        post_save.connect(
            mirror_category_wording,
            sender=model,
            dispatch_uid=f"consent-{model.__name__}-wording",
        )
    post_save.connect(
        mirror_cookie_purpose, sender=Cookie, dispatch_uid="consent-cookie-purpose"
    )
    post_save.connect(
        mirror_banner_wording,
        sender=BannerSettings,
        dispatch_uid="consent-banner-wording",
    )


def connect():
    connect_mirrors()
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
