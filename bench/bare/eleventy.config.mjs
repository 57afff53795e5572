// The floor for `npm run bench`: the least Eleventy can do with the same Markdown.
// Same @11ty/eleventy and markdown-it as the project, same markdown-it options, and
// nothing else: no layouts, no collections, no plugins, no template engine in Markdown.
import MarkdownIt from "markdown-it";

export default function (eleventyConfig) {
  eleventyConfig.setLibrary("md", new MarkdownIt({ html: true, linkify: true, typographer: true }));
  eleventyConfig.setQuietMode(true);
  return {
    markdownTemplateEngine: false,
    templateFormats: ["md"],
  };
}
