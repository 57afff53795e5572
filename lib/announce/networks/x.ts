// X (docs.x.com, API v2): the image through POST /2/media/upload (media_category
// tweet_image), its alt text through POST /2/media/metadata, then POST /2/tweets, each with
// the account's OAuth 2.0 user access token (scopes tweet.write, media.write). X has no
// idempotency key; it refuses a post whose text repeats a recent one (403 "duplicate
// content"), which is read as "already posted".
import { bearer, call, imageBlob, SendError, type Http, type NetworkClient } from "../http.ts";

export const X_API = "https://api.x.com";

export function xClient(opts: { base?: string; handle: string; token: string; http: Http }): NetworkClient {
  const base = (opts.base ?? X_API).replace(/\/+$/, "");
  const auth = bearer(opts.token);
  const handle = opts.handle.replace(/^@/, "");
  return {
    async send({ composed, image }) {
      const mediaIds: string[] = [];
      if (image) {
        const form = new FormData();
        form.set("media", imageBlob(image), image.name);
        form.set("media_category", "tweet_image");
        const up = await call(opts.http, "X image upload", `${base}/2/media/upload`, { method: "POST", headers: auth, body: form });
        const id = String((up.json.data as { id?: string } | undefined)?.id);
        await call(opts.http, "X image description", `${base}/2/media/metadata`, {
          method: "POST",
          headers: { ...auth, "Content-Type": "application/json" },
          body: JSON.stringify({ id, metadata: { alt_text: { text: image.alt.slice(0, 1000) } } }),
        });
        mediaIds.push(id);
      }
      try {
        const r = await call(opts.http, "X post", `${base}/2/tweets`, {
          method: "POST",
          headers: { ...auth, "Content-Type": "application/json" },
          body: JSON.stringify({ text: composed.text, ...(mediaIds.length && { media: { media_ids: mediaIds } }) }),
        }, true);
        const id = String((r.json.data as { id?: string } | undefined)?.id);
        return { id, url: `https://x.com/${handle}/status/${id}` };
      } catch (err) {
        if (err instanceof SendError && err.status === 403 && /duplicate/i.test(err.message)) return { id: "", note: "X says this text was already posted (duplicate content)" };
        throw err;
      }
    },
  };
}
