// Local stand-ins for the four networks' HTTP APIs, following their documented requests
// and answers: endpoints, auth headers, payload shapes, media upload, Bluesky facets and
// record keys, error bodies. Each refuses what the real one refuses (a wrong token, a post
// over the length limit, a facet off the text's bytes) and keeps what was posted, so tests
// can count posts per account. Failures can be switched on: an HTTP status for the next
// requests, or "answer lost" (the post is made, then the connection is dropped).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, timingSafeEqual } from "node:crypto";

export interface Posted {
  /** Which account: the token (or the Bluesky handle) it was sent with. */
  account: string;
  text: string;
  body: Record<string, unknown>;
  /** The uploaded image's bytes and description, when one was attached. */
  image?: { bytes: number; type: string; alt: string };
}

export interface Fake {
  url: string;
  posts: Posted[];
  /** Every request, as "METHOD /path". */
  log: string[];
  /** The next `count` requests (all when count is Infinity) answer this status, with the network's error body. */
  fail(status: number, count?: number): void;
  /** The next post is made, then the connection is dropped before the answer. */
  loseNextAnswer(): void;
  /** Milliseconds each post takes (to overlap two runs). */
  delay: number;
  /** Forgets every post, request, failure and remembered key, as a fresh server. */
  reset(): void;
  close(): Promise<void>;
}

interface Req {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

type Reply = { status: number; json: unknown } | "drop";
type Handler = (req: Req, fake: Fake) => Promise<Reply> | Reply;

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
export const graphemeCount = (s: string) => [...segmenter.segment(s)].length;

async function start(handler: Handler, errorBody: (status: number) => unknown, forget: () => void = () => undefined): Promise<Fake> {
  let failing: { status: number; count: number } | undefined;
  let lose = false;
  const fake: Fake = {
    url: "",
    posts: [],
    log: [],
    delay: 0,
    fail: (status, count = Infinity) => void (failing = { status, count }),
    loseNextAnswer: () => void (lose = true),
    reset() {
      fake.posts.length = 0;
      fake.log.length = 0;
      fake.delay = 0;
      failing = undefined;
      lose = false;
      forget();
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://x");
    fake.log.push(`${req.method} ${url.pathname}`);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (failing && failing.count > 0) {
      failing.count--;
      return send(failing.status, errorBody(failing.status));
    }
    try {
      const before = fake.posts.length;
      const reply = await handler(
        { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks) },
        fake,
      );
      if (fake.posts.length > before && fake.delay) await new Promise((r) => setTimeout(r, fake.delay));
      if (reply === "drop" || (lose && fake.posts.length > before)) {
        lose = false;
        res.socket?.destroy();
        return;
      }
      send(reply.status, reply.json);
    } catch (err) {
      send(500, { error: String(err) });
    }
  };
  // A request the client abandons mid-body ends its socket here, never the test process.
  const server: Server = createServer((req, res) => void answer(req, res).catch(() => res.destroy()));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** Reads a multipart/form-data body as the platform does. */
async function formOf(req: Req): Promise<FormData> {
  return new Request("http://x/", {
    method: "POST",
    headers: { "content-type": String(req.headers["content-type"]) },
    body: new Uint8Array(req.body),
  }).formData();
}

const bearer = (req: Req) => /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
const json = (req: Req) => JSON.parse(req.body.toString("utf8")) as Record<string, unknown>;
/** A field the network reads as text: anything else counts as empty. */
const str = (v: unknown): string => (typeof v === "string" ? v : "");

export interface MastodonFake extends Fake {
  /**
   * true (as after reset): an upload is processed in the background (202, then ready on the
   * second check), as on a busy server. false: processed at once (200 with its url), as
   * Mastodon answers for a small image; the client then never waits between checks, which
   * matters to a test that runs `npm run announce` as a process (its waits are a real second).
   */
  background: boolean;
}

/** Mastodon: tokens → account names. Statuses count graphemes, each http(s) link as 23; 500 at most. */
export async function fakeMastodon(tokens: Record<string, string>): Promise<MastodonFake> {
  const media = new Map<string, { bytes: number; type: string; alt: string; checks: number }>();
  const byKey = new Map<string, { status: number; json: unknown }>();
  let next = 1;
  let background = true;
  const server = await start(
    async (req, fake) => {
      const token = bearer(req);
      const account = token && tokens[token];
      if (!account) return { status: 401, json: { error: "The access token is invalid" } };
      if (req.method === "POST" && req.path === "/api/v2/media") {
        const form = await formOf(req);
        const file = form.get("file");
        if (!(file instanceof Blob)) return { status: 422, json: { error: "Validation failed: File can't be blank" } };
        const id = String(next++);
        media.set(id, { bytes: file.size, type: file.type, alt: str(form.get("description")), checks: background ? 0 : 2 });
        // Processed in the background: 202 and no url yet. Processed at once: 200 and its url.
        if (!background)
          return { status: 200, json: { id, type: "image", url: `${fake.url}/media/${id}.jpg`, description: form.get("description") } };
        return { status: 202, json: { id, type: "image", url: null, description: form.get("description") } };
      }
      const m = /^\/api\/v1\/media\/(\d+)$/.exec(req.path);
      if (req.method === "GET" && m) {
        const item = media.get(m[1]!);
        if (!item) return { status: 404, json: { error: "Record not found" } };
        item.checks++;
        return item.checks < 2
          ? { status: 206, json: { id: m[1], url: null } }
          : { status: 200, json: { id: m[1], url: `${fake.url}/media/${m[1]}.jpg` } };
      }
      if (req.method === "POST" && req.path === "/api/v1/statuses") {
        const key = String(req.headers["idempotency-key"] ?? "");
        const seen = key && byKey.get(`${account}\0${key}`);
        if (seen) return seen;
        const body = json(req);
        const text = str(body.status);
        const length = graphemeCount(text.replace(/https?:\/\/\S+/g, "x".repeat(23)));
        if (length > 500) return { status: 422, json: { error: "Validation failed: Text character limit of 500 exceeded" } };
        const ids = (body.media_ids as string[] | undefined) ?? [];
        const images = ids.map((id) => media.get(id));
        if (images.some((i) => !i || i.checks < 2))
          return { status: 422, json: { error: "Cannot attach files that have not finished processing. Try again in a moment!" } };
        const id = String(next++);
        const image = images[0] && { bytes: images[0].bytes, type: images[0].type, alt: images[0].alt };
        fake.posts.push({ account, text, body, ...(image && { image }) });
        const reply = {
          status: 200,
          json: { id, url: `${fake.url}/@${account}/${id}`, content: text, language: body.language, visibility: body.visibility },
        };
        if (key) byKey.set(`${account}\0${key}`, reply);
        return reply;
      }
      return { status: 404, json: { error: "Record not found" } };
    },
    (status) => ({ error: status === 401 ? "The access token is invalid" : status === 429 ? "Too many requests" : "Something went wrong" }),
    () => {
      byKey.clear();
      background = true;
    },
  );
  return Object.defineProperty(server, "background", {
    get: () => background,
    set: (on: boolean) => void (background = on),
    enumerable: true,
  }) as MastodonFake;
}

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/** Bluesky: handles → app passwords. Posts: 300 graphemes, 3000 bytes, facets on the UTF-8 bytes of the text. */
export function fakeBluesky(passwords: Record<string, string>): Promise<Fake> {
  const sessions = new Map<string, string>(); // jwt → handle
  const blobs = new Map<string, { bytes: number; type: string }>();
  const records = new Map<string, { uri: string; cid: string }>();
  let next = 1;
  const did = (handle: string) => `did:plc:${handle.replace(/[^a-z0-9]/g, "")}`;
  return start(
    (req, fake) => {
      if (req.method === "POST" && req.path === "/xrpc/com.atproto.server.createSession") {
        const { identifier, password } = json(req) as { identifier: string; password: string };
        if (passwords[identifier] === undefined || passwords[identifier] !== password)
          return { status: 401, json: { error: "AuthenticationRequired", message: "Invalid identifier or password" } };
        const jwt = `jwt-${next++}`;
        sessions.set(jwt, identifier);
        return { status: 200, json: { accessJwt: jwt, refreshJwt: `r${jwt}`, handle: identifier, did: did(identifier) } };
      }
      const handle = sessions.get(bearer(req) ?? "");
      if (!handle) return { status: 401, json: { error: "AuthenticationRequired", message: "Authentication Required" } };
      if (req.method === "POST" && req.path === "/xrpc/com.atproto.repo.uploadBlob") {
        const type = String(req.headers["content-type"] ?? "");
        if (!type.startsWith("image/")) return { status: 400, json: { error: "InvalidRequest", message: "expected an image" } };
        if (req.body.length > 1_000_000) return { status: 400, json: { error: "BlobTooLarge", message: "This file is too large" } };
        const link = `bafkrei${next++}`;
        blobs.set(link, { bytes: req.body.length, type });
        return { status: 200, json: { blob: { $type: "blob", ref: { $link: link }, mimeType: type, size: req.body.length } } };
      }
      if (req.method === "GET" && req.path === "/xrpc/com.atproto.repo.getRecord") {
        const found = records.get(`${req.query.get("repo")}/${req.query.get("collection")}/${req.query.get("rkey")}`);
        return found
          ? { status: 200, json: { ...found, value: {} } }
          : { status: 400, json: { error: "RecordNotFound", message: "Could not locate record" } };
      }
      if (req.method === "POST" && req.path === "/xrpc/com.atproto.repo.createRecord") {
        const body = json(req) as { repo: string; collection: string; rkey?: string; record: Record<string, unknown> };
        const bad = (message: string) => ({ status: 400, json: { error: "InvalidRequest", message } });
        if (body.repo !== did(handle)) return bad("repo does not match the session");
        if (body.collection !== "app.bsky.feed.post" || body.record.$type !== "app.bsky.feed.post")
          return bad("expected app.bsky.feed.post");
        if (body.rkey !== undefined && !TID.test(body.rkey)) return bad("Invalid record key: expected a TID");
        const text = str(body.record.text);
        if (graphemeCount(text) > 300 || Buffer.byteLength(text) > 3000)
          return bad("Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes");
        if (Number.isNaN(Date.parse(String(body.record.createdAt)))) return bad("Record/createdAt must be a datetime");
        const bytes = Buffer.from(text);
        for (const f of (body.record.facets as
          { index: { byteStart: number; byteEnd: number }; features: { $type: string; uri?: string }[] }[] | undefined) ?? []) {
          if (!(f.index.byteStart >= 0 && f.index.byteEnd > f.index.byteStart && f.index.byteEnd <= bytes.length))
            return bad("facet outside the text");
          for (const feat of f.features)
            if (feat.$type !== "app.bsky.richtext.facet#link" || !URL.canParse(feat.uri ?? ""))
              return bad("facet feature: expected a link with a uri");
        }
        const embed = body.record.embed as { $type: string; images?: { alt?: string; image: { ref: { $link: string } } }[] } | undefined;
        let image: Posted["image"];
        if (embed) {
          if (embed.$type !== "app.bsky.embed.images" || !embed.images?.length) return bad("expected an images embed");
          const first = embed.images[0]!;
          const blob = blobs.get(first.image?.ref?.$link);
          if (!blob || typeof first.alt !== "string") return bad("embed image: unknown blob or no alt");
          image = { ...blob, alt: first.alt };
        }
        const key = `${body.repo}/${body.collection}/${body.rkey ?? `auto${next}`}`;
        if (records.has(key)) return bad("Record already exists");
        const made = { uri: `at://${key}`, cid: `bafyrei${next++}` };
        records.set(key, made);
        fake.posts.push({ account: handle, text, body: body.record, ...(image && { image }) });
        return { status: 200, json: made };
      }
      return { status: 404, json: { error: "MethodNotImplemented", message: "Method Not Implemented" } };
    },
    (status) => ({
      error: status === 401 ? "ExpiredToken" : status === 429 ? "RateLimitExceeded" : "InternalServerError",
      message: `HTTP ${status}`,
    }),
    () => records.clear(),
  );
}

/** A Facebook Page's Graph API: page id → Page access token. */
export function fakeFacebook(pages: Record<string, string>): Promise<Fake> {
  let next = 1;
  const oauth = (message: string) => ({ status: 400, json: { error: { message, type: "OAuthException", code: 190, fbtrace_id: "Ax1" } } });
  return start(
    (req, fake) => {
      const m = /^\/v\d+\.\d+\/(\d+)\/feed$/.exec(req.path);
      if (req.method !== "POST" || !m)
        return { status: 400, json: { error: { message: "Unsupported post request.", type: "GraphMethodException", code: 100 } } };
      if (String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded") === false)
        return { status: 400, json: { error: { message: "expected a form body", code: 100 } } };
      const form = new URLSearchParams(req.body.toString("utf8"));
      if (req.query.has("access_token"))
        return { status: 400, json: { error: { message: "the test expects the token in the body, not the address", code: 100 } } };
      if (pages[m[1]!] === undefined || form.get("access_token") !== pages[m[1]!])
        return oauth("Invalid OAuth access token - Cannot parse access token");
      const link = form.get("link");
      if (!form.get("message") && !link)
        return { status: 400, json: { error: { message: "(#100) Missing message or attachment", code: 100 } } };
      const id = `${m[1]}_${next++}`;
      fake.posts.push({
        account: m[1]!,
        text: form.get("message") ?? "",
        body: Object.fromEntries([...form].filter(([k]) => k !== "access_token")),
      });
      return { status: 200, json: { id } };
    },
    (status) =>
      status === 429
        ? { error: { message: "(#4) Application request limit reached", type: "OAuthException", code: 4, fbtrace_id: "Ax2" } }
        : {
            error: {
              message:
                status === 401 ? "Invalid OAuth access token." : "An unexpected error has occurred. Please retry your request later.",
              type: "OAuthException",
              code: status === 401 ? 190 : 2,
              fbtrace_id: "Ax3",
            },
          },
  );
}

/** X's app keys and, per Access Token, its secret and the account's handle. */
export interface XKeys {
  apiKey: string;
  apiSecret: string;
  accounts: Record<string, { secret: string; handle: string }>;
}

// RFC 3986 as OAuth uses it, written again here (not imported from lib/announce/oauth1.ts) so that
// the stand-in checks the client's signature against its own reading of the rule, as X does.
const rfc3986 = (s: string) =>
  [...Buffer.from(s, "utf8")]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");

/**
 * Checks an OAuth 1.0a (HMAC-SHA1) Authorization header as X does: recomputes the signature
 * from the raw request (method, address as the client reached it, query, a form body's
 * fields, the oauth_* fields but the signature) with the secrets it knows. The account's
 * handle when it matches.
 */
function oauth1Account(req: Req, keys: XKeys, nonces: Set<string>): string | undefined {
  const header = String(req.headers.authorization ?? "");
  if (!header.startsWith("OAuth ")) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(6).split(",")) {
    const m = /^\s*([^=\s]+)="([^"]*)"\s*$/.exec(part);
    if (!m) return undefined;
    try {
      fields.set(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
    } catch {
      return undefined; // a broken %-escape: X answers 401, not 500
    }
  }
  const account = keys.accounts[fields.get("oauth_token") ?? ""];
  const given = fields.get("oauth_signature");
  const nonce = fields.get("oauth_nonce") ?? "";
  if (!account || !given || fields.get("oauth_consumer_key") !== keys.apiKey || fields.get("oauth_signature_method") !== "HMAC-SHA1")
    return undefined;
  if (!/^\d+$/.test(fields.get("oauth_timestamp") ?? "") || !nonce || nonces.has(nonce)) return undefined;
  const params: [string, string][] = [...fields].filter(([k]) => k !== "oauth_signature" && k !== "realm");
  params.push(...req.query);
  if (String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded"))
    params.push(...new URLSearchParams(req.body.toString("utf8")));
  const normalized = params
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a, x], [b, y]) => (a === b ? (x! < y! ? -1 : 1) : a! < b! ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const base = `${req.method.toUpperCase()}&${rfc3986(`http://${String(req.headers.host)}${req.path}`)}&${rfc3986(normalized)}`;
  const expected = createHmac("sha1", `${rfc3986(keys.apiSecret)}&${rfc3986(account.secret)}`)
    .update(base)
    .digest();
  const got = Buffer.from(given, "base64");
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return undefined;
  nonces.add(nonce);
  return account.handle;
}

/** X API v2, OAuth 1.0a user context. `weighted` measures a post as X does (280 at most). */
export function fakeX(keys: XKeys, weighted: (text: string) => number): Promise<Fake> {
  const media = new Map<string, { bytes: number; type: string; alt: string }>();
  const texts = new Set<string>();
  const nonces = new Set<string>();
  let next = 1000;
  const problem = (status: number, title: string, detail: string) => ({
    status,
    json: { title, detail, type: `https://api.twitter.com/2/problems/${title.toLowerCase().replace(/ /g, "-")}`, status },
  });
  // X's answer to a missing or wrong signature, as its docs show it.
  const unauthorized = { status: 401, json: { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" } };
  return start(
    async (req, fake) => {
      const account = oauth1Account(req, keys, nonces);
      if (!account) return unauthorized;
      if (req.method === "POST" && req.path === "/2/media/upload") {
        const form = await formOf(req);
        const file = form.get("media");
        if (!(file instanceof Blob) || form.get("media_category") !== "tweet_image")
          return problem(400, "Invalid Request", "expected media and media_category=tweet_image");
        const id = String(next++);
        media.set(id, { bytes: file.size, type: file.type, alt: "" });
        return { status: 200, json: { data: { id, media_key: `3_${id}`, size: file.size, expires_after_secs: 86400 } } };
      }
      if (req.method === "POST" && req.path === "/2/media/metadata") {
        const body = json(req) as { id: string; metadata?: { alt_text?: { text?: string } } };
        const item = media.get(body.id);
        const alt = body.metadata?.alt_text?.text;
        if (!item || typeof alt !== "string" || alt.length > 1000)
          return problem(400, "Invalid Request", "expected id and metadata.alt_text.text (1000 characters at most)");
        item.alt = alt;
        return { status: 200, json: { data: { id: body.id, associated_metadata: { alt_text: { text: alt } } } } };
      }
      if (req.method === "POST" && req.path === "/2/tweets") {
        const body = json(req) as { text: string; media?: { media_ids: string[] } };
        if (weighted(body.text) > 280) return problem(400, "Invalid Request", "Your Tweet text is too long.");
        if (texts.has(`${account}\0${body.text}`))
          return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
        const ids = body.media?.media_ids ?? [];
        if (ids.some((id) => !media.has(id))) return problem(400, "Invalid Request", "unknown media id");
        texts.add(`${account}\0${body.text}`);
        const id = String(next++);
        const image = ids[0] ? media.get(ids[0]) : undefined;
        fake.posts.push({ account, text: body.text, body, ...(image && { image }) });
        return { status: 201, json: { data: { id, text: body.text, edit_history_tweet_ids: [id] } } };
      }
      return problem(404, "Not Found Error", "no such endpoint");
    },
    (status) => {
      const title = status === 429 ? "Too Many Requests" : status === 401 ? "Unauthorized" : "Service Unavailable";
      return { title, detail: title, type: "about:blank", status };
    },
    () => {
      texts.clear();
      nonces.clear();
    },
  );
}
