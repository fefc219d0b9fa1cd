"""Which Wagtail locale visitors read, and the default one."""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


def active_language_code():
    """The content language (``Locale.language_code``) of the active language, or
    None when that is the default language: reading the default costs no query."""
    try:
        active = get_supported_content_language_variant(translation.get_language())
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return None
    return None if active == default else active


def active_locale():
    """The Locale of the active language; None for the default language."""
    code = active_language_code()
    return Locale.objects.filter(language_code=code).first() if code else None


def default_locale_id():
    """The default Locale's id; None before Wagtail's tree exists (a flushed
    database), when there is nothing to translate yet."""
    try:
        return Locale.get_default().pk
    except (Locale.DoesNotExist, LookupError):
        return None


def policy_page_in(locale, page):
    """The policy page in ``locale`` while that translation is live, else ``page``."""
    if page is None or locale is None:
        return page
    translation = page.get_translation_or_none(locale)
    if translation is not None and translation.live:
        return translation
    return page
