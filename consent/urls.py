from django.urls import path

from . import views

# URL names are django-cookie-consent's own: its status view reverses them.
urlpatterns = [
    path("accept/", views.AcceptView.as_view(), name="cookie_consent_accept"),
    path("decline/", views.DeclineView.as_view(), name="cookie_consent_decline"),
    path("save/", views.SaveChoicesView.as_view(), name="consent_save"),
    path("status/", views.status, name="cookie_consent_status"),
    path("scripts/<int:pk>.js", views.gated_script, name="consent_gated_script"),
    path("", views.PreferencesView.as_view(), name="cookie_consent_cookie_group_list"),
]
