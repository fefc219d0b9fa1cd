from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from glossary.models.validation import RefusesNullCharacters


class Author(RefusesNullCharacters, index.Indexed, models.Model):
    """A person who writes or medically reviews articles, shown in the author box."""

    name = models.CharField(
        max_length=120,
        unique=True,
        help_text="Full name as readers should see it, e.g. 'Dr Hannah Price'.",
    )
    role = models.CharField(
        max_length=160,
        blank=True,
        help_text=(
            "Job title and credentials in a few words, e.g. 'Registered dietitian'."
        ),
    )
    bio = models.TextField(
        max_length=600,
        blank=True,
        help_text=(
            "Two or three sentences about the person's background and what they "
            "write about. Shown under 'About <name>' at the end of each article; "
            "left out while empty."
        ),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional square head-and-shoulders photo, at least 300 × 300 px.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def as_schema_person(self) -> dict:
        person = {"@type": "Person", "name": self.name}
        if self.role:
            person["jobTitle"] = self.role
        return person
