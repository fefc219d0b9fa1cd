"""Terms about the routes that connect the gut with the brain, immunity and skin."""

TERMS = [
    {
        "slug": "gut-brain-axis",
        "title": "Gut–brain axis",
        "definition": (
            "The two-way communication between the digestive system and the brain, "
            "through nerves, hormones, the immune system and substances made by gut "
            "microbes."
        ),
        "origin": [
            "Doctors have long noticed that emotions affect digestion. In the 1820s "
            "and 1830s the American army surgeon William Beaumont studied a patient "
            "with a permanent opening into his stomach and saw that anger and fear "
            "changed how it worked.",
            "The word “axis” is borrowed from physiology, where it names a chain of "
            "organs that signal to one another. Once experiments showed that gut "
            "bacteria take part in this signalling, researchers began to speak of "
            "the microbiota–gut–brain axis.",
        ],
        "mechanism": [
            "Signals travel both ways. The vagus nerve carries information from the "
            "gut to the brain, stress hormones from the brain change gut movement "
            "and the gut lining, and immune messengers pass in both directions. Gut "
            "microbes join in by making short-chain fatty acids, by changing how "
            "the body handles tryptophan (the building block of serotonin) and by "
            "shaping the immune response.",
            "Much of the evidence comes from animals: mice raised without any "
            "microbes, for example, have an exaggerated stress response that can be "
            "partly reversed by giving them bacteria. In people, the axis is clearly "
            "involved in irritable bowel syndrome, and links with mood, anxiety and "
            "neurological conditions are an active but still emerging area.",
        ],
        "synonyms": ["gut-brain axis", "microbiota–gut–brain axis", "brain–gut axis"],
        "related": [
            "vagus-nerve",
            "gut-microbiome-mental-health",
            "psychobiotics",
            "short-chain-fatty-acids",
        ],
        "topics": ["mental-health", "digestion"],
        "sources": [
            {
                "title": "The microbiota-gut-brain axis",
                "publisher": "Physiological Reviews",
                "year": 2019,
                "doi": "10.1152/physrev.00018.2018",
                "pmid": "31460832",
            },
            {
                "title": "Postnatal microbial colonization programs the "
                "hypothalamic–pituitary–adrenal system for stress response in mice",
                "publisher": "The Journal of Physiology",
                "year": 2004,
                "doi": "10.1113/jphysiol.2004.063388",
            },
        ],
    },
    {
        "slug": "gut-microbiome-mental-health",
        "title": "Gut Microbiome Mental Health",
        "definition": (
            "The study of how the gut microbiome relates to mood, stress and mental "
            "illness such as depression and anxiety. Links are well documented; "
            "whether changing the microbiome can treat mental illness is not yet "
            "established."
        ),
        "origin": [
            "The field grew out of gut–brain axis research in the 2000s and 2010s. "
            "Animal studies showed that gut microbes affect stress responses and "
            "behaviour, and large population studies then began to compare the gut "
            "microbiomes of people with and without depression.",
        ],
        "mechanism": [
            "Several findings hold up across studies. In two large European groups "
            "of volunteers, people with depression had fewer Coprococcus and "
            "Dialister bacteria, whatever their use of antidepressants. When gut "
            "microbes from people with depression were transferred into rats, the "
            "rats developed behaviour resembling depression. Possible routes include "
            "inflammation, the vagus nerve, and microbial substances that affect "
            "brain chemistry.",
            "Trials of probiotics and diet in people are smaller and their results "
            "are mixed, so no microbiome treatment for mental illness is recommended "
            "in clinical guidelines. A healthy diet supports both gut and general "
            "health, but it is not a substitute for care. If you are struggling "
            "with your mental health, talk to your GP; in the UK you can also call "
            "NHS 111 or Samaritans on 116 123, free at any time.",
        ],
        "synonyms": [
            "microbiome and mental health",
            "gut health and mental health",
            "gut microbiome and mood",
        ],
        "related": ["gut-brain-axis", "psychobiotics", "vagus-nerve", "dysbiosis"],
        "topics": ["mental-health", "microbiome-basics"],
        "sources": [
            {
                "title": "The neuroactive potential of the human gut microbiota in "
                "quality of life and depression",
                "publisher": "Nature Microbiology",
                "year": 2019,
                "doi": "10.1038/s41564-018-0337-x",
            },
            {
                "title": "Transferring the blues: depression-associated gut "
                "microbiota induces neurobehavioural changes in the rat",
                "publisher": "Journal of Psychiatric Research",
                "year": 2016,
                "doi": "10.1016/j.jpsychires.2016.07.019",
            },
        ],
    },
    {
        "slug": "vagus-nerve",
        "title": "Vagus nerve",
        "definition": (
            "A long nerve running from the brainstem to the heart, lungs and gut. "
            "It is the main nerve route between the gut and the brain."
        ),
        "origin": [
            "“Vagus” is Latin for “wandering”, because the nerve wanders through the "
            "neck, chest and abdomen. It is the tenth of the twelve cranial nerves "
            "that leave the brain directly, so it is also called cranial nerve X.",
        ],
        "mechanism": [
            "Most of its fibres carry information towards the brain rather than "
            "away from it: they report on stretching of the gut, nutrients and "
            "signals released by gut cells. Fibres running the other way slow the "
            "heart, stimulate digestion and can damp down inflammation.",
            "In mice, a Lactobacillus strain changed anxiety-like behaviour and "
            "brain chemistry, and these effects disappeared when the vagus nerve "
            "was cut, suggesting the nerve carried the message. Electrical "
            "stimulation of the vagus nerve with an implanted device is an "
            "established treatment for some people with epilepsy; claims that "
            "breathing exercises or gadgets “reset” the vagus nerve go well beyond "
            "the evidence.",
        ],
        "synonyms": ["vagal nerve", "cranial nerve X", "tenth cranial nerve"],
        "related": ["gut-brain-axis", "psychobiotics"],
        "topics": ["mental-health", "digestion"],
        "sources": [
            {
                "title": "Ingestion of Lactobacillus strain regulates emotional "
                "behavior and central GABA receptor expression in a mouse via the "
                "vagus nerve",
                "publisher": "Proceedings of the National Academy of Sciences",
                "year": 2011,
                "doi": "10.1073/pnas.1102999108",
            },
        ],
    },
    {
        "slug": "gut-immune-axis",
        "title": "Gut–immune axis",
        "definition": (
            "The constant exchange between gut microbes and the immune system, which "
            "teaches immune cells to tolerate harmless microbes and food while "
            "staying ready to fight infection."
        ),
        "origin": [
            "Immunologists have studied the gut’s own immune tissue, such as the "
            "Peyer’s patches first described in the seventeenth century, for a long "
            "time. The microbial side became prominent after 1989, when David "
            "Strachan proposed the “hygiene hypothesis”: that less early contact "
            "with microbes might explain rising rates of allergy.",
        ],
        "mechanism": [
            "A large share of the body’s immune cells sit in and under the gut "
            "lining, separated from trillions of microbes by a single layer of "
            "cells and a coat of mucus. Animals raised without microbes have "
            "underdeveloped gut immune tissue, which shows that microbes are needed "
            "for the immune system to mature.",
            "Particular bacteria push the immune system in particular directions: "
            "some encourage regulatory T cells, which calm inflammation, partly "
            "through short-chain fatty acids, while others encourage cells that "
            "defend the gut lining. When this balance is lost, as in inflammatory "
            "bowel disease, the immune system reacts against gut contents. How far "
            "the same processes explain allergies and autoimmune disease in people "
            "is still being studied.",
        ],
        "synonyms": ["gut-immune axis", "microbiota–immune axis"],
        "related": [
            "intestinal-barrier",
            "short-chain-fatty-acids",
            "dysbiosis",
            "gut-skin-axis",
        ],
        "topics": ["immunity", "digestion"],
        "sources": [
            {
                "title": "Role of the microbiota in immunity and inflammation",
                "publisher": "Cell",
                "year": 2014,
                "doi": "10.1016/j.cell.2014.03.011",
            },
            {
                "title": "Hay fever, hygiene, and household size",
                "publisher": "BMJ",
                "year": 1989,
                "doi": "10.1136/bmj.299.6710.1259",
            },
        ],
    },
    {
        "slug": "gut-skin-axis",
        "title": "Gut–skin axis",
        "definition": (
            "The links between the gut, its microbes and the skin, through the "
            "immune system, microbial substances and the gut barrier. Research is "
            "mostly at an early stage."
        ),
        "origin": [
            "In 1930 the American dermatologists John Stokes and Donald Pillsbury "
            "suggested that emotional stress could change gut bacteria and so "
            "worsen skin conditions such as acne. The modern phrase “gut–skin axis” "
            "appeared in the 2010s, as microbiome sequencing was applied to skin "
            "disease.",
        ],
        "mechanism": [
            "The gut and skin are both barriers that face the outside world and "
            "share immune pathways. A gut microbiome that promotes inflammation, or "
            "a gut lining that lets more microbial material through, may raise "
            "inflammation elsewhere, including in the skin. Differences in gut "
            "microbes have been reported in atopic eczema, psoriasis, rosacea and "
            "acne, and people with inflammatory bowel disease have more skin "
            "conditions than average.",
            "Most of these findings are associations from small studies, and it is "
            "rarely clear what causes what. Some trials of probiotics for eczema in "
            "infants are promising but inconsistent. Skin conditions have "
            "effective, proven treatments; a pharmacist, GP or dermatologist is the "
            "right first step.",
        ],
        "synonyms": ["gut-skin axis"],
        "related": ["gut-immune-axis", "intestinal-permeability", "probiotics"],
        "topics": ["skin", "immunity"],
        "sources": [
            {
                "title": "The gut microbiome as a major regulator of the gut-skin axis",
                "publisher": "Frontiers in Microbiology",
                "year": 2018,
                "doi": "10.3389/fmicb.2018.01459",
            },
        ],
    },
]
