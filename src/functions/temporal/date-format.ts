/**
 * DATE_FORMAT(timestamp, format): as Flink, a TIMESTAMP/TIMESTAMP_LTZ is formatted with
 * java.time DateTimeFormatter rules (TIMESTAMP_LTZ in the session zone); a string is first read
 * as `yyyy-MM-dd HH:mm:ss` and both sides use SimpleDateFormat rules.
 */
import { STRING } from '../../types/data-type.js';
import { MILLIS_PER_DAY } from '../../types/temporal-calendar.js';
import { formatWithPattern } from '../../types/temporal-pattern.js';
import { parseWithPattern } from '../../types/temporal-pattern-parse.js';
import { zoneOffsetMillis } from '../../types/temporal-zone.js';
import type { Timestamp } from '../../types/values.js';
import type { ScalarFunctionDef } from '../function-def.js';
import { cannotApply, isString } from './helpers.js';

export const DEFAULT_DATETIME_PATTERN = 'yyyy-MM-dd HH:mm:ss';

export const DATE_FORMAT_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['DATE_FORMAT'],
  category: 'temporal',
  doc: 'DATE_FORMAT(timestamp, string): timestamp formatted with the Java date pattern string, e.g. DATE_FORMAT(TIMESTAMP \'2020-04-15 08:05:00\', \'yyyy/MM/dd\') = 2020/04/15.',
  nulls: 'strict',
  inferType(site) {
    const forms = "'DATE_FORMAT(<DATE>, <STRING>)' 'DATE_FORMAT(<TIMESTAMP>, <STRING>)' 'DATE_FORMAT(<STRING>, <STRING>)'";
    if (site.argTypes.length !== 2) throw cannotApply(site, forms);
    const [a, f] = site.argTypes as [typeof site.argTypes[0], typeof site.argTypes[0]];
    const okA = a.kind === 'TIMESTAMP' || a.kind === 'TIMESTAMP_LTZ' || a.kind === 'DATE' || isString(a);
    if (!okA) throw cannotApply(site, forms, 0);
    if (!isString(f)) throw cannotApply(site, forms, 1);
    return STRING(true);
  },
  build(site) {
    const a = site.argTypes[0]!;
    const zone = site.ctx.timeZone;
    switch (a.kind) {
      case 'DATE':
        return (d, fmt) => formatWithPattern((d as number) * MILLIS_PER_DAY, 0, fmt as string, 'java');
      case 'TIMESTAMP':
        return (v, fmt) => formatWithPattern((v as Timestamp).millis, (v as Timestamp).nanos, fmt as string, 'java');
      case 'TIMESTAMP_LTZ':
        return (v, fmt) => {
          const ts = v as Timestamp;
          const off = zoneOffsetMillis(zone, ts.millis);
          return formatWithPattern(ts.millis + off, ts.nanos, fmt as string, 'java', off, zone);
        };
      default:
        // Both sides read in the same zone, so the zone only matters through the text.
        return (s, fmt) => {
          const p = parseWithPattern(s as string, DEFAULT_DATETIME_PATTERN, 'simple');
          return p === null ? null : formatWithPattern(p.localMillis, 0, fmt as string, 'simple', zoneOffsetMillis(zone, p.localMillis), zone);
        };
    }
  },
};
