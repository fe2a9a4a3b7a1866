import type { DataType } from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { Span } from '../../types/span.js';
import { closest } from './suggest.js';

export interface ScopeColumn {
  readonly name: string;
  /** The table name or alias the column can be qualified with. */
  readonly qualifier?: string;
  readonly type: DataType;
  /** The right-hand copy of a USING / NATURAL join column: reachable only when qualified, not in `*`. */
  readonly hiddenFromStar?: boolean;
}

export interface Resolved {
  readonly index: number;
  readonly type: DataType;
  /** Names after the column that are ROW field accesses (`t.r.f` → ['f']). */
  readonly fieldPath: readonly string[];
}

/** The columns visible to expressions of one SELECT (the FROM clause's output). Case-sensitive, as Flink. */
export class Scope {
  /**
   * `columns` are visible to expressions; the first `outerCount` belong to an enclosing query
   * (a correlated subquery's outer columns): the subquery's own columns shadow them.
   */
  constructor(
    readonly columns: readonly ScopeColumn[],
    private readonly outerCount = 0,
  ) {}

  /** A scope for a correlated subquery: `outer`'s columns first, then this query's own. */
  static correlated(outer: Scope, own: readonly ScopeColumn[]): Scope {
    return new Scope([...outer.columns, ...own], outer.columns.length);
  }

  /** Resolves `a`, `t.a`, `a.f`, `t.a.f`; throws a SqlError with a suggestion if not found. */
  resolve(names: readonly string[], span: Span): Resolved {
    if (names.length > 1) {
      const qualified = this.lookup(names[1]!, names[0]!, span);
      if (qualified !== undefined) return { index: qualified, type: this.columns[qualified]!.type, fieldPath: names.slice(2) };
    }
    const plain = this.lookup(names[0]!, undefined, span);
    if (plain !== undefined) return { index: plain, type: this.columns[plain]!.type, fieldPath: names.slice(1) };
    throw this.notFound(names, span);
  }

  private lookup(name: string, qualifier: string | undefined, span: Span): number | undefined {
    return this.lookupIn(name, qualifier, span, this.outerCount, this.columns.length) ?? this.lookupIn(name, qualifier, span, 0, this.outerCount);
  }

  private lookupIn(name: string, qualifier: string | undefined, span: Span, from: number, to: number): number | undefined {
    let found: number | undefined;
    this.columns.forEach((c, i) => {
      if (i < from || i >= to) return;
      if (c.name !== name || (qualifier !== undefined && c.qualifier !== qualifier)) return;
      if (qualifier === undefined && c.hiddenFromStar) return;
      if (found !== undefined) {
        throw new SqlError('AMBIGUOUS_COLUMN', `Column '${name}' is ambiguous`, span,
          `Qualify it with its table: ${[this.columns[found]!, c].map((x) => `${x.qualifier ?? '?'}.${name}`).join(' or ')}.`);
      }
      found = i;
    });
    return found;
  }

  private notFound(names: readonly string[], span: Span): SqlError {
    const qualifiers = [...new Set(this.columns.map((c) => c.qualifier).filter((q): q is string => q !== undefined))];
    let candidates = this.columns;
    let name = names[0]!;
    let where = qualifiers.length === 1 ? `table '${qualifiers[0]}'` : 'any table';
    if (names.length > 1 && qualifiers.includes(names[0]!)) {
      name = names[1]!;
      where = `table '${names[0]}'`;
      candidates = this.columns.filter((c) => c.qualifier === names[0]);
    } else if (names.length > 1 && !this.columns.some((c) => c.name === names[0])) {
      const table = closest(names[0]!, qualifiers);
      return new SqlError('TABLE_NOT_FOUND', `Table '${names[0]}' not found`, span,
        table ? `Did you mean '${table}'?` : `Tables in scope: ${qualifiers.join(', ') || '(none)'}.`);
    }
    const guess = closest(name, candidates.map((c) => c.name));
    return new SqlError('COLUMN_NOT_FOUND', `Column '${name}' not found in ${where}${guess ? `; did you mean '${guess}'?` : ''}`, span,
      guess ? undefined : `Available columns: ${candidates.map((c) => c.name).join(', ') || '(none)'}.`);
  }
}
