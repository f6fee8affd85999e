'use strict';

// Form upload (spec 4.8) and stat (4.1), hashes per 5.1, start-up contract of the emulator.

const { test } = require('node:test');
const assert = require('node:assert/strict');

const { useEmulator, randomBytes, writeFile } = require('../lib/fixture');
const { qetag, etagV2, md5Hex } = require('../lib/hash');
const { explain } = require('../lib/sdk');

const ctx = useEmulator();

const MiB = 1024 * 1024;

/** putTime is in 100 ns units since the epoch (spec 4.1). */
function assertPutTimeNear (putTime, beforeMs, afterMs) {
    assert.equal(typeof putTime, 'number', 'putTime must be a JSON number');
    assert.ok(Number.isInteger(putTime), 'putTime must be an integer, got ' + putTime);
    const ms = putTime / 1e4;
    assert.ok(ms >= beforeMs - 5000 && ms <= afterMs + 5000,
        'putTime ' + putTime + ' (= ' + new Date(ms).toISOString() + ' if in 100 ns units) is not within 5 s of ' +
        new Date(beforeMs).toISOString() + '..' + new Date(afterMs).toISOString());
}

function assertReqId (result) {
    const reqId = result.resp.headers['x-reqid'];
    assert.ok(typeof reqId === 'string' && reqId.length > 0, 'every response must carry X-Reqid (spec 4): ' +
        explain(result));
}

test('hash helpers reproduce the spec vectors (5.1, 5.2)', () => {
    const zeros = n => Buffer.alloc(n);
    const oneMiB = Buffer.alloc(MiB);
    oneMiB[MiB - 1] = 0x30;
    assert.equal(qetag(Buffer.alloc(0)), 'Fto5o-5ea0sNMlW_75VgGJCv2AcJ');
    assert.equal(qetag(Buffer.from('etag')), 'FpLiADEaVoALPkdb8tJEJyRTXoe_');
    assert.equal(qetag(Buffer.from('hello world')), 'FiqubDXJT8-0FdvpX0CLnOke6Ebt');
    assert.equal(qetag(oneMiB), 'FnlAdmDasGTQOIgrU1QIZaGDv_1D');
    assert.equal(qetag(zeros(4 * MiB)), 'FivMvS848VwT631aif2dhfWV4jvD');
    assert.equal(qetag(zeros(4 * MiB + 1)), 'lhCFgki5yzon0rjN9uJusf6qtsF6');
    assert.equal(qetag(zeros(8 * MiB)), 'lsCVE24-Immdd6zm-ffVVhsWYcDG');
    assert.equal(etagV2(zeros(5 * MiB), [3 * MiB, 2 * MiB]), 'nqdK5lDxTbWemP-ryELKG51PHGvc');
    assert.equal(etagV2(zeros(5 * MiB), [4 * MiB, MiB]), 'lrMhp7oU8rzWSRlmUeGJ73Q2pVa-');
});

test('the emulator prints its bucket line with the listening endpoint', async () => {
    const line = await ctx.emu.waitForBucketLine(ctx.bucket, 10000);
    assert.equal(line.endpoint, ctx.host);
    assert.ok(line.domain.length > 0);
});

test('FormUploader.put with a Buffer, then stat', async () => {
    const key = 'form/buffer.txt';
    const content = randomBytes(100 * 1024 + 7);
    const t0 = Date.now();
    const put = await ctx.client.formPut(key, content, { mimeType: 'text/plain' });
    const t1 = Date.now();
    assert.equal(put.resp.statusCode, 200, explain(put));
    assertReqId(put);
    assert.match(String(put.resp.headers['content-type']), /^application\/json/, 'JSON responses need application/json');
    assert.deepEqual(put.data, { hash: qetag(content), key }, 'default returnBody is {"hash","key"} (4.8)');

    const st = await ctx.client.stat(key);
    assert.equal(st.resp.statusCode, 200, explain(st));
    assertReqId(st);
    assert.equal(st.data.fsize, content.length);
    assert.equal(st.data.hash, qetag(content));
    assert.equal(st.data.mimeType, 'text/plain');
    assert.equal(st.data.type, 0, 'type must be present and 0 (standard) (4.1)');
    assert.equal(st.data.md5, md5Hex(content), 'form uploads carry the hex md5 (4.1, 5.3)');
    assertPutTimeNear(st.data.putTime, t0, t1);
});

test('FormUploader.putFile of a 5 MiB file (two qetag blocks), then stat', async () => {
    const key = 'form/file.json';
    const content = randomBytes(5 * MiB + 123);
    const file = writeFile(ctx.workDir, 'sample.json', content);
    const t0 = Date.now();
    const put = await ctx.client.formPutFile(key, file);
    const t1 = Date.now();
    assert.equal(put.resp.statusCode, 200, explain(put));
    assert.equal(put.data.key, key);
    assert.equal(put.data.hash, qetag(content));
    assert.ok(put.data.hash.startsWith('l'), 'a multi-block qetag starts with "l"');

    const st = await ctx.client.stat(key);
    assert.equal(st.resp.statusCode, 200, explain(st));
    assert.equal(st.data.fsize, content.length);
    assert.equal(st.data.hash, qetag(content));
    // putFile sends the file part with Content-Type from the extension.
    assert.equal(st.data.mimeType, 'application/json');
    assertPutTimeNear(st.data.putTime, t0, t1);
});

test('FormUploader.put of an empty object (directory marker)', async () => {
    const key = 'form/dir/';
    const put = await ctx.client.formPut(key, Buffer.alloc(0));
    assert.equal(put.resp.statusCode, 200, explain(put));
    assert.equal(put.data.hash, 'Fto5o-5ea0sNMlW_75VgGJCv2AcJ');
    const st = await ctx.client.stat(key);
    assert.equal(st.resp.statusCode, 200, explain(st));
    assert.equal(st.data.fsize, 0);
    assert.equal(st.data.hash, 'Fto5o-5ea0sNMlW_75VgGJCv2AcJ');
});

test('insert-only token (scope "bucket") onto an existing key with other content gives 614', async () => {
    const key = 'form/insert-only.bin';
    const first = randomBytes(1000);
    const put1 = await ctx.client.formPut(key, first, { token: ctx.client.uploadToken(null) });
    assert.equal(put1.resp.statusCode, 200, explain(put1));
    const put2 = await ctx.client.formPut(key, randomBytes(1000), { token: ctx.client.uploadToken(null) });
    assert.equal(put2.resp.statusCode, 614, 'scope "<bucket>" is insert-only (2.1): ' + explain(put2));
    assert.equal(put2.data && put2.data.error, 'file exists');
    const st = await ctx.client.stat(key);
    assert.equal(st.data.hash, qetag(first), 'the object must be unchanged');
});

test('overwrite with a "bucket:key" token replaces the content', async () => {
    const key = 'form/overwrite.bin';
    await ctx.client.formPut(key, randomBytes(10));
    const second = randomBytes(20);
    const put = await ctx.client.formPut(key, second);
    assert.equal(put.resp.statusCode, 200, explain(put));
    const st = await ctx.client.stat(key);
    assert.equal(st.data.fsize, 20);
    assert.equal(st.data.hash, qetag(second));
});
