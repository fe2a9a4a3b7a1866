// Command-line options of the bench scripts: `--name value` pairs.

/**
 * Calls `setters[name](value)` for each `--name value` in `argv`, in order; throws on an unknown
 * option (naming the known ones) or a missing value.
 */
export function parseOptions(argv, setters) {
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const set = setters[name];
    if (!set) throw new Error(`unknown option ${name} (use ${Object.keys(setters).join(', ')})`);
    if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
    set(argv[++i]);
  }
}

/** `key=value` (a `--set` option's value) as [key, value]. */
export function keyValue(text) {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`--set expects key=value, got ${text}`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}
