from django.urls import include, path

urlpatterns = [path("", include("cookie_consent.urls"))]
