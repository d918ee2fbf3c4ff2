// The PDF viewer's page count in the page's language: upstream's open_pdf.js writes "of 3";
// this rewrites it with the template's translation ("av 3"), as text only.
(function () {
  "use strict";
  var label = document.getElementById("numPages");
  if (!label) return;
  var template = label.getAttribute("data-template") || "of {count}";
  function translate() {
    var match = /^of (\d+)$/.exec(label.textContent.trim());
    if (!match) return;
    var text = template.replace("{count}", match[1]);
    // In English the translation is the text itself: writing it again would wake the observer
    // again, forever.
    if (label.textContent !== text) label.textContent = text;
  }
  new MutationObserver(translate).observe(label, { childList: true, characterData: true, subtree: true });
  translate();
})();
