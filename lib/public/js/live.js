// Keeps dated text right on a page built days ago: open-now status, upcoming events,
// and alerts that have expired. Reading never depends on it; without it the built text stays.
const now = new Date();
for (const el of document.querySelectorAll("[data-ends], [data-until]")) {
  const end = Date.parse(el.getAttribute("data-ends") || el.getAttribute("data-until") || "");
  if (end <= now.getTime()) el.setAttribute("hidden", "");
}
const statuses = document.querySelectorAll("[data-open-status]");
if (statuses.length) {
  // The open-now rules are shared with the build; only pages that show them load them.
  const { openStatus, statusText, wallClock } = await import("./hours-core.js");
  for (const el of statuses) {
    const d = JSON.parse(el.getAttribute("data-open-status") || "{}");
    const status = openStatus(d.weekly, d.closures, wallClock(now, d.zone));
    el.textContent = statusText(status, d.locale, d.strings);
    el.classList.toggle("is-open", status.open);
  }
}
