// markdown-it's types under TypeScript 7 expose the constructor but not its named
// type exports, so the instance type is derived from the constructor here, once.
import type MarkdownIt from "markdown-it";

export type Md = InstanceType<typeof MarkdownIt>;
export type Plugin = (md: Md) => void;
