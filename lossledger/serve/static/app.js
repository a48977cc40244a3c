// Lossledger dashboard: small enhancements only; every page reads and every form posts without JavaScript.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Bring the highlighted evidence sentence into view inside its article box.
  const mark = document.getElementById("evidence");
  if (mark && mark.parentElement) {
    const box = mark.parentElement;
    box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
  }
  // Ask before rejecting a claim.
  for (const form of document.querySelectorAll("form")) {
    const action = form.querySelector("input[name=action]");
    if (action && action.value === "reject") {
      form.addEventListener("submit", (event) => {
        if (!window.confirm("Reject this claim? It stays in the ledger, marked rejected.")) event.preventDefault();
      });
    }
  }
  // In the correction form, only send the fields that were changed.
  const correct = document.querySelector(".correct-form");
  if (correct) {
    const initial = new Map();
    for (const el of correct.querySelectorAll(".fields input, .fields select")) initial.set(el, el.value);
    correct.addEventListener("submit", () => {
      for (const [el, value] of initial) if (el.value === value) el.disabled = true;
    });
  }
});
