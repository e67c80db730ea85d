// The dashboard's only script: sort by a column (tap its heading), find a unit, show only those behind.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("units");
  const body = table.tBodies[0];
  const filter = document.getElementById("filter");
  const behind = document.getElementById("behind");
  const collator = new Intl.Collator("th");
  const sortBy = (th) => {
    const key = th.dataset.key;
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const value = (row) => (key === "unit" ? row.dataset.unit : parseFloat(row.dataset[key]));
    const rows = Array.from(body.rows).sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = key === "unit" ? collator.compare(x, y) : x - y;
      return ascending ? order : -order;
    });
    rows.forEach((row) => body.appendChild(row));
  };
  table.querySelectorAll("th").forEach((th) => {
    th.addEventListener("click", () => sortBy(th));
    th.addEventListener("keydown", (e) => { if (e.key === "Enter") sortBy(th); });
  });
  const apply = () => {
    const words = filter.value.trim();
    Array.from(body.rows).forEach((row) => {
      row.hidden = (words && !row.dataset.unit.includes(words)) || (behind.checked && row.dataset.behind !== "1");
    });
  };
  filter.addEventListener("input", apply);
  behind.addEventListener("change", apply);
});
