"""schema.org JSON-LD for an article page (a MedicalWebPage, so that reviewedBy and
lastReviewed are valid properties)."""

from django.conf import settings

from glossary.structured_data import medical_review


def citation(source) -> dict:
    work = {"@type": "CreativeWork", "name": source.title}
    if source.link:
        work["url"] = source.link
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.year:
        work["datePublished"] = str(source.year)
    if source.doi:
        work["identifier"] = f"https://doi.org/{source.doi}"
    return work


def article_json_ld(page, request=None) -> dict:
    url = page.get_full_url(request=request)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "headline": page.title,
        "name": page.title,
        "description": page.intro,
        "inLanguage": "en-GB",
        "datePublished": page.date_published.isoformat(),
        "dateModified": page.date_modified.isoformat(),
        "author": page.author.as_schema_person(),
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
        "citation": [citation(source) for source in page.source_list],
        "about": [{"@type": "Thing", "name": t.name} for t in page.topic_list],
    }
    if page.hero_image_id:
        data["image"] = hero_image_url(page, request)
    data.update(medical_review(page))
    return data


def hero_image_url(page, request=None) -> str:
    """A 1200×630 crop: the size search engines and social cards ask for."""
    rendition = page.hero_image.get_rendition("fill-1200x630")
    if request is not None:
        return request.build_absolute_uri(rendition.url)
    return rendition.full_url
