"""django-cookie-consent's views, wrapped: clear errors, decision times, no caching."""

from cookie_consent.cache import all_cookie_groups
from cookie_consent.forms import ProcessCookiesForm
from cookie_consent.processor import CookiesProcessor
from cookie_consent.util import dict_to_cookie_str, parse_cookie_str
from cookie_consent.views import (
    CookieGroupAcceptView,
    CookieGroupBaseProcessView,
    CookieGroupDeclineView,
    CookieStatusView,
    is_ajax_like,
)
from django.apps import apps
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.models import Site

from . import declarations
from .conf import settings
from .models import BannerSettings, GatedScript
from .state import consent_states, now_ms, parse_times, serialise_times

SOURCES = {"banner", "preferences", "page"}


def invalid_choice(request, form):
    message = (
        "That choice could not be saved: the categories or source sent are not known."
    )
    if is_ajax_like(request):
        return JsonResponse(
            {"error": message, "fields": form.errors.get_json_data()}, status=400
        )
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def drop_unknown_categories(request):
    """Forget stored choices for categories that do not exist (any more)."""
    known = all_cookie_groups()
    stored = parse_cookie_str(request.COOKIES.get(settings.COOKIE_CONSENT_NAME, ""))
    request.COOKIES[settings.COOKIE_CONSENT_NAME] = dict_to_cookie_str(
        {k: v for k, v in stored.items() if k in known}
    )


def record_decision_time(request, response, varnames):
    """Store when each category was decided, in a strictly necessary cookie."""
    known = all_cookie_groups()
    times = {
        k: v
        for k, v in parse_times(
            request.COOKIES.get(settings.CONSENT_TIME_COOKIE_NAME, "")
        ).items()
        if k in known
    }
    now = now_ms()
    times.update(dict.fromkeys(varnames, now))
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
    """Turns bad input into a 400, records the time of every decision and, with
    ``consent.records`` installed, keeps proof of it."""

    def post(self, request, *args, **kwargs):
        form = ProcessCookiesForm(data=request.POST)
        source = request.POST.get("source") or (
            "banner" if is_ajax_like(request) else "page"
        )
        if not form.is_valid() or source not in SOURCES:
            return invalid_choice(request, form)
        drop_unknown_categories(request)
        response = self.process(request, form, *args, **kwargs)
        accepted, declined = self.choices(form)
        record_decision_time(request, response, accepted + declined)
        keep_proof(request, response, accepted, declined, source)
        add_never_cache_headers(response)
        return response

    def process(self, request, form, *args, **kwargs):
        return super().post(request, *args, **kwargs)

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
        return accepted, [v for v in all_cookie_groups() if v not in accepted]

    def process(self, request, form, *args, **kwargs):
        accepted = list(form.get_cookie_groups())
        declined = [g for g in all_cookie_groups().values() if g not in accepted]
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


status = never_cache(CookieStatusView.as_view())


def keep_proof(request, response, accepted, declined, source):
    """Proof of consent through ``consent.records``, when that app is installed."""
    if not apps.is_installed("consent.records"):
        return
    from .records.api import record_decision, texts_fingerprint

    groups = all_cookie_groups()
    site = Site.find_for_request(request)
    banner = BannerSettings.for_site(site) if site else BannerSettings()
    record_decision(
        request,
        response,
        accepted=accepted,
        declined=declined,
        source=source,
        versions={v: groups[v].get_version() for v in accepted + declined},
        texts_hash=texts_fingerprint(*banner.texts()),
    )


@method_decorator(never_cache, name="dispatch")
class PreferencesView(TemplateView):
    """The full preferences page; works without JavaScript."""

    template_name = "consent/preferences.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        categories = declarations.current()["categories"]
        states = consent_states(
            self.request.COOKIES.get(settings.COOKIE_CONSENT_NAME, ""),
            self.request.COOKIES.get(settings.CONSENT_TIME_COOKIE_NAME, ""),
            categories,
        )
        context.update(
            consent_base_template=settings.CONSENT_BASE_TEMPLATE,
            categories=[dict(c, state=states.get(c["id"])) for c in categories],
            next_url=self.next_url(),
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
