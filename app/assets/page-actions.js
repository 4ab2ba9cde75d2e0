// Buttons that need a line of script (print, copy, the exercise
// countdowns) say what they do in `data-action`. Inline `onclick` attributes would need 'unsafe-inline' in
// the Content-Security-Policy, which would let injected handlers run too.
// One listener on the document serves server-rendered and hydrated pages.
// Exercise countdowns on a scorecard (`[data-countdown]`). Their state is
// kept here by exercise, not in the element: the card is redrawn after a
// save, and a running countdown carries on in the new drawing.
const countdowns = new Map();
const mmss = (s) => `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;

function drawCountdown(id) {
  const state = countdowns.get(id);
  for (const box of document.querySelectorAll(`[data-countdown="${CSS.escape(id)}"]`)) {
    const left = state ? state.left : Number(box.dataset.seconds);
    const warnAt = Number(box.dataset.warnAt);
    const warning = left === 0 ? " Time is up." : left <= warnAt ? " Under two minutes left." : "";
    const clock = box.querySelector(".clock");
    const note = box.querySelector(".countdown-warning");
    // Only real changes, so the observer below does not wake itself.
    if (clock && clock.textContent !== mmss(left)) clock.textContent = mmss(left);
    if (note && note.textContent !== warning) note.textContent = warning;
    if (box.dataset.warning !== String(left <= warnAt)) box.dataset.warning = String(left <= warnAt);
  }
}

function countdown(box, action) {
  const id = box.dataset.countdown;
  const total = Number(box.dataset.seconds);
  let state = countdowns.get(id);
  if (!state) {
    state = { left: total, timer: null };
    countdowns.set(id, state);
  }
  const stop = () => {
    if (state.timer !== null) clearInterval(state.timer);
    state.timer = null;
  };
  if (action === "countdown-start") {
    if (state.timer !== null || state.left === 0) return;
    state.timer = setInterval(() => {
      state.left = Math.max(0, state.left - 1);
      if (state.left === 0) stop();
      drawCountdown(id);
    }, 1000);
  } else if (action === "countdown-pause") {
    stop();
  } else if (action === "countdown-reset") {
    stop();
    state.left = total;
  }
  drawCountdown(id);
}

// A redrawn card shows the full time until told otherwise: tell it.
new MutationObserver(() => {
  for (const id of countdowns.keys()) drawCountdown(id);
}).observe(document.documentElement, { childList: true, subtree: true });

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-action]") : null;
  if (!button) return;
  switch (button.dataset.action) {
    case "print":
      window.print();
      break;
    case "countdown-start":
    case "countdown-pause":
    case "countdown-reset": {
      const box = button.closest("[data-countdown]");
      if (box) countdown(box, button.dataset.action);
      break;
    }
    case "copy": {
      const source = document.getElementById(button.dataset.copyFrom || "");
      if (!source || !navigator.clipboard) return;
      navigator.clipboard.writeText(source.value ?? source.textContent ?? "").then(
        () => { button.dataset.copied = "true"; },
        () => { button.dataset.copied = "false"; },
      );
      break;
    }
    case "browser-time-zone": {
      // Picks this browser's zone in the select the button names.
      const select = document.getElementById(button.dataset.target || "");
      const zone = browserTimeZone();
      if (select && zone && [...select.options].some((o) => o.value === zone)) select.value = zone;
      break;
    }
  }
});

function browserTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {
    return "";
  }
}

// Forms with `input[data-browser-time-zone]` (sign-in) send this browser's
// zone, which a person who has not chosen one is given. Filled as the form
// leaves, so it works however early this script ran.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  for (const input of form.querySelectorAll("input[data-browser-time-zone]")) input.value = browserTimeZone();
}, true);
