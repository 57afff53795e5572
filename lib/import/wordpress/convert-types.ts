// The HTML converter's options and answer, shared by its modules (html.ts, shortcodes.ts,
// block-elements.ts, inline.ts) and the planner.
export interface ImageRequest {
  src: string;
  alt: string;
  /** The caption around it, if any: the last resort for alt text. */
  caption?: string;
}

export type ImageAnswer = { src: string; alt: string } | { drop: string };

export interface ConvertOptions {
  /** Decides where an image comes from (./file.jpg beside the post) and its alt text, or why it is left out. */
  image?: (req: ImageRequest) => ImageAnswer;
  /** Rewrites a link (old-site addresses → new ones); "" keeps the link's text without the link. */
  link?: (href: string) => string;
  /** [gallery ids="1,2"] and [caption id="attachment_N"]: an attachment's address and alt text. */
  attachment?: (id: number) => { url: string; alt: string } | undefined;
  /**
   * Links to uploaded documents (PDF, Word...): the copy's new address, or why the link
   * was removed (its text is kept); undefined for any other link.
   */
  file?: (href: string) => { href: string } | { drop: string } | undefined;
  /** The old HTML's ids → the Markdown's (see anchorIds); worked out from the HTML when not given. */
  anchors?: ReadonlyMap<string, string>;
  /** Comments: no images, headings become bold lines, no anchors. */
  comment?: boolean;
}

export interface Converted {
  markdown: string;
  /** The first paragraph as plain text (for a description). */
  firstParagraph?: string;
  /** What could not be converted, in words, for the report (deduplicated). */
  notes: string[];
  /** The old HTML's ids → the ids the Markdown carries. */
  anchors: ReadonlyMap<string, string>;
}
