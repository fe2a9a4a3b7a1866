import type { ConnectorFactory, SourceReader } from '../../src/connectors/connector.js';
import { INSERT_ONLY } from '../../src/types/changelog-mode.js';
import type { Timestamp } from '../../src/types/values.js';

/**
 * A step of a scripted test source: emit rows, emit a watermark, wait (real time), or move the
 * test's clock (for processing-time tests with an injected clock).
 */
export type Step = { rows: unknown[][] } | { watermark: Timestamp } | { wait: number } | { clock: number };

/**
 * The `scripted` connector: an unbounded source per `'script' = 'name'` that plays its steps,
 * then waits for data forever (until the job is cancelled).
 */
export function scriptedConnector(scripts: Record<string, Step[]>, setClock?: (millis: number) => void): ConnectorFactory {
  return {
    identifier: 'scripted',
    requiredOptions: [{ key: 'script', description: 'script name' }],
    optionalOptions: [],
    createSource: (ctx) => ({
      changelogMode: INSERT_ONLY,
      bounded: false,
      metadata: new Map(),
      createReader: (): SourceReader => {
        const steps = [...scripts[ctx.options.get('script')!]!];
        return {
          poll: async () => {
            for (let step = steps.shift(); ; step = steps.shift()) {
              if (!step) return new Promise(() => {});
              if ('wait' in step) await new Promise((r) => setTimeout(r, step.wait));
              else if ('clock' in step) setClock?.(step.clock);
              else if ('rows' in step) return { rows: step.rows, kinds: null };
              else return { watermark: step.watermark.millis };
            }
          },
          close: async () => {},
        };
      },
    }),
  };
}
