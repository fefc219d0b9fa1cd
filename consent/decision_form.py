"""The form of a consent decision: django-cookie-consent's, read strictly."""

from cookie_consent.forms import ProcessCookiesForm
from django import forms


class DecisionForm(ProcessCookiesForm):
    """``all_groups`` is a hidden field sent as "1": read "0" and "false" as no.

    django-cookie-consent renders it as a checkbox, whose widget reads any value
    but "false" as ticked, so ``all_groups=0`` applied a decision to every category.
    """

    all_groups = forms.BooleanField(required=False, widget=forms.HiddenInput)
