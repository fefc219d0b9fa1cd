"""The topic and reviewer choosers, answering 404 at their create address (they
have no creation form).

Wagtail 8.0 registers a chooser's create URL even when the chooser offers no
creation form, and a POST to it raises AttributeError: a 500.
"""

from django.http import Http404
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView


class CreateView(SnippetCreateView):
    def get_creation_form(self):
        if (form := super().get_creation_form()) is None:
            raise Http404("This chooser has no creation form.")
        return form


class TopicChooserViewSet(SnippetChooserViewSet):
    create_view_class = CreateView


class ReviewerChooserViewSet(SnippetChooserViewSet):
    create_view_class = CreateView
