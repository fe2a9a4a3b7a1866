/**
 * Small helpers shared by the built-in function families: argument checks for `inferType`
 * and a compact way to declare a ScalarFunctionDef.
 */
import type { BuildSite, FunctionCategory, ScalarFunctionDef, TypeSite } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { isCharacterString, isBinaryString, isExactInteger, isNumeric, withNullability } from '../../types/data-type.js';

export interface ScalarSpec {
  readonly names: readonly string[];
  readonly category: FunctionCategory;
  readonly doc: string;
  readonly nulls?: 'strict' | 'custom';
  readonly deterministic?: boolean;
  inferType(site: TypeSite): DataType;
  build(site: BuildSite): (...args: unknown[]) => unknown;
}

/** Declares a scalar function; `nulls` defaults to 'strict'. */
export function scalar(spec: ScalarSpec): ScalarFunctionDef {
  return {
    kind: 'scalar',
    names: spec.names,
    category: spec.category,
    doc: spec.doc,
    nulls: spec.nulls ?? 'strict',
    ...(spec.deterministic === undefined ? {} : { deterministic: spec.deterministic }),
    inferType: spec.inferType,
    build: spec.build,
  };
}

/** True when any argument may be NULL (the result of a strict function is then nullable). */
export function anyNullable(site: TypeSite): boolean {
  return site.argTypes.some((t) => t.nullable);
}

/** The type `t` made nullable when any argument is nullable (strict null semantics). */
export function strictResult<T extends DataType>(site: TypeSite, t: T): T {
  return t.kind === 'NULL' ? t : withNullability(t, t.nullable || anyNullable(site));
}

export function checkArity(site: TypeSite, min: number, max = min): void {
  const n = site.argTypes.length;
  if (n < min || n > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new FunctionTypeError(
      `Invalid number of arguments to function '${site.name}'. Was expecting ${expected} arguments, got ${n}.`,
    );
  }
}

const isNull = (t: DataType): boolean => t.kind === 'NULL';

function fail(site: TypeSite, i: number, expected: string): never {
  const t = site.argTypes[i]!;
  throw new FunctionTypeError(
    `Invalid argument ${i + 1} of '${site.name}': expected ${expected}, got ${describeType(t)}.`,
    i,
  );
}

export function describeType(t: DataType): string {
  switch (t.kind) {
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'CHAR':
    case 'VARCHAR':
      return t.length === 2147483647 ? 'STRING' : `${t.kind}(${t.length})`;
    case 'BINARY':
    case 'VARBINARY':
      return t.length === 2147483647 ? 'BYTES' : `${t.kind}(${t.length})`;
    case 'ARRAY':
      return `ARRAY<${describeType(t.element)}>`;
    case 'MAP':
      return `MAP<${describeType(t.key)}, ${describeType(t.value)}>`;
    case 'MULTISET':
      return `MULTISET<${describeType(t.element)}>`;
    default:
      return t.kind;
  }
}

export function requireString(site: TypeSite, i: number): void {
  const t = site.argTypes[i]!;
  if (!isCharacterString(t) && !isNull(t)) fail(site, i, 'a character string');
}
export function requireStringOrBinary(site: TypeSite, i: number): void {
  const t = site.argTypes[i]!;
  if (!isCharacterString(t) && !isBinaryString(t) && !isNull(t)) fail(site, i, 'a character or binary string');
}
export function requireBinary(site: TypeSite, i: number): void {
  const t = site.argTypes[i]!;
  if (!isBinaryString(t) && !isNull(t)) fail(site, i, 'a binary string');
}
export function requireInteger(site: TypeSite, i: number): void {
  const t = site.argTypes[i]!;
  if (!isExactInteger(t) && !isNull(t)) fail(site, i, 'an integer (TINYINT, SMALLINT, INT or BIGINT)');
}
export function requireNumeric(site: TypeSite, i: number): void {
  const t = site.argTypes[i]!;
  if (!isNumeric(t) && !isNull(t)) fail(site, i, 'a numeric value');
}
export function requireBoolean(site: TypeSite, i: number): void {
  const t = site.argTypes[i]!;
  if (t.kind !== 'BOOLEAN' && !isNull(t)) fail(site, i, 'a BOOLEAN');
}
export function requireArray(site: TypeSite, i: number): void {
  const t = site.argTypes[i]!;
  if (t.kind !== 'ARRAY' && !isNull(t)) fail(site, i, 'an ARRAY');
}
export function requireMap(site: TypeSite, i: number): void {
  const t = site.argTypes[i]!;
  if (t.kind !== 'MAP' && !isNull(t)) fail(site, i, 'a MAP');
}

/** Integer argument values are numbers, or bigints for BIGINT: read them as JS numbers. */
export function toInt(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : (v as number);
}

/** The length of a character type, or the max when unknown. */
export function lengthOf(t: DataType): number {
  return t.kind === 'CHAR' || t.kind === 'VARCHAR' || t.kind === 'BINARY' || t.kind === 'VARBINARY'
    ? t.length
    : 2147483647;
}
