// The file preview frame of a landing page. Upstream gives it tabindex="-1", which keeps the
// film player and the PDF viewer out of the keyboard's reach: it is put back in the tab order
// and named by the file it shows, whichever file is previewed.
(function () {
  "use strict";
  var frame = document.getElementById("preview-iframe");
  if (!frame) return;
  var script = document.currentScript || document.querySelector("script[data-preview-title]");
  var template = (script && script.getAttribute("data-preview-title")) || "{file}";
  function name() {
    var match = /\/preview\/([^?#]+)/.exec(frame.getAttribute("src") || "");
    var file = match ? decodeURIComponent(match[1]) : "";
    frame.removeAttribute("tabindex");
    if (file) frame.setAttribute("title", template.replace("{file}", file));
  }
  name();
  frame.addEventListener("load", name);
})();
