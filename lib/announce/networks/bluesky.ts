// Bluesky (docs.bsky.app: com.atproto.server.createSession, com.atproto.repo.uploadBlob,
// com.atproto.repo.createRecord): an app password opens a session; the image is uploaded as
// a blob and embedded with its alt text; the link is a facet (UTF-8 byte offsets, from
// lib/announce/text.ts). The record key is fixed at the first attempt (a TID made from its
// time), so a retry asks getRecord first and finds the post instead of making a second one.
import { bearer, call, SendError, type Http, type NetworkClient, type Sent } from "../http.ts";

export const BLUESKY_SERVICE = "https://bsky.social";
/** Bluesky refuses images over 1,000,000 bytes. */
export const BLUESKY_MAX_IMAGE = 1_000_000;

const S32 = "234567abcdefghijklmnopqrstuvwxyz";

/** A TID (the record key form app.bsky.feed.post uses): 53 bits of microseconds, 10 bits of clock id, base32-sortable. */
export function tid(microseconds: bigint, clockId: number): string {
  let n = (microseconds << 10n) | BigInt(clockId & 1023);
  let out = "";
  for (let i = 0; i < 13; i++) {
    out = S32[Number(n & 31n)]! + out;
    n >>= 5n;
  }
  return out;
}

interface Session {
  did: string;
  accessJwt: string;
}

export function blueskyClient(opts: { service?: string; handle: string; password: string; http: Http; now: () => Date }): NetworkClient {
  const base = (opts.service ?? BLUESKY_SERVICE).replace(/\/+$/, "");
  const handle = opts.handle.replace(/^@/, "");
  let session: Promise<Session> | undefined;
  const login = () =>
    (session ??= call(opts.http, "Bluesky sign-in", `${base}/xrpc/com.atproto.server.createSession`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ identifier: handle, password: opts.password }),
    }).then((r) => ({ did: String(r.json.did), accessJwt: String(r.json.accessJwt) })));
  const postUrl = (rkey: string) => `https://bsky.app/profile/${handle}/post/${rkey}`;

  return {
    async find(rkey): Promise<Sent | undefined> {
      const s = await login();
      const q = new URLSearchParams({ repo: s.did, collection: "app.bsky.feed.post", rkey });
      try {
        const r = await call(opts.http, "Bluesky check", `${base}/xrpc/com.atproto.repo.getRecord?${q}`, { headers: bearer(s.accessJwt) });
        return { id: String(r.json.uri), url: postUrl(rkey) };
      } catch (err) {
        if (err instanceof SendError && err.code === "RecordNotFound") return undefined;
        throw err;
      }
    },
    async send({ composed, image, lang, key }) {
      const s = await login();
      const auth = bearer(s.accessJwt);
      let embed: Record<string, unknown> | undefined;
      if (image && image.data.byteLength <= BLUESKY_MAX_IMAGE) {
        const up = await call(opts.http, "Bluesky image upload", `${base}/xrpc/com.atproto.repo.uploadBlob`, {
          method: "POST",
          headers: { ...auth, "Content-Type": image.type },
          body: image.data,
        });
        embed = {
          $type: "app.bsky.embed.images",
          images: [{ alt: image.alt, image: up.json.blob, aspectRatio: { width: image.width, height: image.height } }],
        };
      }
      const record = {
        $type: "app.bsky.feed.post",
        text: composed.text,
        createdAt: opts.now().toISOString(),
        langs: [lang],
        ...(composed.facets && { facets: composed.facets }),
        ...(embed && { embed }),
      };
      const r = await call(
        opts.http,
        "Bluesky post",
        `${base}/xrpc/com.atproto.repo.createRecord`,
        {
          method: "POST",
          headers: { ...auth, "Content-Type": "application/json" },
          body: JSON.stringify({ repo: s.did, collection: "app.bsky.feed.post", rkey: key, record }),
        },
        true,
      );
      return { id: String(r.json.uri), url: postUrl(key) };
    },
  };
}
