from django.urls import include, path

urlpatterns = [path("cookies/", include("consent.urls"))]
