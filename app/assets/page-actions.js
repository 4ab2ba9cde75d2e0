// Buttons that need a line of script (print, copy) say what they do in
// `data-action`. Inline `onclick` attributes would need 'unsafe-inline' in
// the Content-Security-Policy, which would let injected handlers run too.
// One listener on the document serves server-rendered and hydrated pages.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-action]") : null;
  if (!button) return;
  switch (button.dataset.action) {
    case "print":
      window.print();
      break;
    case "copy": {
      const source = document.getElementById(button.dataset.copyFrom || "");
      if (!source || !navigator.clipboard) return;
      navigator.clipboard.writeText(source.value ?? source.textContent ?? "").then(
        () => { button.dataset.copied = "true"; },
        () => { button.dataset.copied = "false"; },
      );
      break;
    }
  }
});
