/* Glossary popovers: show a term's definition on hover and keyboard focus.
 * Each auto-linked term gets a role="tooltip" element that its link points to
 * with aria-describedby. Escape hides it. No cookies, no storage, no globals. */
(function () {
  "use strict";

  var HIDE_DELAY_MS = 150;
  var GAP_PX = 6;
  var EDGE_PX = 8;
  var openLink = null;
  var hideTimer = null;

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
    tooltip.style.left = left + window.pageXOffset + "px";
    tooltip.style.top = top + window.pageYOffset + "px";
  }

  function show(link) {
    window.clearTimeout(hideTimer);
    if (openLink && openLink !== link) {
      hide();
    }
    var tooltip = tooltipOf(link);
    tooltip.hidden = false;
    position(link, tooltip);
    openLink = link;
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (openLink) {
      tooltipOf(openLink).hidden = true;
      openLink = null;
    }
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
    document.body.appendChild(tooltip);
    link._glossaryTooltip = tooltip;

    var described = link.getAttribute("aria-describedby");
    link.setAttribute("aria-describedby", described ? described + " " + tooltip.id : tooltip.id);

    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("blur", hide);
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
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
