"""Every page type, as a visitor sees it at a phone, a tablet and a desktop width:
the header and footer span the window, the content column sits in the middle, and
nothing scrolls sideways."""

import pytest

from glossary.models import GlossaryTermPage, Topic
from microsite.articles.models import ArticlePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [320, 768, 1440]

# Widths, margins and offsets are measured in CSS pixels; rounding allows 1 px.
TOLERANCE_PX = 1.5

MEASURE_LAYOUT = """() => {
  const viewport = document.documentElement.clientWidth;
  const box = (element) => element.getBoundingClientRect();
  const spans = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const { left, width } = box(element);
    return { left: Math.round(left), width: Math.round(width) };
  };
  // The content column: the content box of each laid-out child of <main>; a band
  // that spans the window edge to edge (the home page's hero) is looked into once.
  const columns = [];
  const collect = (parent, depth) => {
    for (const child of parent.children) {
      const style = getComputedStyle(child);
      const { left, right, width } = box(child);
      if (style.display === "none" || width === 0
          || ["absolute", "fixed"].includes(style.position)) continue;
      const inner = {
        element: child.tagName.toLowerCase() + "." + [...child.classList].join("."),
        left: left + parseFloat(style.paddingLeft),
        right: viewport - right + parseFloat(style.paddingRight),
      };
      if (inner.left < 1 && inner.right < 1 && depth === 0) {
        collect(child, depth + 1);
      } else {
        columns.push(inner);
      }
    }
  };
  collect(document.querySelector("main"), 0);
  return {
    viewport,
    header: spans("body > header, .site-header"),
    footer: spans("body > footer, .site-footer"),
    columns,
    sidewaysScroll: document.scrollingElement.scrollWidth - window.innerWidth,
  };
}"""


@pytest.fixture
def every_page_type(live_demo) -> dict[str, str]:
    """One address per page type and listing state, from the demo content."""
    topic = Topic.objects.filter(terms__isnull=False).first()
    return {
        "home": "/",
        "glossary index": "/glossary/",
        "glossary letter": "/glossary/?letter=b",
        "glossary topic": f"/glossary/?topic={topic.slug}",
        "glossary search, no results": "/glossary/?q=zzzyx",
        "glossary term": GlossaryTermPage.objects.live().first().url,
        "article index": "/articles/",
        "article": ArticlePage.objects.live().first().url,
        "cookie preferences": "/cookies/",
        "cookie policy": "/cookie-policy/",
        "search": "/search/?q=microbiome",
        "not found": "/no-such-page/",
    }


def layout_problems(layout) -> list[str]:
    viewport = layout["viewport"]
    problems = []
    for part in ("header", "footer"):
        found = layout[part]
        if found != {"left": 0, "width": viewport}:
            problems.append(f"{part} spans {found}, not 0–{viewport} px")
    for column in layout["columns"]:
        offset = column["left"] - column["right"]
        if abs(offset) > TOLERANCE_PX:
            problems.append(
                f"{column['element']} is off centre by {offset:.1f} px "
                f"(left {column['left']:.1f}, right {column['right']:.1f})"
            )
    if not layout["columns"]:
        problems.append("no content column in <main>")
    if layout["sidewaysScroll"] > 0:
        problems.append(f"scrolls sideways by {layout['sidewaysScroll']} px")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_spans_the_window_with_a_centred_column(
    live_demo, every_page_type, page, width
):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for name, path in every_page_type.items():
        page.goto(live_demo.url + path)
        found = layout_problems(page.evaluate(MEASURE_LAYOUT))
        if found:
            problems[name] = found

    assert problems == {}
