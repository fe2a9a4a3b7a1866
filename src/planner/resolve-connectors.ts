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
import { equiPairs, inferUpsertKeys, type UpsertKeys } from './inference/upsert-keys.js';
import { belowCalcs, inputsOf, type PlanNode, type SinkNode, type TableScan } from './logical/plan-node.js';

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

/** The table scan a join's right side reads, if it is a plain table (through projections and watermarks). */
function scanBelow(node: PlanNode): TableScan | undefined {
  const below = belowCalcs(node);
  return below.kind === 'TableScan' ? below : undefined;
}

/** An event-time temporal join must equate every primary-key column of the versioned table. */
function checkVersionKey(node: Extract<PlanNode, { kind: 'Join' }>, scan: TableScan): void {
  const pairs = equiPairs(node.condition, node.left.fields.length);
  const equated = pairs.map(([, r]) => node.right.fields[r]!.name);
  const pk = scan.table.primaryKey!.columns;
  if (pk.every((c) => equated.includes(c))) return;
  const condition = pairs.map(([l, r]) => `${node.left.fields[l]!.name}=${node.right.fields[r]!.name}`).join(',');
  throw new PlanError(`Temporal table's primary key [${pk.join(',')}] must be included in the equivalence condition of temporal join, but current temporal join condition is [${condition}].`, scan.span,
    `Join on every primary-key column of ${identifierString(scan.table.id)}: ${pk.map((c) => `… = ${c}`).join(' AND ')}.`);
}

/** Flink's requirements on temporal joins: a primary key on a versioned table, a lookup source for proctime. */
function checkTemporalJoins(sinks: readonly SinkNode[], sources: ReadonlyMap<TableScan, TableSource>): void {
  const seen = new Set<PlanNode>();
  const visit = (node: PlanNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (node.kind === 'Join' && node.temporal) {
      const scan = scanBelow(node.right);
      if (scan && node.temporal === 'event-time' && !scan.table.primaryKey) {
        throw new PlanError(`Temporal Table Join requires primary key in versioned table, but no primary key can be found. The physical plan is:\n${describeJoin(node)}`, scan.span,
          `Declare PRIMARY KEY (…) NOT ENFORCED on ${identifierString(scan.table.id)}, or join a versioned view.`);
      }
      if (scan && node.temporal === 'event-time') checkVersionKey(node, scan);
      if (scan && node.temporal === 'lookup' && !sources.get(scan)?.supportsLookup) {
        throw new PlanError('Processing-time temporal join is not supported yet.', scan.span,
          `Connector '${scan.table.options.get('connector')}' of ${identifierString(scan.table.id)} is not a lookup source; lookup joins need one such as 'filesystem' (or 'jdbc' on Flink).`);
      }
    }
    inputsOf(node).forEach(visit);
  };
  sinks.forEach(visit);
}

function describeJoin(node: Extract<PlanNode, { kind: 'Join' }>): string {
  return `${node.temporal === 'lookup' ? 'LookupJoin' : 'TemporalJoin'}(joinType=[${node.joinType}])`;
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
    const updates = produced.kinds.has(RowKind.UPDATE_AFTER) && !accepted.kinds.has(RowKind.UPDATE_AFTER);
    const deletes = produced.kinds.has(RowKind.DELETE) && !accepted.kinds.has(RowKind.DELETE);
    if (updates || deletes) {
      throw new PlanError(`Table sink '${identifierString(sink.table.id)}' doesn't support consuming ${updates ? 'update' : 'delete'} changes which is produced by node ${describe(sink.input)}`, sink.span,
        `The query produces changelog [${changelogModeString(produced)}]; write it to a sink with a PRIMARY KEY that accepts updates, or make the query append-only.`);
    }
    if (needsUpsertMaterialize(sink.table, produced, upsertKeys.get(sink.input), env.option('table.exec.sink.upsert-materialize'))) upsertMaterialize.add(sink);
  }
  // The materializer matches retractions to rows, so it needs them; so does a printed SELECT.
  dropUnneededUpdateBefore(sinks, changelog, (sink) => !sink.table || upsertMaterialize.has(sink)
    || tableSinks.get(sink)!.acceptedChangelogMode(changelog.get(sink.input)!).kinds.has(RowKind.UPDATE_BEFORE));
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

/** Positions of the primary key among the columns a sink receives (physical and persisted metadata). */
export function primaryKeyPositions(table: CatalogTable): number[] {
  const written = writtenColumns(table).map((c) => c.name);
  return (table.primaryKey?.columns ?? []).map((c) => written.indexOf(c));
}

/** The columns a sink receives, in order: physical and persisted metadata columns. */
export function writtenColumns(table: CatalogTable): TableColumn[] {
  return table.columns.filter((c) => c.kind === 'physical' || (c.kind === 'metadata' && !c.virtual));
}
