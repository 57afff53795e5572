// Mastodon (docs.joinmastodon.org/methods/media, /methods/statuses): the image with its
// description through POST /api/v2/media (202 while the server still processes it), then
// POST /api/v1/statuses with an Idempotency-Key: the server keeps the key for an hour and
// answers a repeat with the status already made, so a retry never posts twice.
import { bearer, call, imageBlob, SendError, type Http, type NetworkClient } from "../http.ts";

/** How long Mastodon remembers an Idempotency-Key: a send older than this is not retried blindly. */
export const MASTODON_KEY_TTL_MS = 60 * 60 * 1000;

export function mastodonClient(opts: { instance: string; token: string; http: Http }): NetworkClient {
  const base = opts.instance.replace(/\/+$/, "");
  const auth = bearer(opts.token);
  return {
    async send({ composed, image, lang, key }) {
      const mediaIds: string[] = [];
      if (image) {
        const form = new FormData();
        form.set("file", imageBlob(image), image.name);
        form.set("description", image.alt);
        const media = await call(opts.http, "Mastodon image upload", `${base}/api/v2/media`, { method: "POST", headers: auth, body: form });
        const id = String(media.json.id);
        // 202: accepted, still being processed; a status cannot use it until it has a url.
        let ready = media.status === 200 || media.json.url != null;
        for (let i = 0; !ready && i < 10; i++) {
          await opts.http.sleep(1000);
          const check = await call(opts.http, "Mastodon image check", `${base}/api/v1/media/${encodeURIComponent(id)}`, { headers: auth });
          ready = check.status === 200 && check.json.url != null;
        }
        if (!ready) throw new SendError("down", "Mastodon image upload: the server was still processing the image after 10 s");
        mediaIds.push(id);
      }
      const status = await call(
        opts.http,
        "Mastodon post",
        `${base}/api/v1/statuses`,
        {
          method: "POST",
          headers: { ...auth, "Content-Type": "application/json", "Idempotency-Key": key },
          body: JSON.stringify({ status: composed.text, media_ids: mediaIds, visibility: "public", language: lang }),
        },
        true,
      );
      return { id: String(status.json.id), url: typeof status.json.url === "string" ? status.json.url : undefined };
    },
  };
}
