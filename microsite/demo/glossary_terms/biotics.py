"""Terms about foods and supplements that aim to change the gut microbiome."""

TERMS = [
    {
        "slug": "prebiotics",
        "title": "Prebiotics",
        "definition": (
            "Substances, mostly types of fibre, that are selectively used by "
            "helpful gut microbes and so bring a health benefit."
        ),
        "origin": [
            "The term was introduced in 1995 by Glenn Gibson and Marcel Roberfroid "
            "for food ingredients that feed beneficial gut bacteria. In 2017 an "
            "expert panel of the International Scientific Association for "
            "Probiotics and Prebiotics (ISAPP) updated it to “a substrate that is "
            "selectively utilized by host microorganisms conferring a health "
            "benefit”.",
        ],
        "mechanism": [
            "Well-studied prebiotics include inulin and fructo-oligosaccharides, "
            "found in chicory root, onions, garlic, leeks and asparagus, and "
            "galacto-oligosaccharides, found in pulses and added to some infant "
            "formulas. They reach the colon undigested, where bacteria such as "
            "Bifidobacterium ferment them into short-chain fatty acids.",
            "Not all fibre counts as prebiotic: the word requires selective use by "
            "microbes and a shown benefit. Prebiotics reliably increase "
            "bifidobacteria and can ease constipation; wider benefits are less "
            "certain. Starting with large amounts often causes wind and bloating, "
            "and people with irritable bowel syndrome may find some of these foods "
            "make symptoms worse.",
        ],
        "synonyms": ["prebiotic", "prebiotic fibre"],
        "related": ["probiotics", "short-chain-fatty-acids", "butyrate"],
        "topics": ["nutrition", "digestion"],
        "sources": [
            {
                "title": "Expert consensus document: The International Scientific "
                "Association for Probiotics and Prebiotics (ISAPP) consensus "
                "statement on the definition and scope of prebiotics",
                "publisher": "Nature Reviews Gastroenterology & Hepatology",
                "year": 2017,
                "doi": "10.1038/nrgastro.2017.75",
            },
            {
                "title": "Dietary modulation of the human colonic microbiota: "
                "introducing the concept of prebiotics",
                "publisher": "The Journal of Nutrition",
                "year": 1995,
                "doi": "10.1093/jn/125.6.1401",
            },
        ],
    },
    {
        "slug": "probiotics",
        "title": "Probiotics",
        "definition": (
            "Live microorganisms that, when taken in adequate amounts, give a health "
            "benefit. Effects depend on the exact strain and the condition."
        ),
        "origin": [
            "The word combines the Latin “pro” (for) and the Greek “bios” (life). "
            "Daniel Lilly and Rosalie Stillwell used it in 1965 for substances made "
            "by one microbe that help another grow. The meaning used today comes "
            "from a 2001 expert report for the Food and Agriculture Organization "
            "and the World Health Organization, confirmed by ISAPP in 2014.",
        ],
        "mechanism": [
            "Probiotics, usually strains of Lactobacillus, Bifidobacterium or the "
            "yeast Saccharomyces boulardii, pass through the gut and mostly do not "
            "settle there for long. While present they can compete with harmful "
            "microbes, produce acids and other substances, and send signals to "
            "the gut lining and immune cells.",
            "The evidence is strongest for specific uses: some strains reduce the "
            "risk of diarrhoea linked to antibiotics, and some neonatal units use "
            "them to lower the risk of necrotising enterocolitis, a serious bowel "
            "condition in premature babies. For general wellbeing in healthy people "
            "there is little evidence of benefit. Results for one strain cannot "
            "be assumed for another, and people who are seriously ill or have a "
            "weakened immune system should ask a doctor first.",
        ],
        "synonyms": ["probiotic", "live cultures", "friendly bacteria"],
        "related": ["prebiotics", "postbiotics", "psychobiotics"],
        "topics": ["nutrition", "digestion", "immunity"],
        "sources": [
            {
                "title": "Expert consensus document: The International Scientific "
                "Association for Probiotics and Prebiotics consensus statement on "
                "the scope and appropriate use of the term probiotic",
                "publisher": "Nature Reviews Gastroenterology & Hepatology",
                "year": 2014,
                "doi": "10.1038/nrgastro.2014.66",
                "pmid": "24912386",
            },
        ],
    },
    {
        "slug": "psychobiotics",
        "title": "Psychobiotics",
        "definition": (
            "Probiotics, prebiotics or other microbiome-based products studied for a "
            "possible benefit to mood, stress or mental health. None is an "
            "established treatment."
        ),
        "origin": [
            "Ted Dinan, Catherine Stanton and John Cryan coined the word in 2013 for "
            "live organisms that, taken in adequate amounts, benefit people with "
            "psychiatric illness. In 2016 the same research group widened it to "
            "include anything that acts on the brain through gut bacteria, such as "
            "prebiotics.",
        ],
        "mechanism": [
            "The proposed routes are those of the gut–brain axis: signals through "
            "the vagus nerve, lower inflammation, microbial substances such as "
            "short-chain fatty acids, and effects on the body’s stress hormones. "
            "Some Lactobacillus and Bifidobacterium strains change behaviour and "
            "stress responses in rodents.",
            "Human trials so far are small, short and use different strains, and "
            "their results are inconsistent: some report modest improvements in "
            "mood or stress, others none. Psychobiotics are a research idea, not a "
            "replacement for talking therapies or prescribed medicine; do not stop "
            "any treatment without talking to your doctor.",
        ],
        "synonyms": ["psychobiotic"],
        "related": [
            "gut-microbiome-mental-health",
            "gut-brain-axis",
            "probiotics",
            "vagus-nerve",
        ],
        "topics": ["mental-health", "nutrition"],
        "sources": [
            {
                "title": "Psychobiotics: a novel class of psychotropic",
                "publisher": "Biological Psychiatry",
                "year": 2013,
                "doi": "10.1016/j.biopsych.2013.05.001",
            },
            {
                "title": "Psychobiotics and the manipulation of bacteria–gut–brain "
                "signals",
                "publisher": "Trends in Neurosciences",
                "year": 2016,
                "doi": "10.1016/j.tins.2016.09.002",
            },
        ],
    },
    {
        "slug": "postbiotics",
        "title": "Postbiotics",
        "definition": (
            "Preparations of deliberately inactivated microorganisms, or their parts, "
            "that give a health benefit. Unlike probiotics, they contain no living "
            "microbes."
        ),
        "origin": [
            "For years “postbiotic” was used loosely for almost any product of "
            "bacteria. In 2021 an ISAPP expert panel defined it as “a preparation "
            "of inanimate microorganisms and/or their components that confers a "
            "health benefit on the host”. Under that definition a purified "
            "substance on its own, such as butyrate, is not a postbiotic.",
        ],
        "mechanism": [
            "Microbes killed by heat or other methods keep much of their structure: "
            "cell walls, proteins and attached molecules that immune cells can "
            "still recognise. Postbiotics may also carry substances the microbes "
            "made while alive.",
            "Because nothing in them is alive, they are easier to store and may be "
            "safer for vulnerable people than live probiotics. Research is early: "
            "some trials have looked at infant formula and at specific digestive "
            "conditions, but postbiotics are not yet a proven treatment for any "
            "common condition.",
        ],
        "synonyms": ["inactivated probiotics", "heat-killed probiotics"],
        "related": ["probiotics", "secretome", "prebiotics"],
        "topics": ["nutrition", "immunity"],
        "sources": [
            {
                "title": "The International Scientific Association of Probiotics "
                "and Prebiotics (ISAPP) consensus statement on the definition and "
                "scope of postbiotics",
                "publisher": "Nature Reviews Gastroenterology & Hepatology",
                "year": 2021,
                "doi": "10.1038/s41575-021-00440-6",
            },
        ],
    },
]
