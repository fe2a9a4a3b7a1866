/** A connector, format or session option, named as in Flink. */
export interface ConfigOption {
  readonly key: string;
  readonly description: string;
  /** Default as text; absent when the option has no default. */
  readonly defaultValue?: string;
  /** Older keys still accepted for this option. */
  readonly fallbackKeys?: readonly string[];
}

/** Read-only string options with typed getters that fail with Flink-like messages. */
export interface ReadableOptions {
  get(key: string): string | undefined;
  has(key: string): boolean;
  keys(): Iterable<string>;
}
