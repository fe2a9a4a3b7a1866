/**
 * FLOOR(timepoint TO unit) and CEIL(timepoint TO unit), named FLOOR_TIME / CEIL_TIME by the
 * planner (numeric FLOOR/CEIL are the math family's). The unit is literal argument 1.
 * The result has the operand's type.
 */
import { withoutTimeAttribute } from '../../types/data-type.js';
import { floorCeilDate, floorCeilInstant, floorCeilMillis, floorCeilTime } from '../../types/temporal-units.js';
import { Timestamp } from '../../types/values.js';
import type { ScalarFunctionDef } from '../function-def.js';
import { cannotApply, literalUnit } from './helpers.js';

function def(name: 'FLOOR_TIME' | 'CEIL_TIME', floor: boolean): ScalarFunctionDef {
  const sql = floor ? 'FLOOR' : 'CEIL';
  return {
    kind: 'scalar',
    names: [name],
    category: 'temporal',
    doc: `${sql}(timepoint TO timeintervalunit): timepoint rounded ${floor ? 'down' : 'up'} to the unit, e.g. ${sql}(TIME '12:44:31' TO MINUTE) = ${floor ? '12:44:00' : '12:45:00'}.`,
    nulls: 'strict',
    inferType(site) {
      const t = site.argTypes[0]!;
      const unit = literalUnit(site, 1);
      const forms = `'${sql}(<DATETIME> TO <TIME UNIT>)'`;
      if (t.kind === 'NULL') return t;
      if (t.kind !== 'DATE' && t.kind !== 'TIME' && t.kind !== 'TIMESTAMP' && t.kind !== 'TIMESTAMP_LTZ') throw cannotApply(site, forms, 0);
      if (t.kind === 'TIME' && !['HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'DAY'].includes(unit)) throw cannotApply(site, forms, 1);
      return withoutTimeAttribute(t);
    },
    build(site) {
      const t = site.argTypes[0]!;
      const unit = literalUnit(site, 1);
      switch (t.kind) {
        case 'DATE':
          return (v) => (unit === 'DAY' || unit === 'HOUR' || unit === 'MINUTE' || unit === 'SECOND' ? v : floorCeilDate(unit, v as number, floor));
        case 'TIME':
          return (v) => floorCeilTime(unit, v as number, floor);
        case 'TIMESTAMP':
          return (v) => {
            const ts = v as Timestamp;
            // A value already on the boundary with sub-millisecond nanos still rounds up.
            const m = floorCeilMillis(unit, ts.millis, floor);
            if (!floor && m === ts.millis && ts.nanos > 0) return Timestamp.ofMillis(floorCeilMillis(unit, ts.millis + 1, false));
            return Timestamp.ofMillis(m);
          };
        case 'TIMESTAMP_LTZ': {
          const zone = site.ctx.timeZone;
          return (v) => Timestamp.ofMillis(floorCeilInstant(unit, (v as Timestamp).millis, zone, floor));
        }
        default:
          return () => null;
      }
    },
  };
}

export const FLOOR_CEIL_FUNCTIONS: readonly ScalarFunctionDef[] = [def('FLOOR_TIME', true), def('CEIL_TIME', false)];
