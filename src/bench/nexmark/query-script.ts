import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the suite lives: bench/nexmark (DDL template, queries, side input, UDFs). */
export interface SuiteDirs {
  readonly suite: string;
  /** A directory the query may write to (q10's filesystem sink). */
  readonly output: string;
}

export interface ScriptParams {
  readonly events: number;
  readonly seed: number;
  /** `first-event.rate`: spaces the event timestamps (events are generated unthrottled). */
  readonly rate: number;
  readonly parallelism: number;
}

/** The whole script of one query: SETs, the source DDL and views, then the query's sink and INSERT. */
export async function queryScript(query: string, dirs: SuiteDirs, p: ScriptParams): Promise<string> {
  const [ddl, body] = await Promise.all([readFile(join(dirs.suite, 'ddl.sql'), 'utf8'), readFile(join(dirs.suite, 'queries', `${query}.sql`), 'utf8')]);
  const values: Record<string, string> = {
    events: String(p.events),
    seed: String(p.seed),
    rate: String(p.rate),
    output: dirs.output,
    data: join(dirs.suite, 'data'),
    udf: join(dirs.suite, 'udf'),
  };
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key] ?? m);
  return `SET 'parallelism.default' = '${p.parallelism}';\n${fill(ddl)}\n${fill(body)}`;
}
