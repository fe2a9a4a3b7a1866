// A table function: one row per word with its length.
export const kind = 'table';
export const returns = 'ROW<word STRING, len INT>';
export function* evaluate(text, sep) {
  for (const w of text.split(sep ?? ' ')) if (w !== '') yield [w, w.length];
}
