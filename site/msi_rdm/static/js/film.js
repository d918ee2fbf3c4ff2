// Transcript panel of a film's landing page: clicking a cue seeks the player in the preview
// frame, the search box filters and marks cues, the playing cue is highlighted, and ?t=<seconds>
// (links from search results) starts the film at that time. Text is only ever set as text.
(function () {
  "use strict";
  var panel = document.getElementById("msi-transcript");
  if (!panel) return;
  var frame = document.getElementById("preview-iframe");
  var search = document.getElementById("msi-transcript-search");
  var language = document.getElementById("msi-transcript-language");
  var status = document.getElementById("msi-transcript-status");
  var lists = Array.prototype.slice.call(panel.querySelectorAll(".msi-cues"));

  function video() {
    try {
      return frame && frame.contentDocument && frame.contentDocument.querySelector("video");
    } catch (error) {
      return null;
    }
  }

  function seek(seconds, play) {
    var player = video();
    if (!player) return false;
    var go = function () {
      player.currentTime = seconds;
      if (play) {
        var started = player.play();
        if (started && started.catch) started.catch(function () {});
      }
    };
    if (player.readyState >= 1) go();
    else player.addEventListener("loadedmetadata", go, { once: true });
    return true;
  }

  function visibleList() {
    return lists.filter(function (list) { return !list.hidden; })[0];
  }

  function mark(textNode, query) {
    var text = textNode.getAttribute("data-text") || textNode.textContent;
    textNode.setAttribute("data-text", text);
    textNode.textContent = "";
    if (!query) { textNode.textContent = text; return; }
    var lower = text.toLowerCase();
    var at = 0;
    var found = lower.indexOf(query, at);
    while (found !== -1) {
      textNode.appendChild(document.createTextNode(text.slice(at, found)));
      var marked = document.createElement("mark");
      marked.textContent = text.slice(found, found + query.length);
      textNode.appendChild(marked);
      at = found + query.length;
      found = lower.indexOf(query, at);
    }
    textNode.appendChild(document.createTextNode(text.slice(at)));
  }

  function filter() {
    var query = (search.value || "").trim().toLowerCase();
    var list = visibleList();
    var shown = 0;
    list.querySelectorAll("li").forEach(function (item) {
      var text = item.querySelector(".msi-cue-text");
      var hit = !query || (text.getAttribute("data-text") || text.textContent).toLowerCase().indexOf(query) !== -1;
      item.hidden = !hit;
      mark(text, hit ? query : "");
      if (hit) shown += 1;
    });
    status.textContent = query ? shown + " / " + list.querySelectorAll("li").length : "";
  }

  panel.addEventListener("click", function (event) {
    var cue = event.target.closest(".msi-cue");
    if (cue) seek(parseFloat(cue.getAttribute("data-start")), true);
  });
  search.addEventListener("input", filter);
  if (language) {
    language.addEventListener("change", function () {
      lists.forEach(function (list) { list.hidden = list.getAttribute("data-key") !== language.value; });
      filter();
    });
  }

  function follow(player) {
    player.addEventListener("timeupdate", function () {
      var now = player.currentTime;
      visibleList().querySelectorAll(".msi-cue").forEach(function (cue, index, all) {
        var start = parseFloat(cue.getAttribute("data-start"));
        var next = all[index + 1] ? parseFloat(all[index + 1].getAttribute("data-start")) : Infinity;
        var current = now >= start && now < next;
        cue.classList.toggle("active", current);
        if (current) cue.setAttribute("aria-current", "true");
        else cue.removeAttribute("aria-current");
      });
    });
  }

  var start = parseFloat(new URLSearchParams(window.location.search).get("t"));
  function attach() {
    var player = video();
    if (!player) return false;
    follow(player);
    if (start >= 0) seek(start, false);
    panel.setAttribute("data-ready", "true");
    return true;
  }
  if (!attach() && frame) {
    var tries = 0;
    var timer = setInterval(function () {
      tries += 1;
      if (attach() || tries > 100) clearInterval(timer);
    }, 200);
  }
})();
