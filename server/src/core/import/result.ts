// What an import gives: one treaty document, or a reason why there is none.

/** A treaty document made from a source, ready to be written. */
export interface ImportedDocument {
  /** The `treaty:` id (also the default file name). */
  readonly id: string;
  readonly title: string;
  /** The whole document: front matter and body. */
  readonly text: string;
  /** Articles written (main provisions and 附則 together), for the report. */
  readonly articles: number;
}

/**
 * `nothing`: the source holds no provisions (exit 1); `malformed`: it is not what it claims to be (exit 2);
 * `ambiguous`: a query matches several laws (exit 2, with `choices`).
 */
export type ImportFailure = 'nothing' | 'malformed' | 'ambiguous';

export class ImportError extends Error {
  constructor(
    readonly kind: ImportFailure,
    message: string,
    readonly choices: readonly { readonly lawId: string; readonly title: string; readonly lawNumber: string }[] = [],
  ) {
    super(message);
  }
}
