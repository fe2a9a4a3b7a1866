/**
 * Flink's published Nexmark throughput in events per second per core (../shared/reference/
 * nexmark.md): the V1 runner (Flink 1.13–2.0) and the V2 runner (Flink ≥ 2.0). Anchors measured on
 * other hardware, not a same-run comparison.
 */
export const FLINK_PER_CORE: Readonly<Record<string, { readonly v1: number; readonly v2: number }>> = {
  q0: { v1: 155_000, v2: 378_000 },
  q1: { v1: 158_000, v2: 395_000 },
  q2: { v1: 175_000, v2: 414_000 },
  q3: { v1: 152_000, v2: 219_000 },
  q4: { v1: 34_000, v2: 28_000 },
  q5: { v1: 22_000, v2: 75_000 },
  q7: { v1: 12_000, v2: 23_000 },
  q8: { v1: 146_000, v2: 162_000 },
  q9: { v1: 14_000, v2: 14_000 },
  q10: { v1: 58_000, v2: 133_000 },
  q11: { v1: 40_000, v2: 46_000 },
  q12: { v1: 76_000, v2: 194_000 },
  q13: { v1: 131_000, v2: 188_000 },
  q14: { v1: 161_000, v2: 259_000 },
  q15: { v1: 72_000, v2: 168_000 },
  q16: { v1: 19_000, v2: 45_000 },
  q17: { v1: 117_000, v2: 161_000 },
  q18: { v1: 54_000, v2: 65_000 },
  q19: { v1: 44_000, v2: 43_000 },
  q20: { v1: 19_000, v2: 18_000 },
  q21: { v1: 98_000, v2: 147_000 },
  q22: { v1: 130_000, v2: 211_000 },
};

/** The queries of the suite, in order (q6 does not run on Flink either). */
export const NEXMARK_QUERIES = Object.keys(FLINK_PER_CORE);
