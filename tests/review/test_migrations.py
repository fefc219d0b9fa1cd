"""The data migrations: free-text term reviewers and article reviewers (Author
records) become Reviewer records, and nothing is lost either way."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("glossary", "0010_sensitive_pages"),
    ("articles", "0006_sensitive_pages"),
]
AFTER = [
    ("glossary", "0014_clinical_review_reminders"),
    ("articles", "0009_clinical_review_author_reviewer_removed"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_the_latest_migrations():
    """Later tests in the run need every column: end on the latest migrations."""
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_reviewers_typed_as_text_or_authors_become_reviewer_records(
    make_term, make_article, back_to_the_latest_migrations
):
    terms = [make_term(f"Term {n}", publish=True) for n in range(4)]
    article = make_article(title="Fibre")
    old = migrate(BEFORE)
    Term = old.get_model("glossary", "GlossaryTermPage")
    texts = ["Dr Ana Ruiz, MD", "Dr Ana Ruiz, MD", "Medical team,no space", ""]
    for term, text in zip(terms, texts, strict=True):
        Term.objects.filter(pk=term.pk).update(
            reviewed_by=text, last_reviewed=datetime.date(2025, 3, 1)
        )
    author = old.get_model("articles", "Author").objects.create(
        name="Tom Adeyemi", role="Registered dietitian", bio="Works in NHS clinics."
    )
    old.get_model("articles", "ArticlePage").objects.filter(pk=article.pk).update(
        reviewer=author, last_reviewed=datetime.date(2025, 4, 1)
    )

    new = migrate(AFTER)

    Reviewer = new.get_model("glossary", "Reviewer")
    Term = new.get_model("glossary", "GlossaryTermPage")
    stamps = [
        Term.objects.select_related("clinical_reviewer").get(pk=term.pk)
        for term in terms
    ]
    ana = Reviewer.objects.get(name="Dr Ana Ruiz")
    assert ana.credentials == "MD"
    assert stamps[0].clinical_reviewer == stamps[1].clinical_reviewer == ana
    # A text that would not come back the same stays whole.
    assert stamps[2].clinical_reviewer.name == "Medical team,no space"
    assert stamps[2].clinical_reviewer.credentials == ""
    assert stamps[3].clinical_reviewer is None
    assert stamps[0].last_reviewed == datetime.date(2025, 3, 1)
    # The live revision is what the reviewer saw.
    assert stamps[0].reviewed_revision_id == stamps[0].live_revision_id
    tom = new.get_model("articles", "ArticlePage").objects.get(pk=article.pk)
    assert tom.clinical_reviewer.name == "Tom Adeyemi"
    assert tom.clinical_reviewer.credentials == "Registered dietitian"
    assert tom.clinical_reviewer.bio == "Works in NHS clinics."
    assert new.get_model("articles", "Author").objects.filter(name="Tom Adeyemi")

    back = migrate(BEFORE)

    Term = back.get_model("glossary", "GlossaryTermPage")
    assert [Term.objects.get(pk=t.pk).reviewed_by for t in terms] == texts
    article_back = back.get_model("articles", "ArticlePage").objects.get(pk=article.pk)
    assert article_back.reviewer.name == "Tom Adeyemi"


@pytest.mark.django_db
def test_the_migration_creates_the_group_and_the_workflow():
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, Workflow

    group = Group.objects.get(name="Clinical reviewers")
    # (Wagtail's image and document migrations add "choose" to every group.)
    assert "access_admin" in group.permissions.values_list("codename", flat=True)
    assert [
        p.permission.codename for p in GroupPagePermission.objects.filter(group=group)
    ] == ["publish_page"]
    workflow = Workflow.objects.get(name="Clinical review")
    assert [task.name for task in workflow.tasks] == ["Clinical review"]
