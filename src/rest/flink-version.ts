/** The Flink version whose SQL dialect and REST API weir follows (reported as `flink-version`). */
export const FLINK_VERSION = '1.20.0';

/** Reported as `flink-revision` / `flink-commit`: this is weir, not a Flink build. */
export const FLINK_REVISION = 'weir';
