import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from .models import ConsentRecord, ConsentSource
from .names import category_names
from .querysets import ACCEPTED, DECLINED


def category_choices():
    return list(category_names().items())


class ConsentRecordFilterSet(WagtailFilterSet):
    decided_at = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget
    )
    source = django_filters.ChoiceFilter(
        label=_("Source"),
        choices=ConsentSource.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"),
        choices=category_choices,
        empty_label=_("All"),
        method="filter_together_with_decision",
    )
    decision = django_filters.ChoiceFilter(
        label=_("Decision"),
        choices=[(ACCEPTED, _("Accepted")), (DECLINED, _("Declined"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_together_with_decision",
    )
    consent_id = django_filters.UUIDFilter(label=_("Consent id"))

    class Meta:
        model = ConsentRecord
        fields = []

    def filter_together_with_decision(self, queryset, name, value):
        # Category and decision mean one thing together ("declined marketing"),
        # so both are applied in filter_queryset.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        category = self.form.cleaned_data.get("category")
        decision = self.form.cleaned_data.get("decision")
        if decision:
            return queryset.with_decision(decision, category or None)
        if category:
            return queryset.mentioning(category)
        return queryset
