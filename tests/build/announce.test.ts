// npm run announce against local stand-ins of the four networks (tests/support/social-apis.ts):
// a new post and a new event, published by the nightly build's clock, are announced once to
// each configured account in its language; failures stay pending and go out on the next run;
// a lost answer is never blindly sent again; two runs at once post once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DEMO, ROOT, makeContent, post } from "../helpers.ts";
import { fakeBluesky, fakeFacebook, fakeMastodon, fakeX, graphemeCount, type Fake, type MastodonFake } from "../support/social-apis.ts";
import { loadSite } from "../../lib/content/load.ts";
import { fixedClock } from "../../lib/build/clock.ts";
import { publishImages } from "../../lib/outputs/images.ts";
import { socialCardSvg, writeSocialCard } from "../../lib/outputs/social-card.ts";
import { runAnnounce, type RunOptions } from "../../lib/announce/run.ts";
import { markdownReport } from "../../lib/announce/report.ts";
import { readRecord, RECORD_FILE } from "../../lib/announce/record.ts";

const T0 = "2026-12-07T08:05:00Z"; // the nightly run before the new post's day
const T1 = "2026-12-08T08:05:00Z"; // the nightly run on its day (00:05 in Los Angeles)
const epoch = (iso: string) => String(Date.parse(iso) / 1000);

// X's documented weighting, written apart from lib/announce/count.ts: links 23, emoji 2,
// code points in the light ranges 1, all others 2.
const LIGHT = [
  [0, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
function xWeighted(text: string): number {
  const plain = text.normalize("NFC").replace(/https?:\/\/\S+/g, () => "\u{E000}");
  let n = 0;
  // The v flag's RGI_Emoji: every emoji sequence Unicode recommends, ZWJ families and flags included.
  for (const part of plain.split(new RegExp("(\\p{RGI_Emoji})", "v"))) {
    if (new RegExp("^\\p{RGI_Emoji}$", "v").test(part)) n += 2;
    else
      for (const ch of part)
        n += ch === "\u{E000}" ? 23 : LIGHT.some(([a, b]) => ch.codePointAt(0)! >= a! && ch.codePointAt(0)! <= b!) ? 1 : 2;
  }
  return n;
}

const SECRETS = {
  MASTODON_TOKEN: "mast-en-7f3a",
  MASTODON_ES_TOKEN: "mast-es-91bc",
  BLUESKY_APP_PASSWORD: "abcd-efgh-ijkl-mnop",
  FACEBOOK_PAGE_TOKEN: "EAAfbtoken",
  X_API_KEY: "x-app-key",
  X_API_SECRET: "x-app-secret",
  X_ACCESS_TOKEN: "1234-x-user-token",
  X_ACCESS_SECRET: "x-user-token-secret",
};
let mastodon: MastodonFake, bluesky: Fake, facebook: Fake, x: Fake;
let out: string;

before(async () => {
  [mastodon, bluesky, facebook, x] = await Promise.all([
    fakeMastodon({ [SECRETS.MASTODON_TOKEN]: "juniperhill", [SECRETS.MASTODON_ES_TOKEN]: "juniperhill_es" }),
    fakeBluesky({ "juniperhill.bsky.social": SECRETS.BLUESKY_APP_PASSWORD }),
    fakeFacebook({ "104512345678901": SECRETS.FACEBOOK_PAGE_TOKEN }),
    fakeX(
      {
        apiKey: SECRETS.X_API_KEY,
        apiSecret: SECRETS.X_API_SECRET,
        accounts: { [SECRETS.X_ACCESS_TOKEN]: { secret: SECRETS.X_ACCESS_SECRET, handle: "juniperhillpeds" } },
      },
      xWeighted,
    ),
  ]);
  // The built site's images, written by the build's own functions: the card and the photos' 1200×630 crops.
  out = path.join(await mkdtemp(path.join(tmpdir(), "pp-announce-out-")), "_site");
  const site = await loadSite({ root: DEMO, mode: "production", clock: fixedClock(T1) });
  await publishImages(site.imageFiles, out);
  await writeSocialCard(socialCardSvg("Juniper Hill Pediatrics", undefined, "(503) 555-0142"), out, path.join(out, "..", "cache"));
});
after(() => Promise.all([mastodon, bluesky, facebook, x].map((f) => f.close())));

function reset(): void {
  for (const f of [mastodon, bluesky, facebook, x]) f.reset();
}

/** The demo's content plus practice.yaml `announce` pointing at the stand-ins, and `files`. */
async function content(files: Record<string, string>): Promise<string> {
  const dir = await makeContent(files, { withDemo: true });
  await appendFile(
    path.join(dir, "_data/practice.yaml"),
    `announce:
  accounts:
    - { network: mastodon, instance: "${mastodon.url}", account: "@juniperhill@mastodon.example", token: MASTODON_TOKEN }
    - { network: mastodon, instance: "${mastodon.url}", account: "@juniperhill_es@mastodon.example", token: MASTODON_ES_TOKEN, languages: [es] }
    - { network: bluesky, service: "${bluesky.url}", account: juniperhill.bsky.social, password: BLUESKY_APP_PASSWORD }
    - { network: facebook, page: "104512345678901", token: FACEBOOK_PAGE_TOKEN }
    - { network: x, account: "@juniperhillpeds", apiKey: X_API_KEY, apiSecret: X_API_SECRET, accessToken: X_ACCESS_TOKEN, accessSecret: X_ACCESS_SECRET }
`,
  );
  return dir;
}

const apiEnv = () => ({ ANNOUNCE_FACEBOOK_API: `${facebook.url}/v24.0`, ANNOUNCE_X_API: x.url });

/** npm run announce as the workflow runs it, at the given clock. */
async function announce(
  contentDir: string,
  at: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, ["scripts/run.mjs", "announce", ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        PRACTICE_ROOT: DEMO,
        PRACTICE_CONTENT: contentDir,
        PRACTICE_OUT: out,
        SOURCE_DATE_EPOCH: epoch(at),
        ...apiEnv(),
        ...SECRETS,
        ...env,
      },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The same run in this process (quicker: no process start), with the site loaded at `at`. */
async function announceHere(contentDir: string, at: string, extra: Partial<RunOptions> = {}) {
  const site = await loadSite({ root: DEMO, contentDir, mode: "production", clock: fixedClock(at) });
  return runAnnounce({
    site,
    config: site.practice.announce!,
    recordFile: path.join(contentDir, RECORD_FILE),
    outDir: out,
    now: fixedClock(at)().setZone(site.zone),
    env: SECRETS,
    bases: { facebook: `${facebook.url}/v24.0`, x: x.url },
    http: { fetch: (...a) => fetch(...a), sleep: () => new Promise((r) => setTimeout(r, 5)), timeoutMs: 10_000 },
    ...extra,
  });
}

const winter = {
  title: "Winter hours start Monday",
  date: "2026-12-08",
  description: "From Monday both offices open at 8:00 and close at 5:00; the nurse line answers every night.",
};
const winterEs = {
  title: "Horario de invierno desde el lunes",
  date: "2026-12-08",
  description: "Desde el lunes ambas oficinas abren a las 8:00 y cierran a las 5:00; la línea de enfermería contesta cada noche.",
};
const event = (title: string) =>
  `---\ntitle: "${title}"\nstart: "2026-12-19T10:00"\nend: "2026-12-19T12:00"\nlocation: main\ndescription: "Free car seat checks with a certified technician, no appointment needed."\n---\nBring your car seat and your car.\n`;

test("a new post and a new event, published by the nightly build, are announced once to each account in their language", async () => {
  reset();
  // The command as a process waits a real second between checks of an image Mastodon is still
  // processing; here Mastodon processes at once. The wait and the checks are the other tests'
  // (in this process, with a short sleep).
  mastodon.background = false;
  const dir = await content({
    "blog/2026-12-08-winter-hours.md": post(winter),
    "blog/2026-12-08-winter-hours.es.md": post(winterEs),
    "blog/2026-12-08-staff-party.md": post({
      title: "Our staff party",
      date: "2026-12-08",
      description: "Pictures from the party, for families who asked to see them.",
      announce: false,
    }),
    "blog/2026-12-08-draft-idea.md": post({
      title: "An idea",
      date: "2026-12-08",
      description: "A draft that is not ready for anybody yet, so never announced.",
      draft: true,
    }),
    "blog/2026-12-08-sun-again.md": post({
      title: "Sun safety in winter",
      date: "2026-12-08",
      description: "Snow reflects the sun: sunscreen still matters on bright winter days.",
      image: "./sun-safety.jpg",
      imageAlt: "A red beach umbrella under a bright sun",
      announce: "Yes, sunscreen in winter too! ☀️❄️ Here is why.",
    }),
  });
  // The night before: the new post is scheduled (not public); the first run notes what is public and sends nothing.
  const first = await announce(dir, T0);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /First run: noted \d+ posts and events already public; nothing was sent/);
  assert.equal(mastodon.posts.length + bluesky.posts.length + facebook.posts.length + x.posts.length, 0);
  const record0 = await readRecord(path.join(dir, RECORD_FILE));
  assert.ok(
    record0!.known.includes("post:en:sun-safety") && record0!.known.includes("event:en:2026-12-12-flu-shot-clinic"),
    "already public posts are noted",
  );
  assert.ok(!record0!.known.includes("post:en:winter-hours"), "a scheduled post is not public yet");

  // Staff add an event during the day.
  await writeFile(path.join(dir, "events/2026-12-19-car-seat-checks.md"), event("Car seat checks"));

  // The dry run prints exactly what would be sent and changes nothing.
  const recordBefore = await readFile(path.join(dir, RECORD_FILE), "utf8");
  const dry = await announce(dir, T1, ["--dry-run"]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(
    dry.stdout,
    /── post:en:winter-hours → x:@juniperhillpeds \(\d+\/280\)\nWinter hours start Monday\n\nFrom Monday both offices/,
  );
  assert.match(dry.stdout, /── event:en:2026-12-19-car-seat-checks → bluesky:juniperhill\.bsky\.social/);
  assert.match(dry.stdout, /facets: \[\{"index":\{"byteStart":\d+,"byteEnd":\d+\}/);
  assert.equal(await readFile(path.join(dir, RECORD_FILE), "utf8"), recordBefore, "a dry run writes nothing");
  assert.equal(mastodon.posts.length + bluesky.posts.length + facebook.posts.length + x.posts.length, 0);

  // The nightly run on the post's day.
  const run = await announce(dir, T1, [], { GITHUB_STEP_SUMMARY: path.join(dir, "summary.md") });
  assert.equal(run.code, 0, run.stderr);
  const links = (f: Fake, account?: string) =>
    f.posts
      .filter((p) => !account || p.account === account)
      .map((p) => /https?:\/\/\S+\/(blog|events)\/[\w-]+\//.exec(JSON.stringify(p.body))?.[0])
      .sort();
  const en = [
    "https://www.juniperhillpeds.example/blog/sun-again/",
    "https://www.juniperhillpeds.example/blog/winter-hours/",
    "https://www.juniperhillpeds.example/events/2026-12-19-car-seat-checks/",
  ];
  assert.deepEqual(links(mastodon, "juniperhill"), en);
  assert.deepEqual(
    links(mastodon, "juniperhill_es"),
    ["https://www.juniperhillpeds.example/es/blog/winter-hours/"],
    "the Spanish post goes to the Spanish account only",
  );
  assert.deepEqual(links(bluesky), en);
  assert.deepEqual(links(facebook), en);
  assert.deepEqual(links(x), en);
  assert.match(run.stdout, /announce: 13 sent, 0 pending, 0 to check by hand, 0 waiting/);
  assert.match(await readFile(path.join(dir, "summary.md"), "utf8"), /\| post:en:winter-hours \| x:@juniperhillpeds \| sent \|/);

  // What each network got: the text it counts within its limit, the image with its alt text, the language.
  const mEvent = mastodon.posts.find((p) => p.text.startsWith("Car seat checks"))!;
  assert.match(mEvent.text, /^Car seat checks\nDecember 19, 2026, 10:00 AM – 12:00 PM\n.+\n\nFree car seat checks/);
  assert.equal(mEvent.body.language, "en");
  assert.equal(mEvent.image?.alt, "Juniper Hill Pediatrics, phone (503) 555-0142", "the practice's card, with its description");
  assert.equal(mEvent.image?.type, "image/png");
  const sun = x.posts.find((p) => p.text.startsWith("Yes, sunscreen"))!;
  assert.equal(
    sun.text,
    "Yes, sunscreen in winter too! ☀️❄️ Here is why.\n\nhttps://www.juniperhillpeds.example/blog/sun-again/",
    "the post's own line",
  );
  assert.deepEqual(sun.image && { type: sun.image.type, alt: sun.image.alt }, {
    type: "image/jpeg",
    alt: "A red beach umbrella under a bright sun",
  });
  const es = mastodon.posts.find((p) => p.account === "juniperhill_es")!;
  assert.equal(es.body.language, "es");
  for (const p of bluesky.posts) {
    assert.ok(graphemeCount(p.text) <= 300);
    const facets = p.body.facets as { index: { byteStart: number; byteEnd: number }; features: { uri: string }[] }[];
    const shown = Buffer.from(p.text).subarray(facets[0]!.index.byteStart, facets[0]!.index.byteEnd).toString("utf8");
    const uri = facets[0]!.features[0]!.uri;
    // The link as Bluesky's own app shows it: no scheme, a long one shortened; the facet keeps it whole.
    assert.ok(
      uri.startsWith(`https://${shown.replace(/…$/, "")}`) && shown.length > 30,
      `the facet covers the link's bytes: ${shown} for ${uri}`,
    );
    assert.ok(/^https:\/\/www\.juniperhillpeds\.example\/(blog|events)\/[\w-]+\/$/.test(uri));
    assert.ok(p.image?.alt, "an image with its alt text");
  }
  for (const p of facebook.posts) assert.ok(p.body.link && !p.text.includes("https://"), "Facebook: the link apart, shown as a card");
  assert.ok(![...mastodon.posts, ...x.posts].some((p) => /staff party|An idea/.test(p.text)), "announce: false and drafts are never sent");
  assert.ok(
    ![...mastodon.posts, ...bluesky.posts, ...facebook.posts, ...x.posts].some((p) => /utm_|fbclid/.test(JSON.stringify(p.body))),
    "no tracking parameters",
  );

  // Run again (a retried workflow): nothing is posted twice.
  const again = await announce(dir, T1);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /announce: 0 sent, 0 pending/);
  assert.equal(mastodon.posts.length + bluesky.posts.length + facebook.posts.length + x.posts.length, 13);
});

test("a network that is down, refuses the token or limits the rate: pending, the run ends well, and the next run sends it once", async () => {
  reset();
  const dir = await content({ "blog/2026-12-08-winter-hours.md": post(winter) });
  assert.equal((await announceHere(dir, T0)).status, "first");
  x.fail(401);
  facebook.fail(429);
  mastodon.fail(503);
  await writeFile(path.join(dir, "events/2026-12-19-car-seat-checks.md"), event("Car seat checks"));
  const failed = await announceHere(dir, T1);
  const state = (account: string) => failed.lines.filter((l) => l.account.startsWith(account)).map((l) => l.state);
  assert.deepEqual(state("bluesky"), ["sent", "sent"]);
  assert.deepEqual(state("x"), ["pending", "pending"]);
  assert.match(
    failed.lines.find((l) => l.account.startsWith("x"))!.detail,
    /X image upload: HTTP 401 Unauthorized \(check that the secret holds a valid token/,
  );
  assert.match(
    failed.lines.find((l) => l.account.startsWith("facebook"))!.detail,
    /Facebook post: HTTP 429 \(#4\) Application request limit reached/,
  );
  assert.match(failed.lines.find((l) => l.account.startsWith("mastodon:@juniperhill@"))!.detail, /HTTP 503/);
  // One refusal per account: the account's other items are not tried against a network that is down.
  assert.deepEqual(x.log, ["POST /2/media/upload"], "X was asked once, then left alone for this run");
  assert.match(markdownReport(failed.lines, failed.notes), /\| PENDING \| .*HTTP 401/);
  assert.match(markdownReport(failed.lines, failed.notes), /tried again on the next run; the site itself was published/);
  const record = await readRecord(path.join(dir, RECORD_FILE));
  const entry = record!.items["event:en:2026-12-19-car-seat-checks"]!.accounts["x:@juniperhillpeds"]!;
  assert.equal(entry.state, "pending");
  assert.equal(entry.tries, 1);
  for (const name of ["X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_SECRET"] as const)
    assert.ok(!JSON.stringify(record).includes(SECRETS[name]), `no secret in the record (${name})`);

  // The networks are back: everything pending goes out, once.
  for (const f of [x, facebook, mastodon]) f.fail(200, 0);
  const next = await announceHere(dir, T1);
  assert.deepEqual([...new Set(next.lines.map((l) => l.state))], ["sent"]);
  assert.equal(x.posts.length, 2);
  assert.equal(facebook.posts.length, 2);
  assert.equal(mastodon.posts.length, 2);
  assert.equal(bluesky.posts.length, 2);
});

test("X's four keys: one not set keeps the post pending and names it; a wrong one is refused by X's signature check; the right ones send it once", async () => {
  reset();
  const dir = await content({ "blog/2026-12-08-winter-hours.md": post(winter) });
  await announceHere(dir, T0);
  const xLine = (r: Awaited<ReturnType<typeof announceHere>>) => r.lines.find((l) => l.account.startsWith("x:"))!;
  const unset = await announceHere(dir, T1, { env: { ...SECRETS, X_ACCESS_SECRET: "", X_API_SECRET: "" } });
  assert.equal(xLine(unset).state, "pending");
  assert.match(xLine(unset).detail, /the secrets X_API_SECRET, X_ACCESS_SECRET are not set/);
  assert.deepEqual(x.log, [], "nothing was sent to X without its keys");
  const wrong = await announceHere(dir, T1, { env: { ...SECRETS, X_ACCESS_SECRET: "an-old-secret" } });
  assert.equal(xLine(wrong).state, "pending");
  assert.match(xLine(wrong).detail, /X image upload: HTTP 401 Unauthorized \(check that the secret/);
  assert.equal(x.posts.length, 0);
  const right = await announceHere(dir, T1);
  assert.equal(xLine(right).state, "sent");
  assert.equal(x.posts.length, 1);
  assert.equal(x.posts[0]!.account, "juniperhillpeds");
});

test("a lost answer is not sent blindly again: Mastodon's key and Bluesky's record key make the retry safe, X and Facebook wait for a person", async () => {
  reset();
  const dir = await content({ "blog/2026-12-08-winter-hours.md": post(winter) });
  await announceHere(dir, T0);
  for (const f of [mastodon, bluesky, facebook, x]) f.loseNextAnswer();
  const lost = await announceHere(dir, T1);
  assert.deepEqual(
    lost.lines.map((l) => l.state),
    ["pending", "pending", "pending", "pending"],
  );
  const record = await readRecord(path.join(dir, RECORD_FILE));
  assert.deepEqual(
    Object.values(record!.items["post:en:winter-hours"]!.accounts).map((e) => e.state),
    ["sending", "sending", "sending", "sending"],
  );
  for (const f of [mastodon, bluesky, facebook, x]) assert.equal(f.posts.length, 1, "the post was made before the answer was lost");

  const retry = await announceHere(dir, T1);
  const by = (prefix: string) => retry.lines.find((l) => l.account.startsWith(prefix))!;
  assert.equal(by("mastodon").state, "sent");
  assert.equal(by("bluesky").state, "sent");
  assert.equal(by("x").state, "uncertain");
  assert.equal(by("facebook").state, "uncertain");
  assert.match(by("x").detail, /npm run announce -- --retry-uncertain/);
  for (const f of [mastodon, bluesky, facebook, x]) assert.equal(f.posts.length, 1, "nothing posted twice");
  assert.ok(
    mastodon.log.filter((l) => l === "POST /api/v1/statuses").length === 2,
    "Mastodon was sent the same Idempotency-Key and answered with the status it had made",
  );
  assert.ok(bluesky.log.includes("GET /xrpc/com.atproto.repo.getRecord"), "Bluesky's post was looked up by its record key");

  // Still uncertain on the next run, until a person says to send again; the record is left as it is.
  const unchanged = await readFile(path.join(dir, RECORD_FILE), "utf8");
  assert.deepEqual((await announceHere(dir, T1)).lines.filter((l) => l.state === "uncertain").length, 2);
  assert.equal(await readFile(path.join(dir, RECORD_FILE), "utf8"), unchanged, "nothing new to commit");
  const resent = await announceHere(dir, T1, { retryUncertain: true });
  assert.equal(resent.lines.find((l) => l.account.startsWith("x"))!.state, "sent");
  assert.match(resent.lines.find((l) => l.account.startsWith("x"))!.detail, /already posted \(duplicate content\)/);
  assert.equal(x.posts.length, 1, "X refuses the duplicate: still one post");
  assert.equal(facebook.posts.length, 2, "Facebook cannot tell: sent again because a person said so");
});

test("two runs at once post once: the lock lets one send, the other sends nothing", async () => {
  reset();
  const dir = await content({ "blog/2026-12-08-winter-hours.md": post(winter) });
  await announceHere(dir, T0);
  await writeFile(path.join(dir, "events/2026-12-19-car-seat-checks.md"), event("Car seat checks"));
  mastodon.background = false; // as in the first test: no real second's wait between checks
  for (const f of [mastodon, bluesky, facebook, x]) f.delay = 300;
  try {
    const [a, b] = await Promise.all([announce(dir, T1), announce(dir, T1)]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const outputs = a.stdout + b.stdout;
    assert.match(outputs, /Another announce run is sending now|announce: 0 sent/);
  } finally {
    for (const f of [mastodon, bluesky, facebook, x]) f.delay = 0;
  }
  assert.equal(mastodon.posts.length, 2);
  assert.equal(bluesky.posts.length, 2);
  assert.equal(facebook.posts.length, 2);
  assert.equal(x.posts.length, 2);
});
