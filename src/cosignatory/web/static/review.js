// cosignatory: the review panel of a letter page (letter_review.html) records corrections
// through the JSON API (web/corrections.py). Only textContent and input values are written:
// document text never becomes markup. Offsets sent to the server count code points.
(function () {
  "use strict";
  const panel = document.getElementById("review-extraction");
  const source = document.getElementById("source-text");
  if (!panel || !panel.dataset.reviewer) return;
  const base = "/api/letters/" + encodeURIComponent(panel.dataset.letter);
  const error = panel.querySelector(".review-error");
  const author = panel.querySelector("#review-author");
  author.value = localStorage.getItem("cosignatory-author") || "";
  author.addEventListener("change", () => localStorage.setItem("cosignatory-author", author.value.trim()));

  const post = async (path, body) => {
    const response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign({ author: author.value.trim() || null }, body || {})),
    });
    if (!response.ok) {
      const data = await response.json().catch(() => null);
      throw new Error(data && data.error ? data.error.message : response.status + " " + response.statusText);
    }
    return response.json();
  };
  const run = async (steps) => {
    error.textContent = "";
    try {
      for (const step of steps) await step();
      window.location.reload();
    } catch (e) {
      error.textContent = e.message;
    }
  };
  const value = (input) => (input.value.trim() === "" ? null : input.value.trim());

  panel.querySelectorAll("button.withdraw").forEach((button) => {
    button.addEventListener("click", () =>
      run([() => post("/api/corrections/" + encodeURIComponent(button.dataset.correction) + "/withdraw")]));
  });

  panel.querySelector("form.review-date").addEventListener("submit", (e) => {
    e.preventDefault();
    const date = value(e.target.elements.date);
    run([() => post(base + "/date", { date: date })]);
  });

  panel.querySelectorAll("tr[data-item]").forEach((row) => {
    const path = base + (row.dataset.item === "signatory" ? "/signatories/" : "/addressees/") +
      encodeURIComponent(row.dataset.target);
    row.querySelector("button.save").addEventListener("click", () => {
      const changed = Array.from(row.querySelectorAll("input")).filter((i) => i.value.trim() !== i.dataset.old);
      run(changed.map((i) => () => post(path, { field: i.name, value: value(i) })));
    });
    row.querySelector("button.remove").addEventListener("click", () => run([() => post(path + "/remove")]));
  });

  // Adding a missed item: the selection in the source text gives its span.
  const add = panel.querySelector("form.review-add");
  const codePoints = (node, offset) => {
    const range = document.createRange();
    range.setStart(source, 0);
    range.setEnd(node, offset);
    return Array.from(range.toString()).length;
  };
  const guess = (text) => {
    const cut = /\s+[–—-]\s+|,\s+/.exec(text);
    const rest = cut ? text.slice(cut.index + cut[0].length) : "";
    const of = /\s+of the\s*/.exec(rest);
    const organization = of ? rest.slice(of.index + of[0].length) : "";
    return {
      name: cut ? text.slice(0, cut.index) : text,
      role: of ? rest.slice(0, of.index) : rest,
      organization: organization.replace(/["“”«»]/g, "").replace(/\s+/g, " ").trim(),
    };
  };
  source.addEventListener("mouseup", () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) return;
    const text = range.toString();
    const lead = text.length - text.trimStart().length;
    const trail = text.length - text.trimEnd().length;
    const start = codePoints(range.startContainer, range.startOffset) + Array.from(text.slice(0, lead)).length;
    const end = codePoints(range.endContainer, range.endOffset) - Array.from(text.slice(text.length - trail)).length;
    if (end <= start) return;
    add.elements.start.value = start;
    add.elements.end.value = end;
    add.querySelector(".selected-text").textContent = text.trim();
    const fields = guess(text.trim());
    for (const key of ["name", "role", "organization"]) add.elements[key].value = fields[key];
  });
  add.addEventListener("submit", (e) => {
    e.preventDefault();
    const f = add.elements;
    if (!f.start.value) {
      error.textContent = "Select the text of the missed item in the source first.";
      return;
    }
    const body = { start: Number(f.start.value), end: Number(f.end.value), name: value(f.name), role: value(f.role) };
    const item = f.kind.value;
    if (item === "signatory") body.organization = value(f.organization);
    run([() => post(base + (item === "signatory" ? "/signatories" : "/addressees"), body)]);
  });
})();
