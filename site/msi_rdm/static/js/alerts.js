// The search page's follow links and "Save this search" form follow the search as it changes
// (the React search app changes the address without loading the page again).
(function () {
  "use strict";
  function searchArguments() {
    var params = new URLSearchParams(window.location.search);
    var kept = new URLSearchParams();
    params.forEach(function (value, key) {
      if ((key === "q" && value) || key === "f") kept.append(key, value);
    });
    return kept;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.msi-follow-link");
    if (!link || window.location.pathname !== "/search") return;
    var base = link.getAttribute("href").split("?")[0];
    var query = searchArguments().toString();
    link.setAttribute("href", base + (query ? "?" + query : ""));
  });
  var form = document.getElementById("msi-save-search");
  if (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("[data-search-argument]").forEach(function (input) {
        input.remove();
      });
      searchArguments().forEach(function (value, key) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = key;
        input.value = value;
        input.setAttribute("data-search-argument", "");
        form.appendChild(input);
      });
    });
  }
})();
