"""Free-text reviewers become Reviewer records; the "Clinical reviewers" group and
the default "Clinical review" workflow are created.

Nothing is lost: "Dr Ana Ruiz, MD" becomes the name "Dr Ana Ruiz" and the
credentials "MD", which the review line joins back to the same text; a text that
would not come back the same stays whole in the name. Migrating back writes
that text into the free-text field again.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Clinical reviewers"
WORKFLOW = "Clinical review"


def name_and_credentials(text: str) -> tuple[str, str]:
    name, _, credentials = text.partition(", ")
    if name.strip() and credentials.strip() and f"{name}, {credentials}" == text:
        return name, credentials
    return text, ""


def reviewers_from_free_text(apps, schema_editor):
    Term = apps.get_model("glossary", "GlossaryTermPage")
    Reviewer = apps.get_model("glossary", "Reviewer")
    terms = Term.objects.exclude(reviewed_by="").only(
        "pk", "reviewed_by", "last_reviewed", "live_revision_id"
    )
    for term in terms.iterator():
        name, credentials = name_and_credentials(term.reviewed_by)
        reviewer, _ = Reviewer.objects.get_or_create(
            name=name, credentials=credentials
        )
        # The live revision is what the reviewer last saw: later edits are
        # compared with it.
        Term.objects.filter(pk=term.pk).update(
            clinical_reviewer=reviewer, reviewed_revision_id=term.live_revision_id
        )


def free_text_from_reviewers(apps, schema_editor):
    Term = apps.get_model("glossary", "GlossaryTermPage")
    for term in Term.objects.filter(clinical_reviewer__isnull=False).select_related(
        "clinical_reviewer"
    ):
        reviewer = term.clinical_reviewer
        text = ", ".join(p for p in (reviewer.name, reviewer.credentials) if p)
        Term.objects.filter(pk=term.pk).update(reviewed_by=text[:200])


def grant_publishing(apps, group):
    """Approving the last task publishes the page, which Wagtail allows only to
    users who may publish it: as its "Moderators" group, the reviewers may
    publish pages (they still edit only pages waiting for their review)."""
    wagtailcore = apps.get_app_config("wagtailcore")
    # Permissions are created after all migrations (post_migrate): make sure
    # Wagtail's page permissions exist on a fresh database.
    wagtailcore.models_module = True
    create_permissions(wagtailcore, apps=apps, verbosity=0)
    wagtailcore.models_module = None
    root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    if root is None:
        return
    publish = apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="wagtailcore", codename="publish_page"
    )
    apps.get_model("wagtailcore", "GroupPagePermission").objects.get_or_create(
        group=group, page=root, permission=publish
    )


def create_group_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ClinicalReviewTask = apps.get_model("glossary", "ClinicalReviewTask")

    group, _ = Group.objects.get_or_create(name=GROUP)
    # As wagtailadmin's first migration makes it (a test database flushed since
    # has lost it).
    admin_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group.permissions.add(access_admin)
    grant_publishing(apps, group)
    if Workflow.objects.filter(name=WORKFLOW).exists():
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="glossary", model="clinicalreviewtask"
    )
    task = ClinicalReviewTask.objects.create(
        name=WORKFLOW, content_type=content_type, active=True
    )
    task.groups.add(group)
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def remove_group_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("glossary", "ClinicalReviewTask").objects.all().delete()
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0011_clinical_review"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(reviewers_from_free_text, free_text_from_reviewers),
        migrations.RunPython(create_group_and_workflow, remove_group_and_workflow),
    ]
