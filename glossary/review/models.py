"""Reviewers, the mixin that makes a page type reviewable, and the workflow task."""

import json
import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState, Workflow
from wagtail.search import index

from glossary.conf import get_setting
from glossary.models.validation import RefusesNullCharacters

from . import cycle

CLINICAL_REVIEWERS = "Clinical reviewers"


class Reviewer(RefusesNullCharacters, index.Indexed, models.Model):
    """A qualified person who checks the medical content of pages."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("As readers should see it, e.g. 'Dr Ana Ruiz'."),
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=200,
        blank=True,
        help_text=_("Qualifications and speciality, e.g. 'MD, gastroenterologist'."),
    )
    registration_body = models.CharField(
        _("registration body"),
        max_length=200,
        blank=True,
        help_text=_("Optional: the body they are registered with, e.g. 'GMC'."),
    )
    registration_number = models.CharField(
        _("registration number"), max_length=60, blank=True
    )
    bio = models.TextField(
        _("short bio"),
        max_length=1000,
        blank=True,
        help_text=_("Two or three sentences about their background."),
    )
    conflicts_of_interest = models.TextField(
        _("declared conflicts of interest"),
        max_length=2000,
        blank=True,
        help_text=_("Funding, employment or shares that touch what they review."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Wagtail user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clinical_reviewer",
        help_text=_(
            "The admin account this reviewer signs in with. Only a linked member "
            "of the 'Clinical reviewers' group can approve a clinical review."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("credentials"),
        MultiFieldPanel(
            [FieldPanel("registration_body"), FieldPanel("registration_number")],
            heading=_("Registration"),
        ),
        FieldPanel("bio"),
        FieldPanel("conflicts_of_interest"),
        FieldPanel("user"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("credentials"),
    ]

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("clinical reviewer")
        verbose_name_plural = _("clinical reviewers")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """Name and credentials, as the review line shows them."""
        return ", ".join(part for part in (self.name, self.credentials) if part)

    def as_schema_person(self) -> dict:
        person = {"@type": "Person", "name": self.name}
        if self.credentials:
            person["hasCredential"] = {
                "@type": "EducationalOccupationalCredential",
                "name": self.credentials,
            }
        return person


BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def strip_row_ids(value):
    """Revision content without what changes on every save: row ids and
    positions of inline rows, block ids of StreamFields, and the block keys the
    rich text editor writes into HTML the first time it saves it."""
    if isinstance(value, str) and value.startswith("[{"):
        try:
            value = json.loads(value)
        except ValueError:
            return BLOCK_KEY.sub("", value)
    if isinstance(value, str):
        return BLOCK_KEY.sub("", value)
    if isinstance(value, list):
        return [strip_row_ids(item) for item in value]
    if isinstance(value, dict):
        return {
            key: strip_row_ids(item)
            for key, item in value.items()
            if key not in ("pk", "id", "page", "sort_order")
        }
    return value


class ClinicalReviewMixin(models.Model):
    """A page type whose medical content a clinical reviewer approves.

    ``clinical_review_fields`` names the fields (and inline relations) whose
    change sends a reviewed page back to review. The review fields are stamped by
    the "Clinical review" task and are not editable: they are kept on the page
    itself, not in revisions (``with_content_json``), so that neither a draft
    nor an old revision can carry a review into a publish.
    """

    clinical_review_fields: tuple[str, ...] = ()

    clinical_reviewer = models.ForeignKey(
        "glossary.Reviewer",
        verbose_name=_("medically reviewed by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when a clinical reviewer approves the page."),
    )
    reviewed_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    has_unreviewed_changes = models.BooleanField(
        _("changes not yet reviewed"), default=False, editable=False
    )

    REVIEW_STAMP_FIELDS = (
        "clinical_reviewer",
        "last_reviewed",
        "reviewed_revision",
        "has_unreviewed_changes",
    )

    class Meta:
        abstract = True

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for name in self.REVIEW_STAMP_FIELDS:
            field = self._meta.get_field(name)
            setattr(page, field.attname, getattr(self, field.attname))
        return page

    def get_workflow(self):
        """A workflow assigned to this page or an ancestor below the root, else
        the clinical review workflow (GLOSSARY_REVIEW_WORKFLOW).

        Wagtail assigns its "Moderators approval" workflow to the root page; that
        one gives way, so that reviewable pages go through clinical review.
        """
        default = default_review_workflow()
        if default is None:
            return super().get_workflow()
        assigned = (
            Page.objects.ancestor_of(self, inclusive=True)
            .filter(depth__gt=1, workflowpage__workflow__active=True)
            .select_related("workflowpage__workflow")
            .order_by("-depth")
            .first()
        )
        return assigned.workflowpage.workflow if assigned else default

    @property
    def has_workflow(self):
        return self.get_workflow() is not None

    # The review cycle.

    @property
    def review_interval_months(self) -> int:
        return cycle.interval_months(type(self))

    @property
    def next_review_due(self):
        if self.last_reviewed is None:
            return None
        return cycle.add_months(self.last_reviewed, self.review_interval_months)

    @property
    def review_state(self) -> str:
        return cycle.review_state(self.next_review_due)

    @property
    def review_overdue(self) -> bool:
        return self.review_state == cycle.OVERDUE

    def substantive_content(self, content: dict) -> dict:
        return {
            name: strip_row_ids(content.get(name))
            for name in self.clinical_review_fields
        }

    def changed_since_review(self, revision) -> bool:
        """Whether ``revision`` differs from the reviewed one in a medical field."""
        reviewed = self.reviewed_revision
        if reviewed is None or revision is None:
            return False
        return self.substantive_content(revision.content) != (
            self.substantive_content(reviewed.content)
        )

    def record_review(self, reviewer, *, reviewed_on, revision):
        """Stamp a review of ``revision`` on the page row (and this instance)."""
        stamp = {
            "clinical_reviewer": reviewer,
            "last_reviewed": reviewed_on,
            "reviewed_revision": revision,
            "has_unreviewed_changes": False,
        }
        type(self)._default_manager.filter(pk=self.pk).update(**stamp)
        for name, value in stamp.items():
            setattr(self, name, value)


def default_review_workflow():
    name = get_setting("GLOSSARY_REVIEW_WORKFLOW")
    if not name or not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return None
    return Workflow.objects.active().filter(name=name).first()


class ClinicalReviewTaskState(TaskState):
    """A clinical review of one revision, with the reviewer who approved it."""

    reviewer = models.ForeignKey(
        Reviewer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )

    class Meta:
        verbose_name = _("Clinical review task state")
        verbose_name_plural = _("Clinical review task states")


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """Approved only by a member of its groups who is linked to a Reviewer;
    approving stamps that reviewer and today's date on the page."""

    task_state_class = ClinicalReviewTaskState

    class Meta:
        verbose_name = _("Clinical review task")
        verbose_name_plural = _("Clinical review tasks")

    @staticmethod
    def reviewer_for(user):
        if not user.is_authenticated or not user.is_active:
            return None
        return Reviewer.objects.filter(user=user).first()

    def user_can_approve(self, user) -> bool:
        """A member of one of the task's groups who is linked to a Reviewer."""
        if not user.is_authenticated or not user.is_active:
            return False
        return Reviewer.objects.filter(
            user=user, user__groups__in=self.groups.all()
        ).exists()

    def user_can_access_editor(self, obj, user):
        return self.user_can_approve(user)

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or self.user_can_approve(user))

    def user_can_lock(self, obj, user):
        return self.user_can_approve(user)

    def get_actions(self, obj, user):
        if not self.user_can_approve(user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve clinical review"), False),
            ("approve", _("Approve clinical review with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self.user_can_approve(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if not self.user_can_approve(user):
            raise PermissionDenied
        if action_name == "approve":
            reviewer = self.reviewer_for(user)
            page = task_state.workflow_state.content_object.specific
            # Before approving: approving the last task publishes the latest
            # revision, which takes the review stamp from the page row.
            page.record_review(
                reviewer,
                reviewed_on=timezone.localdate(),
                revision=page.get_latest_revision(),
            )
            review = task_state.specific
            review.reviewer = reviewer
            review.save(update_fields=["reviewer"])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups who are linked to a clinical reviewer "
            "approve the page; approving records them and today's date as its review."
        )


class ReviewReminder(models.Model):
    """A reminder sent to a reviewer about one page's review falling due.

    One row per reviewer, page and due date: a page is reminded once per review
    window, and again only once a new review has moved its due date.
    """

    reviewer = models.ForeignKey(
        Reviewer, on_delete=models.CASCADE, related_name="reminders"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    due_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("clinical review reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "page", "due_on"],
                name="glossary_one_reminder_per_review_window",
            )
        ]

    def __str__(self):
        return f"{self.reviewer} · page {self.page_id} · due {self.due_on}"
