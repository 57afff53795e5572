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
import { hmacSha1, oauth1Header, oauth1Params, percentEncode, signatureBaseString } from "../../lib/announce/oauth1.ts";
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
const composed = (over: Partial<Composed> = {}): Composed => ({
  network: "mastodon",
  text: `Flu shots are here\n\n${link}`,
  link,
  length: 43,
  limit: 500,
  ...over,
});
const image: ImageFile = {
  data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
  type: "image/jpeg",
  name: "og-1.jpg",
  alt: "A nurse and a smiling child",
  width: 1200,
  height: 630,
};
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
  const client = clientFor(account, { token: "tok-1" }, { http, bases: {}, now });
  const sent = await client.send(input());
  assert.deepEqual(m.log, ["POST /api/v2/media", "GET /api/v1/media/1", "GET /api/v1/media/1", "POST /api/v1/statuses"]);
  assert.deepEqual(m.posts[0]!.image, { bytes: 7, type: "image/jpeg", alt: "A nurse and a smiling child" });
  assert.deepEqual(
    { language: m.posts[0]!.body.language, visibility: m.posts[0]!.body.visibility },
    { language: "en", visibility: "public" },
  );
  const again = await client.send(input({ image: undefined }));
  assert.equal(again.id, sent.id, "the same key answers with the same status");
  assert.equal(m.posts.length, 1);
  const bad = clientFor(account, { token: "wrong" }, { http, bases: {}, now });
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
  const client = clientFor(account, { password: "app-pass" }, { http, bases: { bluesky: b.url }, now });
  const facets = [
    {
      index: { byteStart: at, byteEnd: Buffer.byteLength(text) },
      features: [{ $type: "app.bsky.richtext.facet#link" as const, uri: link }],
    },
  ];
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
  const off = await refused(
    client.send(
      input({
        key: tid(1n, 1),
        composed: composed({
          network: "bluesky",
          text,
          facets: [{ ...facets[0]!, index: { byteStart: at, byteEnd: Buffer.byteLength(text) + 1 } }],
        }),
      }),
    ),
  );
  assert.match(off.message, /facet outside the text/);
  const wrong = clientFor(account, { password: "nope" }, { http, bases: { bluesky: b.url }, now });
  const e = await refused(wrong.send(input({ key: tid(2n, 1) })));
  assert.equal(e.kind, "auth");
  assert.match(e.message, /Bluesky sign-in: HTTP 401 Invalid identifier or password/);
  // An image over Bluesky's 1,000,000 bytes goes without it rather than failing the post.
  await client.send(
    input({
      key: tid(3n, 1),
      image: { ...image, data: new Uint8Array(1_000_001) },
      composed: composed({ network: "bluesky", text, facets }),
    }),
  );
  assert.equal(b.posts.at(-1)!.image, undefined);
});

test("Facebook: POST /{page-id}/feed with message and link, the token in the body; code 190 is a refused token, code 4 a rate limit", async () => {
  const f = await keep(fakeFacebook({ "104512345678901": "EAAtoken" }));
  const account: Account = { network: "facebook", page: "104512345678901", token: "FACEBOOK_PAGE_TOKEN" };
  const client = clientFor(account, { token: "EAAtoken" }, { http, bases: { facebook: `${f.url}/v24.0` }, now });
  const sent = await client.send(input({ composed: composed({ network: "facebook", text: "Flu shots are here" }) }));
  assert.equal(sent.id, "104512345678901_1");
  assert.deepEqual(f.posts[0]!.body, { message: "Flu shots are here", link });
  const e = await refused(clientFor(account, { token: "old" }, { http, bases: { facebook: `${f.url}/v24.0` }, now }).send(input()));
  assert.equal(e.kind, "auth");
  assert.match(e.message, /Invalid OAuth access token.*make a new one/);
  f.fail(429, 1);
  assert.equal((await refused(client.send(input()))).kind, "rate");
  f.fail(500, 1);
  assert.equal((await refused(client.send(input()))).kind, "down");
});

// X's own worked example ("Creating a signature", docs.x.com): its keys, nonce, time and request.
const X_DOC = {
  creds: {
    consumerKey: "xvz1evFS4wEEPTGEFPHBog",
    consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
    token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
    tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
  },
  at: { nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", timestamp: 1318622958 },
  form: [["status", "Hello Ladies + Gentlemen, a signed OAuth request!"]] as [string, string][],
};

test("OAuth 1.0a: X's published example gives X's published signature, on today's host and on the older one", () => {
  const req = (host: string) => ({
    method: "POST",
    url: `https://${host}/1.1/statuses/update.json?include_entities=true`,
    form: X_DOC.form,
  });
  // The page's signature base string, character for character.
  assert.equal(
    signatureBaseString("post", "https://api.x.com/1.1/statuses/update.json?include_entities=true", [
      ...Object.entries(oauth1Params(req("api.x.com"), X_DOC.creds, X_DOC.at)).filter(([k]) => k !== "oauth_signature"),
      ...X_DOC.form,
    ]),
    "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521",
  );
  assert.equal(oauth1Params(req("api.x.com"), X_DOC.creds, X_DOC.at).oauth_signature, "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=");
  // The same page before the rename (api.twitter.com) published this one.
  assert.equal(oauth1Params(req("api.twitter.com"), X_DOC.creds, X_DOC.at).oauth_signature, "hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
  const header = oauth1Header(req("api.x.com"), X_DOC.creds, X_DOC.at);
  assert.equal(
    header,
    'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0", oauth_signature="Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D"',
  );
  assert.ok(
    !header.includes(X_DOC.creds.consumerSecret) && !header.includes(X_DOC.creds.tokenSecret),
    "the secrets sign; they are never sent",
  );
});

test("OAuth 1.0a: RFC 5849's examples: the base string of section 3.4.1.1 and the signature of section 1.2", () => {
  // Query and form fields with a repeated name, an empty value, encoded characters and a + that is a space.
  const base = signatureBaseString("POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b", [
    ...new URLSearchParams("c2&a3=2+q"),
    ["oauth_consumer_key", "9djdj82h48djs9d2"],
    ["oauth_token", "kkk9d7dh3k39sjv7"],
    ["oauth_signature_method", "HMAC-SHA1"],
    ["oauth_timestamp", "137131201"],
    ["oauth_nonce", "7d8f3e4a"],
  ]);
  assert.equal(
    base,
    "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
  );
  const photos = signatureBaseString("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original", [
    ["oauth_consumer_key", "dpf43f3p2l4k3l03"],
    ["oauth_token", "nnch734d00sl2jdk"],
    ["oauth_signature_method", "HMAC-SHA1"],
    ["oauth_timestamp", "137131202"],
    ["oauth_nonce", "chapoH"],
  ]);
  assert.equal(hmacSha1(photos, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"), "MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  // RFC 3986: what encodeURIComponent leaves alone is encoded, multi-byte text as UTF-8, the unreserved left.
  assert.equal(percentEncode("!'()* ~-._ é💉+"), "%21%27%28%29%2A%20~-._%20%C3%A9%F0%9F%92%89%2B");
  assert.equal(signatureBaseString("GET", "HTTPS://API.X.com:443/2/tweets#x", []), "GET&https%3A%2F%2Fapi.x.com%2F2%2Ftweets&");
});

const X_KEYS = {
  apiKey: "app-key",
  apiSecret: "app-secret",
  accounts: { "1-token": { secret: "token-secret", handle: "juniperhillpeds" } },
};
const X_SECRETS = { apiKey: "app-key", apiSecret: "app-secret", accessToken: "1-token", accessSecret: "token-secret" };
const X_ACCOUNT: Account = {
  network: "x",
  account: "@juniperhillpeds",
  apiKey: "X_API_KEY",
  apiSecret: "X_API_SECRET",
  accessToken: "X_ACCESS_TOKEN",
  accessSecret: "X_ACCESS_SECRET",
};

test("X: each request signed with OAuth 1.0a; the image upload, its alt text, then the post with the media id; 401, 429 and 503 are told apart; a repeat is already posted", async () => {
  const x = await keep(fakeX(X_KEYS, (s) => [...s].length));
  const client = clientFor(X_ACCOUNT, X_SECRETS, { http, bases: { x: x.url }, now });
  const sent = await client.send(input({ composed: composed({ network: "x" }) }));
  assert.deepEqual(x.log, ["POST /2/media/upload", "POST /2/media/metadata", "POST /2/tweets"]);
  assert.equal(sent.url, `https://x.com/juniperhillpeds/status/${sent.id}`);
  assert.deepEqual(x.posts[0]!.image, { bytes: 7, type: "image/jpeg", alt: "A nurse and a smiling child" });
  assert.deepEqual(x.posts[0]!.body.media, { media_ids: ["1000"] });
  const repeat = await client.send(input({ image: undefined, composed: composed({ network: "x" }) }));
  assert.match(repeat.note!, /already posted/);
  assert.equal(x.posts.length, 1);
  for (const [status, kind] of [
    [401, "auth"],
    [429, "rate"],
    [503, "down"],
  ] as const) {
    x.fail(status, 1);
    assert.equal((await refused(client.send(input({ composed: composed({ network: "x", text: `t${status}` }) })))).kind, kind);
  }
});

test("X: a wrong secret, a signature over another request, a reused nonce or a bearer token is refused with X's 401 body", async () => {
  const x = await keep(fakeX(X_KEYS, (s) => [...s].length));
  const post = (over: Partial<typeof X_SECRETS>, nonce?: () => string) =>
    refused(
      clientFor(X_ACCOUNT, { ...X_SECRETS, ...over }, { http, bases: { x: x.url }, now, nonce }).send(
        input({ image: undefined, composed: composed({ network: "x", text: "hello" }) }),
      ),
    );
  for (const wrong of [{ apiSecret: "app-secreT" }, { accessSecret: "other" }, { apiKey: "another-app" }, { accessToken: "2-token" }]) {
    const e = await post(wrong);
    assert.equal(e.status, 401, JSON.stringify(wrong));
    assert.equal(e.kind, "auth");
    assert.match(e.message, /^X post: HTTP 401 Unauthorized \(check that the secret/);
  }
  // A header signed for another address is refused: the fake recomputes the signature from the request it got.
  const forOther = oauth1Header(
    { method: "POST", url: `${x.url}/2/media/upload` },
    { consumerKey: "app-key", consumerSecret: "app-secret", token: "1-token", tokenSecret: "token-secret" },
    { nonce: "n1", timestamp: 1 },
  );
  const moved = await fetch(`${x.url}/2/tweets`, {
    method: "POST",
    headers: { Authorization: forOther, "Content-Type": "application/json" },
    body: JSON.stringify({ text: "hi" }),
  });
  assert.equal(moved.status, 401);
  assert.deepEqual(await moved.json(), { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" });
  const bearer = await fetch(`${x.url}/2/tweets`, {
    method: "POST",
    headers: { Authorization: "Bearer 1-token", "Content-Type": "application/json" },
    body: JSON.stringify({ text: "hi" }),
  });
  assert.equal(bearer.status, 401, "an OAuth 2.0 bearer token is not what this account was given");
  // The same nonce twice: the second request is a replay.
  assert.equal(x.posts.length, 0);
  await clientFor(X_ACCOUNT, X_SECRETS, { http, bases: { x: x.url }, now, nonce: () => "same" }).send(
    input({ image: undefined, composed: composed({ network: "x", text: "once" }) }),
  );
  assert.equal((await post({}, () => "same")).status, 401);
  assert.equal(x.posts.length, 1);
});

test("no answer: a connection refused never left (pending); a dropped answer may have posted (unsure)", async () => {
  const m = await keep(fakeMastodon({ t: "a" }));
  const account: Account = { network: "mastodon", instance: m.url, account: "@a@b.example", token: "T" };
  m.loseNextAnswer();
  const dropped = await refused(clientFor(account, { token: "t" }, { http, bases: {}, now }).send(input({ image: undefined })));
  assert.equal(dropped.kind, "down");
  assert.equal(dropped.unsure, true);
  assert.equal(m.posts.length, 1);
  // A port nothing listens on: one a server just had, then closed.
  const gone = createServer();
  await new Promise<void>((r) => gone.listen(0, "127.0.0.1", r));
  const port = (gone.address() as AddressInfo).port;
  await new Promise((r) => gone.close(r));
  const closed = { ...account, instance: `http://127.0.0.1:${port}` };
  const never = await refused(clientFor(closed, { token: "t" }, { http, bases: {}, now }).send(input({ image: undefined })));
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
