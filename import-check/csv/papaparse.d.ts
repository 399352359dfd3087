/** The part of Papa Parse (papaparse 5.x, no bundled types) that the reader uses: its low-level Parser. */
declare module 'papaparse' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    /** Index of the row in the data of this parse call. */
    row?: number;
    index?: number;
  }

  export interface ParseMeta {
    /** Offset in the parsed input just after the last row returned (or, in a step callback, after this row). */
    cursor: number;
    aborted: boolean;
  }

  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: ParseMeta;
  }

  export interface ParserConfig {
    delimiter: string;
    newline: string;
    quoteChar?: string;
    escapeChar?: string;
    /** Called once per row; `results.data` holds that one row. */
    step?: (results: ParseResult) => void;
  }

  export class Parser {
    constructor(config: ParserConfig);
    /** With `ignoreLastRow`, the last row (perhaps cut by the end of a chunk) is left out and `meta.cursor` stops before it. */
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): ParseResult;
    abort(): void;
  }

  const Papa: { Parser: typeof Parser };
  export default Papa;
}
