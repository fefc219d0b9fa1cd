"""Article reviewers (Author records) become Reviewer records.

The Author stays as it is (photo included); the Reviewer gets its name, role
(as credentials) and bio. An author who reviewed several articles, or who is
already a reviewer of terms under the same name and credentials, becomes one
Reviewer.
"""

from django.db import migrations


def reviewers_from_authors(apps, schema_editor):
    Article = apps.get_model("articles", "ArticlePage")
    Reviewer = apps.get_model("glossary", "Reviewer")
    for article in Article.objects.filter(reviewer__isnull=False).select_related(
        "reviewer"
    ):
        author = article.reviewer
        reviewer, created = Reviewer.objects.get_or_create(
            name=author.name, credentials=author.role
        )
        if created or not reviewer.bio:
            Reviewer.objects.filter(pk=reviewer.pk).update(bio=author.bio)
        Article.objects.filter(pk=article.pk).update(
            clinical_reviewer=reviewer, reviewed_revision_id=article.live_revision_id
        )


def authors_from_reviewers(apps, schema_editor):
    Article = apps.get_model("articles", "ArticlePage")
    Author = apps.get_model("articles", "Author")
    for article in Article.objects.filter(
        clinical_reviewer__isnull=False
    ).select_related("clinical_reviewer"):
        reviewer = article.clinical_reviewer
        author, _ = Author.objects.get_or_create(
            name=reviewer.name, defaults={"role": reviewer.credentials[:160]}
        )
        Article.objects.filter(pk=article.pk).update(reviewer=author)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_clinical_review"),
        ("glossary", "0012_clinical_review_data"),
    ]

    operations = [
        migrations.RunPython(reviewers_from_authors, authors_from_reviewers),
    ]
