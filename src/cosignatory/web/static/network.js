// cosignatory network view: draws the server's nodes and edges with cytoscape.js.
// Labels are set as data and drawn on canvas; nothing from the store becomes markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("network-data").textContent);
  const container = document.getElementById("graph");
  const info = document.getElementById("node-info");
  const sizeBy = document.getElementById("size-by").value;
  const palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"];
  const values = data.nodes.map((n) => n[sizeBy] || 0);
  const max = Math.max(1e-9, ...values);
  const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
  const section = (kind) => (kind === "person" ? "people" : "organizations");
  const elements = data.nodes.map((n) => ({
    position: { x: n.x, y: n.y },
    data: {
      id: n.id, label: n.label, kind: n.kind, href: "/" + section(n.kind) + "/" + encodeURIComponent(n.id),
      size: 12 + 48 * Math.sqrt((n[sizeBy] || 0) / max),
      color: n.community == null ? "#999" : palette[n.community % palette.length],
      letters: n.letters, degree: n.degree, betweenness: n.betweenness, community: n.community,
    },
  })).concat(data.edges.map((e, i) => ({
    data: { id: "e" + i, source: e.source, target: e.target, width: 0.5 + 4 * (e.weight / maxWeight) },
  })));
  const cy = cytoscape({
    container: container,
    elements: elements,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 2.5,
    style: [
      { selector: "node", style: {
        "width": "data(size)", "height": "data(size)", "background-color": "data(color)",
        "label": "data(label)", "font-size": 9, "color": "#223", "text-valign": "bottom",
        "text-margin-y": 2, "min-zoomed-font-size": 7 } },
      { selector: "node[kind = 'organization']", style: { "shape": "round-rectangle" } },
      { selector: "edge", style: { "width": "data(width)", "line-color": "#c5ccd6", "opacity": 0.7, "curve-style": "haystack" } },
      { selector: ".match", style: { "border-width": 4, "border-color": "#111" } },
      { selector: ".faded", style: { "opacity": 0.15 } },
    ],
    layout: { name: "preset", fit: true, padding: 30 },  // positions come from the server
  });
  window.cosignatoryGraph = cy;
  container.dataset.nodes = String(cy.nodes().length);
  const show = (node) => {
    const d = node.data();
    info.textContent = d.label + " (" + d.kind + ")\n" + d.letters + " letters · degree " + d.degree +
      " · betweenness " + Number(d.betweenness).toFixed(3) + " · community " + d.community;
    const link = document.createElement("a");
    link.href = d.href;
    link.textContent = "open page →";
    info.appendChild(document.createElement("br"));
    info.appendChild(link);
  };
  cy.on("tap", "node", (e) => {
    show(e.target);
    cy.elements().addClass("faded");
    e.target.closedNeighborhood().removeClass("faded");
  });
  cy.on("tap", (e) => { if (e.target === cy) cy.elements().removeClass("faded"); });
  cy.on("dbltap", "node", (e) => { window.location.href = e.target.data("href"); });
  document.getElementById("node-search").addEventListener("input", (e) => {
    const q = e.target.value.trim().toLowerCase();
    cy.nodes().removeClass("match");
    if (!q) return;
    const hits = cy.nodes().filter((n) => n.data("label").toLowerCase().includes(q));
    hits.addClass("match");
    if (hits.length) {
      cy.animate({ center: { eles: hits }, zoom: Math.max(cy.zoom(), Math.min(1.2, cy.maxZoom())) }, { duration: 300 });
      show(hits[0]);
    }
  });
})();
