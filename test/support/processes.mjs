// Helpers to start the helper processes the browser tests need.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { paths } from '../../scripts/browsers.mjs';

/** Resolves once something listens on 127.0.0.1:port. */
export async function waitForPort(port, timeoutMs = 20000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve(s.end() && true)).on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts Xvfb on a free display number; `stop()` ends it. */
export async function xvfb() {
  let n = 90;
  while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++;
  const proc = spawn(paths.XVFB, [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const until = Date.now() + 10000;
  while (!existsSync(`/tmp/.X11-unix/X${n}`)) {
    if (proc.exitCode != null || Date.now() > until) throw new Error('Xvfb did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { name: `:${n}`, stop: () => proc.kill() };
}
