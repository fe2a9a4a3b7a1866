/** Trigonometric functions and the constants PI and E (all DOUBLE, as java.lang.Math). */
import type { ScalarFunctionDef } from '../function-def.js';
import { DOUBLE } from '../../types/data-type.js';
import { checkArity, scalar } from '../string/define.js';
import { doubleFn } from './arith.js';

// java.lang.Math.toDegrees / toRadians multiply by these constants (JDK 9+).
const RADIANS_TO_DEGREES = 57.29577951308232;
const DEGREES_TO_RADIANS = 0.017453292519943295;

const constant = (name: string, value: number, doc: string): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'arithmetic',
    doc,
    inferType: (site) => (checkArity(site, 0), DOUBLE(false)),
    build: () => () => value,
  });

export const TRIG_FUNCTIONS: readonly ScalarFunctionDef[] = [
  doubleFn(['SIN'], 'SIN(numeric): the sine of numeric.', Math.sin),
  doubleFn(['COS'], 'COS(numeric): the cosine of numeric.', Math.cos),
  doubleFn(['TAN'], 'TAN(numeric): the tangent of numeric.', Math.tan),
  doubleFn(['COT'], 'COT(numeric): the cotangent of numeric.', (x) => 1.0 / Math.tan(x)),
  doubleFn(['ASIN'], 'ASIN(numeric): the arc sine of numeric.', Math.asin),
  doubleFn(['ACOS'], 'ACOS(numeric): the arc cosine of numeric.', Math.acos),
  doubleFn(['ATAN'], 'ATAN(numeric): the arc tangent of numeric.', Math.atan),
  doubleFn(['ATAN2'], 'ATAN2(numeric1, numeric2): the arc tangent of the coordinate (numeric1, numeric2).', Math.atan2, 2),
  doubleFn(['SINH'], 'SINH(numeric): the hyperbolic sine of numeric.', Math.sinh),
  doubleFn(['COSH'], 'COSH(numeric): the hyperbolic cosine of numeric.', Math.cosh),
  doubleFn(['TANH'], 'TANH(numeric): the hyperbolic tangent of numeric.', Math.tanh),
  doubleFn(['DEGREES'], 'DEGREES(numeric): radians converted to degrees.', (x) => x * RADIANS_TO_DEGREES),
  doubleFn(['RADIANS'], 'RADIANS(numeric): degrees converted to radians.', (x) => x * DEGREES_TO_RADIANS),
  constant('PI', Math.PI, 'PI(): the value closest to pi.'),
  constant('E', Math.E, 'E(): the value closest to e.'),
];
