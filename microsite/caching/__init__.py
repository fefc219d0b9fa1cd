"""The site's page cache: anonymous pages stored whole, purged when content changes.

``middleware`` serves and stores pages, ``keys`` names them, ``policy`` decides what
may be cached, ``stale_urls`` works out which URLs showed a changed page, ``purge``
empties the app cache and tells proxies, and ``signal_handlers`` (wired in
``apps``) is the one place that reacts to publish, unpublish, move, privacy,
auto-link and consent declaration changes. See docs/architecture.md.
"""
