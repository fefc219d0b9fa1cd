from django.dispatch import Signal

#: Sent with ``sender`` (the model class) and ``instance`` whenever a category,
#: declared cookie, gated script or banner setting is saved or deleted. Pages embed
#: these declarations, so a page cache (CDN, proxy) should purge on it.
declarations_changed = Signal()
