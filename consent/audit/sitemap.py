"""Which pages to audit: the URLs given, or the site's own sitemap."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit
from xml.etree import ElementTree

_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class SitemapError(ValueError):
    pass


def normalise_base_url(base_url: str) -> str:
    """``http://host:port`` without a trailing slash; raises ValueError if bad."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {base_url!r}")
    return urlunsplit((parts.scheme, parts.netloc, "", "", "")).rstrip("/")


def resolve_urls(urls, base_url: str) -> list[str]:
    """Paths become URLs on ``base_url``; absolute URLs must be on its host."""
    host = urlsplit(base_url).hostname
    resolved = []
    for url in urls:
        absolute = urljoin(base_url + "/", url)
        if urlsplit(absolute).hostname != host:
            raise ValueError(f"{url} is not on {base_url}")
        if absolute not in resolved:
            resolved.append(absolute)
    return resolved


def parse_sitemap(xml: bytes | str) -> tuple[str, list[str]]:
    """``("urlset" | "sitemapindex", [loc, …])`` from a sitemap document."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise SitemapError(f"sitemap is not valid XML ({error})") from None
    kind = root.tag.removeprefix(_NS)
    if kind not in ("urlset", "sitemapindex"):
        raise SitemapError(f"not a sitemap: root element <{kind}>")
    child = "url" if kind == "urlset" else "sitemap"
    locs = [
        loc.text.strip()
        for entry in root.iter(_NS + child)
        for loc in entry.iter(_NS + "loc")
        if loc.text and loc.text.strip()
    ]
    return kind, locs


def rebase(locs, base_url: str, site_hosts=(), limit: int | None = None) -> list[str]:
    """The sitemap's own pages, moved onto ``base_url``, at most ``limit``.

    A sitemap names pages by the site's configured host (Wagtail's ``Site``: often
    ``localhost`` or the production name) while the audit may run against
    another address of the same site (``127.0.0.1:8000``, a staging server). A loc
    is kept when its host is the base URL's host or one of ``site_hosts``, and is
    then audited at the same path on ``base_url``; other hosts are left out.
    """
    own = {urlsplit(base_url).hostname, *(h.lower() for h in site_hosts)}
    urls: list[str] = []
    for loc in locs:
        parts = urlsplit(loc)
        if parts.hostname not in own:
            continue
        url = urlunsplit((*urlsplit(base_url)[:2], parts.path or "/", parts.query, ""))
        if url not in urls:
            urls.append(url)
        if limit is not None and len(urls) >= limit:
            break
    return urls
