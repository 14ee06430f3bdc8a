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
  const contents = document.getElementById("contents-list");
  document.querySelectorAll("main section.div").forEach(function (section) {
    const head = section.querySelector(":scope > h2, :scope > h3, :scope > h4, " +
                                       ":scope > h5, :scope > h6");
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = "#" + section.id;
    link.textContent = head ? head.textContent.replace(/\s+/g, " ").trim() : section.id;
    li.style.marginLeft = (Number(section.dataset.level || 1) - 1) + "em";
    li.appendChild(link);
    contents.appendChild(li);
  });
  toggle("toggle-contents", "contents", function (on) {
    document.getElementById("contents-panel").hidden = !on;
  });
  toggle("toggle-furniture", "no-furniture");
  document.getElementById("review-next").addEventListener("click", function () { go(at + 1); });
  document.getElementById("review-prev").addEventListener("click", function () { go(at - 1); });
  document.addEventListener("keydown", function (event) {
    if (!body.classList.contains("review") || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "n" || event.key === "j") { go(at + 1); }
    if (event.key === "p" || event.key === "k") { go(at - 1); }
  });
}());
