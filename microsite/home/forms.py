from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import (
    DomainNameValidator,
    validate_ipv4_address,
    validate_ipv6_address,
)
from wagtail.models import Site

HOST_HELP = (
    "The host name must be a name such as example.org or an IP address such as "
    "127.0.0.1 ([::1] for IPv6), without http:// or a port."
)
PORT_HELP = "The port must be a whole number from 1 to 65535 (443 for HTTPS)."


def validate_site_hostname(hostname: str) -> None:
    """A host name as Wagtail puts it into page URLs: a DNS name, localhost, an IPv4
    address or a bracketed IPv6 address (how it appears in a URL and a Host header)."""
    if hostname == "localhost":
        return
    if hostname.startswith("[") and hostname.endswith("]"):
        checks = [lambda: validate_ipv6_address(hostname[1:-1])]
    else:
        checks = [
            lambda: validate_ipv4_address(hostname),
            lambda: DomainNameValidator(accept_idna=False)(hostname),
        ]
    for check in checks:
        try:
            check()
            return
        except ValidationError:
            pass
    raise ValidationError(HOST_HELP, code="invalid_hostname")


class SiteAddressForm(forms.ModelForm):
    """The host name and port of a Wagtail Site: the start of every full page URL
    (port 80 gives http://host, 443 https://host, any other http://host:port)."""

    hostname = forms.CharField(
        max_length=255,
        validators=[validate_site_hostname],
        error_messages={"required": HOST_HELP, "max_length": HOST_HELP},
    )
    port = forms.IntegerField(
        min_value=1,
        max_value=65535,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"), PORT_HELP
        ),
    )

    class Meta:
        model = Site
        fields = ["hostname", "port"]

    def clean_hostname(self):
        return self.cleaned_data["hostname"].lower()
