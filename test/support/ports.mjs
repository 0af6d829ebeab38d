// Ports for the servers the tests start, each picked free when a run starts: two runs on one machine, or a developer's
// own servers on the usual ports (a Vite app on 5173, `npm start` on 8000 and 8001), do not collide with them.
import { createServer } from 'node:net';

const listening = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, () => resolve(server));
  });

/** `n` different TCP ports that nothing listens on now, as the system picks them. */
export const freePorts = async (n) => {
  // All held at once until each is known, so that no two are the same.
  const servers = await Promise.all(Array.from({ length: n }, listening));
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
};

/** A TCP port that nothing listens on now. */
export const freePort = async () => (await freePorts(1))[0];

/**
 * Chromium's switch that sends what a page addresses as `http://localhost:5173` to the port a test server really
 * listens on (`{'localhost:5173': 40123}`): pages built with fixed origins (the example apps, the acceptance site) run
 * unchanged while nothing listens on those ports.
 */
export const hostRules = (ports) =>
  `--host-resolver-rules=${Object.entries(ports)
    .map(([hostPort, port]) => `MAP ${hostPort} 127.0.0.1:${port}`)
    .join(',')}`;
