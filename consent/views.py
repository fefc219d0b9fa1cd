"""django-cookie-consent's views, wrapped: clear errors, decision times, no caching."""

from cookie_consent.cache import all_cookie_groups
from cookie_consent.processor import CookiesProcessor
from cookie_consent.util import (
    dict_to_cookie_str,
    get_cookie_dict_from_request,
    parse_cookie_str,
)
from cookie_consent.views import (
    CookieGroupAcceptView,
    CookieGroupBaseProcessView,
    CookieGroupDeclineView,
    CookieStatusView,
    is_ajax_like,
)
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from . import declarations
from .conf import settings
from .decision_form import DecisionForm
from .models import GatedScript
from .rate_limit import seconds_until_next_decision
from .reference import consent_reference, references_kept
from .signals import consent_decided
from .state import (
    TEXTS_KEY,
    consent_states,
    decided_revision,
    now_ms,
    parse_times,
    serialise_times,
)

SOURCES = {"banner", "preferences", "page", "gpc"}
# On the cookie settings page after a decision made without JavaScript.
SAVED_PARAM = "saved"


def refusal(request, message, status, **details):
    """A decision refused: the message as JSON for the fetch path, else as text."""
    if is_ajax_like(request):
        response = JsonResponse({"error": message, **details}, status=status)
    else:
        response = HttpResponse(
            message, status=status, content_type="text/plain; charset=utf-8"
        )
    add_never_cache_headers(response)
    return response


def invalid_choice(request, form):
    message = _(
        "That choice could not be saved: the categories or source sent are not known."
    )
    return refusal(request, message, 400, fields=form.errors.get_json_data())


def no_category(request):
    message = _("That choice could not be saved: it names no category.")
    return refusal(request, message, 400)


def too_many_decisions(request, seconds):
    message = _(
        "Too many choices from this connection in a minute. Please try again in "
        "%(seconds)s seconds."
    ) % {"seconds": seconds}
    response = refusal(request, message, 429)
    response["Retry-After"] = str(seconds)
    return response


def optional_groups(request):
    """django-cookie-consent's cached categories, read once per request."""
    if not hasattr(request, "_consent_groups"):
        request._consent_groups = all_cookie_groups()
    return request._consent_groups


def drop_unknown_categories(request):
    """Forget stored choices for categories that do not exist (any more)."""
    known = optional_groups(request)
    stored = parse_cookie_str(request.COOKIES.get(settings.COOKIE_CONSENT_NAME, ""))
    request.COOKIES[settings.COOKIE_CONSENT_NAME] = dict_to_cookie_str(
        {k: v for k, v in stored.items() if k in known}
    )


def record_decision_time(request, response, varnames, texts_revision=1):
    """Store when each category was decided, in a strictly necessary cookie.

    Also stores the texts revision the visitor decided under, once the decision
    leaves no category decided under an older one.
    """
    known = optional_groups(request)
    previous = parse_times(request.COOKIES.get(settings.CONSENT_TIME_COOKIE_NAME, ""))
    times = {k: v for k, v in previous.items() if k in known}
    others = set(times) - set(varnames)
    now = now_ms()
    times.update(dict.fromkeys(varnames, now))
    if not others or decided_revision(previous) >= texts_revision:
        times[TEXTS_KEY] = texts_revision
    elif TEXTS_KEY in previous:
        times[TEXTS_KEY] = previous[TEXTS_KEY]
    response.set_cookie(
        settings.CONSENT_TIME_COOKIE_NAME,
        serialise_times(times),
        max_age=settings.COOKIE_CONSENT_MAX_AGE,
        domain=settings.COOKIE_CONSENT_DOMAIN,
        secure=settings.COOKIE_CONSENT_SECURE,
        httponly=False,
        samesite=settings.COOKIE_CONSENT_SAMESITE,
    )


class DecisionMixin:
    """Turns bad input into a 400 and too many decisions into a 429, records the
    time of every decision and sends ``consent_decided`` (``consent.records`` keeps
    proof of it): all of it or, when anything fails, none of it."""

    def post(self, request, *args, **kwargs):
        if seconds := seconds_until_next_decision(request):
            return too_many_decisions(request, seconds)
        form = DecisionForm(data=request.POST)
        source = request.POST.get("source") or (
            "banner" if is_ajax_like(request) else "page"
        )
        if not form.is_valid() or source not in SOURCES:
            return invalid_choice(request, form)
        if source == "gpc" and not self.is_gpc_decline(form):
            return invalid_choice(request, form)
        drop_unknown_categories(request)
        accepted, declined = self.choices(form)
        if not accepted and not declined:
            return no_category(request)
        texts = declarations.site_texts_for_request(request)
        # django-cookie-consent's log (when enabled), what receivers of the signal
        # store (the proof of consent) and the cookies that tell the visitor:
        # nothing is stored unless the whole response is built.
        with transaction.atomic():
            response = self.process(request, form, *args, **kwargs)
            # The newest revision in any language: the page may have been read
            # in another language than this request's (banner_revisions).
            record_decision_time(
                request, response, accepted + declined, texts["latest_revision"]
            )
            announce_decision(request, response, accepted, declined, source, texts)
        add_never_cache_headers(response)
        return response

    def process(self, request, form, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def get_success_url(self):
        """Without JavaScript: the settings page says the choice is saved, and
        links back to the page the visitor came from. That page is never cached."""
        query = {SAVED_PARAM: "1"}
        if next_url := self.get_redirect_url():
            query["next"] = next_url
        return f"{reverse('cookie_consent_cookie_group_list')}?{urlencode(query)}"

    def is_gpc_decline(self, form):
        """A Global Privacy Control signal only ever declines its categories."""
        accepted, declined = self.choices(form)
        return (
            not accepted
            and declined
            and set(declined) <= set(settings.CONSENT_GPC_DECLINES)
        )

    def choices(self, form):
        """The varnames accepted and declined by this decision."""
        varnames = [group.varname for group in form.get_cookie_groups()]
        if self.cookie_process_action == "accept":
            return varnames, []
        return [], varnames


class AcceptView(DecisionMixin, CookieGroupAcceptView):
    pass


class DeclineView(DecisionMixin, CookieGroupDeclineView):
    pass


class SaveChoicesView(DecisionMixin, CookieGroupBaseProcessView):
    """Accept the categories sent and decline every other optional one."""

    def choices(self, form):
        accepted = [group.varname for group in form.get_cookie_groups()]
        return accepted, [v for v in optional_groups(self.request) if v not in accepted]

    def process(self, request, form, *args, **kwargs):
        accepted = list(form.get_cookie_groups())
        declined = [g for g in optional_groups(request).values() if g not in accepted]
        if is_ajax_like(request):
            response = HttpResponse()
        else:
            response = HttpResponseRedirect(self.get_success_url())
        CookiesProcessor(request, response).process(accepted, action="accept")
        if settings.COOKIE_CONSENT_NAME in response.cookies:
            # The processor reads the request's cookie: hand it the new value.
            request.COOKIES[settings.COOKIE_CONSENT_NAME] = response.cookies[
                settings.COOKIE_CONSENT_NAME
            ].value
        CookiesProcessor(request, response).process(declined, action="decline")
        return response


class StatusView(CookieStatusView):
    """django-cookie-consent's status view, reading the cached categories once.

    The package looks the categories up again for every category and state (a
    cache read each); the answer is the same.
    """

    def get(self, request):
        groups = optional_groups(request).values()
        stored = get_cookie_dict_from_request(request)

        def state(group):
            version = stored.get(group.varname)
            if version is None:
                return None
            if version == settings.COOKIE_CONSENT_DECLINE:
                return False
            return True if version >= group.get_version() else None

        states = {group.varname: state(group) for group in groups}
        return JsonResponse(
            {
                "csrftoken": get_token(request),
                "acceptUrl": reverse("cookie_consent_accept"),
                "declineUrl": reverse("cookie_consent_decline"),
                "acceptedCookieGroups": [v for v, s in states.items() if s is True],
                "declinedCookieGroups": [v for v, s in states.items() if s is False],
                "notAcceptedOrDeclinedCookieGroups": [
                    v for v, s in states.items() if s is None
                ],
            }
        )


status = never_cache(StatusView.as_view())


def announce_decision(request, response, accepted, declined, source, texts):
    """Send ``consent_decided`` once for the decision, inside its transaction."""
    groups = optional_groups(request)
    consent_decided.send(
        sender=None,
        request=request,
        response=response,
        state={**dict.fromkeys(accepted, True), **dict.fromkeys(declined, False)},
        source=source,
        versions={v: groups[v].get_version() for v in accepted + declined},
        texts_hash=texts["texts_hash"],
        texts_revision=texts["texts_revision"],
    )


@method_decorator(never_cache, name="dispatch")
class PreferencesView(TemplateView):
    """The full preferences page; works without JavaScript."""

    template_name = "consent/preferences.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        categories = declarations.categories()
        states = consent_states(
            self.request.COOKIES.get(settings.COOKIE_CONSENT_NAME, ""),
            self.request.COOKIES.get(settings.CONSENT_TIME_COOKIE_NAME, ""),
            categories,
            declarations.site_texts_for_request(self.request)["texts_revision"],
        )
        # This page is never cached, so it may read the request's GPC header.
        gpc = self.request.headers.get("Sec-GPC", "").strip() == "1"
        gpc_declines = settings.CONSENT_GPC_DECLINES if gpc else []
        for varname in gpc_declines:
            if states.get(varname) is None and varname in states:
                states[varname] = False
        context.update(
            consent_base_template=settings.CONSENT_BASE_TEMPLATE,
            categories=[dict(c, state=states.get(c["id"])) for c in categories],
            # Names the plugin ships show in the visitor's language (consent.defaults).
            gpc_names=[_(c["name"]) for c in categories if c["id"] in gpc_declines],
            next_url=self.next_url(),
            saved=self.request.GET.get(SAVED_PARAM) == "1",
            # Read on the server: the id's cookie is HttpOnly, and this page is
            # never cached.
            references_kept=references_kept(),
            consent_reference=consent_reference(self.request),
        )
        return context

    def next_url(self):
        candidate = self.request.GET.get("next") or self.request.headers.get(
            "Referer", ""
        )
        if candidate and url_has_allowed_host_and_scheme(
            candidate,
            allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        ):
            return candidate
        return ""


def gated_script(request, pk):
    """Inline code of a gated script, served as a file (cacheable, CSP-friendly)."""
    script = get_object_or_404(GatedScript.objects.live(), pk=pk)
    if not script.code:
        raise Http404("This script is loaded from its external address.")
    response = HttpResponse(script.code, content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, public=True, max_age=settings.CONSENT_SCRIPT_MAX_AGE)
    return response
