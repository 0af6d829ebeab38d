// The flow inspector's events, as the demo's timeline reads them: it puts each event where its `at` says, so `at`
// must be when the thing happened at IMS.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalIms } from 'adobe-local-ims';
import { codeFor, exchange, inspectorEvents } from '../support/ims-client.mjs';

const REDIRECT = 'http://app.localhost:9000/redirect.html';
let ims;

describe('local IMS: the flow inspector', () => {
  before(async () => {
    ims = await startLocalIms({
      port: 0,
      inspector: true,
      dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] },
    });
  });
  after(() => ims.close());

  it('dates a token request when it arrived, before the page can have its token event', async () => {
    const id = 'test-inspector-1';
    const { code, verifier } = await codeFor(ims, id, { redirectUri: REDIRECT, switches: { tokenDelayMs: 300 } });
    const events = await inspectorEvents(ims.origin, id);
    try {
      const sent = Date.now();
      const res = await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT });
      assert.equal(res.status, 200);
      const { at, status } = await events.next('token');
      assert.equal(status, 200);
      assert.ok(at >= sent && at < sent + 300, `received ${at - sent} ms after it was sent, answered 300 ms later`);
    } finally {
      events.close();
    }
  });

  it('numbers its events, and gives a page back from IMS what happened since the time it names', async () => {
    const id = 'test-inspector-2';
    const live = await inspectorEvents(ims.origin, id);
    const start = Date.now();
    try {
      await codeFor(ims, id, { redirectUri: REDIRECT });
      const authorize = await live.next('authorize');
      const answer = await live.next('answer');
      assert.ok(authorize.seq < answer.seq, `authorize #${authorize.seq}, then answer #${answer.seq}`);
      // A page that left before it showed the authorize event asks from the flow's start: both come again, with
      // the numbers it can tell them apart by.
      const back = await inspectorEvents(ims.origin, id, { since: start - 1 });
      try {
        assert.equal((await back.next('authorize')).seq, authorize.seq);
        assert.equal((await back.next('answer')).seq, answer.seq);
      } finally {
        back.close();
      }
      const later = await inspectorEvents(ims.origin, id, { since: answer.at });
      try {
        await assert.rejects(later.next('authorize', 300), /no authorize event/);
      } finally {
        later.close();
      }
    } finally {
      live.close();
    }
  });
});
