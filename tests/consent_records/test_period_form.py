"""ReportPeriodForm: whatever is typed in the address bar, a period or a message."""

import datetime

import time_machine
from hypothesis import given
from hypothesis import strategies as st

from consent.records.forms import LONGEST_RANGE_DAYS, ReportPeriodForm

TODAY = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)

dates = st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)).map(str)
anything = st.one_of(st.none(), st.text(max_size=20), dates)


@given(period=anything, start=anything, end=anything)
def test_any_input_is_either_a_valid_period_or_a_form_error(period, start, end):
    data = {
        name: value
        for name, value in {"period": period, "start": start, "end": end}.items()
        if value is not None
    }
    with time_machine.travel(TODAY, tick=False):
        form = ReportPeriodForm(data)
        valid = form.is_valid()

    if valid:
        first, last = form.cleaned_data["first_day"], form.cleaned_data["last_day"]
        assert first <= last
        assert (last - first).days < LONGEST_RANGE_DAYS
    else:
        assert form.errors


def test_no_input_means_the_last_30_days():
    with time_machine.travel(TODAY, tick=False):
        form = ReportPeriodForm({})
        assert form.is_valid()

    assert form.cleaned_data["first_day"] == datetime.date(2026, 10, 23)
    assert form.cleaned_data["last_day"] == datetime.date(2026, 11, 21)
