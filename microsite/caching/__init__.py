"""The site's page cache: anonymous pages stored whole, purged when content changes.

``middleware`` serves and stores pages, ``keys`` names them, ``policy`` decides what
may be cached, ``purge`` works out what a change makes stale, and
``signal_handlers`` (wired in ``apps``) purges on publish, unpublish, move, delete
and consent declaration changes. See docs/operations.md.
"""
