// Formatting helpers layouts may call: text in, text out, no I/O and no date maths.
export { displayDate, displayClock, displayTime, machineDate } from "../../lib/model/time.ts";
export { t } from "../../lib/i18n/index.ts";

export { linkHref, telHref } from "../../lib/model/urls.ts";

/** 24 KB, 1.2 MB */
export function formatBytes(bytes: number, locale: string): string {
  const fmt = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: n < 10 ? 1 : 0 }).format(n);
  return bytes < 1024 * 1024 ? `${fmt(Math.max(1, bytes / 1024))} KB` : `${fmt(bytes / 1024 / 1024)} MB`;
}
