"""Fields for the Wagtail pages API that read stored columns instead of querying."""

from rest_framework import serializers


class LinesField(serializers.ReadOnlyField):
    """A text column holding one value a line, served as a list of strings."""

    def to_representation(self, value):
        return [line for line in (value or "").splitlines() if line]
