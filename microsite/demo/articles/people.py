"""The demo's article index, its two (fictional) authors and the topics it uses."""

INDEX = {
    "title": "Articles",
    "slug": "articles",
    "intro": (
        "<p>Longer reads on what the research says about the gut microbiome, "
        "written by our team and checked against the sources we list.</p>"
    ),
}

AUTHORS = [
    {
        "name": "Dr Eleanor Hart",
        "role": "Science writer",
        "bio": (
            "Eleanor trained as a microbiologist and spent eight years studying how "
            "bacteria colonise the gut before turning to science writing. She "
            "explains new research in plain English and is careful to say when a "
            "finding comes from mice rather than people."
        ),
    },
    {
        "name": "Tom Adeyemi",
        "role": "Registered dietitian",
        "bio": (
            "Tom is a registered dietitian who has worked in NHS gastroenterology "
            "clinics, helping people with irritable bowel syndrome and coeliac "
            "disease. He writes about food, fibre and the evidence behind "
            "gut-health products."
        ),
    },
]

# Created only when missing; the glossary demo normally makes them first.
TOPICS = {
    "immunity": "Immunity",
    "skin": "Skin",
    "digestion": "Digestion",
    "nutrition": "Nutrition",
    "microbiome-basics": "Microbiome basics",
}
