// Hours, events, calendar files, alerts and structured data in a real build.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import ICAL from "ical.js";
import { buildInto, htmlFiles, makeContent, post, read } from "../helpers.ts";

// Wednesday 25 November 2026, 10:00 in Oregon.
const NOW = Date.parse("2026-11-25T18:00:00Z") / 1000;
let out = "";

before(async () => {
  const built = await buildInto({ sourceDateEpoch: NOW });
  assert.ok(built.result.ok, JSON.stringify(built.result));
  out = built.out;
});

const page = async (file: string) => parse(await read(out, file));

test("events page: upcoming soonest first, then the archive; cancelled ones marked", async () => {
  const doc = await page("events/index.html");
  const [upcoming, past] = doc.querySelectorAll(".event-list");
  const titles = (list: typeof upcoming) => list!.querySelectorAll(".event-card time:first-child").map((t) => t.getAttribute("datetime"));
  assert.deepEqual(titles(upcoming), ["2026-12-05T09:00:00-08:00", "2026-12-12T09:00:00-08:00", "2027-01-16T10:00:00-08:00", "2027-06-12"]);
  assert.deepEqual(titles(past), ["2026-11-14T09:00:00-08:00", "2026-10-03T09:00:00-07:00"]);
  assert.match(upcoming!.querySelectorAll(".event-card")[1]!.text, /Cancelled/);
  // Each upcoming card tells the browser when it is over, so an old page can hide it.
  assert.equal(upcoming!.querySelector(".event-card")!.getAttribute("data-ends"), "2026-12-05T13:00:00.000-08:00");
  assert.equal(upcoming!.querySelectorAll(".event-card")[3]!.getAttribute("data-ends"), "2027-06-13T00:00:00.000-07:00");
});

test("the home page shows the next three events and today's open status", async () => {
  const doc = await page("index.html");
  const cards = doc.querySelectorAll("#events-title + .event-list .event-card");
  // A cancelled event never takes one of the three slots (the events page still lists it, marked).
  assert.deepEqual(
    cards.map((c) => c.querySelector("time")!.getAttribute("datetime")),
    ["2026-12-05T09:00:00-08:00", "2027-01-16T10:00:00-08:00", "2027-06-12"],
  );
  assert.equal(doc.querySelectorAll("#events-title + .event-list .event-card--cancelled").length, 0);
  const statuses = doc.querySelectorAll(".glance .open-status").map((s) => s.text);
  assert.equal(statuses[0], "Open now · closes at 12:00 PM");
  assert.equal(statuses[1], "Open now · closes at 12:00 PM");
  const data = JSON.parse(doc.querySelector(".glance .open-status")!.getAttribute("data-open-status")!) as {
    zone: string;
    closures: { from: string }[];
  };
  assert.equal(data.zone, "America/Los_Angeles");
  assert.ok(data.closures.some((c) => c.from === "2026-11-26"));
  assert.match(doc.querySelector('script[type="module"]')!.getAttribute("src")!, /\/assets\/js\/live\.js$/);
});

test("closures are listed ahead of time and past ones are not", async () => {
  const text = (await page("hours-locations/index.html")).querySelector(".closures")!.text;
  assert.match(text, /November 26, 2026 – November 27, 2026: Thanksgiving\. Closed \(All offices\)/);
  assert.match(text, /December 31, 2026: New Year's Eve\. Open 8:00 AM – 12:00 PM/);
  assert.match(text, /December 2, 2026: Staff training\. Open 8:30 AM – 12:00 PM \(North Alder Bend office\)/);
});

test("an active alert shows on every page with its end time; it vanishes from a later build", async () => {
  for (const file of await htmlFiles(out)) {
    if (file === "404.html") continue;
    const alert = (await page(file)).querySelector(".alerts .alert");
    assert.ok(alert, file);
    assert.equal(alert.getAttribute("data-until"), "2026-12-03T00:00:00.000-08:00");
  }
  const later = await buildInto({ sourceDateEpoch: Date.parse("2026-12-03T09:00:00Z") / 1000 });
  assert.doesNotMatch(await read(later.out, "index.html"), /class="alerts"/);
});

test("calendar files parse as iCalendar with correct UTC times, stable UIDs and cancellations", async () => {
  const cal = ICAL.Component.fromString(await read(out, "events.ics"));
  const events = cal.getAllSubcomponents("vevent");
  assert.equal(events.length, 6);
  const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue("uid")), e]));
  const dec5 = byUid.get("2026-12-05-flu-shot-clinic@www.juniperhillpeds.example")!;
  assert.equal((dec5.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(), "2026-12-05T17:00:00.000Z");
  assert.equal((dec5.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().toISOString(), "2026-12-05T21:00:00.000Z");
  assert.ok(dec5.getFirstPropertyValue("dtstamp"));
  assert.equal(dec5.getFirstPropertyValue("status"), "CONFIRMED");
  // October is still daylight time: 09:00 PDT = 16:00 UTC.
  const oct = byUid.get("2026-10-03-flu-shot-clinic@www.juniperhillpeds.example")!;
  assert.equal((oct.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(), "2026-10-03T16:00:00.000Z");
  assert.equal(byUid.get("2026-12-12-flu-shot-clinic@www.juniperhillpeds.example")!.getFirstPropertyValue("status"), "CANCELLED");
  const allDay = byUid.get("2027-06-12-sports-physicals-day@www.juniperhillpeds.example")!;
  const start = allDay.getFirstPropertyValue("dtstart") as ICAL.Time;
  assert.equal(start.isDate, true);
  assert.equal(start.toString(), "2027-06-12");
  assert.equal((allDay.getFirstPropertyValue("dtend") as ICAL.Time).toString(), "2027-06-13");
  // Each event also has its own file with the same UID.
  const single = ICAL.Component.fromString(await read(out, "events/2026-12-05-flu-shot-clinic.ics"));
  assert.equal(
    single.getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid"),
    "2026-12-05-flu-shot-clinic@www.juniperhillpeds.example",
  );
  assert.ok(existsSync(path.join(out, "events/2026-12-05-flu-shot-clinic/index.html")));
});

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return --
   JSON-LD blocks of five schema.org types, walked as the assertions check their shape: typing
   them would restate every assertion. */
function jsonLd(html: string): Record<string, any>[] {
  return parse(html)
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.text));
}

test("every JSON-LD block parses and has what Google requires for its type", async () => {
  const seen = new Set<string>();
  for (const file of await htmlFiles(out)) {
    for (const block of jsonLd(await read(out, file))) {
      assert.equal(block["@context"], "https://schema.org", file);
      for (const item of block["@graph"] ?? [block]) {
        seen.add(item["@type"]);
        switch (item["@type"]) {
          case "MedicalClinic":
            for (const k of [
              "name",
              "url",
              "telephone",
              "address",
              "openingHoursSpecification",
              "medicalSpecialty",
              "isAcceptingNewPatients",
              "sameAs",
              "availableLanguage",
              "logo",
            ])
              assert.ok(item[k] !== undefined, `${file}: MedicalClinic.${k}`);
            assert.equal(item.address["@type"], "PostalAddress");
            assert.ok(item.geo.latitude);
            assert.ok(
              item.openingHoursSpecification.every(
                (o: any) => /^https:\/\/schema\.org\/\w+day$/.test(o.dayOfWeek) && /^\d\d:\d\d$/.test(o.opens),
              ),
            );
            assert.ok(
              item.specialOpeningHoursSpecification.some(
                (o: any) => o.validFrom === "2026-11-26" && o.opens === "00:00" && o.closes === "00:00",
              ),
            );
            break;
          case "Person":
            for (const k of ["name", "jobTitle", "url", "worksFor"]) assert.ok(item[k], `${file}: Person.${k}`);
            break;
          case "BlogPosting":
            for (const k of ["headline", "datePublished", "url", "publisher"]) assert.ok(item[k], `${file}: BlogPosting.${k}`);
            assert.ok(item.author.name && item.author.url);
            break;
          case "Event":
            for (const k of ["name", "startDate", "endDate", "eventStatus", "location"]) assert.ok(item[k], `${file}: Event.${k}`);
            assert.ok(item.location.address.streetAddress);
            if (file.includes("2026-12-12")) assert.equal(item.eventStatus, "https://schema.org/EventCancelled");
            break;
          case "FAQPage":
            assert.ok(item.mainEntity.length >= 5);
            for (const q of item.mainEntity) assert.ok(q["@type"] === "Question" && q.name && q.acceptedAnswer.text, file);
            break;
          default:
            assert.fail(`${file}: unexpected type ${item["@type"]}`);
        }
      }
    }
  }
  assert.deepEqual([...seen].sort(), ["BlogPosting", "Event", "FAQPage", "MedicalClinic", "Person"]);
});
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return */

test("JSON-LD cannot break out of its script element", async () => {
  const { out: o, result } = await buildInto({
    contentDir: await makeContent({
      "blog/x.md": post({
        title: "</script><script>alert(1)</script>",
        date: "2024-01-01",
        description: "A title that tries to close the JSON-LD script element.",
      }),
    }),
  });
  assert.ok(result.ok);
  const html = await read(o, "blog/x/index.html");
  assert.equal(html.match(/<script type="application\/ld\+json"/g)!.length, 1);
  assert.equal(html.match(/<\/script>/g)!.length, html.match(/<script/g)!.length);
  assert.equal(jsonLd(html)[0]!.headline, "</script><script>alert(1)</script>");
});

test("bad events, alerts and closures fail with file and field", async () => {
  const dir = await makeContent({
    "events/backwards.md":
      "---\ntitle: Backwards\nstart: 2026-12-05T13:00\nend: 2026-12-05T09:00\ndescription: An event that ends before it begins, which cannot be.\n---\n",
    "events/nowhere.md":
      "---\ntitle: Nowhere\nstart: 2026-12-05T09:00\nend: 2026-12-05T10:00\nlocation: moon\ndescription: An event at a location the practice does not have.\n---\n",
    "events/mixed.md":
      "---\ntitle: Mixed\nstart: 2026-12-05\nend: 2026-12-05T10:00\ndescription: An event mixing an all-day start with a timed end.\n---\n",
    "alerts/forever.md": "---\nmessage: An alert that never ends\nlevel: info\nfrom: 2026-11-01\n---\n",
  });
  const yamlPath = path.join(dir, "_data/practice.yaml");
  await writeFile(
    yamlPath,
    (await readFile(yamlPath, "utf8")).replace(/^closures:[\s\S]*$/m, "") +
      '\nclosures:\n  - from: "2026-12-24"\n    until: "2026-12-20"\n    reason: Backwards\n    locations: [south]\n',
  );
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  const lines = (result as { problems: readonly { file: string; field?: string; message: string }[] }).problems.map(
    (p) => `${path.basename(p.file)} ${p.field}: ${p.message}`,
  );
  assert.ok(lines.includes('practice.yaml closures[0].until: must not be before from (2026-12-24), got "2026-12-20"'), lines.join("\n"));
  assert.ok(
    lines.includes('practice.yaml closures[0].locations[0]: no location with the key "south" (known: main, north)'),
    lines.join("\n"),
  );
  assert.ok(lines.includes('backwards.md end: must be after start (2026-12-05T13:00), got "2026-12-05T09:00"'), lines.join("\n"));
  assert.ok(
    lines.some((l) => l.startsWith('nowhere.md location: no location with the key "moon" in practice.yaml (known: main, north)')),
    lines.join("\n"),
  );
  assert.ok(
    lines.some((l) => l.startsWith("mixed.md end: expected the same form as start")),
    lines.join("\n"),
  );
  assert.ok(lines.includes("forever.md until: is required"), lines.join("\n"));
});

test("the new-patients page pulls insurance, forms with type and size, languages and the portal from practice.yaml", async () => {
  const doc = await page("new-patients/index.html");
  const forms = doc.querySelector("#block-forms")!.parentNode!;
  assert.match(forms.text, /Medication authorization for school \(PDF, 1\.8 KB\)/);
  assert.match(forms.text, /Sports physical form \(PDF, 2 pages\)/);
  assert.equal(forms.querySelector('a[href="/assets/forms/medication-authorization.pdf"]')!.getAttribute("download"), "");
  const text = doc.querySelector("main")!.text;
  assert.match(text, /Languages we speak: English, Spanish/);
  assert.match(text, /Oregon Health Plan/);
  assert.ok(doc.querySelector('main a[href="https://portal.juniperhillpeds.example"]'));
});

test("a form file that does not exist fails the build naming the field", async () => {
  const dir = await makeContent({});
  const yamlPath = path.join(dir, "_data/practice.yaml");
  await writeFile(
    yamlPath,
    (await readFile(yamlPath, "utf8")).replace("/assets/forms/medication-authorization.pdf", "/assets/forms/missing.pdf"),
  );
  const { result } = await buildInto({ contentDir: dir });
  assert.equal(result.ok, false);
  assert.match((result as { error: string }).error, /practice\.yaml: forms\[2\]\.file: no such file: assets\/forms\/missing\.pdf/);
});
