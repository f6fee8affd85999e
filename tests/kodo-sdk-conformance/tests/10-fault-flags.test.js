'use strict';

// The fault flags of bin/kodo-emulator: started with --fault-rate 0.2 --fault-statuses 503,599, the
// emulator fails a fifth of all requests from the first one on, and the SDK's own retries (one per
// listed endpoint, see 07-faults) carry every call through. Uploads and stats alike.

const { test } = require('node:test');
const assert = require('node:assert/strict');

const { useEmulator, randomBytes } = require('../lib/fixture');
const { qetag } = require('../lib/hash');
const { KodoClient, staticConfig, explain } = require('../lib/sdk');
const { getCounters, getFaults } = require('../lib/emulator');

const ctx = useEmulator({ extraArgs: ['--fault-rate', '0.2', '--fault-statuses', '503,599'] });

// 64 calls: 0.2^12 * 64 < 1e-6 that one fails, and 0.8^64 < 1e-6 that none draws a fault.
const ENDPOINT_COPIES = 12;
const UPLOADS = 16;
const STATS_PER_UPLOAD = 3;

function retryingClient () {
    return new KodoClient({
        mac: ctx.mac,
        config: staticConfig(ctx.host, { copies: ENDPOINT_COPIES }),
        bucket: ctx.bucket,
        host: ctx.host
    });
}

test('the flags set the fault settings the emulator reports', async () => {
    const settings = await getFaults(ctx.host);
    assert.equal(settings.faultRate, 0.2);
    assert.deepEqual(settings.faultStatuses, [503, 599]);
});

test('uploads and stats succeed through the SDK retries, with more requests than calls', async () => {
    const client = retryingClient();
    const before = await getCounters(ctx.host);
    for (let i = 0; i < UPLOADS; i++) {
        const key = 'flags/object-' + i;
        const content = randomBytes(1000 + i);
        const put = await client.formPut(key, content);
        assert.equal(put.resp.statusCode, 200, explain(put));
        assert.equal(put.data.hash, qetag(content));
        for (let j = 0; j < STATS_PER_UPLOAD; j++) {
            const stat = await client.stat(key);
            assert.equal(stat.resp.statusCode, 200, explain(stat));
            assert.equal(stat.data.fsize, content.length);
        }
    }

    const after = await getCounters(ctx.host);
    const forms = (after['up.form'] || 0) - (before['up.form'] || 0);
    const stats = (after['rs.stat'] || 0) - (before['rs.stat'] || 0);
    assert.ok(forms >= UPLOADS && stats >= UPLOADS * STATS_PER_UPLOAD);
    assert.ok(forms + stats > UPLOADS * (1 + STATS_PER_UPLOAD),
        'with a 20% fault rate some calls must have been retried: ' + JSON.stringify({ forms, stats }));
});
