import type { CatalogTable } from '../catalog/catalog-table.js';
import { identifierString } from '../catalog/catalog-table.js';
import type { ConnectorFactory, TableContext, TableSink, TableSource } from '../connectors/connector.js';
import type { FormatFactory } from '../connectors/formats/format.js';
import { findConnectorFactory, validateOptions } from '../connectors/registry.js';
import type { FunctionContext } from '../functions/function-def.js';
import * as T from '../types/data-type.js';
import { PlanError } from '../types/errors.js';
import type { Span } from '../types/span.js';

/** The connector and format factories a session can use. */
export interface ConnectorRegistry {
  readonly connectors: ReadonlyMap<string, ConnectorFactory>;
  readonly formats: ReadonlyMap<string, FormatFactory>;
}

function tableContext(table: CatalogTable, options: ReadonlyMap<string, string>, session: FunctionContext): TableContext {
  return {
    tableName: identifierString(table.id),
    physicalType: T.ROW(table.columns.filter((c) => c.kind === 'physical').map((c) => ({ name: c.name, type: c.type })), false),
    primaryKey: table.primaryKey?.columns,
    partitionKeys: table.partitionKeys,
    options,
    session,
  };
}

function factoryFor(table: CatalogTable, options: ReadonlyMap<string, string>, registry: ConnectorRegistry, span: Span, role: 'source' | 'sink'): ConnectorFactory {
  const id = options.get('connector');
  const name = identifierString(table.id);
  if (id === undefined) {
    throw new PlanError(`Table options do not contain an option key 'connector' for discovering a connector. Therefore, Flink assumes a managed table. However, a managed table factory that implements org.apache.flink.table.factories.ManagedTableFactory is not in the classpath.`, span,
      `Add 'connector' = '…' to the WITH clause of ${name}; available: ${[...registry.connectors.keys()].sort().join(', ')}.`);
  }
  try {
    const factory = findConnectorFactory(options, registry.connectors);
    validateOptions(factory, options, registry.formats);
    if (role === 'source' ? !factory.createSource : !factory.createSink) {
      throw new PlanError(`Connector '${id}' can only be used as a ${role === 'source' ? 'sink' : 'source'}. It cannot be used as a ${role}.`);
    }
    return factory;
  } catch (err) {
    if (err instanceof PlanError) {
      throw new PlanError(`Unable to create a ${role} for reading table '${name}'.\n\n${err.message}`.replace('for reading', role === 'sink' ? 'for writing' : 'for reading'), err.span ?? span, err.hint);
    }
    throw err;
  }
}

export function createSource(table: CatalogTable, options: ReadonlyMap<string, string>, registry: ConnectorRegistry, session: FunctionContext, span: Span): TableSource {
  return factoryFor(table, options, registry, span, 'source').createSource!(tableContext(table, options, session));
}

export function createSink(table: CatalogTable, options: ReadonlyMap<string, string>, registry: ConnectorRegistry, session: FunctionContext, span: Span): TableSink {
  return factoryFor(table, options, registry, span, 'sink').createSink!(tableContext(table, options, session));
}
