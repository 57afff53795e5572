// Reading a form service's export for `npm run comments:import` (comments.ts plans the
// files): CSV (RFC 4180) or JSON (a list, or Netlify's { data, created_at }) in, one
// submission per row or entry out, and the dates form services write.
//
// Privacy: only the name, comment, post, date, language and reply are read (pick);
// email addresses, IP addresses and browser details are dropped here.
import { DateTime } from "luxon";

/** The columns (or JSON fields) read, by their normalised name: lowercase letters and digits only. */
const COLUMNS = {
  // Google Forms names columns after their questions: "Your name", "Which post are you commenting on?".
  author: ["name", "author", "yourname", "fullname"],
  body: ["comment", "body", "message", "text", "yourcomment", "comments"],
  post: ["post", "postslug", "slug", "postkey", "whichpost", "whichpostareyoucommentingon", "postaddress", "page"],
  date: ["createdat", "date", "submittedat", "timestamp", "created", "submissiondate"],
  replyTo: ["replyto", "inreplyto"],
  lang: ["lang", "language"],
  honeypot: ["website", "botfield", "honeypot"],
} as const;

type Field = keyof typeof COLUMNS;

export interface Submission {
  /** Where it was in the export, for the report: "row 3" (CSV) or "entry 2" (JSON). */
  where: string;
  fields: Partial<Record<Field, string>>;
}

export class ImportError extends Error {}

/** Only the fields we use; everything else (email, ip, user agent) is dropped here. */
function pick(record: Record<string, unknown>): Partial<Record<Field, string>> {
  const byName = new Map<string, string>();
  for (const [key, value] of Object.entries(record)) {
    // A CSV cell or JSON value: text, a number or true/false; nothing else is a field.
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") continue;
    byName.set(key.toLowerCase().replace(/[^a-z0-9]/g, ""), String(value));
  }
  const out: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(COLUMNS) as Field[]) {
    for (const name of COLUMNS[field]) {
      const v = byName.get(name);
      if (v !== undefined && v.trim() !== "") {
        out[field] = v;
        break;
      }
    }
  }
  return out;
}

/** RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new ImportError("the CSV file ends inside a quoted field (a missing closing quote)");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

export function parseSubmissions(text: string, format: "json" | "csv"): Submission[] {
  if (format === "csv") {
    const [header, ...rows] = parseCsv(text);
    if (!header) return [];
    return rows.map((cells, i) => ({ where: `row ${i + 2}`, fields: pick(Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ""]))) }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`not valid JSON: ${(err as Error).message}`);
  }
  // A plain list, or { submissions: [...] }; each item either flat or Netlify's { data: {...}, created_at }.
  const list = Array.isArray(data) ? data : (data as { submissions?: unknown })?.submissions;
  if (!Array.isArray(list)) throw new ImportError('expected a JSON list of submissions (or { "submissions": [...] })');
  return list.map((item, i) => {
    const record = (item ?? {}) as Record<string, unknown>;
    const nested = record.data && typeof record.data === "object" ? (record.data as Record<string, unknown>) : undefined;
    const fields = nested ? { ...pick(nested), ...pickDate(record, nested) } : pick(record);
    return { where: `entry ${i + 1}`, fields };
  });
}

function pickDate(record: Record<string, unknown>, nested: Record<string, unknown>): Partial<Record<Field, string>> {
  const date = pick(nested).date ?? pick(record).date;
  return date ? { date } : {};
}

/** ISO with or without offset, "2026-02-04 17:30:12 UTC", RFC 2822 or HTTP dates; no offset: the practice's zone. */
export function parseDate(value: string | undefined, zone: string): DateTime | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const sql = v.replace(/\s+UTC$/i, "Z").replace(/Z$/, "");
  const tries = [
    DateTime.fromISO(v, { zone, setZone: false }),
    DateTime.fromSQL(sql, { zone: /\s+UTC$|Z$/i.test(v) ? "utc" : zone }),
    DateTime.fromRFC2822(v),
    DateTime.fromHTTP(v),
    // Google Forms' "Timestamp" (11/20/2026 15:04:05): month first, unless the first number cannot be a month.
    ...["M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm"].map((f) => DateTime.fromFormat(v, f, { zone })),
  ];
  const dt = tries.find((d) => d.isValid);
  return dt?.setZone(zone).startOf("second");
}
