// A Facebook Page (developers.facebook.com/docs/pages-api/posts): POST /{page-id}/feed with
// the message, the link and the Page access token. Facebook shows the link as a card with the
// page's Open Graph image and its og:image:alt, so no photo is uploaded. The Graph API says
// "token refused" as HTTP 400 with error code 190, and "too many calls" with 4, 17, 32 or 613.
import { call, SendError, type Http, type NetworkClient } from "../http.ts";

export const FACEBOOK_GRAPH = "https://graph.facebook.com/v24.0";
const RATE_CODES = new Set(["4", "17", "32", "613"]);

export function facebookClient(opts: { base?: string; page: string; token: string; http: Http }): NetworkClient {
  const base = (opts.base ?? FACEBOOK_GRAPH).replace(/\/+$/, "");
  return {
    async send({ composed }) {
      // The token goes in the body, never in the address (addresses end up in logs).
      const body = new URLSearchParams({ message: composed.text, link: composed.link, access_token: opts.token });
      try {
        const r = await call(opts.http, "Facebook post", `${base}/${encodeURIComponent(opts.page)}/feed`, { method: "POST", body }, true);
        const id = String(r.json.id);
        return { id, url: `https://www.facebook.com/${id}` };
      } catch (err) {
        if (err instanceof SendError && err.code === "190")
          throw new SendError("auth", `${err.message} (the Page access token was refused: make a new one)`, err.status, err.code);
        if (err instanceof SendError && err.code && RATE_CODES.has(err.code))
          throw new SendError("rate", err.message, err.status, err.code);
        throw err;
      }
    },
  };
}
