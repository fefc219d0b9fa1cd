/* Glossary popovers: show a term's definition on hover and keyboard focus.
 * Each auto-linked term gets a role="tooltip" element that its link points to
 * with aria-describedby, placed in the landmark that holds the link. Escape hides it.
 * On a touch screen the first tap opens the popover, with a link to the full entry;
 * a second tap follows the term's link, a tap elsewhere closes it.
 * No cookies, no storage, no globals. */
(function () {
  "use strict";

  var HIDE_DELAY_MS = 150;
  var GAP_PX = 6;
  var EDGE_PX = 8;
  var LANDMARKS = "main, [role=main], aside, [role=complementary], nav, " +
    "[role=navigation], [role=region], header, [role=banner], footer, [role=contentinfo]";
  var script = document.currentScript;
  var fullEntryText = (script && script.getAttribute("data-full-entry")) ||
    "Read the full entry";
  var openLink = null;
  var hideTimer = null;
  var tap = null; // the touch that is pressing a term: {link, wasOpen}

  function tooltipOf(link) {
    return link._glossaryTooltip;
  }

  function position(link, tooltip) {
    var box = link.getBoundingClientRect();
    var width = tooltip.offsetWidth;
    var height = tooltip.offsetHeight;
    var viewportWidth = document.documentElement.clientWidth;
    var left = Math.max(EDGE_PX, Math.min(box.left, viewportWidth - width - EDGE_PX));
    var top = box.bottom + GAP_PX;
    if (top + height > window.innerHeight && box.top - height - GAP_PX > 0) {
      top = box.top - height - GAP_PX;
    }
    // Whatever positioned box the popover now sits in, measure from its origin.
    tooltip.style.left = "0px";
    tooltip.style.top = "0px";
    var origin = tooltip.getBoundingClientRect();
    tooltip.style.left = left - origin.left + "px";
    tooltip.style.top = top - origin.top + "px";
  }

  function show(link, byTouch) {
    window.clearTimeout(hideTimer);
    if (openLink && openLink !== link) {
      hide();
    }
    var tooltip = tooltipOf(link);
    if (byTouch && !tooltip._glossaryFullEntry) {
      // A finger cannot hover: the popover itself leads on to the entry.
      var fullEntry = document.createElement("a");
      fullEntry.className = "glossary-tooltip__link";
      fullEntry.href = link.getAttribute("href");
      fullEntry.textContent = fullEntryText;
      fullEntry.addEventListener("blur", hideUnlessFocusStaysWith(link));
      tooltip.appendChild(document.createTextNode(" "));
      tooltip.appendChild(fullEntry);
      tooltip._glossaryFullEntry = fullEntry;
    }
    tooltip.hidden = false;
    position(link, tooltip);
    openLink = link;
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (openLink) {
      var tooltip = tooltipOf(openLink);
      tooltip.hidden = true;
      if (tooltip._glossaryFullEntry) {
        tooltip.removeChild(tooltip._glossaryFullEntry.previousSibling);
        tooltip.removeChild(tooltip._glossaryFullEntry);
        tooltip._glossaryFullEntry = null;
      }
      openLink = null;
    }
  }

  function hideUnlessFocusStaysWith(link) {
    return function (event) {
      var next = event.relatedTarget;
      if (next !== link && !tooltipOf(link).contains(next)) {
        hide();
      }
    };
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  }

  function enhance(link, number) {
    var tooltip = document.createElement("span");
    tooltip.id = "glossary-tooltip-" + number;
    tooltip.className = "glossary-tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.textContent = link.getAttribute("data-definition");
    tooltip.hidden = true;
    // Inside the link's landmark, so that nothing on the page is outside one.
    (link.closest(LANDMARKS) || document.body).appendChild(tooltip);
    link._glossaryTooltip = tooltip;

    var described = link.getAttribute("aria-describedby");
    link.setAttribute("aria-describedby", described ? described + " " + tooltip.id : tooltip.id);

    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("blur", hideUnlessFocusStaysWith(link));
    link.addEventListener("pointerdown", function (event) {
      tap = event.pointerType === "touch" ? { link: link, wasOpen: openLink === link } : null;
    });
    link.addEventListener("pointercancel", function () { tap = null; });
    link.addEventListener("click", function (event) {
      // The tap's emulated mouse events have opened the popover already; only a tap
      // on a term whose popover was open before follows the link.
      if (tap && tap.link === link && !tap.wasOpen) {
        event.preventDefault();
        show(link, true);
      }
      tap = null;
    });
    // The pointer may move onto the popover to read or select it (WCAG 1.4.13).
    tooltip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    tooltip.addEventListener("mouseleave", hideSoon);
  }

  function init() {
    var links = document.querySelectorAll("a.glossary-term[data-definition]");
    for (var i = 0; i < links.length; i++) {
      if (!links[i]._glossaryTooltip && links[i].getAttribute("data-definition")) {
        enhance(links[i], i + 1);
      }
    }
    if (links.length) {
      document.addEventListener("keydown", function (event) {
        if ((event.key === "Escape" || event.key === "Esc") && openLink) {
          hide();
        }
      });
      document.addEventListener("pointerdown", function (event) {
        var target = event.target;
        if (openLink && target !== openLink && !openLink.contains(target) &&
            !tooltipOf(openLink).contains(target)) {
          hide();
        }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
