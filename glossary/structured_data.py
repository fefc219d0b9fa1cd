"""schema.org data for glossary pages, ready to be written out as JSON-LD."""


def defined_term(term, request=None, glossary=None, synonyms=None) -> dict:
    """A ``DefinedTerm``; pass ``glossary`` to say which set the term belongs to.

    ``synonyms`` saves a query when the caller has already read them.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": term.title,
        "description": term.definition,
        "url": term.get_full_url(request),
    }
    if synonyms is None:
        synonyms = term.synonym_names
    if synonyms:
        data["alternateName"] = synonyms
    if glossary is not None:
        data["inDefinedTermSet"] = {
            "@type": "DefinedTermSet",
            "name": glossary.title,
            "url": glossary.get_full_url(request),
        }
    review = medical_review(term)
    if review:
        # reviewedBy and lastReviewed belong to the page that explains the term.
        data["subjectOf"] = {"@type": "MedicalWebPage", "url": data["url"], **review}
    return data


def medical_review(page) -> dict:
    """``reviewedBy`` and ``lastReviewed`` of a page using ClinicalReviewMixin."""
    review = {}
    if page.clinical_reviewer_id:
        review["reviewedBy"] = page.clinical_reviewer.as_schema_person()
    if page.last_reviewed:
        review["lastReviewed"] = page.last_reviewed.isoformat()
    return review


def defined_term_set(glossary, terms, request=None) -> dict:
    """A ``DefinedTermSet`` listing ``terms`` (the ones shown on this page)."""
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "name": glossary.title,
        "url": glossary.get_full_url(request),
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "name": term.title,
                "description": term.definition,
                "url": term.get_full_url(request),
            }
            for term in terms
        ],
    }
