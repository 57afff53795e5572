// The classic editor's paragraphs: WordPress stores them as blank lines and line breaks as
// newlines, and adds the <p> and <br> when it shows the post (wpautop); the import does the same.
/** The classic editor stores paragraphs as blank lines and line breaks as newlines (wpautop). */
export function autop(html: string): string {
  const blockStart =
    /^<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|hr|iframe|dl|section|address|form|script|style|details|video|audio|center|!--)\b/i;
  const pres: string[] = [];
  const kept = html.replace(/<pre\b[\s\S]*?<\/pre>/gi, (m) => {
    pres.push(m);
    return `<pre data-kept="${pres.length - 1}"></pre>`;
  });
  return kept
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => {
      const t = chunk.trim();
      if (!t) return "";
      if (blockStart.test(t)) return t;
      return `<p>${t.replace(/\n/g, "<br>\n")}</p>`;
    })
    .join("\n")
    .replace(/<pre data-kept="(\d+)"><\/pre>/g, (_m, i: string) => pres[Number(i)]!);
}
