// ARIA repairs of the markup Semantic UI React renders in InvenioRDM's widgets (dropdowns,
// checkboxes, tabs), which no prop of theirs turns off. Each rule names what it repairs; they run
// on the page as rendered and again whenever React renders more. Nothing is hidden or removed
// from assistive technology: roles that ARIA forbids where they stand are dropped and missing
// names are given from the visible label.
(function () {
  "use strict";

  function text(el) {
    return el ? (el.textContent || "").replace(/\s+/g, " ").trim() : "";
  }

  function fieldLabel(el) {
    // The visible label of the form field an element belongs to.
    var id = el.getAttribute("id");
    var byFor = id && document.querySelector('label[for="' + CSS.escape(id) + '"]');
    if (byFor && text(byFor)) return text(byFor);
    var field = el.closest(".field");
    var label = field && field.querySelector("label:not(.helptext)");
    return text(label);
  }

  var RANGE_NAMES = {
    sv: ["Från och med år", "Till och med år"],
    en: ["From year", "To year"],
  };
  var language = (document.documentElement.lang || "sv").slice(0, 2);

  // Names that upstream's React widgets hard-code in English (react-searchkit's aria-labels,
  // the related works' placeholder), with the page's translations from the template.
  var WIDGET_NAMES = (function () {
    var data = document.getElementById("msi-widget-names");
    try {
      return data ? JSON.parse(data.textContent) : {};
    } catch (e) {
      return {};
    }
  })();
  var LABELS = WIDGET_NAMES.labels || {};
  var PLACEHOLDERS = WIDGET_NAMES.placeholders || {};
  var BYTES = WIDGET_NAMES.bytes || "bytes";
  // The page language's decimal separator ("," in Swedish).
  var DECIMAL = (1.5).toLocaleString(document.documentElement.lang || "sv").charAt(1);

  function localSize(value) {
    // A size as react-invenio-forms' humanReadableBytes writes it ("0 bytes", "2.50 MB"), in
    // the page's language ("0 byte", "2,50 MB"); other text is returned as it is.
    return value
      .replace(/(\d) bytes\b/g, "$1 " + BYTES)
      .replace(/(\d)\.(\d+) ([KMG]i?B)\b/g, "$1" + DECIMAL + "$2 $3");
  }

  var rules = [
    {
      // react-searchkit's "Results per page" and "Sort" aria-labels, in the page's language.
      selector: Object.keys(LABELS).map(function (name) {
        return '[aria-label="' + name + '"]';
      }).join(", ") || ":not(*)",
      repair: function (el) {
        var name = LABELS[el.getAttribute("aria-label")];
        if (name) el.setAttribute("aria-label", name);
      },
    },
    {
      // A dropdown's hard-coded English placeholder ("Select relation..."), in the page's
      // language. Written only when it differs, so the observer is not woken again.
      selector: ".ui.dropdown > .default.text",
      repair: function (el) {
        var name = PLACEHOLDERS[text(el)];
        if (name && text(el) !== name) el.textContent = name;
      },
    },
    {
      // File sizes in the deposit form's uploader (its total and its file table), which
      // react-invenio-forms writes in English. Text nodes are rewritten only when they differ.
      selector: "#rdm-deposit-form .ui.label, #rdm-deposit-form td",
      repair: function (el) {
        el.childNodes.forEach(function (node) {
          if (node.nodeType !== Node.TEXT_NODE) return;
          var value = localSize(node.nodeValue);
          if (value !== node.nodeValue) node.nodeValue = value;
        });
      },
    },
    {
      // The publication-date facet's two sliders have no names.
      selector: '.searchkit-daterange-slider-container input[type="range"]:not([aria-label])',
      repair: function (el) {
        var names = RANGE_NAMES[language] || RANGE_NAMES.en;
        var left = el.classList.contains("searchkit-daterange-thumb-left");
        el.setAttribute("aria-label", left ? names[0] : names[1]);
      },
    },
    {
      // A second, unfocusable link to the same record around a decorative picture (the film
      // poster of a search result): hidden from assistive technology, which has the title link.
      selector: 'a[tabindex="-1"]:not([aria-hidden])',
      repair: function (el) {
        if (!text(el) && !el.querySelector("img[alt]:not([alt=''])")) {
          el.setAttribute("aria-hidden", "true");
        }
      },
    },
    {
      // A dropdown's current text is a live region (role="alert" or "option", aria-live) inside
      // role="listbox" or "combobox": ARIA allows no such child there (the list box itself
      // tells which option is selected), and an alert re-announces on every render.
      selector: ".ui.dropdown > .divider.text[role], .ui.dropdown > .divider.text[aria-live]",
      repair: function (el) {
        ["role", "aria-live", "aria-atomic"].forEach(function (name) {
          el.removeAttribute(name);
        });
      },
    },
    {
      // A closed dropdown is role="listbox" without options (they are rendered only when it
      // opens): it is a select-only combobox whose menu is the list box.
      selector: '.ui.dropdown[role="listbox"]',
      repair: function (el) {
        el.setAttribute("role", "combobox");
        el.setAttribute("aria-haspopup", "listbox");
        var menu = el.querySelector(":scope > .menu");
        if (menu && !menu.getAttribute("role")) menu.setAttribute("role", "listbox");
      },
    },
    {
      // The menu such a combobox renders when it opens is its list box.
      selector: '.ui.dropdown[role="combobox"] > .menu:not([role])',
      repair: function (el) {
        el.setAttribute("role", "listbox");
      },
    },
    {
      // A searchable dropdown's text input has no name of its own.
      selector: ".ui.dropdown > input.search:not([aria-label]):not([aria-labelledby])",
      repair: function (el) {
        var dropdown = el.parentElement;
        var name = dropdown.getAttribute("aria-label") || fieldLabel(dropdown);
        if (name) el.setAttribute("aria-label", name);
      },
    },
    {
      // A dropdown button (a menu of actions) with role="listbox" and no name.
      selector: '.ui.button.dropdown[role]:not([aria-label])',
      repair: function (el) {
        var name = text(el.querySelector(":scope > .text"));
        if (name) el.setAttribute("aria-label", name);
      },
    },
    {
      // Semantic UI checkboxes hide the real input; its <label> sibling names it only through
      // a click handler, not for assistive technology.
      selector: ".ui.checkbox > input:not([aria-label]):not([aria-labelledby])",
      repair: function (el) {
        var label = el.parentElement.querySelector(":scope > label");
        var id = el.getAttribute("id");
        if (label && text(label) && !(id && label.getAttribute("for") === id)) {
          if (!label.id) label.id = "msi-label-" + Math.random().toString(36).slice(2, 10);
          el.setAttribute("aria-labelledby", label.id);
        } else if (!text(label)) {
          var name = el.closest("[aria-label]");
          if (name) el.setAttribute("aria-label", name.getAttribute("aria-label"));
        }
      },
    },
    {
      // The file drop zone is role="button" around the real "upload files" button: nested
      // controls, one of which is not focusable. The inner button is the keyboard's way in.
      selector: 'span[role="button"]',
      repair: function (el) {
        if (el.querySelector("button")) el.removeAttribute("role");
      },
    },
    {
      // The landing page's custom-field panels put the macro's <dl> inside another <dl>
      // (invenio-app-rdm's details.html): the inner list's terms move up into the outer one.
      selector: "dl > dl",
      repair: function (el) {
        while (el.firstChild) el.parentElement.insertBefore(el.firstChild, el);
        el.remove();
      },
    },
    {
      // A community page's title is a "ui small header" <div> (invenio-communities'
      // details/header.html, which has no block to override): the page's one heading of level
      // 1, in the copy for mobile and the one for wider screens (one shown at a time).
      selector: ".community-header .ui.small.header:not(a)",
      repair: function (el) {
        var others = Array.prototype.some.call(document.querySelectorAll("h1"), function (h) {
          return !h.closest(".community-header");
        });
        if (others) return;
        var heading = document.createElement("h1");
        heading.className = el.className;
        while (el.firstChild) heading.appendChild(el.firstChild);
        el.replaceWith(heading);
      },
    },
    {
      // Tabs whose container does not say it is a tab list.
      selector: '[role="tab"]',
      repair: function (el) {
        var parent = el.parentElement;
        if (parent && !parent.getAttribute("role")) parent.setAttribute("role", "tablist");
      },
    },
  ];

  function repair(root) {
    rules.forEach(function (rule) {
      if (root.matches && root.matches(rule.selector)) rule.repair(root);
      if (root.querySelectorAll) root.querySelectorAll(rule.selector).forEach(rule.repair);
    });
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      repair(document.body);
    });
  }

  repair(document.body);
  new MutationObserver(schedule).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["role"],
  });
  // React rewrites a size's text in place: the deposit form's text changes wake the repairs too.
  var form = document.getElementById("rdm-deposit-form");
  if (form) new MutationObserver(schedule).observe(form, { characterData: true, subtree: true });
})();
