"""Terms about what gut microbes make and how they handle the body's own molecules."""

TERMS = [
    {
        "slug": "short-chain-fatty-acids",
        "title": "Short-chain fatty acids",
        "definition": (
            "Small fatty acids, mainly acetate, propionate and butyrate, that gut "
            "bacteria make when they ferment dietary fibre. They fuel the gut lining "
            "and act as signals throughout the body."
        ),
        "origin": [
            "Fatty acids are chains of carbon atoms; “short-chain” means fewer than "
            "six. They were studied first in cattle and sheep, whose digestion "
            "depends on them, and later in the human colon, where they are made by "
            "bacterial fermentation rather than by digesting fat.",
        ],
        "mechanism": [
            "Fibre that reaches the colon undigested is broken down by bacteria, and "
            "short-chain fatty acids are among the main end products. Acetate, "
            "propionate and butyrate usually make up more than nine-tenths of the "
            "total. Butyrate is used as fuel by the cells lining the colon, "
            "propionate travels to the liver, and acetate reaches the wider "
            "circulation.",
            "They also act as messengers. They bind to receptors on gut and immune "
            "cells, encourage the release of gut hormones that affect appetite, and "
            "help regulatory T cells that keep inflammation in check. Much of this "
            "is well shown in cells and animals; in people, higher fibre intake is "
            "firmly linked with better health, but the share due to short-chain "
            "fatty acids is still being worked out.",
        ],
        "synonyms": ["SCFAs", "SCFA", "volatile fatty acids"],
        "related": ["butyrate", "prebiotics", "gut-microbiome", "intestinal-barrier"],
        "topics": ["digestion", "nutrition", "immunity"],
        "sources": [
            {
                "title": "From dietary fiber to host physiology: short-chain fatty "
                "acids as key bacterial metabolites",
                "publisher": "Cell",
                "year": 2016,
                "doi": "10.1016/j.cell.2016.05.041",
                "pmid": "27259147",
            },
        ],
    },
    {
        "slug": "butyrate",
        "title": "Butyrate",
        "definition": (
            "A short-chain fatty acid made by certain gut bacteria from fibre. It is "
            "the main fuel for the cells that line the colon and helps keep the gut "
            "barrier and the immune system in balance."
        ),
        "origin": [
            "The name comes from the Latin “butyrum”, butter: butyric acid was first "
            "isolated from butter by the French chemist Michel Eugène Chevreul in "
            "the early nineteenth century, and it gives rancid butter its smell. "
            "“Butyrate” is the form found in the body.",
        ],
        "mechanism": [
            "Only some gut bacteria make butyrate in useful amounts, among them "
            "Faecalibacterium prausnitzii and species of Roseburia and Eubacterium. "
            "They depend on fibre and resistant starch reaching the colon, and on "
            "other bacteria that break those down first.",
            "Colon cells burn butyrate for energy, which uses up oxygen and keeps "
            "the colon low in oxygen, a condition that favours helpful bacteria. "
            "Butyrate also strengthens the tight junctions between cells and "
            "encourages regulatory T cells. Low levels of butyrate-producing "
            "bacteria are a frequent finding in inflammatory bowel disease. "
            "Butyrate supplements exist, but good evidence that they help people is "
            "limited; eating more fibre is the established way to raise production.",
        ],
        "synonyms": ["butyric acid", "butanoate"],
        "related": ["short-chain-fatty-acids", "intestinal-barrier", "prebiotics"],
        "topics": ["digestion", "immunity", "nutrition"],
        "sources": [
            {
                "title": "Review article: the role of butyrate on colonic function",
                "publisher": "Alimentary Pharmacology & Therapeutics",
                "year": 2008,
                "doi": "10.1111/j.1365-2036.2007.03562.x",
            },
            {
                "title": "From dietary fiber to host physiology: short-chain fatty "
                "acids as key bacterial metabolites",
                "publisher": "Cell",
                "year": 2016,
                "doi": "10.1016/j.cell.2016.05.041",
                "pmid": "27259147",
            },
        ],
    },
    {
        "slug": "estrobolome",
        "title": "Estrobolome",
        "definition": (
            "The set of gut bacterial genes able to process oestrogens. By doing so, "
            "gut bacteria can change how much oestrogen circulates in the body."
        ),
        "origin": [
            "The term was proposed in 2011 by Claudia Plottel and Martin Blaser, in "
            "a review of how the microbiome might influence cancer. It keeps the "
            "American spelling of “estrogen”; in British English the hormone is "
            "usually written “oestrogen”.",
        ],
        "mechanism": [
            "The liver packages oestrogens for removal by attaching a sugar-like "
            "group to them, and sends them into the gut with bile. Some gut "
            "bacteria make an enzyme, beta-glucuronidase, that removes this group. "
            "The freed oestrogen can then be reabsorbed into the blood instead of "
            "leaving the body in stool.",
            "Through this loop the gut microbiome may nudge oestrogen levels up or "
            "down. Researchers are studying whether this matters in conditions "
            "shaped by oestrogen, such as some breast cancers, endometriosis and the "
            "changes around the menopause. The mechanism is well described, but its "
            "size and importance in people are still uncertain, and there is no "
            "test or treatment based on it in routine care.",
        ],
        "synonyms": ["oestrobolome"],
        "related": ["gut-microbiome", "dysbiosis"],
        "topics": ["hormonal-health", "microbiome-basics"],
        "sources": [
            {
                "title": "Microbiome and malignancy",
                "publisher": "Cell Host & Microbe",
                "year": 2011,
                "doi": "10.1016/j.chom.2011.10.003",
            },
            {
                "title": "Estrogen–gut microbiome axis: physiological and clinical "
                "implications",
                "publisher": "Maturitas",
                "year": 2017,
                "doi": "10.1016/j.maturitas.2017.06.025",
            },
        ],
    },
    {
        "slug": "secretome",
        "title": "Secretome",
        "definition": (
            "Everything a cell or microbe releases into its surroundings, such as "
            "proteins, enzymes and signalling molecules. In gut research it usually "
            "means what gut microbes secrete."
        ),
        "origin": [
            "The word was coined in 2000 by Harold Tjalsma and colleagues, who used "
            "it for all the proteins secreted by the bacterium Bacillus subtilis and "
            "the machinery that exports them. It follows the pattern of “genome” "
            "and “proteome”.",
            "The term is now also used for human cells, for example the secretome "
            "of stem cells or of fat tissue.",
        ],
        "mechanism": [
            "Gut bacteria cannot enter our tissues in health, so much of their "
            "influence travels through what they release: enzymes that break down "
            "food, proteins that stick to the gut lining, small molecules, and tiny "
            "bubbles called extracellular vesicles that carry cargo to nearby "
            "cells.",
            "Studying the secretome helps explain how a single bacterial strain "
            "can calm or provoke the immune system, and it is one route towards "
            "future treatments that use microbial products instead of live "
            "bacteria. This is an early, laboratory-led field.",
        ],
        "synonyms": ["microbial secretome"],
        "related": ["postbiotics", "short-chain-fatty-acids", "gut-immune-axis"],
        "topics": ["microbiome-basics", "immunity"],
        "sources": [
            {
                "title": "Signal peptide-dependent protein transport in Bacillus "
                "subtilis: a genome-based survey of the secretome",
                "publisher": "Microbiology and Molecular Biology Reviews",
                "year": 2000,
                "doi": "10.1128/MMBR.64.3.515-547.2000",
            },
        ],
    },
]
