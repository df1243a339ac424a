// Runs a test script as its own process under tsx and follows its output line by line.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../support/start-workbench.ts';

export class ScriptProcess {
  readonly child: ChildProcess;
  output = '';
  errors = '';
  readonly exited: Promise<number | null>;

  constructor(script: string, args: string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
      cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (d: string) => (this.output += d));
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.errors += d));
    this.exited = new Promise((resolve) => this.child.once('close', (code) => resolve(code)));
  }

  /** Resolves when a whole line equal to `line` has been printed; rejects if the process ends first. */
  // Generous: a tsx start on a loaded 2-core machine took over 30 s; the wait is for a hang, not for slowness.
  async waitFor(line: string, timeoutMs = 120_000): Promise<void> {
    const seen = () => this.output.startsWith(`${line}\n`) || this.output.includes(`\n${line}\n`);
    const started = Date.now();
    while (!seen()) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`the process ended before "${line}":\n${this.errors}`);
      if (Date.now() - started > timeoutMs) throw new Error(`no "${line}" after ${timeoutMs} ms:\n${this.errors}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  send(line: string): void {
    this.child.stdin!.write(`${line}\n`);
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    // 'close' comes after the last output in the pipe has been read.
    await this.exited;
  }
}
