import { describe, expect, it } from 'vitest';
import { InternalError, RuntimeError } from '../../types/errors.js';
import { Decimal } from '../../types/values.js';
import type { JsAggregateDef } from '../../functions/user/load-js-function.js';
import { INT } from '../../types/data-type.js';
import { userAggregate } from '../aggregates/user-aggregate.js';
import { decodeValues, encodeValues } from './value-codec.js';
import { registerAccumulatorClass, T_SHAPE_DEF } from './value-format.js';

const roundTrip = (v: unknown): unknown => decodeValues(encodeValues([v]))[0];

/** A user aggregate over the module functions `m` (createAccumulator, accumulate, getValue, …). */
function udaf(name: string, m: Pick<JsAggregateDef, 'createAccumulator' | 'accumulate' | 'getValue'> & Partial<JsAggregateDef>): JsAggregateDef {
  return { kind: 'aggregate', names: [name], category: 'user', doc: '', resultType: INT(), ...m };
}

describe('accumulator classes of user aggregates in the value codec', () => {
  it('writes a registered class instance exactly as the plain object of its fields (no new tag)', () => {
    class Acc {
      sum = 5n;
      items = [1, 'x', new Decimal(12n, 1)];
      counts = new Map([['a', 2]]);
      add(): void {}
    }
    registerAccumulatorClass(Acc.prototype, "User aggregate function 'T1'");
    const acc = new Acc();
    const plain = { sum: 5n, items: [1, 'x', new Decimal(12n, 1)], counts: new Map([['a', 2]]) };
    const bytes = encodeValues([acc]);
    expect(bytes).toEqual(encodeValues([plain]));
    expect(bytes[3]).toBe(T_SHAPE_DEF); // the version, the values' array tag and count, then the object's shape
    const decoded = roundTrip(acc);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(decoded).toEqual(plain);
  });

  it('still refuses instances of classes nobody registered, with an InternalError', () => {
    class Unregistered {
      n = 1;
    }
    expect(() => encodeValues([new Unregistered()])).toThrow(InternalError);
    expect(() => encodeValues([new Unregistered()])).toThrow('cannot encode a Unregistered');
  });

  it('refuses what is not plain data in a registered instance, naming the aggregate function', () => {
    const owner = "User aggregate function 'T2'";
    class Inner {
      v = 1;
    }
    class Acc {
      constructor(readonly field: unknown) {}
    }
    registerAccumulatorClass(Acc.prototype, owner);
    const cases: [unknown, string][] = [
      [() => 1, 'accumulator.field is a function'],
      [Symbol('s'), 'accumulator.field is a Symbol'],
      [[1, { deep: [() => 2] }], 'accumulator.field[1].deep[0] is a function'],
      [new Map([['k', Symbol('v')]]), 'a value of accumulator.field is a Symbol'],
      [new Inner(), 'accumulator.field is an instance of class Inner'],
      // Only the accumulator itself is rebuilt on restore: another instance inside it is refused.
      [new Acc(1), 'accumulator.field is an instance of class Acc'],
    ];
    for (const [field, problem] of cases) {
      const write = () => encodeValues([[0, { acc: new Acc(field) }]]);
      expect(write).toThrow(RuntimeError);
      expect(write).toThrow(`${owner} cannot save its accumulator (an instance of class Acc) in a checkpoint: ${problem}. Accumulators must be plain data`);
    }
    // Own properties the fields would lose.
    const symbolKeyed = new Acc(1) as unknown as Record<symbol, unknown>;
    symbolKeyed[Symbol('hidden')] = 1;
    expect(() => encodeValues([symbolKeyed])).toThrow(`${owner} cannot save its accumulator (an instance of class Acc) in a checkpoint: it has a Symbol-keyed property.`);
    const hidden = new Acc(1);
    Object.defineProperty(hidden, 'secret', { value: 2, enumerable: false });
    expect(() => encodeValues([hidden])).toThrow("its property 'secret' is not enumerable");
    class Counts extends Map<string, number> {}
    registerAccumulatorClass(Counts.prototype, "User aggregate function 'T3'");
    expect(() => encodeValues([new Counts([['a', 1]])])).toThrow("User aggregate function 'T3' cannot save its accumulator (an instance of class Counts) in a checkpoint: it extends a built-in class");
    // The shared writer still works after a failed encoding.
    expect(decodeValues(encodeValues([new Acc(3)]))).toEqual([{ field: 3 }]);
  });
});

describe('user aggregates rebuild class-instance accumulators from their saved fields', () => {
  class Avg {
    sum = 0;
    n = 0;
    add(v: number): void {
      this.sum += v;
      this.n++;
    }
    remove(v: number): void {
      this.sum -= v;
      this.n--;
    }
    mergeFrom(o: Avg): Avg {
      const m = new Avg();
      m.sum = this.sum + o.sum;
      m.n = this.n + o.n;
      return m;
    }
    value(): number | null {
      return this.n === 0 ? null : this.sum / this.n;
    }
  }
  const avg = () => udaf('MY_AVG', {
    createAccumulator: () => new Avg(),
    accumulate: (acc, v) => void (acc as Avg).add(v as number),
    retract: (acc, v) => void (acc as Avg).remove(v as number),
    merge: (acc, other) => (acc as Avg).mergeFrom(other as Avg),
    getValue: (acc) => (acc as Avg).value(),
  });

  it('checkpoints an accumulator as its fields and goes on with a rebuilt instance after restore', () => {
    const fn = userAggregate(avg());
    let acc = fn.accumulate(fn.createAccumulator(), [2]);
    acc = fn.accumulate(acc, [4]);
    const restored = roundTrip(acc);
    expect(Object.getPrototypeOf(restored)).toBe(Object.prototype);
    // A fresh function (a restarted job) sees only the saved fields.
    const again = userAggregate(avg());
    expect(again.getValue(restored)).toBe(3);
    const next = again.accumulate(restored, [9]);
    expect(next).toBeInstanceOf(Avg);
    expect(next).toMatchObject({ sum: 15, n: 3 });
    expect(again.getValue(again.retract!(roundTrip(next), [9]))).toBe(3);
    const merged = again.merge(roundTrip(next), roundTrip(again.accumulate(again.createAccumulator(), [1])));
    expect(merged).toBeInstanceOf(Avg);
    expect(again.getValue(merged)).toBe(4);
  });

  it('leaves plain-data accumulators as they are, without extra createAccumulator calls', () => {
    let created = 0;
    const fn = userAggregate(udaf('PLAIN', {
      createAccumulator: () => (created++, { n: 0 }),
      accumulate: (acc) => void (acc as { n: number }).n++,
      getValue: (acc) => (acc as { n: number }).n,
    }));
    const acc = fn.accumulate(fn.createAccumulator(), []);
    const restored = roundTrip(acc) as { n: number };
    expect(fn.accumulate(restored, [])).toBe(restored);
    expect(fn.getValue(restored)).toBe(2);
    expect(created).toBe(1);
  });

  it('names the aggregate function when its class instance holds a function', () => {
    class Bad {
      n = 0;
      log = () => this.n;
    }
    const fn = userAggregate(udaf('MY_BAD', { createAccumulator: () => new Bad(), accumulate: (acc) => void (acc as Bad).n++, getValue: (acc) => (acc as Bad).n }));
    const acc = fn.accumulate(fn.createAccumulator(), []);
    expect(() => encodeValues([acc])).toThrow("User aggregate function 'MY_BAD' cannot save its accumulator (an instance of class Bad) in a checkpoint: accumulator.log is a function. Accumulators must be plain data");
  });
});
