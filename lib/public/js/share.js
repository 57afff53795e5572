// "Copy link": shown only when the browser can copy, and announced to screen readers.
const button = document.querySelector("button[data-copy]");
const status = document.querySelector(".share__status");
if (button && navigator.clipboard) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(button.getAttribute("data-copy") || location.href);
    const label = button.getAttribute("data-copied") || "";
    if (status) status.textContent = label;
    button.textContent = label;
  });
}
