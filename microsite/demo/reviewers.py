"""The demo's two clinical reviewers: fictional people, and said to be so."""

from glossary.models import Reviewer

AMARA = "Dr Amara Osei"
LUCAS = "Dr Lucas Brennan"

REVIEWERS = [
    {
        "name": AMARA,
        "credentials": "MD, gastroenterologist (fictional demo reviewer)",
        "registration_body": "Example Medical Council (fictional)",
        "registration_number": "DEMO-0001",
        "bio": (
            "A fictional gastroenterologist invented for this demo site. She checks "
            "that terms about digestion and the gut lining say what the evidence says."
        ),
        "conflicts_of_interest": "None declared (fictional person).",
    },
    {
        "name": LUCAS,
        "credentials": "PhD, registered dietitian (fictional demo reviewer)",
        "registration_body": "",
        "registration_number": "",
        "bio": (
            "A fictional dietitian and researcher invented for this demo site. He "
            "reviews what the site says about food, fibre and supplements."
        ),
        "conflicts_of_interest": "None declared (fictional person).",
    },
]


def build(stdout):
    ensure_reviewers()
    stdout.write(f"Clinical reviewers: {len(REVIEWERS)} (fictional).")


def ensure_reviewers() -> None:
    for person in REVIEWERS:
        fields = {k: v for k, v in person.items() if k != "name"}
        reviewer, created = Reviewer.objects.get_or_create(
            name=person["name"], defaults=fields
        )
        if not created and any(getattr(reviewer, k) != v for k, v in fields.items()):
            for name, value in fields.items():
                setattr(reviewer, name, value)
            reviewer.save()


def by_name(name: str) -> Reviewer:
    return Reviewer.objects.get(name=name)
