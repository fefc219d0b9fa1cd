"""The term page's admin form: topics to tick are those of the page's locale."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm


class GlossaryTermForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        topics = self.fields.get("topics")
        locale_id = self.instance.locale_id
        if topics is None or locale_id is None:
            return
        # The topics the page has keep their box, even in another locale (a topic
        # not translated yet): unticked, they would be dropped on save.
        tagged = list(self.instance.topics.all()) if self.instance.pk else []
        topics.queryset = topics.queryset.filter(
            Q(locale_id=locale_id) | Q(pk__in=[topic.pk for topic in tagged])
        )
