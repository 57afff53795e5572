import { test } from "node:test";
import assert from "node:assert/strict";
import { toZoned, machineDate, displayDate, displayClock } from "../../lib/model/time.ts";
import { clockFromEnv } from "../../lib/build/clock.ts";

test("a post at 23:30 local time keeps its local date (not the next UTC day)", () => {
  const d = toZoned("2026-03-10T23:30", "America/Los_Angeles");
  assert.equal(d.dt.toUTC().toISODate(), "2026-03-11");
  assert.equal(d.dt.toISODate(), "2026-03-10");
  assert.equal(displayDate(d.dt, "en"), "March 10, 2026");
  assert.equal(machineDate(d), "2026-03-10T23:30:00-07:00");
});

test("an all-day date stays that date in any zone", () => {
  const d = toZoned("2026-01-01", "Pacific/Auckland");
  assert.equal(machineDate(d), "2026-01-01");
  assert.equal(displayDate(d.dt, "en"), "January 1, 2026");
});

test("an explicit offset is converted to the practice's zone", () => {
  const d = toZoned("2026-07-01T06:00:00Z", "America/Chicago");
  assert.equal(d.dt.toISO({ suppressMilliseconds: true }), "2026-07-01T01:00:00-05:00");
});

test("daylight-saving: the same wall time has a different offset in summer", () => {
  assert.equal(machineDate(toZoned("2026-01-15T09:00", "America/New_York")), "2026-01-15T09:00:00-05:00");
  assert.equal(machineDate(toZoned("2026-07-15T09:00", "America/New_York")), "2026-07-15T09:00:00-04:00");
});

test("clock times read as 12-hour times in en-US", () => {
  assert.equal(displayClock("08:00", "en"), "8:00 AM");
  assert.equal(displayClock("17:30", "en"), "5:30 PM");
});

test("SOURCE_DATE_EPOCH pins the clock; garbage is refused", () => {
  assert.equal(clockFromEnv({ SOURCE_DATE_EPOCH: "0" })().toISO(), "1970-01-01T00:00:00.000Z");
  assert.throws(() => clockFromEnv({ SOURCE_DATE_EPOCH: "yesterday" }), /SOURCE_DATE_EPOCH/);
});

test("a date text read again in the same zone is the same instant (shared, so a rebuild skips luxon's zone lookup), and another zone's is its own", () => {
  const a = toZoned("2026-03-10T23:30", "America/Chicago");
  const b = toZoned("2026-03-10T23:30", "America/Chicago");
  assert.equal(a.dt, b.dt);
  assert.equal(machineDate(b), "2026-03-10T23:30:00-05:00");
  const c = toZoned("2026-03-10T23:30", "Europe/Madrid");
  assert.equal(machineDate(c), "2026-03-10T23:30:00+01:00");
  assert.equal(toZoned("2026-03-10", "America/Chicago").allDay, true);
  assert.equal(toZoned("2026-03-10T00:00", "America/Chicago").allDay, false);
});
