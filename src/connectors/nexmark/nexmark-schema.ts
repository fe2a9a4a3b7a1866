/**
 * The row type the nexmark connector produces. Rows are positional, so a table must declare
 * columns of these kinds in this order (names are free; strings may be any CHAR/VARCHAR).
 */
import { BIGINT, INT, ROW, STRING, TIMESTAMP, type DataType, type RowType } from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import { typeToString } from '../../types/type-string.js';

const f = (name: string, type: DataType) => ({ name, type });

export const PERSON_TYPE = ROW([
  f('id', BIGINT()), f('name', STRING()), f('emailAddress', STRING()), f('creditCard', STRING()),
  f('city', STRING()), f('state', STRING()), f('dateTime', TIMESTAMP(3)), f('extra', STRING()),
]);
export const AUCTION_TYPE = ROW([
  f('id', BIGINT()), f('itemName', STRING()), f('description', STRING()), f('initialBid', BIGINT()),
  f('reserve', BIGINT()), f('dateTime', TIMESTAMP(3)), f('expires', TIMESTAMP(3)), f('seller', BIGINT()),
  f('category', BIGINT()), f('extra', STRING()),
]);
export const BID_TYPE = ROW([
  f('auction', BIGINT()), f('bidder', BIGINT()), f('price', BIGINT()), f('channel', STRING()),
  f('url', STRING()), f('dateTime', TIMESTAMP(3)), f('extra', STRING()),
]);
export const NEXMARK_TYPE: RowType = ROW([f('event_type', INT()), f('person', PERSON_TYPE), f('auction', AUCTION_TYPE), f('bid', BID_TYPE)]);

/** Kinds whose values the generator's values fit (strings as JS strings, timestamps as Timestamp). */
function sameValueKind(declared: DataType, produced: DataType): boolean {
  if (produced.kind === 'VARCHAR') return declared.kind === 'VARCHAR' || declared.kind === 'CHAR';
  return declared.kind === produced.kind;
}

function mismatch(declared: DataType, produced: DataType, path: string): string | null {
  if (!sameValueKind(declared, produced)) return `${path} is ${typeToString(declared)} where the connector produces ${typeToString(produced)}`;
  if (declared.kind !== 'ROW' || produced.kind !== 'ROW') return null;
  if (declared.fields.length !== produced.fields.length) {
    return `${path} has ${declared.fields.length} fields where the connector produces ${produced.fields.length}`;
  }
  for (let i = 0; i < produced.fields.length; i++) {
    const m = mismatch(declared.fields[i]!.type, produced.fields[i]!.type, `${path}.${declared.fields[i]!.name}`);
    if (m !== null) return m;
  }
  return null;
}

/** Fails planning when the table's physical columns cannot hold the generated rows. */
export function checkNexmarkSchema(tableName: string, physical: RowType): void {
  const m = physical.fields.length !== NEXMARK_TYPE.fields.length
    ? `it has ${physical.fields.length} physical columns where the connector produces ${NEXMARK_TYPE.fields.length}`
    : mismatch(physical, NEXMARK_TYPE, 'column')?.replace(/^column\./, 'column ') ?? null;
  if (m === null) return;
  throw new PlanError(
    `Table '${tableName}' does not match the nexmark connector's row type: ${m}.`,
    undefined,
    `Declare the physical columns as ${typeToString(NEXMARK_TYPE).replace(/^ROW<(.*)>( NOT NULL)?$/, '$1')}.`,
  );
}
