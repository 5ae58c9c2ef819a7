// The little of markdown-it's API the Markdown peer uses (the package ships no types, and none are installed).
declare module 'markdown-it' {
  interface MarkdownItToken {
    readonly type: string;
    readonly markup: string;
    readonly content: string;
    readonly map: number[] | null;
    readonly children: readonly MarkdownItToken[] | null;
  }
  interface MarkdownIt {
    parse(source: string, env: object): MarkdownItToken[];
  }
  function markdownIt(options?: { html?: boolean }): MarkdownIt;
  export default markdownIt;
}
