"""Terms about the gut lining and what it lets through."""

TERMS = [
    {
        "slug": "intestinal-barrier",
        "title": "Intestinal barrier",
        "definition": (
            "The layered defence of the gut lining, made of mucus, a single sheet of "
            "tightly joined cells and the immune cells beneath, that absorbs "
            "nutrients while keeping microbes and toxins out of the body."
        ),
        "origin": [
            "Anatomists described the gut lining in the nineteenth century. The idea "
            "of it as an active, adjustable barrier grew after electron microscopy "
            "revealed the tight junctions that seal the gaps between neighbouring "
            "cells in the 1960s, and after the proteins that form them were "
            "identified from the late 1980s onwards.",
        ],
        "mechanism": [
            "The barrier has several layers. In the colon a thick layer of mucus "
            "keeps most bacteria at a distance from the cells. Below it, one layer "
            "of cells is sealed by tight junctions, which let water and nutrients "
            "through but hold back larger molecules. Antibodies and antimicrobial "
            "proteins add a chemical defence, and immune cells underneath deal with "
            "anything that slips through.",
            "Gut microbes help maintain the barrier: butyrate fuels the lining "
            "cells and strengthens tight junctions, while some bacteria feed on "
            "mucus and stimulate its renewal. Infections, heavy alcohol use, some "
            "medicines and inflammatory bowel disease can weaken the barrier.",
        ],
        "synonyms": ["gut barrier", "gut lining", "mucosal barrier"],
        "related": ["intestinal-permeability", "butyrate", "gut-immune-axis"],
        "topics": ["digestion", "immunity"],
        "sources": [
            {
                "title": "Intestinal permeability – a new target for disease "
                "prevention and therapy",
                "publisher": "BMC Gastroenterology",
                "year": 2014,
                "doi": "10.1186/s12876-014-0189-7",
            },
        ],
    },
    {
        "slug": "intestinal-permeability",
        "title": "Intestinal permeability",
        "definition": (
            "How easily substances pass through the gut lining into the body. "
            "Increased permeability is measurable in some diseases, but “leaky gut "
            "syndrome” is not a recognised diagnosis."
        ),
        "origin": [
            "Scientists began to measure permeability in people in the 1970s and "
            "1980s by giving drinks of sugars that the body does not use, such as "
            "lactulose and mannitol, and measuring how much appears in urine. The "
            "popular phrase “leaky gut” came later and is used much more loosely.",
        ],
        "mechanism": [
            "Some permeability is normal: the gut has to let nutrients and water "
            "through. Permeability is increased in coeliac disease, Crohn’s disease "
            "and during severe illness, and intense exercise or some painkillers "
            "can raise it for a while.",
            "What is less certain is whether mildly raised permeability causes "
            "widespread symptoms such as tiredness, aches or skin problems, as "
            "“leaky gut” websites often claim. Reliable tests are mostly research "
            "tools, and there is no proven treatment for “leaky gut” as a "
            "condition in itself. Persistent gut symptoms deserve a proper "
            "assessment by a doctor.",
        ],
        "synonyms": ["leaky gut", "gut permeability"],
        "related": ["intestinal-barrier", "gut-skin-axis", "dysbiosis"],
        "topics": ["digestion", "immunity"],
        "sources": [
            {
                "title": "Leaky gut: mechanisms, measurement and clinical "
                "implications in humans",
                "publisher": "Gut",
                "year": 2019,
                "doi": "10.1136/gutjnl-2019-318427",
            },
            {
                "title": "Intestinal permeability – a new target for disease "
                "prevention and therapy",
                "publisher": "BMC Gastroenterology",
                "year": 2014,
                "doi": "10.1186/s12876-014-0189-7",
            },
        ],
    },
]
