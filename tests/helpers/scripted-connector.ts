import type { ConnectorFactory, SourceReader } from '../../src/connectors/connector.js';
import { INSERT_ONLY } from '../../src/types/changelog-mode.js';
import type { Timestamp } from '../../src/types/values.js';
import { RuntimeError } from '../../src/types/errors.js';

/**
 * A step of a scripted test source: emit rows, emit a watermark, wait (real time), move the
 * test's clock (for processing-time tests with an injected clock), or fail the job — `times`
 * times (default once) per scriptedConnector(), so a restarted job gets past it.
 */
export type Step = { rows: unknown[][] } | { watermark: Timestamp } | { wait: number } | { clock: number } | { fail: string; times?: number };

/**
 * The `scripted` connector: an unbounded source per `'script' = 'name'` that plays its steps,
 * then waits for data forever (until the job is cancelled).
 */
export function scriptedConnector(scripts: Record<string, Step[]>, setClock?: (millis: number) => void): ConnectorFactory {
  /** How often each fail step (`script#index`) has failed. */
  const failed = new Map<string, number>();
  return {
    identifier: 'scripted',
    requiredOptions: [{ key: 'script', description: 'script name' }],
    optionalOptions: [],
    createSource: (ctx) => ({
      changelogMode: INSERT_ONLY,
      bounded: false,
      metadata: new Map(),
      createReader: (): SourceReader => {
        const name = ctx.options.get('script')!;
        const steps = scripts[name]!;
        // Position: the index of the next step, and the clock as the last played clock step set it.
        let next = 0;
        let clock: number | null = null;
        return {
          poll: async () => {
            for (let step = steps[next]; ; step = steps[next]) {
              if (!step) return new Promise(() => {});
              if ('fail' in step) {
                const key = `${name}#${next}`;
                const n = failed.get(key) ?? 0;
                if (n < (step.times ?? 1)) {
                  failed.set(key, n + 1);
                  throw new RuntimeError(step.fail);
                }
                next++;
                continue;
              }
              next++;
              if ('wait' in step) await new Promise((r) => setTimeout(r, step.wait));
              else if ('clock' in step) setClock?.((clock = step.clock));
              else if ('rows' in step) return { rows: step.rows, kinds: null };
              else return { watermark: step.watermark.millis };
            }
          },
          position: () => ({ version: 1, nextStep: next, clock }),
          // Waits already played are not waited again; the clock goes back to where the checkpoint saw it.
          restore: (p: unknown) => {
            const pos = p as { nextStep?: unknown; clock?: unknown } | null;
            if (typeof pos?.nextStep !== 'number' || pos.nextStep < 0 || pos.nextStep > steps.length) throw new Error(`bad scripted source position ${JSON.stringify(p)}`);
            next = pos.nextStep;
            clock = typeof pos.clock === 'number' ? pos.clock : null;
            if (clock !== null) setClock?.(clock);
          },
          close: async () => {},
        };
      },
    }),
  };
}
