// X (docs.x.com, API v2): the image through POST /2/media/upload (media_category
// tweet_image), its alt text through POST /2/media/metadata, then POST /2/tweets. Each
// request is signed with OAuth 1.0a user context (the app's API Key and Secret, the
// account's Access Token and Secret; ./oauth1.ts): these keys do not expire, where an
// OAuth 2.0 user token lasts two hours and the nightly run would be refused from then on.
// The bodies are multipart or JSON, so only the oauth_* parameters are signed. X has no
// idempotency key; it refuses a post whose text repeats a recent one (403 "duplicate
// content"), which is read as "already posted".
import { call, imageBlob, SendError, type Http, type NetworkClient } from "../http.ts";
import { newNonce, oauth1Header, type OAuth1Credentials } from "../oauth1.ts";

export const X_API = "https://api.x.com";

export function xClient(opts: {
  base?: string;
  handle: string;
  credentials: OAuth1Credentials;
  http: Http;
  now: () => Date;
  nonce?: () => string;
}): NetworkClient {
  const base = (opts.base ?? X_API).replace(/\/+$/, "");
  const handle = opts.handle.replace(/^@/, "");
  const auth = (url: string): Record<string, string> => ({
    Authorization: oauth1Header({ method: "POST", url }, opts.credentials, {
      nonce: (opts.nonce ?? newNonce)(),
      timestamp: Math.floor(opts.now().getTime() / 1000),
    }),
  });
  return {
    async send({ composed, image }) {
      const mediaIds: string[] = [];
      if (image) {
        const form = new FormData();
        form.set("media", imageBlob(image), image.name);
        form.set("media_category", "tweet_image");
        const upload = `${base}/2/media/upload`;
        const up = await call(opts.http, "X image upload", upload, { method: "POST", headers: auth(upload), body: form });
        const id = String((up.json.data as { id?: string } | undefined)?.id);
        const metadata = `${base}/2/media/metadata`;
        await call(opts.http, "X image description", metadata, {
          method: "POST",
          headers: { ...auth(metadata), "Content-Type": "application/json" },
          body: JSON.stringify({ id, metadata: { alt_text: { text: image.alt.slice(0, 1000) } } }),
        });
        mediaIds.push(id);
      }
      try {
        const tweets = `${base}/2/tweets`;
        const r = await call(
          opts.http,
          "X post",
          tweets,
          {
            method: "POST",
            headers: { ...auth(tweets), "Content-Type": "application/json" },
            body: JSON.stringify({ text: composed.text, ...(mediaIds.length && { media: { media_ids: mediaIds } }) }),
          },
          true,
        );
        const id = String((r.json.data as { id?: string } | undefined)?.id);
        return { id, url: `https://x.com/${handle}/status/${id}` };
      } catch (err) {
        if (err instanceof SendError && err.status === 403 && /duplicate/i.test(err.message))
          return { id: "", note: "X says this text was already posted (duplicate content)" };
        throw err;
      }
    },
  };
}
