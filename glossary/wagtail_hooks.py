from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from glossary.choosers import ReviewerChooserViewSet, TopicChooserViewSet
from glossary.models import Reviewer, Topic
from glossary.review import urls as review_urls
from glossary.review.checks import add_overdue_review_check
from glossary.review.dashboard import ReviewsDuePanel
from glossary.review.permissions import may_see_reviews


class TopicIndexView(IndexView):
    @cached_property
    def columns(self):
        # Wagtail adds the locale column only to its default columns; ours are named.
        columns = super().columns
        if self.i18n_enabled:
            columns.insert(3, LocaleColumn())
        return columns


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Glossary topics")
    menu_name = "glossary-topics"
    add_to_admin_menu = True
    menu_order = 300
    index_view_class = TopicIndexView
    list_display = ["name", "slug", "description"]
    # Topic is indexed, so the list searches its search_fields. Naming fields here
    # would restrict the query per field, which SQLite's full-text backend rejects.
    ordering = ["name"]
    chooser_viewset_class = TopicChooserViewSet


register_snippet(TopicViewSet)


class ReviewerViewSet(SnippetViewSet):
    model = Reviewer
    icon = "user"
    menu_label = _("Clinical reviewers")
    menu_name = "clinical-reviewers"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "credentials", "user"]
    ordering = ["name"]
    chooser_viewset_class = ReviewerChooserViewSet


register_snippet(ReviewerViewSet)


class ClinicalReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reviews(request.user)


@hooks.register("register_admin_urls")
def register_clinical_review_urls():
    return [path("clinical-review/", include(review_urls, namespace="glossary_review"))]


@hooks.register("register_reports_menu_item")
def register_clinical_review_report():
    return ClinicalReviewMenuItem(
        _("Clinical review"),
        reverse("glossary_review:report"),
        name="clinical-review",
        icon_name="doc-full-inverse",
        order=1200,
    )


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    if may_see_reviews(request.user):
        panels.append(ReviewsDuePanel())


hooks.register("construct_wagtail_userbar", add_overdue_review_check)
