// The simulator's only script: choosing a person or a chat opens it, the chat stays scrolled to
// its end, and a push that arrives meanwhile (a reminder pass) shows without a reload.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const choose = document.getElementById("choose");
  choose.querySelectorAll("select").forEach((s) => s.addEventListener("change", () => choose.submit()));
  const conversation = document.getElementById("conversation");
  const toEnd = () => { conversation.scrollTop = conversation.scrollHeight; };
  toEnd();
  const count = () => (document.getElementById("log") || {}).dataset?.count;
  setInterval(async () => {
    try {
      const answer = await fetch(conversation.dataset.src, { headers: { Accept: "text/html" } });
      if (!answer.ok) return;
      const html = await answer.text();
      const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("log");
      if (fresh && fresh.dataset.count !== count()) { conversation.innerHTML = html; toEnd(); }
    } catch (_) { /* the demo stopped: keep what is shown */ }
  }, 3000);
});
