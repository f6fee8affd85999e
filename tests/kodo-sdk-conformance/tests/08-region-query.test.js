'use strict';

// Way (B) of spec section 7: qiniu.conf.UC_HOST points at the emulator, so the SDK discovers the
// bucket's hosts with GET /v4/query (spec 3.2) instead of a static region.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { useEmulator, randomBytes, writeFile } = require('../lib/fixture');
const { qetag } = require('../lib/hash');
const { KodoClient, queryConfig, explain, qiniu } = require('../lib/sdk');
const { getCounters, resetCounters } = require('../lib/emulator');
const { httpGet, bodyText } = require('../lib/http');

const ctx = useEmulator({ setup });

// The SDK's default on-disk cache of query results (httpc/regionsProvider.js).
const DEFAULT_CACHE_FILE = path.join(os.tmpdir(), 'qn-regions-cache.jsonl');

let client;

async function setup () {
    await resetCounters(ctx.host);
    client = new KodoClient({
        mac: ctx.mac,
        config: queryConfig(ctx.host),
        bucket: ctx.bucket,
        host: ctx.host
    });
}

test('GET /v4/query answers hosts with uc and s3 and every service on the emulator', async () => {
    const url = 'http://' + ctx.host + '/v4/query?ak=' + encodeURIComponent(ctx.accessKey) +
        '&bucket=' + encodeURIComponent(ctx.bucket);
    const res = await httpGet(url);
    assert.equal(res.status, 200, 'GET ' + url + ' -> ' + res.status + ' ' + bodyText(res));
    const body = JSON.parse(res.body.toString('utf8'));
    assert.ok(Array.isArray(body.hosts) && body.hosts.length >= 1, bodyText(res));
    const h = body.hosts[0];
    for (const service of ['up', 'io', 'uc', 'rs', 'rsf', 'api', 's3']) {
        assert.ok(h[service] && Array.isArray(h[service].domains), service + '.domains missing: ' + bodyText(res));
        assert.ok(h[service].domains.length >= 1, service + '.domains empty');
    }
    for (const service of ['up', 'io', 'rs', 'rsf']) {
        assert.ok(h[service].domains.includes(ctx.host),
            service + '.domains should name the emulator ' + ctx.host + ' (without a scheme): ' +
            JSON.stringify(h[service].domains));
    }
    assert.equal(typeof h.s3.region_alias, 'string');
    assert.equal(typeof h.ttl, 'number');
    assert.equal(typeof h.region, 'string');
});

test('upload, stat and list through the queried region', async () => {
    const key = 'query/object.bin';
    const content = randomBytes(4096);
    const put = await client.formPut(key, content);
    assert.equal(put.resp.statusCode, 200, explain(put));
    assert.equal(put.data.hash, qetag(content));

    const st = await client.stat(key);
    assert.equal(st.resp.statusCode, 200, explain(st));
    assert.equal(st.data.hash, qetag(content));

    const list = await client.list({ prefix: 'query/' });
    assert.equal(list.resp.statusCode, 200, explain(list));
    assert.deepEqual(list.data.items.map(i => i.key), [key]);

    const file = writeFile(ctx.workDir, 'query-v2.bin', randomBytes(5 * 1024 * 1024 + 1));
    const resumed = await client.resumePutFile('query/resumed.bin', file, { version: 'v2' });
    assert.equal(resumed.resp.statusCode, 200, explain(resumed));
    assert.equal(resumed.data.hash, qetag(fs.readFileSync(file)));

    const counters = await getCounters(ctx.host);
    assert.ok((counters['uc.query'] || 0) >= 1, 'the SDK must have asked /v4/query: ' + JSON.stringify(counters));
});

test('UC_HOST is the emulator and the query result is not written to the on-disk cache', () => {
    assert.equal(qiniu.conf.UC_HOST, ctx.host);
    assert.deepEqual(qiniu.conf.QUERY_REGION_BACKUP_HOSTS, []);
    if (fs.existsSync(DEFAULT_CACHE_FILE)) {
        const text = fs.readFileSync(DEFAULT_CACHE_FILE, 'utf8');
        assert.ok(!text.includes(ctx.accessKey), 'regionsQueryResultCachePath: null must keep ' +
            DEFAULT_CACHE_FILE + ' free of this run');
    }
});
