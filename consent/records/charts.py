"""Geometry of the report's SVG charts, computed on the server; no JavaScript.

The templates draw what these functions measure, so the charts are plain markup
that a screen reader can name (title, desc) and that prints.
"""

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import date_format

from .querysets import CategoryTally, DayTally

WIDTH = 720
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 40
MOST_X_LABELS = 8


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class DecisionsChart:
    width: int
    height: int
    plot_left: int
    plot_bottom: int
    plot_right: int
    bars: list[Bar]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    total: int
    busiest: Bar | None


def nice_step(rough: float) -> int:
    """The smallest of 1, 2, 5 × 10ⁿ at least `rough` (and at least 1)."""
    if rough <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(rough))
    for multiple in (1, 2, 5, 10):
        if multiple * magnitude >= rough:
            return int(multiple * magnitude)
    return int(10 * magnitude)


def every_day(first_day: datetime.date, last_day: datetime.date) -> list[datetime.date]:
    return [
        first_day + datetime.timedelta(days=offset)
        for offset in range((last_day - first_day).days + 1)
    ]


def decisions_chart(
    days: Sequence[DayTally], first_day: datetime.date, last_day: datetime.date
) -> DecisionsChart:
    """Bars of decisions per day, one per calendar day, days without any at zero."""
    per_day = {day.day: day.decisions for day in days}
    calendar = every_day(first_day, last_day)
    most = max(per_day.values(), default=0)
    step = nice_step(most / 4)
    top = max(math.ceil(most / step), 1) * step
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    slot = plot_width / len(calendar)
    bars = []
    for index, day in enumerate(calendar):
        value = per_day.get(day, 0)
        height = plot_height * value / top
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.1, 2),
                y=round(TOP + plot_height - height, 2),
                width=round(max(slot * 0.8, 1), 2),
                height=round(height, 2),
                label=date_format(day, "j M Y"),
                value=value,
            )
        )
    label_every = math.ceil(len(calendar) / MOST_X_LABELS)
    x_ticks = [
        Tick(round(LEFT + (index + 0.5) * slot, 2), date_format(day, "j M"))
        for index, day in enumerate(calendar)
        if index % label_every == 0
    ]
    y_ticks = [
        Tick(round(TOP + plot_height - plot_height * value / top, 2), str(value))
        for value in range(0, top + 1, step)
    ]
    busiest = max(bars, key=lambda bar: bar.value) if any(per_day.values()) else None
    return DecisionsChart(
        width=WIDTH,
        height=HEIGHT,
        plot_left=LEFT,
        plot_bottom=TOP + plot_height,
        plot_right=WIDTH - RIGHT,
        bars=bars,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        total=sum(per_day.values()),
        busiest=busiest,
    )


@dataclass(frozen=True)
class RateBar:
    varname: str
    y: float
    width: float
    percent: int | None
    accepted: int
    answered: int


@dataclass(frozen=True)
class RatesChart:
    width: int
    height: int
    plot_left: int
    plot_width: int
    bar_height: int
    bars: list[RateBar]


def rates_chart(totals: Sequence[CategoryTally]) -> RatesChart:
    """One horizontal bar per category: the share of decisions that accepted it."""
    label_width, row, bar_height = 140, 36, 22
    plot_width = WIDTH - label_width - 80
    bars = []
    for index, tally in enumerate(totals):
        rate = tally.acceptance_rate
        bars.append(
            RateBar(
                varname=tally.varname,
                y=TOP + index * row,
                width=round(plot_width * (rate or 0), 2),
                percent=None if rate is None else round(rate * 100),
                accepted=tally.accepted,
                answered=tally.answered,
            )
        )
    return RatesChart(
        width=WIDTH,
        height=TOP * 2 + max(len(bars), 1) * row,
        plot_left=label_width,
        plot_width=plot_width,
        bar_height=bar_height,
        bars=bars,
    )
