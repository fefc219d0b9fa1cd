"""Wagtail's filter backends, with the values they pass on checked first."""

from django.core.exceptions import ValidationError
from django.db import models
from taggit.managers import TaggableManager
from wagtail.api.v2 import filters
from wagtail.search.query import PlainText

from .parameters import (
    MAX_TAGS,
    BadRequestError,
    check_search,
    integer_range,
    whole_number,
)


class FieldsFilter(filters.FieldsFilter):
    """``?title=``, ``?id=``, ``?date_published=``…: each value must be one the column
    can hold. Wagtail converts booleans and integers (``int()`` takes ``٣`` and any
    size) but passes dates and the rest to the database as they come."""

    def filter_queryset(self, request, queryset, view):
        names = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in names and name != "locale":
                check_field_value(queryset.model._meta.get_field(name), name, value)
        return super().filter_queryset(request, queryset, view)


def check_field_value(field, name, value):
    if isinstance(field, TaggableManager):
        if value.count(",") >= MAX_TAGS:
            raise BadRequestError(f"{name} can name at most {MAX_TAGS} tags")
        return
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, (models.BooleanField, models.ManyToManyField)):
        return  # Wagtail parses booleans strictly
    if isinstance(field, (models.IntegerField, models.AutoField)):
        whole_number(name, value, *integer_range(field))
        return
    try:
        field.to_python(value)
    except (ValidationError, ValueError, TypeError) as error:
        raise BadRequestError(f"{value!r} is not a valid value for {name}") from error


class SearchFilter(filters.SearchFilter):
    """``?search=`` and ``?search_operator=``, checked before the search backend sees
    them (SQLite's full-text search fails on a double quote, the backend raises
    ValueError for an unknown operator)."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET or "search_operator" in request.GET:
            check_search(
                request.GET.get("search", ""),
                request.GET.get("search_operator"),
                PlainText.OPERATORS,
            )
        return super().filter_queryset(request, queryset, view)
