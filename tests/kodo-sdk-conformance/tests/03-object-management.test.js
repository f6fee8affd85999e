'use strict';

// stat / copy / move / delete / batch (spec 4.1-4.5, error codes 6.1).

const { test } = require('node:test');
const assert = require('node:assert/strict');

const { useEmulator, randomBytes } = require('../lib/fixture');
const { qetag } = require('../lib/hash');
const { explain } = require('../lib/sdk');
const { getCounters } = require('../lib/emulator');

const ctx = useEmulator({ setup });

const objects = {};

async function upload (key, size) {
    const content = randomBytes(size);
    const put = await ctx.client.formPut(key, content);
    assert.equal(put.resp.statusCode, 200, 'upload of ' + key + ': ' + explain(put));
    objects[key] = content;
    return content;
}

async function assertObject (key, content) {
    const st = await ctx.client.stat(key);
    assert.equal(st.resp.statusCode, 200, 'stat ' + key + ': ' + explain(st));
    assert.equal(st.data.hash, qetag(content), 'hash of ' + key);
    assert.equal(st.data.fsize, content.length, 'fsize of ' + key);
}

async function assertMissing (key) {
    const st = await ctx.client.stat(key);
    assert.equal(st.resp.statusCode, 612, 'stat of a missing key ' + key + ': ' + explain(st));
}

async function setup () {
    await upload('ops/a', 1000);
    await upload('ops/b', 2000);
    await upload('ops/c', 3000);
    await upload('ops/d', 4000);
}

test('stat of a missing key gives 612 "no such file or directory"', async () => {
    const st = await ctx.client.stat('ops/does-not-exist');
    assert.equal(st.resp.statusCode, 612, explain(st));
    assert.equal(st.data && st.data.error, 'no such file or directory');
    assert.ok(st.resp.headers['x-reqid'], 'error responses carry X-Reqid too');
});

test('copy without force onto an existing key gives 614 and changes nothing', async () => {
    const r = await ctx.client.copy('ops/a', 'ops/b');
    assert.equal(r.resp.statusCode, 614, explain(r));
    assert.equal(r.data && r.data.error, 'file exists');
    await assertObject('ops/a', objects['ops/a']);
    await assertObject('ops/b', objects['ops/b']);
});

test('move without force onto an existing key gives 614 and changes nothing', async () => {
    const r = await ctx.client.move('ops/c', 'ops/d');
    assert.equal(r.resp.statusCode, 614, explain(r));
    assert.equal(r.data && r.data.error, 'file exists');
    await assertObject('ops/c', objects['ops/c']);
    await assertObject('ops/d', objects['ops/d']);
});

test('copy with force overwrites the destination and keeps the source', async () => {
    const r = await ctx.client.copy('ops/a', 'ops/b', { force: true });
    assert.equal(r.resp.statusCode, 200, explain(r));
    await assertObject('ops/a', objects['ops/a']);
    await assertObject('ops/b', objects['ops/a']);
    objects['ops/b'] = objects['ops/a'];
});

test('move with force overwrites the destination and removes the source', async () => {
    const r = await ctx.client.move('ops/c', 'ops/d', { force: true });
    assert.equal(r.resp.statusCode, 200, explain(r));
    await assertMissing('ops/c');
    await assertObject('ops/d', objects['ops/c']);
    objects['ops/d'] = objects['ops/c'];
    delete objects['ops/c'];
});

test('copy and move onto a new key succeed without force; a missing source gives 612', async () => {
    const c = await ctx.client.copy('ops/a', 'ops/a-copy');
    assert.equal(c.resp.statusCode, 200, explain(c));
    await assertObject('ops/a-copy', objects['ops/a']);
    const m = await ctx.client.move('ops/a-copy', 'ops/a-moved');
    assert.equal(m.resp.statusCode, 200, explain(m));
    await assertMissing('ops/a-copy');
    await assertObject('ops/a-moved', objects['ops/a']);
    const missing = await ctx.client.copy('ops/nothing-here', 'ops/x');
    assert.equal(missing.resp.statusCode, 612, explain(missing));
});

test('delete removes an object; deleting it again gives 612', async () => {
    await upload('ops/to-delete', 10);
    const d = await ctx.client.delete('ops/to-delete');
    assert.equal(d.resp.statusCode, 200, explain(d));
    await assertMissing('ops/to-delete');
    const again = await ctx.client.delete('ops/to-delete');
    assert.equal(again.resp.statusCode, 612, explain(again));
});

test('batch of stat + copy + delete + a failing stat gives 298 with per-op codes', async () => {
    await upload('batch/src', 1500);
    await upload('batch/victim', 10);
    const ops = [
        ctx.client.statOp('batch/src'),
        ctx.client.copyOp('batch/src', 'batch/copied'),
        ctx.client.deleteOp('batch/victim'),
        ctx.client.statOp('batch/missing'),
        ctx.client.copyOp('batch/src', 'ops/a') // destination exists, no force
    ];
    const r = await ctx.client.batch(ops);
    assert.equal(r.resp.statusCode, 298, 'partial success is 298 (4.5): ' + explain(r));
    assert.ok(Array.isArray(r.data), 'batch answers a JSON array: ' + explain(r));
    assert.equal(r.data.length, ops.length);
    assert.deepEqual(r.data.map(x => x.code), [200, 200, 200, 612, 614], explain(r));
    assert.equal(r.data[0].data.fsize, 1500);
    assert.equal(r.data[0].data.hash, qetag(objects['batch/src']));
    assert.equal(typeof r.data[0].data.mimeType, 'string');
    assert.equal(typeof r.data[0].data.putTime, 'number');
    assert.equal(r.data[3].data && r.data[3].data.error, 'no such file or directory');
    assert.equal(r.data[4].data && r.data[4].data.error, 'file exists');

    await assertObject('batch/copied', objects['batch/src']);
    await assertMissing('batch/victim');
    await assertObject('ops/a', objects['ops/a']);
});

test('batch where every op succeeds gives 200', async () => {
    const r = await ctx.client.batch([
        ctx.client.statOp('ops/a'),
        ctx.client.statOp('ops/b'),
        ctx.client.moveOp('batch/copied', 'batch/moved'),
        ctx.client.copyOp('batch/src', 'ops/a', { force: true })
    ]);
    assert.equal(r.resp.statusCode, 200, explain(r));
    assert.deepEqual(r.data.map(x => x.code), [200, 200, 200, 200], explain(r));
    await assertMissing('batch/copied');
    await assertObject('batch/moved', objects['batch/src']);
    await assertObject('ops/a', objects['batch/src']);
});

test('the emulator counts each management API under its name', async () => {
    const counters = await getCounters(ctx.host);
    for (const api of ['rs.stat', 'rs.copy', 'rs.move', 'rs.delete', 'rs.batch', 'up.form']) {
        assert.ok((counters[api] || 0) >= 1, api + ' not counted: ' + JSON.stringify(counters));
    }
});
