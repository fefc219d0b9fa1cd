"""Validation rules shared by the glossary's models and the site's."""

from django.core.exceptions import ValidationError
from django.core.validators import (
    ProhibitNullCharactersValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models
from django.utils.translation import gettext_lazy as _

# Only web links: ``URLField`` alone also accepts ftp:// and ftps://.
web_url_validator = URLValidator(schemes=["http", "https"])


class WebURLField(models.URLField):
    """A ``URLField`` for links readers follow: http:// and https:// only."""

    default_validators = [web_url_validator]


pmid_validator = RegexValidator(
    r"^[0-9]+\Z", _("A PubMed identifier holds digits only, e.g. 23456789.")
)


class RefusesNullCharacters:
    """Every text column refuses the NUL character, as Django's form fields do.

    PostgreSQL cannot store NUL in text, and SQLite stores it silently, so the
    rule lives here, where forms, importers and the shell all meet it through
    ``full_clean()``. Mix it in before ``models.Model``.
    """

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        refuse_null = ProhibitNullCharactersValidator()
        for field in self._meta.concrete_fields:
            if exclude and field.name in exclude or field.name in errors:
                continue
            value = getattr(self, field.attname)
            if isinstance(field, models.CharField | models.TextField) and value:
                try:
                    refuse_null(value)
                except ValidationError as error:
                    errors[field.name] = error.messages
        if errors:
            raise ValidationError(errors)
