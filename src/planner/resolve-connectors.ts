import { identifierString, type CatalogTable, type TableColumn } from '../catalog/catalog-table.js';
import { withNullability, type DataType } from '../types/data-type.js';
import { typeToString } from '../types/type-string.js';
import type { TableSink, TableSource } from '../connectors/connector.js';
import { createSink, createSource } from '../runtime/connect.js';
import type { ChangelogMode } from '../types/changelog-mode.js';
import { changelogModeString } from '../types/changelog-mode.js';
import { PlanError } from '../types/errors.js';
import { RowKind } from '../types/row.js';
import type { PlannerEnv } from './analyzer/planner-env.js';
import { inferChangelog, isInsertOnly } from './inference/changelog.js';
import { dropUnneededUpdateBefore } from './inference/update-before.js';
import { inferUpsertKeys, type UpsertKeys } from './inference/upsert-keys.js';
import { inputsOf, type PlanNode, type SinkNode, type TableScan } from './logical/plan-node.js';
import { checkTemporalJoins } from './check-temporal-joins.js';
import { checkInsertOnlyInputs, producerOf, unsupportedChanges } from './inference/insert-only-inputs.js';

/** Metadata columns must name keys the connector offers, with a type that can hold them (as Flink checks). */
function checkMetadata(table: CatalogTable, offered: ReadonlyMap<string, DataType>, role: 'reading' | 'writing', applies: (c: { virtual: boolean }) => boolean): void {
  for (const c of table.columns) {
    if (c.kind !== 'metadata' || !applies(c)) continue;
    const type = offered.get(c.key);
    if (!type) {
      throw new PlanError(`Invalid metadata key '${c.key}' in column '${c.name}' of table '${identifierString(table.id)}'. The ${role === 'reading' ? 'DynamicTableSource' : 'DynamicTableSink'} of connector '${table.options.get('connector')}' supports the following metadata keys for ${role}:\n${[...offered.keys()].join('\n') || '(none)'}`, table.span);
    }
    // Flink casts between castable types; weir asks for the key's own type for now, so values are never misread.
    if (typeToString(withNullability(type, true)) !== typeToString(withNullability(c.type, true))) {
      throw new PlanError(`Invalid data type for metadata column '${c.name}' of table '${identifierString(table.id)}': the metadata key '${c.key}' has type ${typeToString(type)}.`, table.span,
        `Declare the column as ${typeToString(withNullability(type, true))} METADATA FROM '${c.key}' and CAST it in a computed column if needed.`);
    }
  }
}

/**
 * Resolves every table's connector (validating its options, as Flink does when planning),
 * infers changelog modes from the sources' modes, and checks that each sink accepts what it gets.
 */
export function resolveConnectors(sinks: readonly SinkNode[], env: PlannerEnv, describe: (n: PlanNode) => string) {
  const tableSources = new Map<TableScan, TableSource>();
  const tableSinks = new Map<SinkNode, TableSink>();
  const sourceModes = new Map<PlanNode, ChangelogMode>();
  const visit = (node: PlanNode) => {
    if (node.kind === 'TableScan' && !tableSources.has(node)) {
      const source = createSource(node.table, node.options, env.registry, env.session, node.span);
      checkMetadata(node.table, source.metadata, 'reading', () => true);
      tableSources.set(node, source);
      sourceModes.set(node, source.changelogMode);
    }
    inputsOf(node).forEach(visit);
  };
  sinks.forEach(visit);
  checkTemporalJoins(sinks, tableSources);
  const changelog = inferChangelog(sinks, sourceModes);
  checkInsertOnlyInputs(sinks, changelog, describe);
  const upsertKeys = inferUpsertKeys(sinks);
  const upsertMaterialize = new Set<SinkNode>();
  for (const sink of sinks) {
    if (!sink.table) continue;
    const tableSink = createSink(sink.table, sink.options, env.registry, env.session, sink.span);
    checkMetadata(sink.table, tableSink.metadata, 'writing', (c) => !c.virtual);
    if (sink.overwrite && !tableSink.supportsOverwrite) {
      throw new PlanError(`INSERT OVERWRITE requires that the underlying DynamicTableSink of table '${identifierString(sink.table.id)}' implements the SupportsOverwrite interface.`, sink.span);
    }
    tableSinks.set(sink, tableSink);
    const produced = changelog.get(sink.input)!;
    const accepted = tableSink.acceptedChangelogMode(produced);
    // A sink without UPDATE_BEFORE takes updates as upserts: the planner then drops the -U rows.
    const changes = unsupportedChanges(produced, accepted);
    if (changes) {
      throw new PlanError(`Table sink '${identifierString(sink.table.id)}' doesn't support consuming ${changes} changes which is produced by node ${describe(producerOf(sink.input, changelog))}`, sink.span,
        `The query produces changelog [${changelogModeString(produced)}]; write it to a sink with a PRIMARY KEY that accepts updates, or make the query append-only.`);
    }
    if (needsUpsertMaterialize(sink.table, produced, upsertKeys.get(sink.input), env.option('table.exec.sink.upsert-materialize'))) upsertMaterialize.add(sink);
  }
  // The materializer matches retractions to rows, so it needs them; so does a printed SELECT. An
  // upsert sink whose key is not exactly an upsert key of its input needs them too (as Flink).
  dropUnneededUpdateBefore(sinks, changelog, (sink) => !sink.table || upsertMaterialize.has(sink)
    || tableSinks.get(sink)!.acceptedChangelogMode(changelog.get(sink.input)!).kinds.has(RowKind.UPDATE_BEFORE)
    || (!!sink.table.primaryKey && !isUpsertKey(primaryKeyPositions(sink.table), upsertKeys.get(sink.input))));
  return { tableSources, tableSinks, changelog, upsertKeys, upsertMaterialize };
}

/**
 * Flink's rule for a sink with a PRIMARY KEY fed by updates: unless some upsert key of the query
 * lies within the primary key, changes of one primary key may arrive out of order and need a
 * SinkUpsertMaterializer (`table.exec.sink.upsert-materialize`: AUTO decides, FORCE/NONE override).
 */
function needsUpsertMaterialize(table: CatalogTable, produced: ChangelogMode, keys: UpsertKeys, option: string | undefined): boolean {
  if (!table.primaryKey || isInsertOnly(produced)) return false;
  const mode = (option ?? 'AUTO').toUpperCase();
  if (mode !== 'AUTO') return mode === 'FORCE';
  const pk = primaryKeyPositions(table);
  return !keys?.some((k) => k.every((c) => pk.includes(c)));
}

/** Whether `columns` are exactly one of the upsert keys (as sets). */
function isUpsertKey(columns: readonly number[], keys: UpsertKeys): boolean {
  return !!keys?.some((k) => k.length === columns.length && k.every((c) => columns.includes(c)));
}

/** Positions of the primary key among the columns a sink receives (physical and persisted metadata). */
export function primaryKeyPositions(table: CatalogTable): number[] {
  const written = writtenColumns(table).map((c) => c.name);
  return (table.primaryKey?.columns ?? []).map((c) => written.indexOf(c));
}

/** The columns a sink receives, in order: physical and persisted metadata columns. */
export function writtenColumns(table: CatalogTable): TableColumn[] {
  return table.columns.filter((c) => c.kind === 'physical' || (c.kind === 'metadata' && !c.virtual));
}
