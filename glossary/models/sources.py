from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .validation import RefusesNullCharacters, WebURLField, pmid_validator


class SourceFields(RefusesNullCharacters, models.Model):
    """A published source that backs up a claim: a paper, review or guideline.

    Abstract so that any page type (glossary terms, the site's articles) can keep an
    orderable list of sources with the same fields and the same citation display.
    """

    title = models.CharField(max_length=400, help_text=_("Title of the paper or page."))
    publisher = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Journal, organisation or website, e.g. 'Gut Microbes'."),
    )
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
        help_text=_("Year of publication."),
    )
    url = WebURLField(
        "URL",
        max_length=500,
        blank=True,
        help_text=_("Link readers can follow, starting https:// or http://."),
    )
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        help_text=_("Digital Object Identifier without the https://doi.org/ prefix."),
    )
    pmid = models.CharField(
        "PMID",
        max_length=20,
        blank=True,
        validators=[pmid_validator],
        help_text=_("PubMed identifier, digits only."),
    )

    panels = [
        FieldPanel("title", heading=_("Title")),
        FieldRowPanel(
            [
                FieldPanel("publisher", heading=_("Publisher")),
                FieldPanel("year", heading=_("Year")),
            ]
        ),
        FieldPanel("url"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("doi"), FieldPanel("pmid")])],
            heading=_("Identifiers (optional)"),
        ),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def link(self) -> str:
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return ""
