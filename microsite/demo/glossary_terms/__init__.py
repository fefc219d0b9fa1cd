"""The demo glossary as readable data: topics, terms and the terms shown on home.

Each term is a dict; `origin` and `mechanism` are lists of paragraphs in plain text.
`related` and `topics` refer to slugs. Sources are genuine papers and consensus
statements, cited with the identifiers readers can follow.
"""

from datetime import date

from microsite.demo.reviewers import AMARA, LUCAS

from . import axes, barrier, basics, biotics, metabolites

# Who reviewed each term and when (microsite.demo.reviewers, fictional people).
# Dates differ so that the dashboard and the public lines show every state:
# postbiotics is overdue, psychobiotics falls due in the weeks after the demo's
# writing (December 2026), the rest are current.
REVIEW = {"reviewer": AMARA, "last_reviewed": date(2026, 11, 2)}
REVIEWS = {
    "postbiotics": {"reviewer": LUCAS, "last_reviewed": date(2023, 9, 1)},
    "psychobiotics": {"reviewer": LUCAS, "last_reviewed": date(2024, 1, 2)},
    "prebiotics": {"reviewer": LUCAS, "last_reviewed": date(2025, 4, 14)},
    "probiotics": {"reviewer": LUCAS, "last_reviewed": date(2025, 4, 14)},
    "butyrate": {"reviewer": LUCAS, "last_reviewed": date(2026, 2, 9)},
    "short-chain-fatty-acids": {"reviewer": LUCAS, "last_reviewed": date(2026, 2, 9)},
}

TOPICS = [
    {
        "slug": "microbiome-basics",
        "name": "Microbiome basics",
        "description": "What lives in the gut and how researchers describe it.",
    },
    {
        "slug": "digestion",
        "name": "Digestion",
        "description": "How the gut breaks down food and keeps its lining healthy.",
    },
    {
        "slug": "nutrition",
        "name": "Nutrition",
        "description": "How fibre, fermented foods and supplements feed gut microbes.",
    },
    {
        "slug": "immunity",
        "name": "Immunity",
        "description": "How gut microbes train and calm the immune system.",
    },
    {
        "slug": "mental-health",
        "name": "Mental health",
        "description": "Research on the links between the gut, mood and stress.",
    },
    {
        "slug": "hormonal-health",
        "name": "Hormonal health",
        "description": "How gut microbes handle hormones such as oestrogen.",
    },
    {
        "slug": "skin",
        "name": "Skin",
        "description": "Research on the links between the gut and skin conditions.",
    },
]

TERMS = [
    {**REVIEW, **REVIEWS.get(term["slug"], {}), **term}
    for module in (basics, metabolites, axes, barrier, biotics)
    for term in module.TERMS
]

FEATURED_ON_HOME = [
    "gut-microbiome-mental-health",
    "microbiome-refinement",
    "gut-brain-axis",
    "short-chain-fatty-acids",
    "estrobolome",
    "gut-skin-axis",
]
