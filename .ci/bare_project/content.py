"""Content for the bare-project check, run inside the project:
``BARE_CONTENT=glossary python manage.py shell < content.py`` (or ``consent``).

What an editor would add in the admin: a glossary under the home page with one
term that has an Origin and a Mechanism; a gated analytics script whose code
leaves a mark the browser check looks for.
"""

import os

from wagtail.models import Site

GATED_CODE = "window.bareGatedRuns = (window.bareGatedRuns || 0) + 1;"


def with_default_locale(model, **fields):
    # Models made translatable (TranslatableMixin) need a locale.
    if any(field.name == "locale" for field in model._meta.get_fields()):
        from wagtail.models import Locale

        fields["locale"] = Locale.get_default()
    return model(**fields)


def add_glossary():
    from glossary.models import GlossaryIndexPage, GlossaryTermPage

    home = Site.objects.get(is_default_site=True).root_page.specific
    index = GlossaryIndexPage(title="Glossary", slug="glossary")
    home.add_child(instance=index)
    index.save_revision().publish()
    term = GlossaryTermPage(
        title="Butyrate",
        slug="butyrate",
        definition="A short-chain fatty acid that gut bacteria make from fibre.",
        origin="<p>Greek <i>boutyron</i>, butter, where it was first found.</p>",
        mechanism="<p>Cells lining the colon burn it as their main fuel.</p>",
    )
    index.add_child(instance=term)
    term.save_revision().publish()
    print(f"  glossary at {index.url}, term at {term.url}")


def add_gated_script():
    from cookie_consent.models import CookieGroup

    from consent.models import GatedScript

    analytics = CookieGroup.objects.get(varname="analytics")
    script = with_default_locale(
        GatedScript,
        name="Bare project analytics",
        category=analytics,
        code=GATED_CODE,
        placement="body",
        enabled=True,
    )
    script.save()
    print(f"  gated script #{script.pk} in {analytics.varname}")


{"glossary": add_glossary, "consent": add_gated_script}[os.environ["BARE_CONTENT"]]()
