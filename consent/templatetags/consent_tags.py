from django import template
from django.urls import reverse
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .. import declarations, sensitivity
from ..conf import settings
from ..cookie_names import never_deleted
from ..inline_code import head_script
from ..state import DAY_MS

register = template.Library()


def client_config(texts=None):
    texts = texts or declarations.site_texts(None)
    return {
        "cookie": settings.COOKIE_CONSENT_NAME,
        "timeCookie": settings.CONSENT_TIME_COOKIE_NAME,
        "declined": settings.COOKIE_CONSENT_DECLINE,
        "acceptMs": settings.CONSENT_ACCEPT_MAX_AGE_DAYS * DAY_MS,
        "declineMs": settings.CONSENT_DECLINE_MAX_AGE_DAYS * DAY_MS,
        "urls": {
            "status": reverse("cookie_consent_status"),
            "accept": reverse("cookie_consent_accept"),
            "decline": reverse("cookie_consent_decline"),
            "save": reverse("consent_save"),
        },
        "gcm": settings.CONSENT_GOOGLE_CONSENT_MODE
        and texts["google_consent_mode"]
        and settings.CONSENT_GOOGLE_CONSENT_MODE_MAP,
        "gpc": settings.CONSENT_GPC_DECLINES,
        # Visitors who decided under an older revision of the texts are asked again.
        "texts": texts["texts_revision"],
        # Names and patterns the browser never expires, whatever is declared.
        "necessary": never_deleted(declarations.current()["categories"]),
        "groups": [
            {
                "id": c["id"],
                "version": c["version"],
                "changed": c["changed"],
                "cookies": [
                    {k: cookie[k] for k in ("name", "domain", "path", "storage")}
                    for cookie in c["cookies"]
                ],
            }
            for c in declarations.optional_categories()
        ],
    }


@register.simple_tag(takes_context=True)
def consent_head_script(context):
    """The categories as JSON, then the script that decides whether to ask."""
    request = context.get("request")
    texts = declarations.site_texts_for_request(request)
    config = client_config(texts)
    # A preview shows no banner: the head script must not make room for one.
    config["preview"] = is_preview(request)
    # The same for every visitor of the page: whether it is sensitive, and what
    # scripts may know of it (consent.sensitivity).
    config["page"] = sensitivity.page_context(sensitivity.shielded(context), request)
    # In the markup, not only the header: a copy served without the application's
    # headers still sends no address to other hosts.
    referrer = (
        '<meta name="referrer" content="same-origin">'
        if config["page"]["sensitive"]
        else ""
    )
    return mark_safe(
        referrer
        + json_script(config, "consent-config")
        + f"<script>{head_script()}</script>"
    )


@register.inclusion_tag("consent/gated_scripts.html", takes_context=True)
def gated_scripts(context, placement):
    """Inert ``<script type="text/plain">`` tags for the enabled gated scripts; on
    a sensitive page only those an operator marked safe there."""
    page = sensitivity.shielded(context)
    scripts = [
        s
        for s in declarations.current()["scripts"]
        if s["placement"] == placement and sensitivity.runs_on(s, page)
    ]
    for script in scripts:
        script["url"] = script["src"] or (
            reverse("consent_gated_script", args=[script["id"]])
            + f"?v={script['version']}"
        )
    return {"scripts": scripts}


def is_preview(request) -> bool:
    """Whether Wagtail renders this page as a preview (set by ``serve_preview``)."""
    return getattr(request, "is_preview", False)


@register.inclusion_tag("consent/banner_and_dialog.html", takes_context=True)
def consent_banner(context):
    """The banner, the preferences dialog and consent.js; nothing in a preview,
    where the banner would cover the page the editor is checking."""
    request = context.get("request")
    if is_preview(request):
        return {"show": False}
    banner = declarations.banner_settings_for_request(request)
    categories = declarations.categories()
    # Names the plugin ships show in the visitor's language (consent.defaults).
    gpc_names = [
        gettext(c["name"])
        for c in categories
        if c["id"] in settings.CONSENT_GPC_DECLINES
    ]
    return {
        "show": True,
        # The texts in the active language where it has its own, else the
        # settings' (default language) texts.
        "banner": declarations.site_texts_for_request(request)["wording"] or banner,
        "categories": categories,
        "gpc_names": gpc_names,
        "policy_url": banner.policy_url(request),
    }


@register.simple_tag(takes_context=True)
def consent_policy_url(context):
    """The cookie policy page of the request's site, or the cookie settings page."""
    request = context.get("request")
    banner = declarations.banner_settings_for_request(request)
    return banner.policy_url(request)


@register.inclusion_tag("consent/preferences_link.html")
def consent_preferences_link(text="", class_name=""):
    """A link that lets visitors change their choices at any time: it opens the
    preferences dialog, or without JavaScript goes to the preferences page."""
    return {"text": text, "class_name": class_name}


@register.inclusion_tag("consent/cookie_declarations.html")
def cookie_declarations(heading_level=2):
    """Every category and declared cookie, from the database: the cookie policy."""
    return {
        "categories": declarations.categories(),
        "heading_level": heading_level,
    }


class GatedNode(template.Node):
    def __init__(self, category, placeholder, nodelist):
        self.category = category
        self.placeholder = placeholder
        self.nodelist = nodelist

    def render(self, context):
        category = self.category.resolve(context)
        if category in sensitivity.blocked_on(sensitivity.shielded(context)):
            # Not even inert: the markup would name the provider the page loads.
            return template.loader.render_to_string(
                "consent/withheld_block.html", {"category": category}
            )
        names = {c["id"]: c["name"] for c in declarations.categories()}
        return template.loader.render_to_string(
            "consent/gated_block.html",
            {
                "category": category,
                "category_name": names.get(category, category),
                "placeholder": self.placeholder.resolve(context)
                if self.placeholder
                else "",
                "content": self.nodelist.render(context),
            },
        )


@register.tag
def gated(parser, token):
    """``{% gated "marketing" %}…{% endgated %}``: markup kept inert until consent.

    With ``placeholder="A video from YouTube"`` visitors see a notice and a
    button that accepts the category and loads the content in place.
    """
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError(
            '{% gated "category" [placeholder="…"] %} takes a category '
            "and an optional placeholder."
        )
    placeholder = None
    if len(bits) == 3:
        key, _, value = bits[2].partition("=")
        if key != "placeholder":
            raise template.TemplateSyntaxError("gated only knows placeholder=.")
        placeholder = parser.compile_filter(value)
    nodelist = parser.parse(("endgated",))
    parser.delete_first_token()
    return GatedNode(parser.compile_filter(bits[1]), placeholder, nodelist)
