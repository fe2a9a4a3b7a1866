/**
 * The `datagen` connector (Flink's DataGenTableSourceFactory): random or sequence values per
 * field, bounded by `number-of-rows` or by the first sequence to end, paced by `rows-per-second`.
 */
import type { ConfigOption } from '../../catalog/config-option.js';
import type { ConnectorFactory, ReaderContext, SourceReader, TableContext, TableSource } from '../connector.js';
import { INSERT_ONLY } from '../../types/changelog-mode.js';
import type { DataType } from '../../types/data-type.js';
import { PlanError, RuntimeError } from '../../types/errors.js';
import type { Chunk, Row } from '../../types/row.js';
import { readInt, readLong, readString } from '../../catalog/option-readers.js';
import { unsupportedOptionsError } from '../option-validation.js';
import { randomGenerator, sequenceGenerator, type BuildContext, type FieldGenerator, type ValueGen } from './field-generators.js';

const opt = (key: string, description: string, defaultValue?: string): ConfigOption =>
  defaultValue === undefined ? { key, description } : { key, description, defaultValue };

export const DATAGEN_OPTIONS = {
  rowsPerSecond: opt('rows-per-second', 'Rows per second to control the emit rate.', '10000'),
  numberOfRows: opt('number-of-rows', 'Total number of rows to emit; unbounded by default.'),
  parallelism: opt('scan.parallelism', 'Parallelism of the source.'),
  kind: opt('fields.#.kind', "Generator of this '#' field: 'sequence' or 'random'.", 'random'),
  min: opt('fields.#.min', 'Minimum value of the random generator (numeric types).'),
  max: opt('fields.#.max', 'Maximum value of the random generator (numeric types).'),
  maxPast: opt('fields.#.max-past', 'Maximum past of the random timestamp generator.', '0'),
  length: opt('fields.#.length', 'Length of strings, binaries and collections.', '100'),
  start: opt('fields.#.start', 'Start value of the sequence generator.'),
  end: opt('fields.#.end', 'End value of the sequence generator.'),
  nullRate: opt('fields.#.null-rate', 'Proportion of null values.', '0'),
  varLen: opt('fields.#.var-len', 'Generate variable-length strings/binaries.', 'false'),
} as const;

/** Largest chunk a poll returns; pacing uses smaller chunks at low rates. */
const MAX_CHUNK = 1024;

function isVariableLength(t: DataType): boolean {
  return t.kind === 'VARCHAR' || t.kind === 'VARBINARY';
}

/** Field-level checks made before building random generators (Flink's validateFieldOptions). */
function validateFieldOptions(name: string, t: DataType, options: ReadonlyMap<string, string>): void {
  const varLen = options.get(`fields.${name}.var-len`);
  if (varLen !== undefined && varLen.trim().toLowerCase() === 'true' && !isVariableLength(t)) {
    throw new PlanError(
      `Only supports specifying '${DATAGEN_OPTIONS.varLen.key}' option for variable-length types (VARCHAR/STRING/VARBINARY/BYTES). The type of field '${name}' is not within this range.`,
    );
  }
  const lenKey = `fields.${name}.length`;
  if (options.has(lenKey)) {
    const len = readInt(options, lenKey)!;
    if (t.kind === 'CHAR' || t.kind === 'BINARY') {
      throw new PlanError(`Custom length for fixed-length type (CHAR/BINARY) field '${name}' is not supported.`);
    }
    if (isVariableLength(t) && 'length' in t && len > t.length) {
      throw new PlanError(
        `Custom length '${len}' for variable-length type (VARCHAR/STRING/VARBINARY/BYTES) field '${name}' should be shorter than '${t.length}' defined in the schema.`,
      );
    }
  }
}

export interface DataGenSpec {
  readonly generators: readonly FieldGenerator[];
  readonly rowsPerSecond: number;
  readonly numberOfRows: number | null;
  readonly parallelism: number | null;
  readonly hasSequence: boolean;
}

/** Validates the options against the schema and builds the generators. */
export function buildDataGen(ctx: TableContext): DataGenSpec {
  const options = ctx.options;
  const consumed = new Set<string>(['connector', DATAGEN_OPTIONS.rowsPerSecond.key, DATAGEN_OPTIONS.numberOfRows.key, DATAGEN_OPTIONS.parallelism.key]);
  const bctx: BuildContext = { options, session: ctx.session, consumed };
  let hasSequence = false;
  const generators = ctx.physicalType.fields.map((f) => {
    const kindKey = `fields.${f.name}.kind`;
    consumed.add(kindKey);
    const kind = readString(options, kindKey, 'random');
    if (kind === 'random') {
      validateFieldOptions(f.name, f.type, options);
      return randomGenerator(f.name, f.type, bctx);
    }
    if (kind === 'sequence') {
      hasSequence = true;
      return sequenceGenerator(f.name, f.type, bctx);
    }
    throw new PlanError(`Unsupported generator kind: ${kind}`);
  });
  const unknown = [...options.keys()].filter((k) => !consumed.has(k));
  if (unknown.length > 0) throw unsupportedOptionsError('datagen', unknown, [...consumed]);
  const rps = readLong(options, DATAGEN_OPTIONS.rowsPerSecond.key, 10000n);
  const n = readLong(options, DATAGEN_OPTIONS.numberOfRows.key);
  const p = readInt(options, DATAGEN_OPTIONS.parallelism.key);
  return {
    generators,
    rowsPerSecond: Number(rps),
    numberOfRows: n === undefined ? null : Number(n),
    parallelism: p ?? null,
    hasSequence,
  };
}

/** How many rows one subtask emits in total (Infinity when unbounded). */
export function subtaskRowCount(spec: DataGenSpec, subtask: number, parallelism: number): number {
  let limit = Infinity;
  if (spec.numberOfRows !== null) {
    const base = Math.floor(spec.numberOfRows / parallelism);
    limit = base + (subtask < spec.numberOfRows % parallelism ? 1 : 0);
  }
  for (const g of spec.generators) limit = Math.min(limit, g.count(subtask, parallelism));
  return limit;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A datagen reader's checkpointed position. Sequence values derive from the row index, so the
 * count restores them exactly; random values are drawn afresh after a restore (not repeated).
 */
export interface DataGenPosition {
  readonly version: 1;
  /** Rows this subtask emitted so far (also the index of its next sequence value). */
  readonly rowsEmitted: number;
}

class DataGenReader implements SourceReader {
  private readonly gens: ValueGen[];
  private readonly limit: number;
  private readonly rate: number;
  private readonly chunkSize: number;
  private emitted = 0;
  private startedAt = -1;
  /** Rows emitted before pacing started (restored ones), which the rate does not wait for again. */
  private emittedAtStart = 0;
  private closed = false;

  constructor(spec: DataGenSpec, rctx: ReaderContext) {
    this.gens = spec.generators.map((g) => g.open(rctx.subtask, rctx.parallelism));
    this.limit = subtaskRowCount(spec, rctx.subtask, rctx.parallelism);
    // The rate is shared by the subtasks, as Flink's per-subtask rate limiter does.
    this.rate = Math.max(spec.rowsPerSecond / rctx.parallelism, Number.MIN_VALUE);
    this.chunkSize = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(this.rate / 20)));
  }

  async poll(): Promise<Chunk | null> {
    if (this.closed || this.emitted >= this.limit) return null;
    const now = Date.now();
    if (this.startedAt < 0) {
      this.startedAt = now;
      this.emittedAtStart = this.emitted;
    }
    const due = this.startedAt + ((this.emitted - this.emittedAtStart) / this.rate) * 1000;
    if (due > now) await sleep(due - now);
    const n = Math.min(this.chunkSize, this.limit - this.emitted);
    const gens = this.gens;
    const arity = gens.length;
    const rows = new Array<Row>(n);
    let idx = this.emitted;
    for (let r = 0; r < n; r++, idx++) {
      const row = new Array<unknown>(arity);
      for (let j = 0; j < arity; j++) row[j] = gens[j]!(idx);
      rows[r] = row;
    }
    this.emitted += n;
    return { rows, kinds: null };
  }

  position(): DataGenPosition {
    return { version: 1, rowsEmitted: this.emitted };
  }

  restore(position: unknown): void {
    const p = position as Partial<DataGenPosition> | null;
    if (p?.version !== 1 || typeof p.rowsEmitted !== 'number' || !Number.isSafeInteger(p.rowsEmitted) || p.rowsEmitted < 0) {
      throw new RuntimeError(`Cannot restore the datagen source from its checkpointed position ${JSON.stringify(position)}.`);
    }
    this.emitted = p.rowsEmitted;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

export const datagenFactory: ConnectorFactory = {
  identifier: 'datagen',
  requiredOptions: [],
  optionalOptions: Object.values(DATAGEN_OPTIONS),
  // Per-field keys are checked against the schema in createSource, as Flink's factory does.
  prefixOptions: ['fields.'],
  createSource(ctx: TableContext): TableSource {
    const spec = buildDataGen(ctx);
    return {
      changelogMode: INSERT_ONLY,
      bounded: spec.numberOfRows !== null || spec.hasSequence,
      splittable: true,
      metadata: new Map(),
      createReader: (rctx) => new DataGenReader(spec, rctx),
    };
  },
};
