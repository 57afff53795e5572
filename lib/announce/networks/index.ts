// The client for one configured account, given its secret from the environment.
import type { Account } from "../../schema/announce.ts";
import type { Http, NetworkClient } from "../http.ts";
import { blueskyClient } from "./bluesky.ts";
import { facebookClient } from "./facebook.ts";
import { mastodonClient } from "./mastodon.ts";
import { xClient } from "./x.ts";

/** API addresses other than the networks' own (the tests' local servers). Mastodon's and Bluesky's come from practice.yaml. */
export interface ApiBases {
  facebook?: string;
  x?: string;
  bluesky?: string;
}

/** What each secret is for → the name of the environment variable that holds it (X needs four). */
export function secretsOf(account: Account): Record<string, string> {
  switch (account.network) {
    case "bluesky":
      return { password: account.password };
    case "x":
      return { apiKey: account.apiKey, apiSecret: account.apiSecret, accessToken: account.accessToken, accessSecret: account.accessSecret };
    default:
      return { token: account.token };
  }
}

/** `secrets`: the values of secretsOf(account), by the same keys. */
export function clientFor(
  account: Account,
  secrets: Readonly<Record<string, string>>,
  ctx: { http: Http; bases: ApiBases; now: () => Date; nonce?: () => string },
): NetworkClient {
  const get = (what: string) => secrets[what] ?? "";
  switch (account.network) {
    case "mastodon":
      return mastodonClient({ instance: account.instance, token: get("token"), http: ctx.http });
    case "bluesky":
      return blueskyClient({
        service: ctx.bases.bluesky ?? account.service,
        handle: account.account,
        password: get("password"),
        http: ctx.http,
        now: ctx.now,
      });
    case "facebook":
      return facebookClient({ base: ctx.bases.facebook, page: account.page, token: get("token"), http: ctx.http });
    case "x": {
      const credentials = {
        consumerKey: get("apiKey"),
        consumerSecret: get("apiSecret"),
        token: get("accessToken"),
        tokenSecret: get("accessSecret"),
      };
      return xClient({ base: ctx.bases.x, handle: account.account, credentials, http: ctx.http, now: ctx.now, nonce: ctx.nonce });
    }
  }
}
