// The comment renderer: separate from the one staff use, and stricter. A visitor typed
// this text, so raw HTML is never rendered (markdown-it escapes it), no images, headings
// or tables, only web and mail links, and every link is marked as user content.
import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

export const COMMENT_LINK_REL = "nofollow ugc noopener";

function createCommentMarkdown() {
  // breaks: a parent's line breaks are kept as typed; html: false escapes every tag.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: true });
  // Images would load from anywhere (blocked by the policy, and a tracking pixel if not);
  // headings would break the page's outline; tables don't fit a phone.
  md.disable(["image", "heading", "lheading", "table"]);
  // Only absolute web and mail links; anything else (javascript:, data:, relative) stays text.
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  const defaultOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet("rel", COMMENT_LINK_REL);
    return defaultOpen(tokens, idx, options, env, self);
  };
  return md;
}

const md = createCommentMarkdown();

export interface RenderedComment {
  html: string;
  /** Links in the comment (for the import's spam check). */
  links: number;
}

export function renderComment(source: string): RenderedComment {
  const tokens = md.parse(source, {});
  let links = 0;
  for (const token of tokens) for (const child of token.children ?? []) if (child.type === "link_open") links++;
  return { html: md.renderer.render(tokens, md.options, {}), links };
}
