import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_the_glossary_and_its_live_terms_with_lastmod(
    client, glossary_index, make_term
):
    glossary_index.save_revision().publish()
    butyrate = make_term("Butyrate", publish=True)
    make_term("Draft term", live=False)

    entries = {}
    for section in ("/sitemap-pages.xml", "/sitemap-glossary.xml"):
        response = client.get(section)
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        entries.update(
            (
                url.findtext("s:loc", namespaces=NS),
                url.findtext("s:lastmod", namespaces=NS),
            )
            for url in root.findall("s:url", NS)
        )
    assert "http://localhost/glossary/" in entries
    assert "http://localhost/glossary/butyrate/" in entries
    assert "http://localhost/glossary/draft-term/" not in entries
    lastmod = entries["http://localhost/glossary/butyrate/"]
    butyrate.refresh_from_db()
    published_on = timezone.localdate(butyrate.last_published_at)
    assert datetime.date.fromisoformat(lastmod[:10]) == published_on
    assert entries["http://localhost/glossary/"]
