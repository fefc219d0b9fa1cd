from django.dispatch import Signal

#: Sent by ``refresh_autolinked_terms`` after a change to the glossary, with
#: ``sender=None`` and ``instances``: the objects (pages) whose text now links
#: other terms than before, because a term was published, renamed, unpublished,
#: made private or excluded from linking. They render differently: a page cache
#: (proxy, CDN) should purge them. Sent after the commit, once the terms'
#: references are up to date.
autolinks_changed = Signal()
