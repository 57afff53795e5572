// Formatting helpers layouts may call: text in, text out, no I/O and no date maths.
export { displayDate, displayClock, displayTime, machineDate } from "../../lib/time.ts";
export { t } from "../../lib/i18n/index.ts";

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
