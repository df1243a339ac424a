// Keyword in context (KWIC): where a query occurs in a text, with the text either side of it cut to a width.

export interface KeywordInContext {
  /** The text before the hit, its last `width` characters, "…" first when cut. */
  left: string;
  /** The hit as the text spells it (the query may differ in case). */
  hit: string;
  right: string;
}

const REGEXP_SYNTAX = /[.*+?^${}()|[\]\\/]/g;

/**
 * The first occurrence of `query` in `text`, case folded as the concordance index folds it, or undefined. Widths count
 * code points, so a character outside the BMP (𠀀) is never cut in half.
 */
export function keywordInContext(text: string, query: string, width: number): KeywordInContext | undefined {
  const found = new RegExp(query.replace(REGEXP_SYNTAX, '\\$&'), 'iu').exec(text);
  if (!found) return undefined;
  const before = [...text.slice(0, found.index)];
  const after = [...text.slice(found.index + found[0].length)];
  return {
    left: (before.length > width ? '…' : '') + before.slice(-width).join(''),
    hit: found[0],
    right: after.slice(0, width).join('') + (after.length > width ? '…' : ''),
  };
}
