/** RAND, RAND_INTEGER and UUID: non-deterministic, never constant-folded. */
import { randomUUID } from 'node:crypto';
import type { BuildSite, ScalarFunctionDef } from '../function-def.js';
import { CHAR, DOUBLE, INT } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { checkArity, requireInteger, scalar, strictResult, toInt } from '../string/define.js';
import { JavaRandom } from './java-random.js';

/**
 * One generator per call site, as Flink's generated code keeps one java.util.Random per
 * operator; a non-literal seed starts a fresh generator for each row.
 */
function generator(site: BuildSite, seeded: boolean): (seed: unknown) => JavaRandom {
  if (!seeded) {
    const r = JavaRandom.unseeded();
    return () => r;
  }
  const lit = site.literals[0];
  if (lit !== undefined && lit !== null) {
    const r = new JavaRandom(BigInt(toInt(lit)));
    return () => r;
  }
  return (seed) => new JavaRandom(BigInt(toInt(seed)));
}

const RAND = scalar({
  names: ['RAND'],
  category: 'arithmetic',
  doc: 'RAND([seed]): a pseudorandom double in [0.0, 1.0); the same seed gives the same sequence.',
  deterministic: false,
  inferType: (site) => {
    checkArity(site, 0, 1);
    if (site.argTypes.length === 1) requireInteger(site, 0);
    return strictResult(site, DOUBLE(false));
  },
  build: (site) => {
    const gen = generator(site, site.argTypes.length === 1);
    return (seed) => gen(seed).nextDouble();
  },
});

function nextInt(r: JavaRandom, bound: unknown): number {
  const b = toInt(bound);
  if (b <= 0) throw new RuntimeError(`RAND_INTEGER bound must be positive, got ${b}`);
  return r.nextInt(b);
}

const RAND_INTEGER = scalar({
  names: ['RAND_INTEGER'],
  category: 'arithmetic',
  doc: 'RAND_INTEGER([seed, ]bound): a pseudorandom integer in [0, bound).',
  deterministic: false,
  inferType: (site) => {
    checkArity(site, 1, 2);
    site.argTypes.forEach((_, i) => requireInteger(site, i));
    return strictResult(site, INT(false));
  },
  build: (site) => {
    if (site.argTypes.length === 1) {
      const gen = generator(site, false);
      return (bound) => nextInt(gen(null), bound);
    }
    const gen = generator(site, true);
    return (seed, bound) => nextInt(gen(seed), bound);
  },
});

const UUID = scalar({
  names: ['UUID'],
  category: 'arithmetic',
  doc: 'UUID(): a random RFC 4122 type 4 UUID string.',
  deterministic: false,
  inferType: (site) => (checkArity(site, 0), CHAR(36, false)),
  build: () => () => randomUUID(),
});

export const RANDOM_FUNCTIONS: readonly ScalarFunctionDef[] = [RAND, RAND_INTEGER, UUID];
