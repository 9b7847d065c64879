// cosignatory: links highlighted source text and extracted fields on the letter page.
// Only textContent is ever written: document text never becomes markup.
(function () {
  "use strict";
  const text = document.getElementById("source-text");
  if (!text) return;
  const info = document.getElementById("fact-info");
  const select = (keys) => {
    document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
    keys.forEach((key) => {
      document.querySelectorAll('[data-fact="' + CSS.escape(key) + '"]').forEach((el) => el.classList.add("selected"));
      text.querySelectorAll("mark.fact").forEach((m) => {
        if (m.dataset.facts.split(" ").includes(key)) m.classList.add("selected");
      });
    });
  };
  const describe = (mark) => { info.textContent = mark.title; };
  text.addEventListener("mouseover", (e) => { const m = e.target.closest("mark.fact"); if (m) describe(m); });
  text.addEventListener("click", (e) => {
    const m = e.target.closest("mark.fact");
    if (!m) return;
    describe(m);
    const keys = m.dataset.facts.split(" ");
    select([keys[0]]);
    const row = document.querySelector('[data-fact="' + CSS.escape(keys[0]) + '"]');
    if (row) row.scrollIntoView({ block: "nearest" });
  });
  document.querySelectorAll("aside [data-fact]").forEach((el) => {
    el.addEventListener("click", (e) => {
      if (e.target.closest("a")) return;
      e.stopPropagation();
      const key = el.dataset.fact;
      select([key]);
      const mark = Array.from(text.querySelectorAll("mark.fact")).find((m) => m.dataset.facts.split(" ").includes(key));
      if (mark) { mark.scrollIntoView({ block: "center" }); describe(mark); }
    });
  });
})();
