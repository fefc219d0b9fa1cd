"""Who may do what in the admin the plugins add: one table, checked by the tests
and shown, rendered from here, in docs/security.md.

A URL cell is what Wagtail answers; a field cell is what a POST of a changed
value does to the database.
"""

from dataclasses import dataclass, replace

ROLES = ("anonymous", "Editor", "Site operator", "superuser")

ALLOWED = "✓"  # URL: 200. Field: the change is saved.
LOGIN = "login"  # 302 to the admin login page.
REFUSED = "✗"  # Wagtail's refusal: 302 to the dashboard with "Sorry, you do not
# have permission" (403 when the admin asks by XHR, as the chooser modal does).
ABSENT = "404"  # URL: Wagtail registers it, but there is nothing there.
FIXED = "–"  # Field: hidden or read-only for this role; a posted value is ignored.

STAFF = (LOGIN, ALLOWED, ALLOWED, ALLOWED)
OPERATORS = (LOGIN, REFUSED, ALLOWED, ALLOWED)


@dataclass(frozen=True)
class AdminURL:
    area: str
    view: str
    url_name: str
    expected: tuple[str, str, str, str]
    target: str = ""  # the object the URL names: "category", "script", "site"…
    method: str = "GET"
    query: str = ""


@dataclass(frozen=True)
class FormField:
    form: str
    field: str
    expected: tuple[str, str, str, str]


def snippet_urls(area, namespace, chooser, target, expected):
    """Every URL Wagtail registers for a snippet, chooser included.

    The choosers offer no creation form: their create URL is a 404 for those who
    may add (Wagtail 8.0 answered a POST to it with a 500).
    """
    no_form = tuple(ABSENT if cell == ALLOWED else cell for cell in expected)
    return [
        AdminURL(area, "list", f"{namespace}:list", expected),
        AdminURL(area, "list results", f"{namespace}:list_results", expected),
        AdminURL(area, "add", f"{namespace}:add", expected),
        AdminURL(area, "edit", f"{namespace}:edit", expected, target),
        AdminURL(area, "copy", f"{namespace}:copy", expected, target),
        AdminURL(area, "delete", f"{namespace}:delete", expected, target),
        AdminURL(area, "history", f"{namespace}:history", expected, target),
        AdminURL(
            area, "history results", f"{namespace}:history_results", expected, target
        ),
        AdminURL(area, "usage", f"{namespace}:usage", expected, target),
        AdminURL(area, "chooser", f"{chooser}:choose", expected),
        AdminURL(area, "chooser results", f"{chooser}:choose_results", expected),
        AdminURL(area, "chooser: chosen", f"{chooser}:chosen", expected, target),
        AdminURL(
            area,
            "chooser: chosen (several)",
            f"{chooser}:chosen_multiple",
            expected,
            query=f"id={{{target}}}",
        ),
        AdminURL(area, "chooser: create form", f"{chooser}:create", no_form),
        AdminURL(
            area, "chooser: create (POST)", f"{chooser}:create", no_form, method="POST"
        ),
    ]


def translated_wording_urls(area, namespace, chooser, target):
    """Editors word (and translate) what visitors read; deleting a language's
    wording, which sends its readers back to the default language, is an
    operator's decision."""
    return [
        replace(url, expected=OPERATORS) if url.view == "delete" else url
        for url in snippet_urls(area, namespace, chooser, target, STAFF)
    ]


def reviewer_urls():
    """Site operators manage the clinical reviewers (a Reviewer links an admin
    account to approving). Wagtail's snippet chooser lists them to every admin
    user, as it does every snippet: names and credentials, which the pages show
    anyway."""
    urls = snippet_urls(
        "Clinical reviewers",
        "wagtailsnippets_glossary_reviewer",
        "wagtailsnippetchoosers_glossary_reviewer",
        "reviewer",
        OPERATORS,
    )
    for position, url in enumerate(urls):
        if url.view.startswith("chooser") and "create" not in url.view:
            urls[position] = replace(url, expected=STAFF)
    return urls


CATEGORIES = "Cookie categories"
RECORDS = "Consent records"
REVIEW = "Clinical review"

ADMIN_URLS = [
    AdminURL(CATEGORIES, "list", "consent_categories:index", STAFF),
    AdminURL(CATEGORIES, "list results", "consent_categories:index_results", STAFF),
    AdminURL(CATEGORIES, "add", "consent_categories:add", OPERATORS),
    AdminURL(CATEGORIES, "edit", "consent_categories:edit", STAFF, "category"),
    AdminURL(CATEGORIES, "delete", "consent_categories:delete", OPERATORS, "category"),
    AdminURL(CATEGORIES, "history", "consent_categories:history", STAFF, "category"),
    AdminURL(
        CATEGORIES,
        "history results",
        "consent_categories:history_results",
        STAFF,
        "category",
    ),
    AdminURL(CATEGORIES, "usage", "consent_categories:usage", STAFF, "category"),
    AdminURL(
        CATEGORIES,
        "reorder (POST)",
        "consent_categories:reorder",
        OPERATORS,
        "category",
        method="POST",
        query="position=0",
    ),
    *snippet_urls(
        "Gated scripts",
        "wagtailsnippets_consent_gatedscript",
        "wagtailsnippetchoosers_consent_gatedscript",
        "script",
        OPERATORS,
    ),
    *translated_wording_urls(
        "Category wording",
        "wagtailsnippets_consent_categorywording",
        "wagtailsnippetchoosers_consent_categorywording",
        "category wording",
    ),
    AdminURL("Cookie banner", "edit", "wagtailsettings:edit", STAFF, "banner"),
    *translated_wording_urls(
        "Banner wording",
        "wagtailsnippets_consent_bannerwording",
        "wagtailsnippetchoosers_consent_bannerwording",
        "banner wording",
    ),
    AdminURL(RECORDS, "report", "consent_records:report", OPERATORS),
    AdminURL(RECORDS, "report results", "consent_records:report_results", OPERATORS),
    AdminURL(
        RECORDS, "export CSV", "consent_records:report", OPERATORS, query="export=csv"
    ),
    AdminURL(
        RECORDS, "export XLSX", "consent_records:report", OPERATORS, query="export=xlsx"
    ),
    AdminURL(
        RECORDS, "dashboard (consent report)", "consent_records:dashboard", OPERATORS
    ),
    *snippet_urls(
        "Glossary topics",
        "wagtailsnippets_glossary_topic",
        "wagtailsnippetchoosers_glossary_topic",
        "topic",
        STAFF,
    ),
    *reviewer_urls(),
    AdminURL(REVIEW, "report", "glossary_review:report", STAFF),
    AdminURL(REVIEW, "report results", "glossary_review:report_results", STAFF),
    AdminURL(REVIEW, "export CSV", "glossary_review:report", STAFF, query="export=csv"),
    AdminURL(
        REVIEW, "export XLSX", "glossary_review:report", STAFF, query="export=xlsx"
    ),
    # Only a member of "Clinical reviewers" linked to a Reviewer approves (not a
    # role of this table; tests/review/test_task.py): a superuser cannot either.
    AdminURL(
        REVIEW,
        "approve (POST)",
        "wagtailadmin_pages:workflow_action",
        (LOGIN, REFUSED, REFUSED, REFUSED),
        "review",
        method="POST",
    ),
    *snippet_urls(
        "Article authors",
        "wagtailsnippets_articles_author",
        "wagtailsnippetchoosers_articles_author",
        "author",
        STAFF,
    ),
]

WORDING = (LOGIN, ALLOWED, ALLOWED, ALLOWED)
BEHAVIOUR = (LOGIN, FIXED, ALLOWED, ALLOWED)
NOBODY = (LOGIN, FIXED, FIXED, FIXED)
SCRIPT = (LOGIN, REFUSED, ALLOWED, ALLOWED)

CATEGORY = "Category"
COOKIE = "Declared cookie"
BANNER = "Cookie banner"
GATED_SCRIPT = "Gated script"
TERM = "Glossary term"

FORM_FIELDS = [
    FormField(CATEGORY, "name", WORDING),
    FormField(CATEGORY, "description", WORDING),
    FormField(CATEGORY, "varname", NOBODY),
    FormField(CATEGORY, "is_required", BEHAVIOUR),
    FormField(CATEGORY, "is_deletable", BEHAVIOUR),
    FormField(CATEGORY, "ordering", BEHAVIOUR),
    FormField(COOKIE, "purpose", WORDING),
    FormField(COOKIE, "name", BEHAVIOUR),
    FormField(COOKIE, "domain", BEHAVIOUR),
    FormField(COOKIE, "path", BEHAVIOUR),
    FormField(COOKIE, "storage", BEHAVIOUR),
    FormField(COOKIE, "duration", BEHAVIOUR),
    FormField(COOKIE, "provider", BEHAVIOUR),
    FormField(COOKIE, "a new row", BEHAVIOUR),
    FormField(COOKIE, "deleting a row", BEHAVIOUR),
    FormField(BANNER, "title", WORDING),
    FormField(BANNER, "message", WORDING),
    FormField(BANNER, "accept_label", WORDING),
    FormField(BANNER, "reject_label", WORDING),
    FormField(BANNER, "customise_label", WORDING),
    FormField(BANNER, "save_label", WORDING),
    FormField(BANNER, "policy_page", WORDING),
    FormField(BANNER, "google_consent_mode", BEHAVIOUR),
    FormField(GATED_SCRIPT, "name", SCRIPT),
    FormField(GATED_SCRIPT, "category", SCRIPT),
    FormField(GATED_SCRIPT, "placement", SCRIPT),
    FormField(GATED_SCRIPT, "src", SCRIPT),
    FormField(GATED_SCRIPT, "code", SCRIPT),
    FormField(GATED_SCRIPT, "enabled", SCRIPT),
    FormField(GATED_SCRIPT, "safe_on_sensitive_pages", SCRIPT),
]
# Stamped by the "Clinical review" task only; tests/review/test_review_fields.py
# posts them as each role.
REVIEW_FORM_FIELDS = [
    FormField(TERM, "clinical_reviewer", NOBODY),
    FormField(TERM, "last_reviewed", NOBODY),
]


def markdown_table(heading, rows, label):
    lines = [
        f"| {heading} | {' | '.join(ROLES)} |",
        "| --- " * (len(ROLES) + 1) + "|",
    ]
    for row in rows:
        lines.append(f"| {label(row)} | {' | '.join(row.expected)} |")
    return "\n".join(lines)


def url_table():
    return markdown_table(
        "admin URL", ADMIN_URLS, lambda url: f"{url.area}: {url.view}"
    )


def field_table():
    return markdown_table("form field", FORM_FIELDS + REVIEW_FORM_FIELDS, field_label)


def field_label(form_field):
    name = form_field.field
    return f"{form_field.form}: {name if ' ' in name else f'`{name}`'}"
