import type { FunctionDef } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import { scalar } from '../string/define.js';
import * as T from '../../types/data-type.js';
import { typeToString } from '../../types/type-string.js';
import { Timestamp } from '../../types/values.js';

/** Functions that read the session or the running operator rather than their arguments. */

const noArgs = (name: string) => (site: { argTypes: readonly unknown[] }) => {
  if (site.argTypes.length > 0) throw new FunctionTypeError(`${name} takes no arguments`);
  return T.STRING(false);
};

const CURRENT_CATALOG = scalar({
  names: ['CURRENT_CATALOG'],
  category: 'auxiliary',
  doc: 'CURRENT_CATALOG(): the name of the current catalog.',
  deterministic: false,
  inferType: noArgs('CURRENT_CATALOG'),
  build: (site) => {
    const name = site.ctx.currentCatalog ?? 'default_catalog';
    return () => name;
  },
});

const CURRENT_DATABASE = scalar({
  names: ['CURRENT_DATABASE'],
  category: 'auxiliary',
  doc: 'CURRENT_DATABASE(): the name of the current database.',
  deterministic: false,
  inferType: noArgs('CURRENT_DATABASE'),
  build: (site) => {
    const name = site.ctx.currentDatabase ?? 'default_database';
    return () => name;
  },
});

/**
 * CURRENT_WATERMARK(rowtime): the operator's current watermark, typed like the rowtime column
 * (without its time attribute); NULL before the first watermark, as in Flink.
 */
const CURRENT_WATERMARK = scalar({
  names: ['CURRENT_WATERMARK'],
  category: 'temporal',
  doc: 'CURRENT_WATERMARK(rowtime): the current watermark for the given rowtime attribute, or NULL if no watermark has been emitted yet.',
  nulls: 'custom',
  deterministic: false,
  inferType: (site) => {
    const t = site.argTypes[0];
    if (site.argTypes.length !== 1 || !t || !T.isTimestamp(t) || t.timeAttribute !== 'ROWTIME') {
      throw new FunctionTypeError(`The argument of CURRENT_WATERMARK must be a rowtime attribute, but is ${t ? typeToString(t) : 'missing'}.`, 0);
    }
    return { kind: t.kind, precision: Math.min(t.precision, 3), nullable: true };
  },
  build: (site) => {
    const watermark = site.ctx.currentWatermark;
    if (!watermark) return () => null;
    return () => {
      const wm = watermark();
      return wm === null ? null : Timestamp.ofMillis(wm);
    };
  },
});

export const CONTEXT_FUNCTIONS: readonly FunctionDef[] = [CURRENT_CATALOG, CURRENT_DATABASE, CURRENT_WATERMARK];
