from django.dispatch import Signal

#: Sent with ``sender`` (the model class) and ``instance`` whenever a category,
#: declared cookie, gated script or banner setting is saved or deleted. Pages embed
#: these declarations, so a page cache (CDN, proxy) should purge on it.
declarations_changed = Signal()

#: Sent once for every decision a visitor makes (accept, decline, save choices), with
#: ``sender=None`` and these keyword arguments:
#:
#: - ``request``: the ``HttpRequest`` that posted the decision;
#: - ``response``: the response being built, with the consent cookies already set
#:   on it (a receiver may add its own cookies, as ``consent.records`` does);
#: - ``state``: ``{varname: True | False}``, each category decided, accepted (True)
#:   or declined (False); *Save choices* names every optional category;
#: - ``source``: ``"banner"``, ``"preferences"``, ``"page"`` or ``"gpc"``;
#: - ``versions``: ``{varname: version}`` of the categories decided, as shown;
#: - ``texts_hash``, ``texts_revision``: the fingerprint and revision of the banner
#:   and policy texts the visitor decided under.
#:
#: It is sent **inside the decision's database transaction**, after the response
#: and its cookies are built: proof of consent written by a receiver is kept
#: together with django-cookie-consent's log and the cookies, or not at all. A
#: receiver that raises rolls the whole decision back (the visitor gets an error
#: and no cookie); work that must not undo a decision, or that talks to other
#: systems, belongs in ``transaction.on_commit(...)`` inside the receiver.
consent_decided = Signal()
"""Each visitor decision, sent inside its transaction (see the comment above)."""
