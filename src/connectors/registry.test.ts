import { describe, expect, it } from 'vitest';
import { PlanError } from '../types/errors.js';
import { connectorFactories, findConnectorFactory, formatFactories, validateOptions } from './registry.js';

const opts = (o: Record<string, string>) => new Map(Object.entries(o));
const validate = (o: Record<string, string>) => {
  const m = opts(o);
  validateOptions(findConnectorFactory(m, connectorFactories()), m, formatFactories());
};

describe('registry and option validation', () => {
  it('lists the built-in factories', () => {
    expect([...connectorFactories().keys()].sort()).toEqual(['blackhole', 'datagen', 'filesystem', 'nexmark', 'print']);
    expect([...formatFactories().keys()].sort()).toEqual(['csv', 'debezium-json', 'json', 'raw']);
  });

  it('reports an unknown connector like FactoryUtil', () => {
    expect(() => validate({ connector: 'kafkaa' })).toThrow(
      "Could not find any factory for identifier 'kafkaa' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.\n\n" +
        'Available factory identifiers are:\n\nblackhole\ndatagen\nfilesystem\nnexmark\nprint',
    );
  });

  it('reports missing required options, sorted', () => {
    expect(() => validate({ connector: 'filesystem' })).toThrow(
      'One or more required options are missing.\n\nMissing required options are:\n\nformat\npath',
    );
    expect(() => validate({ connector: 'filesystem', format: 'csv' })).toThrow(
      'One or more required options are missing.\n\nMissing required options are:\n\npath',
    );
  });

  it('reports unsupported options with the supported list', () => {
    try {
      validate({ connector: 'print', 'print-identifer': 'x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanError);
      expect((e as Error).message).toBe(
        "Unsupported options found for 'print'.\n\nUnsupported options:\n\nprint-identifer\n\n" +
          'Supported options:\n\nconnector\nprint-identifier\nproperty-version\nsink.parallelism\nstandard-error',
      );
    }
  });

  it('accepts format options under the format prefix; filesystem skips them like validateExcept', () => {
    expect(() => validate({ connector: 'filesystem', path: '/tmp/x', format: 'json', 'json.ignore-parse-errors': 'true' })).not.toThrow();
    expect(() => validate({ connector: 'filesystem', path: '/tmp/x', format: 'csv', 'csv.whatever': 'x' })).not.toThrow();
    expect(() => validate({ connector: 'filesystem', path: '/tmp/x', format: 'csv', 'sink.rolling-policy.file-sise': '1MB' })).toThrow(
      /Unsupported options found for 'filesystem'/,
    );
    expect(() => validate({ connector: 'filesystem', path: '/tmp/x', format: 'xml' })).toThrow(
      "Could not find any factory for identifier 'xml' that implements 'org.apache.flink.table.factories.DeserializationFormatFactory' in the classpath.\n\nAvailable factory identifiers are:\n\ncsv\ndebezium-json\njson\nraw",
    );
  });

  it('lets datagen field options through to its schema-aware check', () => {
    expect(() => validate({ connector: 'datagen', 'fields.x.kind': 'random', 'rows-per-second': '5' })).not.toThrow();
    expect(() => validate({ connector: 'datagen', 'rows-per-secnd': '5' })).toThrow(/Unsupported options found for 'datagen'/);
  });
});
