// The HTML edition's script: toggles (review mode, printed lines, furniture) and the
// review list, built from every element the writer marked with data-review.
"use strict";
(function () {
  const body = document.body;
  const items = Array.from(document.querySelectorAll("main [data-review]"));
  const list = document.getElementById("review-list");
  const panel = document.getElementById("review-panel");
  let at = -1;

  function toggle(id, cls, onChange) {
    const button = document.getElementById(id);
    button.addEventListener("click", function () {
      const on = body.classList.toggle(cls);
      button.setAttribute("aria-pressed", String(on !== (cls === "no-furniture")));
      if (onChange) { onChange(on); }
    });
  }

  function describe(el) {
    const line = el.closest(".l");
    const words = (line || el).textContent.trim().slice(0, 60);
    return "p. " + (el.dataset.page || "?") + ": " + (el.title || el.dataset.review) +
      (words ? " \u2014 " + words : "");
  }

  function go(k) {
    if (!items.length) { return; }
    at = (k + items.length) % items.length;
    document.querySelectorAll(".at").forEach(function (el) { el.classList.remove("at"); });
    items[at].classList.add("at");
    list.children[at].classList.add("at");
    items[at].scrollIntoView({ block: "center" });
    list.children[at].scrollIntoView({ block: "nearest" });
    document.getElementById("review-at").textContent = String(at + 1);
  }

  items.forEach(function (el, k) {
    const li = document.createElement("li");
    li.textContent = describe(el);
    li.addEventListener("click", function () { go(k); });
    list.appendChild(li);
  });
  document.getElementById("review-count").textContent = String(items.length);
  document.getElementById("review-total").textContent = String(items.length);
  toggle("toggle-review", "review", function (on) { panel.hidden = !on; });
  toggle("toggle-lines", "lines");
  toggle("toggle-furniture", "no-furniture");
  document.getElementById("review-next").addEventListener("click", function () { go(at + 1); });
  document.getElementById("review-prev").addEventListener("click", function () { go(at - 1); });
  document.addEventListener("keydown", function (event) {
    if (!body.classList.contains("review") || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "n" || event.key === "j") { go(at + 1); }
    if (event.key === "p" || event.key === "k") { go(at - 1); }
  });
}());
