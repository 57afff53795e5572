// Each network's client against a local server that answers as the network documents
// (tests/support/social-apis.ts): endpoints, auth, payloads, media, errors and their kinds;
// then the lock and the record that keep two runs from posting twice.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fakeBluesky, fakeFacebook, fakeMastodon, fakeX, type Fake } from "../support/social-apis.ts";
import { clientFor } from "../../lib/announce/networks/index.ts";
import { tid } from "../../lib/announce/networks/bluesky.ts";
import { SendError, type Http, type ImageFile, type SendInput } from "../../lib/announce/http.ts";
import { acquireLock } from "../../lib/announce/lock.ts";
import { emptyRecord, readRecord, serializeRecord, writeRecord } from "../../lib/announce/record.ts";
import { newKey } from "../../lib/announce/send.ts";
import type { Account } from "../../lib/schema/announce.ts";
import type { Composed } from "../../lib/announce/text.ts";

const http: Http = { fetch: (...a) => fetch(...a), sleep: () => new Promise((r) => setTimeout(r, 1)), timeoutMs: 5000 };
const now = () => new Date("2026-12-08T08:06:00Z");
const fakes: Fake[] = [];
after(() => Promise.all(fakes.map((f) => f.close())));
const keep = async (f: Promise<Fake>) => {
  const fake = await f;
  fakes.push(fake);
  return fake;
};

const link = "https://www.juniperhillpeds.example/blog/flu-shots/";
const text = `¡Vacunas! 💉 Flu shots are here\n\nwww.juniperhillpeds.example/blog/flu-shots/`;
const at = Buffer.byteLength(text) - Buffer.byteLength("www.juniperhillpeds.example/blog/flu-shots/");
const composed = (over: Partial<Composed> = {}): Composed => ({ network: "mastodon", text: `Flu shots are here\n\n${link}`, link, length: 43, limit: 500, ...over });
const image: ImageFile = { data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), type: "image/jpeg", name: "og-1.jpg", alt: "A nurse and a smiling child", width: 1200, height: 630 };
const input = (over: Partial<SendInput> = {}): SendInput => ({ composed: composed(), image, lang: "en", key: "k-1", ...over });

async function refused(p: Promise<unknown>): Promise<SendError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof SendError, String(err));
    return err;
  }
  assert.fail("expected a refusal");
}

test("Mastodon: the image with its description (202, then ready), the status with an Idempotency-Key; a repeat key makes no second post", async () => {
  const m = await keep(fakeMastodon({ "tok-1": "juniperhill" }));
  const account: Account = { network: "mastodon", instance: m.url, account: "@juniperhill@x.example", token: "MASTODON_TOKEN" };
  const client = clientFor(account, "tok-1", { http, bases: {}, now });
  const sent = await client.send(input());
  assert.deepEqual(m.log, ["POST /api/v2/media", "GET /api/v1/media/1", "GET /api/v1/media/1", "POST /api/v1/statuses"]);
  assert.deepEqual(m.posts[0]!.image, { bytes: 7, type: "image/jpeg", alt: "A nurse and a smiling child" });
  assert.deepEqual({ language: m.posts[0]!.body.language, visibility: m.posts[0]!.body.visibility }, { language: "en", visibility: "public" });
  const again = await client.send(input({ image: undefined }));
  assert.equal(again.id, sent.id, "the same key answers with the same status");
  assert.equal(m.posts.length, 1);
  const bad = clientFor(account, "wrong", { http, bases: {}, now });
  const e = await refused(bad.send(input()));
  assert.equal(e.kind, "auth");
  assert.match(e.message, /^Mastodon image upload: HTTP 401 The access token is invalid \(check that the secret/);
  const long = await refused(client.send(input({ image: undefined, key: "k-2", composed: composed({ text: "é".repeat(501) }) })));
  assert.equal(long.kind, "refused");
  assert.match(long.message, /Text character limit of 500 exceeded/);
  m.fail(503, 1);
  assert.equal((await refused(client.send(input({ key: "k-3" })))).kind, "down");
  m.fail(429, 1);
  assert.equal((await refused(client.send(input({ key: "k-4" })))).kind, "rate");
});

test("Bluesky: a session from the app password, the image as a blob with alt text, facets on UTF-8 bytes, a TID record key found again", async () => {
  const b = await keep(fakeBluesky({ "juniperhill.bsky.social": "app-pass" }));
  const account: Account = { network: "bluesky", account: "juniperhill.bsky.social", password: "BLUESKY_APP_PASSWORD" };
  const client = clientFor(account, "app-pass", { http, bases: { bluesky: b.url }, now });
  const facets = [{ index: { byteStart: at, byteEnd: Buffer.byteLength(text) }, features: [{ $type: "app.bsky.richtext.facet#link" as const, uri: link }] }];
  const key = newKey("bluesky", "post:en:flu-shots bluesky:juniperhill.bsky.social", now());
  assert.match(key, /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
  assert.equal(await client.find!(key), undefined);
  const sent = await client.send(input({ key, lang: "es", composed: composed({ network: "bluesky", text, facets }) }));
  assert.equal(sent.url, `https://bsky.app/profile/juniperhill.bsky.social/post/${key}`);
  const record = b.posts[0]!.body;
  assert.deepEqual(record.langs, ["es"]);
  assert.equal(record.createdAt, "2026-12-08T08:06:00.000Z");
  assert.deepEqual(b.posts[0]!.image, { bytes: 7, type: "image/jpeg", alt: "A nurse and a smiling child" });
  assert.deepEqual((record.embed as { images: { aspectRatio: unknown }[] }).images[0]!.aspectRatio, { width: 1200, height: 630 });
  assert.deepEqual(await client.find!(key), { id: `at://did:plc:juniperhillbskysocial/app.bsky.feed.post/${key}`, url: sent.url });
  const twice = await refused(client.send(input({ key, composed: composed({ network: "bluesky", text, facets }) })));
  assert.match(twice.message, /Record already exists/);
  // A facet past the end of the text is refused, as Bluesky refuses it.
  const off = await refused(client.send(input({ key: tid(1n, 1), composed: composed({ network: "bluesky", text, facets: [{ ...facets[0]!, index: { byteStart: at, byteEnd: Buffer.byteLength(text) + 1 } }] }) })));
  assert.match(off.message, /facet outside the text/);
  const wrong = clientFor(account, "nope", { http, bases: { bluesky: b.url }, now });
  const e = await refused(wrong.send(input({ key: tid(2n, 1) })));
  assert.equal(e.kind, "auth");
  assert.match(e.message, /Bluesky sign-in: HTTP 401 Invalid identifier or password/);
  // An image over Bluesky's 1,000,000 bytes goes without it rather than failing the post.
  await client.send(input({ key: tid(3n, 1), image: { ...image, data: new Uint8Array(1_000_001) }, composed: composed({ network: "bluesky", text, facets }) }));
  assert.equal(b.posts.at(-1)!.image, undefined);
});

test("Facebook: POST /{page-id}/feed with message and link, the token in the body; code 190 is a refused token, code 4 a rate limit", async () => {
  const f = await keep(fakeFacebook({ "104512345678901": "EAAtoken" }));
  const account: Account = { network: "facebook", page: "104512345678901", token: "FACEBOOK_PAGE_TOKEN" };
  const client = clientFor(account, "EAAtoken", { http, bases: { facebook: `${f.url}/v24.0` }, now });
  const sent = await client.send(input({ composed: composed({ network: "facebook", text: "Flu shots are here" }) }));
  assert.equal(sent.id, "104512345678901_1");
  assert.deepEqual(f.posts[0]!.body, { message: "Flu shots are here", link });
  const e = await refused(clientFor(account, "old", { http, bases: { facebook: `${f.url}/v24.0` }, now }).send(input()));
  assert.equal(e.kind, "auth");
  assert.match(e.message, /Invalid OAuth access token.*make a new one/);
  f.fail(429, 1);
  assert.equal((await refused(client.send(input()))).kind, "rate");
  f.fail(500, 1);
  assert.equal((await refused(client.send(input()))).kind, "down");
});

test("X: the image upload, its alt text, then the post with the media id; 401, 429 and 503 are told apart; a repeat is already posted", async () => {
  const x = await keep(fakeX({ "user-token": "juniperhillpeds" }, (s) => [...s].length));
  const account: Account = { network: "x", account: "@juniperhillpeds", token: "X_ACCESS_TOKEN" };
  const client = clientFor(account, "user-token", { http, bases: { x: x.url }, now });
  const sent = await client.send(input({ composed: composed({ network: "x" }) }));
  assert.deepEqual(x.log, ["POST /2/media/upload", "POST /2/media/metadata", "POST /2/tweets"]);
  assert.equal(sent.url, `https://x.com/juniperhillpeds/status/${sent.id}`);
  assert.deepEqual(x.posts[0]!.image, { bytes: 7, type: "image/jpeg", alt: "A nurse and a smiling child" });
  assert.deepEqual(x.posts[0]!.body.media, { media_ids: ["1000"] });
  const repeat = await client.send(input({ image: undefined, composed: composed({ network: "x" }) }));
  assert.match(repeat.note!, /already posted/);
  assert.equal(x.posts.length, 1);
  for (const [status, kind] of [[401, "auth"], [429, "rate"], [503, "down"]] as const) {
    x.fail(status, 1);
    assert.equal((await refused(client.send(input({ composed: composed({ network: "x", text: `t${status}` }) })))).kind, kind);
  }
});

test("no answer: a connection refused never left (pending); a dropped answer may have posted (unsure)", async () => {
  const m = await keep(fakeMastodon({ t: "a" }));
  const account: Account = { network: "mastodon", instance: m.url, account: "@a@b.example", token: "T" };
  m.loseNextAnswer();
  const dropped = await refused(clientFor(account, "t", { http, bases: {}, now }).send(input({ image: undefined })));
  assert.equal(dropped.kind, "down");
  assert.equal(dropped.unsure, true);
  assert.equal(m.posts.length, 1);
  // A port nothing listens on: one a server just had, then closed.
  const gone = createServer();
  await new Promise<void>((r) => gone.listen(0, "127.0.0.1", r));
  const port = (gone.address() as AddressInfo).port;
  await new Promise((r) => gone.close(r));
  const closed = { ...account, instance: `http://127.0.0.1:${port}` };
  const never = await refused(clientFor(closed, "t", { http, bases: {}, now }).send(input({ image: undefined })));
  assert.equal(never.unsure, false);
  assert.match(never.message, new RegExp(`no answer from 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
});

test("the lock: O_EXCL lets one holder in; a dead process's lock is taken over", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "pp-lock-"));
  const file = path.join(dir, "announced.json.lock");
  const first = await acquireLock(file, "t0");
  assert.ok("lock" in first);
  const second = await acquireLock(file, "t1");
  assert.ok("heldBy" in second && second.heldBy.includes(`process ${process.pid}`));
  await first.lock.release();
  // A lock written by a process that has exited (pid 2^22 + 1 is past Linux's pid_max).
  await writeFile(file, JSON.stringify({ pid: 4194305, host: hostname(), at: "t2" }));
  const taken = await acquireLock(file, "t3");
  assert.ok("lock" in taken);
  assert.match(await readFile(file, "utf8"), new RegExp(`"pid":${process.pid}`));
  await taken.lock.release();
});

test("the record: written whole with sorted keys, read back; a damaged file says how to restore it", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "pp-record-"));
  const file = path.join(dir, "_data", "announced.json");
  assert.equal(await readRecord(file), undefined);
  const r = emptyRecord("2026-12-07T08:05:00.000Z");
  r.known.push("post:en:b", "post:en:a", "post:en:a");
  r.items["post:en:c"] = { link, seen: "s", accounts: { "x:@a": { state: "sent", at: "t", id: "1" } } };
  await writeRecord(file, r);
  assert.equal(await readFile(file, "utf8"), serializeRecord(r));
  assert.deepEqual((await readRecord(file))!.known, ["post:en:a", "post:en:b"]);
  assert.match(serializeRecord(r), /^\{\n {2}"items"/);
  await writeFile(file, "{ broken");
  await assert.rejects(readRecord(file), /not valid JSON .*restore it from the repository's history \(git checkout -- /);
});
