"""How ``consent.records`` hears of decisions: the core's ``consent_decided``."""

from .api import record_decision


def record_decided(sender, *, request, response, state, source, **details):
    """Store the decision's proof and set the consent id cookie on its response.

    Runs inside the decision's transaction (see ``consent.signals``), so the record
    and the visitor's cookies are kept together or not at all.
    """
    record_decision(
        request,
        response,
        accepted=[varname for varname, accepted in state.items() if accepted],
        declined=[varname for varname, accepted in state.items() if not accepted],
        source=source,
        versions=details.get("versions", {}),
        texts_hash=details.get("texts_hash", ""),
        texts_revision=details.get("texts_revision", 0),
    )
