/**
 * Flink's FactoryUtil option validation: required options, unsupported (unconsumed) keys,
 * format options under `<format>.` (or `key.<format>.` / `value.<format>.`), factory lookup.
 */
import type { ConfigOption } from '../catalog/config-option.js';
import type { ConnectorFactory } from './connector.js';
import type { FormatFactory } from './formats/format.js';
import { PlanError } from '../types/errors.js';

/** Connector options that every table may carry (FactoryUtil's implicit options). */
const IMPLICIT_KEYS = ['connector', 'property-version'];

/** Factories in weir may add this to skip checking their format's own keys (Flink's validateExcept). */
export interface FormatPrefixExempt {
  /** Keys under `<format>.` are not checked (Flink's filesystem connector). */
  readonly skipFormatOptionValidation?: boolean;
}

export function unsupportedOptionsError(identifier: string, unsupported: Iterable<string>, supported: Iterable<string>): PlanError {
  return new PlanError(
    `Unsupported options found for '${identifier}'.\n\n` +
      `Unsupported options:\n\n${[...new Set(unsupported)].sort().join('\n')}\n\n` +
      `Supported options:\n\n${[...new Set(supported)].sort().join('\n')}`,
  );
}

export function missingOptionsError(missing: Iterable<string>): PlanError {
  return new PlanError(
    `One or more required options are missing.\n\nMissing required options are:\n\n${[...missing].sort().join('\n')}`,
  );
}

export function noFactoryError(identifier: string, kind: 'DynamicTableFactory' | 'DeserializationFormatFactory' | 'SerializationFormatFactory', available: Iterable<string>): PlanError {
  return new PlanError(
    `Could not find any factory for identifier '${identifier}' that implements 'org.apache.flink.table.factories.${kind}' in the classpath.\n\n` +
      `Available factory identifiers are:\n\n${[...new Set(available)].sort().join('\n')}`,
  );
}

const keysOf = (o: ConfigOption): string[] => [o.key, ...(o.fallbackKeys ?? [])];

/** Format option keys: `format` → `<id>.`; `key.format` → `key.<id>.`; `value.format` → `value.<id>.`. */
function formatOptionKeys(
  options: ReadonlyMap<string, string>,
  formats: ReadonlyMap<string, FormatFactory>,
  consumed: Set<string>,
  exempt: string[],
  skipFormatKeys: boolean,
): void {
  for (const [k, id] of options) {
    if (k !== 'format' && !k.endsWith('.format')) continue;
    const factory = formats.get(id);
    if (factory === undefined) throw noFactoryError(id, 'DeserializationFormatFactory', formats.keys());
    const prefix = k === 'format' ? `${id}.` : `${k.slice(0, -'format'.length)}${id}.`;
    if (skipFormatKeys) exempt.push(prefix);
    for (const o of [...factory.requiredOptions, ...factory.optionalOptions]) {
      for (const key of keysOf(o)) consumed.add(prefix + key);
    }
    const missing = factory.requiredOptions.filter((o) => keysOf(o).every((key) => !options.has(prefix + key)));
    if (missing.length > 0) throw missingOptionsError(missing.map((o) => prefix + o.key));
  }
}

/**
 * Validates a table's WITH options for `factory` as Flink's TableFactoryHelper.validate does.
 * Throws PlanError with Flink's wording; the caller attaches the table's position.
 */
export function validateOptions(
  factory: ConnectorFactory & FormatPrefixExempt,
  options: ReadonlyMap<string, string>,
  formats: ReadonlyMap<string, FormatFactory>,
): void {
  const consumed = new Set<string>(IMPLICIT_KEYS);
  for (const o of [...factory.requiredOptions, ...factory.optionalOptions]) for (const k of keysOf(o)) consumed.add(k);
  const exempt = [...(factory.prefixOptions ?? [])];
  if (factory.usesFormat) formatOptionKeys(options, formats, consumed, exempt, factory.skipFormatOptionValidation === true);
  const missing = factory.requiredOptions.filter((o) => keysOf(o).every((k) => !options.has(k)));
  if (missing.length > 0) throw missingOptionsError(missing.map((o) => o.key));
  const unsupported = [...options.keys()].filter((k) => !consumed.has(k) && !exempt.some((p) => k.startsWith(p)));
  if (unsupported.length > 0) throw unsupportedOptionsError(factory.identifier, unsupported, consumed);
}

/** Looks up a connector factory by the `connector` option, failing like Flink's FactoryUtil. */
export function findConnectorFactory(
  options: ReadonlyMap<string, string>,
  connectors: ReadonlyMap<string, ConnectorFactory>,
): ConnectorFactory {
  const id = options.get('connector');
  if (id === undefined) {
    throw new PlanError("Table options do not contain an option key 'connector' for discovering a connector.");
  }
  const f = connectors.get(id);
  if (f === undefined) throw noFactoryError(id, 'DynamicTableFactory', connectors.keys());
  return f;
}
