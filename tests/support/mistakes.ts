// Real mistakes staff make in a post's front matter and body, each with the exact message
// the build and `npm run check` give, or what is fixed without a word. One table feeds
// tests/unit/mistakes.test.ts and docs/staff/messages.md, so the page staff read cannot
// drift from what they will see.

export interface Mistake {
  /** What happened, in staff's words: the heading in docs/staff/messages.md. */
  title: string;
  /** The front matter lines between the two --- lines. */
  front: string[];
  /** The body, when the mistake is there. */
  body?: string;
  /** The practice's locale, when it decides (12/05/2026). Default en-US. */
  locale?: "en-GB";
  /** Every problem, formatted as the build prints it, for content/blog/flu.md. */
  problems?: string[];
  /** Every warning `npm run check` prints. */
  warnings?: string[];
  /** Fixed without a word: what the site then reads. */
  fixed?: { data?: Record<string, unknown>; body?: string };
  /** For the staff page: what to do, when the message alone is not the whole story. */
  note?: string;
}

export const FILE = "content/blog/flu.md";
const title = 'title: "Flu shots are here"';
const date = 'date: "2026-10-01"';
const description = "description: Walk-in flu shots every Saturday in October at our North office.";
const ok = [title, date, description];
const data = {
  title: "Flu shots are here",
  date: "2026-10-01",
  description: "Walk-in flu shots every Saturday in October at our North office.",
};

export const MISTAKES: Mistake[] = [
  {
    title: "A colon in the title",
    front: ["title: Flu shots: what to expect", date, description],
    problems: [
      `${FILE}:2: the title contains a colon, in "title: Flu shots: what to expect"; put the whole title in double quotes: title: "Flu shots: what to expect"`,
    ],
  },
  {
    title: "A colon in the summary",
    front: [title, date, "description: Good news: flu shots are here for everyone."],
    problems: [
      `${FILE}:4: the description contains a colon, in "description: Good news: flu shots are here for everyone."; put the whole description in double quotes: description: "Good news: flu shots are here for everyone."`,
    ],
  },
  {
    title: "Quotes inside a quoted title",
    front: ['title: "Flu" shots are here', date, description],
    problems: [
      `${FILE}:2: the title ends at its second quote, and "shots are here" is left over, in "title: \\"Flu\\" shots are here"; to show quotes inside the title, put it all in single quotes: title: '"Flu" shots are here'`,
    ],
  },
  {
    title: "An apostrophe inside single quotes",
    front: ["title: 'Don't panic about flu season'", date, description],
    problems: [
      `${FILE}:2: the title starts with ' so the apostrophe inside it ends it, in "title: 'Don't panic about flu season'"; put the title in double quotes instead: title: "Don't panic about flu season"`,
    ],
  },
  {
    title: "A closing quote forgotten",
    front: ['title: "Flu shots are here', date, description],
    problems: [
      `${FILE}:2: the quote that starts the title in "title: \\"Flu shots are here" is never closed; add " at the end of the line`,
    ],
  },
  {
    title: "A closing quote forgotten, and a quote further down",
    front: [
      title,
      date,
      'description: "Walk-in flu shots every Saturday.',
      "draft: true",
      '# To use a field below, delete the "# " in front of it.',
      "# tags: [flu]",
    ],
    problems: [
      `${FILE}:4: description: the quote that starts the description in "description: \\"Walk-in flu shots every Saturday." is not closed on that line, so the lines after it ("draft: true") became part of the description; add " at the end of line 4`,
    ],
    note: "Before, YAML carried the summary on to the next quote it found, swallowing draft: true, and the draft was published.",
  },
  {
    title: "No colon after the field name",
    front: ["title Flu shots are here", date, description],
    problems: [`${FILE}:2: "title Flu shots are here" has no colon after the field name; write title: Flu shots are here`],
  },
  {
    title: "No space after the colon",
    front: ["title:Flu shots are here", date, description],
    problems: [`${FILE}:2: there is no space after the colon in "title:Flu shots are here"; write title: Flu shots are here`],
  },
  {
    title: "A field indented by mistake",
    front: [title, `  ${date}`, description],
    problems: [
      `${FILE}:3: "  date: \\"2026-10-01\\"" starts with spaces; start the line with the field name (date: …), at the very beginning of the line`,
    ],
  },
  {
    title: "The same field twice",
    front: [title, date, description, "title: Flu clinic"],
    problems: [`${FILE}:5: title is given twice, on lines 2 and 5; keep one of them`],
  },
  {
    title: "A list left open",
    front: [...ok, "tags: [flu, vaccines"],
    problems: [`${FILE}:5: the list that starts with [ in "tags: [flu, vaccines" is never closed; add ] at the end of the line`],
  },
  {
    title: "A title starting with *",
    front: ["title: *New* flu shots", date, description],
    problems: [
      `${FILE}:2: the title starts with *, which YAML reads as a reference to another value, in "title: *New* flu shots"; put the whole title in double quotes: title: "*New* flu shots"`,
    ],
  },
  {
    title: "A title starting with @",
    front: ["title: @home care for colds", date, description],
    problems: [
      `${FILE}:2: the title starts with @, which YAML keeps for itself, in "title: @home care for colds"; put the whole title in double quotes: title: "@home care for colds"`,
    ],
  },
  {
    title: "A title starting with [",
    front: ["title: [Update] Flu shots", date, description],
    problems: [
      `${FILE}:2: the title starts with [, which YAML reads as the start of a list, in "title: [Update] Flu shots"; put the whole title in double quotes: title: "[Update] Flu shots"`,
    ],
  },
  {
    title: "A backslash inside double quotes",
    front: ['title: "Cold\\Flu season"', date, description],
    problems: [
      `${FILE}:2: the title has a backslash (\\) inside double quotes in "title: \\"Cold\\\\Flu season\\""; write it as \\\\, or put the title in single quotes`,
    ],
  },
  {
    title: "A line of text among the fields",
    front: [title, "Bring your insurance card", date, description],
    problems: [
      `${FILE}:3: "Bring your insurance card" is not a field (a name, a colon, then the value); if it belongs to the line above, join the two lines, or put # in front of it to keep it as a note`,
    ],
  },
  {
    title: "The closing --- missing",
    front: [...ok],
    body: "NO-CLOSING-FENCE",
    problems: [`${FILE}:1: the front matter has no closing --- line; add a line with just --- after the last field, before the text`],
  },
  {
    title: "The opening --- missing",
    front: [],
    body: "NO-OPENING-FENCE",
    problems: [
      `${FILE}:1: the file must start with a line of just ---, then the fields, then another ---; add --- above "title: \\"Flu shots are here\\""`,
    ],
  },
  {
    title: "A misspelled field name",
    front: ['titel: "Flu shots are here"', date, description],
    problems: [`${FILE}:2: titel: unknown field; did you mean "title"?`],
  },
  {
    title: "A date typed the American way",
    front: [title, "date: 12/05/2026", description],
    problems: [`${FILE}:3: date: dates are written year-month-day: write "2026-12-05" for December 5, 2026, not "12/05/2026"`],
  },
  {
    title: "The same date at a practice in the United Kingdom",
    locale: "en-GB",
    front: [title, "date: 12/05/2026", description],
    problems: [`${FILE}:3: date: dates are written year-month-day: write "2026-05-12" for May 12, 2026, not "12/05/2026"`],
    note: "12/05/2026 is read the way the practice writes dates: its default language and the country of its first location.",
  },
  {
    title: "A date whose day can only be the day",
    front: [title, "date: 25/12/2026", description],
    problems: [`${FILE}:3: date: dates are written year-month-day: write "2026-12-25" for December 25, 2026, not "25/12/2026"`],
  },
  {
    title: "A date in words",
    front: [title, "date: December 5, 2026", description],
    problems: [`${FILE}:3: date: dates are written year-month-day: write "2026-12-05" for December 5, 2026, not "December 5, 2026"`],
  },
  {
    title: "A date and a time",
    front: [title, "date: 12/05/2026 9:30 AM", description],
    problems: [
      `${FILE}:3: date: dates are written year-month-day: write "2026-12-05T09:30" for December 5, 2026 at 09:30, not "12/05/2026 9:30 AM"`,
    ],
  },
  {
    title: "A day that does not exist",
    front: [title, 'date: "2026-02-30"', description],
    problems: [`${FILE}:3: date: February 2026 has only 28 days; check the day, got "2026-02-30"`],
  },
  {
    title: "A curly quote on one side of a date",
    front: [title, "date: “2026-12-06", description],
    problems: [`${FILE}:3: date: has curly quotes (“ ”), which a word processor adds; write it with straight quotes or none: "2026-12-06"`],
  },
  {
    title: "Tags written as text",
    front: [...ok, "tags: flu shots"],
    problems: [`${FILE}:5: tags: write the tags as a list: [flu shots]`],
  },
  {
    title: "A summary that is too short",
    front: [title, date, "description: Flu shots today!"],
    problems: [`${FILE}:4: description: has 16 characters; it needs at least 20, so add a few words`],
  },
  {
    title: "A title that is too long",
    front: [`title: ${"Flu shots ".repeat(15).trim()}`, date, description],
    problems: [`${FILE}:2: title: has 149 characters; at most 140 fit, so shorten it by 9`],
  },
  {
    title: "A field left empty",
    front: ["title:", date, description],
    problems: [`${FILE}:2: title: is empty; write it after the colon`],
  },
  {
    title: "yes instead of true",
    front: [...ok, "draft: yes"],
    problems: [`${FILE}:5: draft: expected true or false, got "yes"`],
  },
  {
    title: "The summary npm run new wrote, left in",
    front: [title, date, 'description: "One or two sentences; shown in lists and search results."'],
    problems: [
      `${FILE}:4: description: still has the text npm run new put there ("One or two sentences; shown in lists and search results."); write your own, or put draft: true back until it is ready`,
    ],
  },
  {
    title: "The text npm run new wrote, left in",
    front: [...ok],
    body: "Write the text here in Markdown. Start each section with ## and a heading.",
    problems: [
      `${FILE}:6: body: still has the text npm run new put there ("Write the text here in Markdown. Start each section with ## and a heading."); write your own, or put draft: true back until it is ready`,
    ],
  },
  {
    title: "A # in a title without quotes",
    front: ["title: Flu shots #1 in town", date, description],
    warnings: [
      `${FILE}:2: title: stops at " #" in "title: Flu shots #1 in town", because YAML reads the rest as a note: the page shows "Flu shots"; to keep the #, put the whole title in double quotes`,
    ],
  },
  {
    title: "An opening curly quote that is never closed",
    front: [title, date, "description: “Walk-in flu shots every Saturday in October at our North office."],
    warnings: [
      `${FILE}:4: description: starts with a curly quote (“) that is never closed, so the page shows it: "“Walk-in flu shots every Saturday in October at our North office."; remove it, or put the whole description in straight double quotes`,
    ],
  },
  {
    title: "A line indented by four spaces",
    front: [...ok],
    body: "Our clinics start this week.\n\n    Bring your child's insurance card.",
    warnings: [
      `${FILE}:8: body: "Bring your child's insurance card." starts with four spaces or a tab, so the page shows it in a grey code box; remove the spaces at the start`,
    ],
  },
  {
    title: "Dashes turned into an em dash by Word",
    front: [...ok],
    body: "EM-DASH-FENCES",
    fixed: { data },
  },
  {
    title: "Curly quotes around a date",
    front: [title, "date: “2026-12-06”", description],
    fixed: { data: { ...data, date: "2026-12-06" } },
  },
  {
    title: "A tab before a list item",
    front: [...ok, "tags:", "\t- flu", "\t- vaccines"],
    fixed: { data: { ...data, tags: ["flu", "vaccines"] } },
  },
  {
    title: "An invisible zero-width space in a field name",
    front: ["ti\u200btle: Flu shots are here", date, description],
    fixed: { data },
  },
  {
    title: "A no-break space after ## or 1.",
    front: [...ok],
    body: "##\u00a0What to expect\n\n1.\u00a0Check in\n2.\u00a0Wait ten minutes",
    fixed: { body: "## What to expect\n\n1. Check in\n2. Wait ten minutes\n" },
  },
  {
    title: "Bullets pasted from Word",
    front: [...ok],
    body: "What to bring:\n•\tInsurance card\n•\tShot record\no\tIf you have one\n•\tA snack",
    fixed: { body: "What to bring:\n- Insurance card\n- Shot record\n  - If you have one\n- A snack\n" },
  },
];

/** The whole file for a mistake, as staff would have it. */
export function sourceOf(m: Mistake): string {
  if (m.body === "NO-CLOSING-FENCE") return `---\n${m.front.join("\n")}\nOur flu clinics start this week.\n`;
  if (m.body === "NO-OPENING-FENCE") return `${ok.join("\n")}\n---\nOur flu clinics start this week.\n`;
  if (m.body === "EM-DASH-FENCES") return `—\n${m.front.join("\n")}\n—\nOur flu clinics start this week.\n`;
  return `---\n${m.front.join("\n")}\n---\n${m.body ?? "Our flu clinics start this week."}\n`;
}

const fence = (text: string) => ["```", ...text.split("\n"), "```"];

/** docs/staff/messages.md, from the table. */
export function messagesPage(mistakes: readonly Mistake[]): string {
  const out = [
    "# Messages you may see, and what to do",
    "",
    "<!-- Made from tests/support/mistakes.ts by `UPDATE_DOCS=1 node --import tsx --test tests/unit/mistakes.test.ts`; the test fails when this page and the table differ. -->",
    "",
    "`npm run check` (and every build) reads each file and lists every problem at once. Each line starts with the",
    "file and the line number, e.g. `content/blog/flu.md:3:`: open the file and go to that line. The message quotes",
    "the line as it is and says what to change. Problems stop the build, and nothing is published until they are",
    "fixed. **Warnings** do not stop it: the page is published, but it may not look as you meant.",
    "",
    "Some things a word processor does are fixed for you without a message (the last examples below): dashes",
    "turned into an em dash, curly quotes around a whole value, tabs, no-break spaces after `##`, `-` or `1.`,",
    "invisible zero-width spaces, and `•` bullets.",
    "",
    "Every example is a post, `content/blog/flu.md`. Line 1 is the first `---`.",
    "",
  ];
  for (const m of mistakes) {
    out.push(`## ${m.title}`, "", "You wrote:", "", ...fence(sourceOf(m).trimEnd()), "");
    if (m.problems?.length) out.push("You see:", "", ...fence(m.problems.join("\n")), "");
    if (m.warnings?.length) out.push("You see this warning (the page is still published):", "", ...fence(m.warnings.join("\n")), "");
    if (m.fixed) out.push("Fixed for you: no message, the site reads it as you meant.", "");
    if (m.note) out.push(m.note, "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
