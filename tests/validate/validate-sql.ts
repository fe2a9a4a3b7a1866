import { runScript } from '../../src/session/script-runner.js';
import { Session } from '../../src/session/session.js';

export interface ValidateResult {
  readonly code: number;
  readonly stderr: string;
}

/** Runs `weir validate` on a script the way the CLI does, capturing diagnostics. */
export async function validateSql(text: string, fileName = 'case.sql', baseDir?: string): Promise<ValidateResult> {
  const session = new Session(baseDir === undefined ? {} : { baseDir });
  const stderr: string[] = [];
  const code = await runScript(text, session, {
    mode: 'validate',
    fileName,
    io: { stdout: () => {}, stderr: (l) => stderr.push(l) },
  });
  return { code, stderr: stderr.join('\n') };
}
