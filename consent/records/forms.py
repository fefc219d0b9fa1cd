import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PERIOD_CHOICES = [
    ("", _("The dates below")),
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
]
DEFAULT_PERIOD_DAYS = 30
LONGEST_RANGE_DAYS = 366


class ReportPeriodForm(forms.Form):
    """Either one of the fixed periods ending today, or a range of dates."""

    period = forms.ChoiceField(
        label=_("Fixed period"),
        choices=PERIOD_CHOICES,
        required=False,
        initial=str(DEFAULT_PERIOD_DAYS),
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if self.errors:
            return cleaned
        if start or end:
            if not (start and end):
                raise forms.ValidationError(
                    _("Give both a start and an end date, or choose a fixed period.")
                )
            if start > end:
                raise forms.ValidationError(_("The start date is after the end date."))
            if (end - start).days + 1 > LONGEST_RANGE_DAYS:
                raise forms.ValidationError(
                    _("Choose a range of at most %(days)s days.")
                    % {"days": LONGEST_RANGE_DAYS}
                )
            cleaned["first_day"], cleaned["last_day"] = start, end
        else:
            days = int(cleaned.get("period") or DEFAULT_PERIOD_DAYS)
            today = timezone.localdate()
            cleaned["first_day"] = today - datetime.timedelta(days=days - 1)
            cleaned["last_day"] = today
        return cleaned


def default_period() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    return today - datetime.timedelta(days=DEFAULT_PERIOD_DAYS - 1), today
