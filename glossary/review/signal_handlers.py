"""Mark reviewed pages whose medical content changed as "changes not yet reviewed"."""

from django.db.models.signals import post_save
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import Revision
from wagtail.signals import task_submitted

from .models import ClinicalReviewMixin, ClinicalReviewTaskState


class ReviewSubmissionEmailNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    """Wagtail e-mails a group approval task's groups when a page reaches it, for
    its own TaskState class: the same e-mail, with its templates, for ours."""

    def get_template_base_prefix(self, instance, **kwargs):
        return "task_state_"


review_submission_email_notifier = ReviewSubmissionEmailNotifier()


def flag_unreviewed_changes(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    model = instance.content_type.model_class()
    if model is None or not issubclass(model, ClinicalReviewMixin):
        return
    page = (
        model._default_manager.filter(pk=instance.object_id)
        .select_related("reviewed_revision")
        .only("pk", "reviewed_revision", "has_unreviewed_changes")
        .first()
    )
    if page is None or page.reviewed_revision is None:
        return
    changed = page.changed_since_review(instance)
    if changed != page.has_unreviewed_changes:
        model._default_manager.filter(pk=page.pk).update(has_unreviewed_changes=changed)


def register_review_signal_handlers():
    post_save.connect(
        flag_unreviewed_changes,
        sender=Revision,
        dispatch_uid="glossary.review.flag_unreviewed_changes",
    )
    task_submitted.connect(
        review_submission_email_notifier,
        sender=ClinicalReviewTaskState,
        dispatch_uid="glossary.review.submitted_email_notification",
    )
