"""Clinical review: reviewers, the "Clinical review" workflow task, review cycles
and reminders, for the glossary's terms and any page type using
``ClinicalReviewMixin`` (docs/glossary.md, "Clinical review")."""
