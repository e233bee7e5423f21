// Progressive enhancement of the minutes editor (M10). Without JavaScript the plain
// <textarea data-rich-text> is the editor; with it, Trix edits the same HTML. The server cleans
// whatever is sent (nh3), so this script is a convenience, never a safeguard.
(function () {
  "use strict";

  function configureTrix() {
    if (!window.Trix || !window.Trix.config) return;
    // Paragraphs as <p> and headings as <h2>: what the minutes keep (the page title is the h1).
    var blocks = window.Trix.config.blockAttributes;
    if (blocks["default"]) blocks["default"].tagName = "p";
    if (blocks.heading1) blocks.heading1.tagName = "h2";
  }

  function labelOf(textarea) {
    return textarea.id ? document.querySelector('label[for="' + textarea.id + '"]') : null;
  }

  function enhance(textarea) {
    if (textarea.dataset.richTextReady) return;
    textarea.dataset.richTextReady = "1";
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = textarea.name;
    input.value = textarea.value;
    input.id = (textarea.id || textarea.name) + "-rich-text";

    var editor = document.createElement("trix-editor");
    editor.setAttribute("input", input.id);
    editor.className = "trix-content aantafel-rich-text";
    var label = labelOf(textarea);
    if (label) {
      editor.setAttribute("aria-label", label.textContent.trim());
      // The label points at the hidden textarea; clicking it focuses the editor instead.
      label.addEventListener("click", function (event) {
        event.preventDefault();
        editor.focus();
      });
    }
    var described = textarea.getAttribute("aria-describedby");
    if (described) editor.setAttribute("aria-describedby", described);
    if (textarea.getAttribute("aria-invalid")) editor.setAttribute("aria-invalid", "true");

    // The textarea stays in the page (hidden, disabled so it is not sent twice); the hidden
    // input carries the editor's HTML under the same name.
    textarea.hidden = true;
    textarea.disabled = true;
    textarea.insertAdjacentElement("afterend", input);
    input.insertAdjacentElement("afterend", editor);
  }

  function start() {
    if (!window.customElements || !window.Trix) return; // no Trix: the textarea stays
    configureTrix();
    document.querySelectorAll("textarea[data-rich-text]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
