// The demo's https certificate for localhost and 127.0.0.1: made on first use, kept in .certs/ (not in git), made
// again when it is about to expire.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import selfsigned from 'selfsigned';

const DIR = '.certs';
const CERT = `${DIR}/localhost.crt`;
const KEY = `${DIR}/localhost.key`;
const DAY = 24 * 3600 * 1000;

/** `{cert, key}` for an https server on localhost. */
export async function localhostCertificate() {
  if (existsSync(CERT) && existsSync(KEY)) {
    const cert = readFileSync(CERT, 'utf8');
    if (Date.parse(new X509Certificate(cert).validTo) - Date.now() > DAY)
      return { cert, key: readFileSync(KEY, 'utf8') };
  }
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(CERT, pems.cert);
  writeFileSync(KEY, pems.private, { mode: 0o600 });
  return { cert: pems.cert, key: pems.private };
}
