"""Texts revisions of the banner when it speaks several languages.

A site has one counter of revisions for all its languages: a change of the wording
in one language gives that language the site's next revision. Visitors store the
site's newest revision when they decide (``declarations.site_texts``), so a visitor
is asked again exactly when the wording of the language they read changed after
their decision, whatever language the decision was posted in.
"""

from django.db.models import Max

from .locales import default_locale_id, policy_page_in


def latest_wording_revision(site_id):
    from .wordings import BannerWording

    found = BannerWording.objects.filter(site_id=site_id).aggregate(
        latest=Max("texts_revision")
    )["latest"]
    return found or 0


def refresh_wording_revision(wording):
    """Store the wording's fingerprint (True when it changed); a different one
    takes the site's next revision. The default locale's wording is the banner
    settings' own texts: it writes them there and takes their revision."""
    from .models import BannerSettings

    banner = BannerSettings.for_site(wording.site)
    if wording.locale_id == default_locale_id():
        if banner.texts() != wording.texts() or banner.pk is None:
            for name, text in zip(wording.TEXT_FIELDS, wording.texts(), strict=True):
                setattr(banner, name, text)
            banner.save()
        if wording.pk is None:
            # Saving the settings wrote this locale's row (signal_handlers): be it.
            mirror = type(wording).objects.filter(
                site_id=wording.site_id, locale_id=wording.locale_id
            )
            wording.pk, wording.translation_key = mirror.values_list(
                "pk", "translation_key"
            ).first() or (None, wording.translation_key)
            wording._state.adding = wording.pk is None
        changed = wording.texts_hash != banner.texts_hash
        wording.texts_revision = banner.texts_revision
        wording.texts_hash = banner.texts_hash
        return changed
    fingerprint = wording.fingerprint(
        policy_page_in(wording.locale, banner.policy_page)
    )
    if fingerprint == wording.texts_hash:
        return False
    wording.texts_revision = (
        max(banner.texts_revision, latest_wording_revision(wording.site_id)) + 1
    )
    wording.texts_hash = fingerprint
    return True
