'use strict';

// A Mac with the right access key but a wrong secret key (spec 2.1, 2.3, 6.1: 401).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const { useEmulator, randomBytes, writeFile } = require('../lib/fixture');
const { KodoClient, makeMac, staticConfig, explain } = require('../lib/sdk');

const ctx = useEmulator({ setup });

let bad;

async function setup () {
    const put = await ctx.client.formPut('creds/existing', Buffer.from('x'));
    assert.equal(put.resp.statusCode, 200, explain(put));
    const wrongSecret = crypto.randomBytes(30).toString('base64url');
    bad = new KodoClient({
        mac: makeMac(ctx.accessKey, wrongSecret),
        config: staticConfig(ctx.host),
        bucket: ctx.bucket,
        host: ctx.host
    });
}

test('stat signed with a wrong secret key gives 401', async () => {
    const r = await bad.stat('creds/existing');
    assert.equal(r.resp.statusCode, 401, explain(r));
    assert.ok(r.data && typeof r.data.error === 'string', 'error body {"error":...}: ' + explain(r));
});

test('list signed with a wrong secret key gives 401', async () => {
    const r = await bad.list({ prefix: 'creds/' });
    assert.equal(r.resp.statusCode, 401, explain(r));
});

test('copy, delete and batch signed with a wrong secret key give 401 and change nothing', async () => {
    const c = await bad.copy('creds/existing', 'creds/copied');
    assert.equal(c.resp.statusCode, 401, explain(c));
    const d = await bad.delete('creds/existing');
    assert.equal(d.resp.statusCode, 401, explain(d));
    const b = await bad.batch([bad.deleteOp('creds/existing')]);
    assert.equal(b.resp.statusCode, 401, explain(b));
    const st = await ctx.client.stat('creds/existing');
    assert.equal(st.resp.statusCode, 200, explain(st));
    const copied = await ctx.client.stat('creds/copied');
    assert.equal(copied.resp.statusCode, 612, explain(copied));
});

test('form upload with a token signed by a wrong secret key gives 401 "bad token"', async () => {
    const r = await bad.formPut('creds/new', randomBytes(100));
    assert.equal(r.resp.statusCode, 401, explain(r));
    assert.equal(r.data && r.data.error, 'bad token');
    const st = await ctx.client.stat('creds/new');
    assert.equal(st.resp.statusCode, 612, 'nothing was stored: ' + explain(st));
});

test('resumable v2 upload with a token signed by a wrong secret key gives 401', async () => {
    const file = writeFile(ctx.workDir, 'bad-v2.bin', randomBytes(1024));
    const r = await bad.resumePutFile('creds/new-v2', file, { version: 'v2' });
    assert.equal(r.resp.statusCode, 401, explain(r));
});

test('resumable v1 upload with a token signed by a wrong secret key gives 401', async () => {
    const file = writeFile(ctx.workDir, 'bad-v1.bin', randomBytes(1024));
    const r = await bad.resumePutFile('creds/new-v1', file, { version: 'v1' });
    assert.equal(r.resp.statusCode, 401, explain(r));
});

test('an expired upload token gives 401', async () => {
    // PutPolicy.expires is relative to now; a negative value gives a deadline in the past.
    const token = ctx.client.uploadToken('creds/expired', { expires: -60 });
    const r = await ctx.client.formPut('creds/expired', randomBytes(10), { token });
    assert.equal(r.resp.statusCode, 401, explain(r));
    assert.equal(r.data && r.data.error, 'token out of date');
});
