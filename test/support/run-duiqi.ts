// Runs the `duiqi` command as an admin would, in a folder of the test's, and keeps what it printed.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './start-workbench.ts';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runDuiqi(args: string[], cwd: string, env: Record<string, string>): Promise<CommandResult> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), ...args], { cwd, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
