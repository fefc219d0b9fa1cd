"""Terms about the gut microbiome as a whole: what it is and how it is described."""

TERMS = [
    {
        "slug": "gut-microbiome",
        "title": "Gut microbiome",
        "definition": (
            "The community of bacteria, archaea, fungi and viruses that lives in the "
            "digestive tract, together with their genes and the substances they make."
        ),
        "origin": [
            "“Microbiome” joins “microbe” with the ending “-ome”, used in biology for "
            "a complete collection of something, as in “genome”. The Nobel laureate "
            "Joshua Lederberg popularised the word around 2001, although ecologists "
            "had used it in the 1980s for microbes living in a particular "
            "environment.",
            "Researchers often separate two words: the microbiota is the living "
            "organisms themselves, and the microbiome is the wider system of those "
            "organisms, their genes and their surroundings. In everyday writing the "
            "two are used almost interchangeably.",
        ],
        "mechanism": [
            "Most gut microbes live in the large intestine (colon), where food "
            "moves slowly and there is little oxygen. A careful estimate puts the "
            "number of bacteria in the colon at around 38 trillion, roughly the same "
            "as the number of human cells in the body.",
            "These microbes break down parts of food that our own enzymes cannot, "
            "especially dietary fibre, and turn them into substances such as "
            "short-chain fatty acids and some vitamins. They also compete with "
            "harmful organisms for space and food, and they shape how the immune "
            "system develops. Each person’s microbiome is different, and diet, "
            "medicines (antibiotics in particular), age and illness all change it.",
        ],
        "synonyms": ["gut microbiota", "gut flora", "intestinal microbiota"],
        "related": ["microbial-diversity", "dysbiosis", "short-chain-fatty-acids"],
        "topics": ["microbiome-basics", "digestion"],
        "sources": [
            {
                "title": "The vocabulary of microbiome research: a proposal",
                "publisher": "Microbiome",
                "year": 2015,
                "doi": "10.1186/s40168-015-0094-5",
            },
            {
                "title": "Revised estimates for the number of human and bacteria "
                "cells in the body",
                "publisher": "PLOS Biology",
                "year": 2016,
                "doi": "10.1371/journal.pbio.1002533",
            },
        ],
    },
    {
        "slug": "microbial-diversity",
        "title": "Microbial diversity",
        "definition": (
            "A measure of how many different kinds of microbe live in the gut and how "
            "evenly they are spread. Higher diversity is often, but not always, linked "
            "with better health."
        ),
        "origin": [
            "The idea comes from ecology, where the diversity of a forest or a reef "
            "has been measured for decades. Microbiome researchers borrowed the same "
            "tools once DNA sequencing made it possible to list the microbes in a "
            "stool sample, rather than only those that grow in a laboratory dish.",
            "Two kinds are usually reported: alpha diversity, the variety within one "
            "person’s gut, and beta diversity, how different two people’s "
            "microbiomes are from each other.",
        ],
        "mechanism": [
            "A gut with many different species is thought to be more resilient: if "
            "one group of microbes is knocked back, for example by antibiotics, "
            "others can carry out similar jobs. Large studies have found lower "
            "diversity in people with obesity, inflammatory bowel disease and some "
            "other conditions, although these are associations and do not show "
            "which comes first.",
            "Diet is one of the strongest influences that people can change. In the "
            "American Gut Project, people who ate more than 30 different types of "
            "plant food a week had more diverse gut microbiomes than those who ate "
            "10 or fewer. Diversity is a useful summary, but it is not a diagnosis: "
            "there is no single “healthy” score.",
        ],
        "synonyms": ["microbiome diversity", "gut diversity", "alpha diversity"],
        "related": ["gut-microbiome", "dysbiosis", "microbiome-refinement"],
        "topics": ["microbiome-basics", "nutrition"],
        "sources": [
            {
                "title": "Diversity, stability and resilience of the human gut "
                "microbiota",
                "publisher": "Nature",
                "year": 2012,
                "doi": "10.1038/nature11550",
            },
            {
                "title": "American Gut: an open platform for citizen science "
                "microbiome research",
                "publisher": "mSystems",
                "year": 2018,
                "doi": "10.1128/mSystems.00031-18",
            },
        ],
    },
    {
        "slug": "dysbiosis",
        "title": "Dysbiosis",
        "definition": (
            "A change in the make-up or activity of the gut microbiome that is linked "
            "with disease, such as a loss of helpful microbes, an overgrowth of "
            "harmful ones or a loss of diversity."
        ),
        "origin": [
            "The word combines the Greek “dys-” (bad or difficult) and “bios” "
            "(life). The idea that gut bacteria can harm health goes back to the "
            "early twentieth century, when the immunologist Élie Metchnikoff argued "
            "that some intestinal microbes poisoned the body and that fermented milk "
            "could help.",
            "The modern use grew with DNA sequencing, which let researchers compare "
            "the microbiomes of healthy people with those of people who have a "
            "particular disease.",
        ],
        "mechanism": [
            "Dysbiosis has been described in inflammatory bowel disease, irritable "
            "bowel syndrome, type 2 diabetes, obesity and many other conditions. "
            "When helpful bacteria that make short-chain fatty acids decline, the "
            "gut lining receives less fuel and the immune system fewer calming "
            "signals, which may allow inflammation to build up.",
            "It is important to know what the term does not say. There is no agreed "
            "definition of a “normal” microbiome, so dysbiosis describes a "
            "difference rather than a single measurable condition. In most human "
            "studies it is not yet clear whether dysbiosis causes disease, results "
            "from it, or both. Commercial stool tests that diagnose “dysbiosis” are "
            "not validated for clinical use.",
        ],
        "synonyms": ["microbial imbalance", "gut dysbiosis"],
        "related": ["gut-microbiome", "microbial-diversity", "gut-immune-axis"],
        "topics": ["microbiome-basics", "digestion", "immunity"],
        "sources": [
            {
                "title": "Dysbiosis and the immune system",
                "publisher": "Nature Reviews Immunology",
                "year": 2017,
                "doi": "10.1038/nri.2017.7",
            },
        ],
    },
    {
        "slug": "microbiome-refinement",
        "title": "Microbiome Refinement",
        "definition": (
            "An informal name for deliberate, gradual changes to diet and lifestyle "
            "aimed at shifting the gut microbiome towards a more varied and helpful "
            "community. It is not a medical diagnosis or a defined treatment."
        ),
        "origin": [
            "The phrase comes from wellness writing and nutrition coaching rather "
            "than from the scientific literature, where researchers speak of "
            "“modulating” or “targeting” the microbiome. We include it because "
            "readers meet it often, and because it is worth separating what the "
            "research supports from what is marketing.",
        ],
        "mechanism": [
            "The best evidence concerns food. A controlled study found that the gut "
            "microbiome changes within days of a large change in diet, and a "
            "ten-week trial at Stanford University found that eating more fermented "
            "foods, such as yoghurt, kefir, kimchi and sauerkraut, increased "
            "microbial diversity and lowered several markers of inflammation. Eating "
            "a wide range of fibre-rich plants feeds bacteria that make short-chain "
            "fatty acids.",
            "Less is known about expensive programmes built on stool tests and "
            "personalised supplements: they have not been shown to beat a varied, "
            "fibre-rich diet. Changes fade when old habits return, so small lasting "
            "changes matter more than short “resets”. If you have a gut condition, "
            "take medicines or are pregnant, talk to a health professional before "
            "making big changes.",
        ],
        "synonyms": ["microbiome optimisation", "microbiome modulation"],
        "related": ["microbial-diversity", "prebiotics", "probiotics", "dysbiosis"],
        "topics": ["nutrition", "microbiome-basics"],
        "sources": [
            {
                "title": "Diet rapidly and reproducibly alters the human gut "
                "microbiome",
                "publisher": "Nature",
                "year": 2014,
                "doi": "10.1038/nature12820",
            },
            {
                "title": "Gut-microbiota-targeted diets modulate human immune status",
                "publisher": "Cell",
                "year": 2021,
                "doi": "10.1016/j.cell.2021.06.019",
            },
        ],
    },
]
