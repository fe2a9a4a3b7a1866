import type { SessionConfig } from '../catalog/session-config.js';
import { PlanError } from '../types/errors.js';

export const REST_PORT = 'rest.port';
export const REST_BIND_ADDRESS = 'rest.bind-address';

export interface RestOptions {
  readonly host: string;
  readonly port: number;
}

/**
 * The REST API's address when the session asks for it: only when `rest.port` or
 * `rest.bind-address` is set explicitly (SET or --set), so a plain `weir run` binds no port.
 */
export function restOptions(config: SessionConfig): RestOptions | undefined {
  if (!config.entries().some(([k]) => k === REST_PORT || k === REST_BIND_ADDRESS)) return undefined;
  const text = config.get(REST_PORT)!.trim();
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new PlanError(`Invalid value '${text}' for '${REST_PORT}': expected a port number from 0 to 65535.`, undefined,
      `Use e.g. SET '${REST_PORT}' = '8081', or '0' for any free port.`);
  }
  return { host: config.get(REST_BIND_ADDRESS)!.trim(), port };
}
