// Practice facts in text, without templates: `Call us at [[phone]]` shows the phone number
// from practice.yaml, so a new number is changed in one place. Data, never code: a fixed
// list of names, no expressions, and an unknown name stops the build with its line.
// Rendering only marks where each fact goes (the body's rendering is cached and shared
// by every practice setting); lib/content/facts.ts fills in the values, escaped.
import type { Plugin } from "./types.ts";

/** Every fact a body may name, with what it shows. */
export const FACTS = {
  name: "the practice's name",
  phone: "the main phone number, as a link that calls it",
  "after-hours-phone": "the after-hours line (afterHours.phone)",
  email: "the email address, as a link",
  address: "the first location's address; [[address:north]] names a location by its key",
  "hours-today":
    "whether the first location is open now and when it next opens or closes, kept current in the browser; [[hours-today:north]] names a location",
} as const;
export type FactName = keyof typeof FACTS;

export interface FactRef {
  name: FactName;
  /** A location key, for [[address:key]] and [[hours-today:key]]. */
  arg?: string;
  /** Line in the Markdown body, for messages. */
  line: number;
  /** Inside a link's text: the value is shown as text, never as a link of its own. */
  plain: boolean;
  marker: string;
}

export interface FactEnv {
  facts?: FactRef[];
  problems?: string[];
  embedMarker?: string;
}

const FACT_RE = /\[\[([^[\]\n]{0,60})\]\]/g;
const NAME_RE = /^\s*([a-z][a-z-]*)\s*(?::\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*)?$/;

/** Facts that may name a location by its key, [[address:north]]. */
const TAKES_LOCATION = new Set<string>(["address", "hours-today"]);

export const knownFacts = Object.keys(FACTS)
  .map((n) => `[[${n}]]`)
  .join(", ");

export const practiceFacts: Plugin = (md) => {
  md.core.ruler.push("practice_facts", (state) => {
    const env = state.env as FactEnv;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children?.some((c) => c.type === "text" && c.content.includes("[["))) continue;
      const out: typeof block.children = [];
      let line = (block.map?.[0] ?? 0) + 1;
      let inLink = 0;
      for (const child of block.children) {
        if (child.type === "softbreak" || child.type === "hardbreak") line++;
        if (child.type === "link_open") inLink++;
        if (child.type === "link_close") inLink--;
        if (child.type !== "text" || !child.content.includes("[[")) {
          out.push(child);
          continue;
        }
        let last = 0;
        for (const m of child.content.matchAll(FACT_RE)) {
          const parsed = NAME_RE.exec(m[1]!);
          const name = parsed?.[1];
          if (!name || !Object.hasOwn(FACTS, name) || (parsed[2] && !TAKES_LOCATION.has(name))) {
            (env.problems ??= []).push(`line ${line}: ${m[0].slice(0, 70)} is not a practice fact; use one of ${knownFacts}`);
            continue;
          }
          if (m.index > last) out.push(Object.assign(new state.Token("text", "", 0), { content: child.content.slice(last, m.index) }));
          const token = new state.Token("practice_fact", "", 0);
          token.meta = { name, arg: parsed[2], line, plain: inLink > 0 };
          out.push(token);
          last = m.index + m[0].length;
        }
        if (last < child.content.length) out.push(Object.assign(new state.Token("text", "", 0), { content: child.content.slice(last) }));
      }
      block.children = out;
    }
  });

  md.renderer.rules.practice_fact = (tokens, idx, _options, envAny) => {
    const env = envAny as FactEnv;
    const facts = (env.facts ??= []);
    const marker = `${env.embedMarker}fact${facts.length}x`;
    facts.push({ ...(tokens[idx]!.meta as Omit<FactRef, "marker">), marker });
    return marker;
  };
};
