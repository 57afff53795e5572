// practice.yaml as the pages use it: per-language text resolved for one language, and the
// facts worked out from it (today's hours, closures ahead, the open status, the forms).
// lib/model/model.ts re-exports these with the rest of the model.
import type { DateTime } from "luxon";
import type { Practice, Weekday } from "../schema/practice.ts";

type Primitive = string | number | boolean | undefined | null;
/** A practice.yaml type with every per-language text turned into plain text. */
export type Resolved<T> = T extends Primitive
  ? T
  : T extends readonly (infer U)[]
    ? Resolved<StripLocal<U>>[]
    : { [K in keyof T]: Resolved<StripLocal<T[K]>> };
type StripLocal<V> = V extends Record<string, string> ? (string extends keyof V ? never : V) : V;

/** A form on the forms page: a file in the site (local) or a web address (lib/content/forms.ts). */
export interface FormLink {
  title: string;
  /** A site path (local file, unprefixed) or a web address. */
  href: string;
  local: boolean;
  type?: string;
  bytes?: number;
}

/** practice.yaml with per-language text resolved for one language. */
export type PracticeText = Resolved<Practice>;
export type LocationText = PracticeText["locations"][number];
export type ClosureText = NonNullable<PracticeText["closures"]>[number];

export interface DayHours {
  location: LocationText;
  intervals: readonly string[];
}

export interface Today {
  weekday: Weekday;
  date: DateTime;
  hours: readonly DayHours[];
}

/** A closure still to come, with its dates worked out in the practice's zone (lib/model/hours.ts). */
export interface ClosureAhead extends ClosureText {
  fromDate: DateTime;
  /** Only when the closure spans more than one day. */
  untilDate?: DateTime;
  /** The moment it is over (the day after its last day): live.js hides it then. */
  hideAfter: string;
  /** The locations it applies to, by name; none: all of them. */
  locationNames?: string;
}

/** "Open now · closes at 5:00 PM" as built, and the data live.js refreshes it from (JSON). */
export interface OpenNow {
  open: boolean;
  text: string;
  data: string;
}
