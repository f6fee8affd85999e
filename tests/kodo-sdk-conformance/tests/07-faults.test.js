'use strict';

// Fault injection: the SDK's own retries (spec 6.2) must carry calls through injected 503s.
//
// How the Node SDK 7.15.2 retries (storage/rs.js _tryReq, storage/form.js _getRegionsRetrier,
// retry/retrier.js, httpc/endpointsRetryPolicy.js, httpc/regionsRetryPolicy.js):
// a call is retried only while the region still has an endpoint it has not tried for the service
// (then further regions), and only when ResponseWrapper.needRetry() holds (status >= 500 except
// 501, 509, 573, 579, 608, 612, 614, 616, 618, 630, 631, 632, 640, 701) or the request failed at
// the network level. It never retries the same endpoint. So the number of attempts per call is
// the number of endpoints listed for the service; with one endpoint (the plain static config)
// there is no retry at all.
//
// With a fault rate r and n attempts, one call fails with probability r^n; for C calls the run
// fails with probability at most C * r^n. The client used here lists the emulator ATTEMPTS times.

const { test } = require('node:test');
const assert = require('node:assert/strict');

const { useEmulator, randomBytes } = require('../lib/fixture');
const { qetag } = require('../lib/hash');
const { KodoClient, staticConfig, explain, mapLimit } = require('../lib/sdk');
const { getCounters, resetCounters, setFaults, getFaults, clearFaults } = require('../lib/emulator');

const ctx = useEmulator({ setup });

const FAULT_RATE = 0.2;
const STAT_CALLS = 40;
const UPLOAD_CALLS = 10;
const MAX_RUN_FAILURE_PROBABILITY = 1e-6;

function attemptsNeeded (rate, calls, maxFailureProbability) {
    return Math.ceil(Math.log(maxFailureProbability / calls) / Math.log(rate));
}

// 0.2^n * 50 <= 1e-6  =>  n >= 11.02  =>  12 attempts per call.
const ATTEMPTS = attemptsNeeded(FAULT_RATE, STAT_CALLS + UPLOAD_CALLS, MAX_RUN_FAILURE_PROBABILITY);

const STAT_KEY = 'faults/stat-target';
let statContent;

function clientWithCopies (copies) {
    return new KodoClient({
        mac: ctx.mac,
        config: staticConfig(ctx.host, { copies }),
        bucket: ctx.bucket,
        host: ctx.host
    });
}

function delta (before, after, name) {
    return (after[name] || 0) - (before[name] || 0);
}

async function setup () {
    statContent = randomBytes(777);
    const put = await ctx.client.formPut(STAT_KEY, statContent);
    assert.equal(put.resp.statusCode, 200, explain(put));
}

test('attempts needed for the fault run, from the SDK retry rules', () => {
    assert.equal(ATTEMPTS, 12);
});

test('the SDK tries each listed endpoint once: faultRate 1 costs exactly one request per endpoint', async () => {
    try {
        await setFaults(ctx.host, { faultRate: 1, faultStatuses: [503] });
        const settings = await getFaults(ctx.host);
        assert.equal(settings.faultRate, 1, 'GET /__emulator/faults: ' + JSON.stringify(settings));

        let before = await getCounters(ctx.host);
        const single = await ctx.client.stat(STAT_KEY);
        let after = await getCounters(ctx.host);
        assert.equal(single.resp.statusCode, 503, explain(single));
        assert.equal(delta(before, after, 'rs.stat'), 1, 'one endpoint: one attempt, no retry');

        before = after;
        const four = await clientWithCopies(4).stat(STAT_KEY);
        after = await getCounters(ctx.host);
        assert.equal(four.resp.statusCode, 503, explain(four));
        assert.equal(delta(before, after, 'rs.stat'), 4, 'four endpoints: four attempts');
    } finally {
        await clearFaults(ctx.host);
    }
    // 612 is not retryable: one request even with several endpoints.
    const before = await getCounters(ctx.host);
    const missing = await clientWithCopies(4).stat('faults/missing');
    const after = await getCounters(ctx.host);
    assert.equal(missing.resp.statusCode, 612, explain(missing));
    assert.equal(delta(before, after, 'rs.stat'), 1, '612 must not be retried');
});

test('with faultRate 0.2 (503) every stat and upload succeeds through the SDK retries', async (t) => {
    const client = clientWithCopies(ATTEMPTS);
    await resetCounters(ctx.host);
    const uploads = Array.from({ length: UPLOAD_CALLS }, (_, i) => ({
        key: 'faults/upload-' + i,
        content: randomBytes(1000 + i)
    }));
    let stats;
    let puts;
    try {
        await setFaults(ctx.host, { faultRate: FAULT_RATE, faultStatuses: [503], latencyMs: 0, bandwidth: 0 });
        const settings = await getFaults(ctx.host);
        assert.equal(settings.faultRate, FAULT_RATE, 'GET /__emulator/faults: ' + JSON.stringify(settings));
        assert.deepEqual(settings.faultStatuses, [503]);

        stats = await mapLimit(Array.from({ length: STAT_CALLS }), 4, () => client.stat(STAT_KEY));
        // "bucket:key" tokens allow overwrite, so a retry after a fault injected late is harmless.
        puts = await mapLimit(uploads, 4, u => client.formPut(u.key, u.content));
    } finally {
        await clearFaults(ctx.host);
    }
    const counters = await getCounters(ctx.host);

    const failedStats = stats.filter(r => r.resp.statusCode !== 200 || r.data.hash !== qetag(statContent));
    assert.deepEqual(failedStats.map(explain), [], 'every stat must succeed');
    const failedPuts = puts.filter((r, i) => r.resp.statusCode !== 200 || r.data.hash !== qetag(uploads[i].content));
    assert.deepEqual(failedPuts.map(explain), [], 'every upload must succeed');

    const statRequests = counters['rs.stat'] || 0;
    const uploadRequests = counters['up.form'] || 0;
    t.diagnostic('requests for ' + STAT_CALLS + ' stat calls: ' + statRequests + '; for ' + UPLOAD_CALLS +
        ' upload calls: ' + uploadRequests + ' (' + ATTEMPTS + ' endpoints listed per service)');
    assert.ok(statRequests >= STAT_CALLS, 'rs.stat counter ' + statRequests + ' < ' + STAT_CALLS + ' calls');
    assert.ok(uploadRequests >= UPLOAD_CALLS, 'up.form counter ' + uploadRequests + ' < ' + UPLOAD_CALLS + ' calls');
    assert.ok(statRequests + uploadRequests > STAT_CALLS + UPLOAD_CALLS,
        'counters must show retries: rs.stat=' + statRequests + ', up.form=' + uploadRequests +
        ' for ' + (STAT_CALLS + UPLOAD_CALLS) + ' calls. All counters: ' + JSON.stringify(counters));

    for (const u of uploads) {
        const st = await ctx.client.stat(u.key);
        assert.equal(st.resp.statusCode, 200, explain(st));
        assert.equal(st.data.hash, qetag(u.content));
    }
});

test('after the faults are reset, a single-endpoint client works again', async () => {
    const settings = await getFaults(ctx.host);
    assert.equal(settings.faultRate, 0, JSON.stringify(settings));
    const results = await mapLimit(Array.from({ length: 20 }), 4, () => ctx.client.stat(STAT_KEY));
    assert.deepEqual(results.filter(r => r.resp.statusCode !== 200).map(explain), []);
});
