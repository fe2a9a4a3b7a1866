import { identifierString } from '../catalog/catalog-table.js';
import type { TableSink, TableSource } from '../connectors/connector.js';
import { createSink, createSource } from '../runtime/connect.js';
import type { ChangelogMode } from '../types/changelog-mode.js';
import { changelogModeString } from '../types/changelog-mode.js';
import { PlanError } from '../types/errors.js';
import { RowKind } from '../types/row.js';
import type { PlannerEnv } from './analyzer/planner-env.js';
import { inferChangelog } from './inference/changelog.js';
import { inputsOf, type PlanNode, type SinkNode, type TableScan } from './logical/plan-node.js';

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
      tableSources.set(node, source);
      sourceModes.set(node, source.changelogMode);
    }
    inputsOf(node).forEach(visit);
  };
  sinks.forEach(visit);
  const changelog = inferChangelog(sinks, sourceModes);
  for (const sink of sinks) {
    if (!sink.table) continue;
    const tableSink = createSink(sink.table, sink.options, env.registry, env.session, sink.span);
    tableSinks.set(sink, tableSink);
    const produced = changelog.get(sink.input)!;
    const accepted = tableSink.acceptedChangelogMode(produced);
    const updates = [RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER].some((k) => produced.kinds.has(k) && !accepted.kinds.has(k));
    const deletes = produced.kinds.has(RowKind.DELETE) && !accepted.kinds.has(RowKind.DELETE);
    if (updates || deletes) {
      throw new PlanError(`Table sink '${identifierString(sink.table.id)}' doesn't support consuming ${updates ? 'update' : 'delete'} changes which is produced by node ${describe(sink.input)}`, sink.span,
        `The query produces changelog [${changelogModeString(produced)}]; write it to a sink with a PRIMARY KEY that accepts updates, or make the query append-only.`);
    }
  }
  return { tableSources, tableSinks, changelog };
}
