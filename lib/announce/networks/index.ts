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

/** The name of the environment variable holding the account's secret. */
export function secretOf(account: Account): string {
  return account.network === "bluesky" ? account.password : account.token;
}

export function clientFor(account: Account, secret: string, ctx: { http: Http; bases: ApiBases; now: () => Date }): NetworkClient {
  switch (account.network) {
    case "mastodon":
      return mastodonClient({ instance: account.instance, token: secret, http: ctx.http });
    case "bluesky":
      return blueskyClient({ service: ctx.bases.bluesky ?? account.service, handle: account.account, password: secret, http: ctx.http, now: ctx.now });
    case "facebook":
      return facebookClient({ base: ctx.bases.facebook, page: account.page, token: secret, http: ctx.http });
    case "x":
      return xClient({ base: ctx.bases.x, handle: account.account, token: secret, http: ctx.http });
  }
}
