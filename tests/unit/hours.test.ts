import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { openStatus, statusText, wallClock, formatTime, hoursOn } from "../../lib/public/js/hours-core.js";
import { hoursData, statusAt } from "../../lib/model/hours.ts";
import type { PracticeText as Practice } from "../../lib/model/model.ts";

const weekly = { monday: ["08:00-12:00", "13:00-17:30"], tuesday: ["08:00-17:00"], saturday: ["09:00-12:00"], sunday: [] };
const closures = [
  { from: "2026-11-26", until: "2026-11-27", hours: [] },
  { from: "2026-12-31", until: "2026-12-31", hours: ["08:00-12:00"] },
];
const strings = {
  open: "Open now · closes at {time}",
  opensToday: "Closed now · opens today at {time}",
  opensTomorrow: "Closed · opens tomorrow at {time}",
  opensDay: "Closed · opens {day} at {time}",
  closed: "Closed",
};
const at = (iso: string) => statusText(openStatus(weekly, closures, wallClock(new Date(iso), "America/Los_Angeles")), "en-US", strings);

const cases: [string, string, string][] = [
  ["Monday 10:00", "2026-11-23T10:00:00-08:00", "Open now · closes at 12:00 PM"],
  ["Monday lunch", "2026-11-23T12:30:00-08:00", "Closed now · opens today at 1:00 PM"],
  ["Monday 17:29", "2026-11-23T17:29:00-08:00", "Open now · closes at 5:30 PM"],
  ["Monday 17:30", "2026-11-23T17:30:00-08:00", "Closed · opens tomorrow at 8:00 AM"],
  ["Monday before opening", "2026-11-23T06:15:00-08:00", "Closed now · opens today at 8:00 AM"],
  ["Saturday after close", "2026-11-21T12:00:00-08:00", "Closed · opens Monday at 8:00 AM"],
  ["Wednesday (no hours) skips to Saturday, past Thanksgiving", "2026-11-25T09:00:00-08:00", "Closed · opens Saturday at 9:00 AM"],
  ["holiday hours on New Year's Eve (a Thursday)", "2026-12-31T09:00:00-08:00", "Open now · closes at 12:00 PM"],
  ["same instant seen from UTC is still Monday evening in Oregon", "2026-11-24T02:00:00Z", "Closed · opens tomorrow at 8:00 AM"],
];

for (const [name, iso, expected] of cases) {
  test(`open status: ${name}`, () => assert.equal(at(iso), expected));
}

test("wall clock follows daylight saving in the practice's zone", () => {
  // 2026-03-08: clocks in Oregon jump from 02:00 to 03:00.
  assert.deepEqual(wallClock(new Date("2026-03-08T09:59:00Z"), "America/Los_Angeles"), {
    date: "2026-03-08",
    weekday: 6,
    minutes: 1 * 60 + 59,
  });
  assert.deepEqual(wallClock(new Date("2026-03-08T10:00:00Z"), "America/Los_Angeles"), { date: "2026-03-08", weekday: 6, minutes: 3 * 60 });
  // Monday 8:00 local is 16:00 UTC in winter and 15:00 UTC in summer: both open.
  assert.match(at("2026-01-05T16:00:00Z"), /^Open now/);
  assert.match(at("2026-07-06T15:00:00Z"), /^Open now/);
});

test("closures and holiday hours override the week", () => {
  assert.deepEqual(hoursOn(weekly, closures, "2026-11-26"), []);
  assert.deepEqual(hoursOn(weekly, closures, "2026-12-31"), ["08:00-12:00"]);
  assert.deepEqual(hoursOn(weekly, closures, "2026-11-30"), weekly.monday);
});

test("times read as 12-hour clock times for en-US", () => {
  assert.equal(formatTime("08:00", "en-US"), "8:00 AM");
  assert.equal(formatTime("17:30", "en-US"), "5:30 PM");
});

test("build-time status uses the practice's data, zone and UI strings", () => {
  const practice = {
    timezone: "America/Los_Angeles",
    closures: [{ from: "2026-11-23", reason: "Training", locations: ["north"] }],
    locations: [],
  } as unknown as Practice;
  const main = { key: "main", hours: weekly } as unknown as Practice["locations"][number];
  const north = { key: "north", hours: weekly } as unknown as Practice["locations"][number];
  const now = DateTime.fromISO("2026-11-23T10:00:00-08:00");
  assert.equal(statusAt(hoursData(practice, main, "en"), now).text, "Open now · closes at 12:00 PM");
  assert.equal(statusAt(hoursData(practice, north, "en"), now).text, "Closed · opens tomorrow at 8:00 AM");
});
