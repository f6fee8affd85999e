'use strict';

// Resumable uploads: v1 mkblk/mkfile (spec 4.9) and v2 multipart (4.10); hashes per 5.1 / 5.2;
// download with a private URL (2.5, 4.11) to compare the bytes.

const { test } = require('node:test');
const assert = require('node:assert/strict');

const { useEmulator, randomBytes, writeFile } = require('../lib/fixture');
const { qetag, etagV2, partSizesOf } = require('../lib/hash');
const { explain } = require('../lib/sdk');
const { httpGet, bodyText } = require('../lib/http');
const { getCounters, resetCounters } = require('../lib/emulator');

const ctx = useEmulator();

const MiB = 1024 * 1024;

function delta (before, after, name) {
    return (after[name] || 0) - (before[name] || 0);
}

async function downloadAndCompare (key, content) {
    const url = ctx.client.privateDownloadUrl(key, Math.floor(Date.now() / 1000) + 3600);
    const res = await httpGet(url);
    assert.equal(res.status, 200, 'GET ' + url + ' -> ' + res.status + ' ' + bodyText(res));
    assert.equal(res.body.length, content.length, 'downloaded length');
    assert.ok(res.body.equals(content), 'downloaded bytes differ from the uploaded ones');
}

test('ResumeUploader v1 (mkblk per 4 MiB block + mkfile) of a 9 MiB file', async () => {
    const key = 'resume/v1-9MiB.bin';
    const content = randomBytes(9 * MiB);
    const file = writeFile(ctx.workDir, 'v1.bin', content);
    await resetCounters(ctx.host);
    const before = await getCounters(ctx.host);

    const put = await ctx.client.resumePutFile(key, file, { version: 'v1', mimeType: 'application/x-test-v1' });
    assert.equal(put.resp.statusCode, 200, explain(put));
    assert.equal(put.data.key, key, 'mkfile must answer {"hash","key"}: ' + explain(put));
    assert.equal(put.data.hash, qetag(content));

    const after = await getCounters(ctx.host);
    assert.equal(delta(before, after, 'up.mkblk'), 3, 'three blocks: 4 + 4 + 1 MiB');
    assert.equal(delta(before, after, 'up.bput'), 0, 'the Node SDK never sends bput');
    assert.equal(delta(before, after, 'up.mkfile'), 1);

    const st = await ctx.client.stat(key);
    assert.equal(st.resp.statusCode, 200, explain(st));
    assert.equal(st.data.fsize, content.length);
    assert.equal(st.data.hash, qetag(content));
    assert.equal(st.data.mimeType, 'application/x-test-v1');
    await downloadAndCompare(key, content);
});

test('ResumeUploader v2 (multipart) of a 9 MiB file with the default 4 MiB parts', async () => {
    const key = 'resume/v2-default-9MiB.bin';
    const content = randomBytes(9 * MiB);
    const file = writeFile(ctx.workDir, 'v2-default.bin', content);
    await resetCounters(ctx.host);
    const before = await getCounters(ctx.host);

    const put = await ctx.client.resumePutFile(key, file, { version: 'v2', mimeType: 'application/x-test-v2' });
    assert.equal(put.resp.statusCode, 200, explain(put));
    assert.equal(put.data.key, key, explain(put));
    // Parts of exactly 4 MiB (the last shorter): EtagV2 falls back to qetag (5.2).
    assert.equal(put.data.hash, qetag(content));

    const after = await getCounters(ctx.host);
    assert.equal(delta(before, after, 'up.v2.init'), 1);
    assert.equal(delta(before, after, 'up.v2.part'), 3);
    assert.equal(delta(before, after, 'up.v2.complete'), 1);

    const st = await ctx.client.stat(key);
    assert.equal(st.resp.statusCode, 200, explain(st));
    assert.equal(st.data.fsize, content.length);
    assert.equal(st.data.hash, qetag(content));
    assert.equal(st.data.mimeType, 'application/x-test-v2');
    await downloadAndCompare(key, content);
});

test('ResumeUploader v2 of a 9 MiB file with 5 MiB parts: the hash is EtagV2', async () => {
    const key = 'resume/v2-5MiB-parts.bin';
    const content = randomBytes(9 * MiB);
    const file = writeFile(ctx.workDir, 'v2-5m.bin', content);
    const parts = partSizesOf(content.length, 5 * MiB);
    assert.deepEqual(parts, [5 * MiB, 4 * MiB]);
    const expected = etagV2(content, parts);
    assert.ok(expected.startsWith('n'), 'EtagV2 with 0x9e prefix starts with "n"');
    assert.notEqual(expected, qetag(content));
    await resetCounters(ctx.host);

    const put = await ctx.client.resumePutFile(key, file, { version: 'v2', partSize: 5 * MiB });
    assert.equal(put.resp.statusCode, 200, explain(put));
    assert.equal(put.data.key, key, explain(put));
    assert.equal(put.data.hash, expected, 'parts that are not 4 MiB give EtagV2 (5.2)');

    const counters = await getCounters(ctx.host);
    assert.equal(counters['up.v2.part'] || 0, 2);

    const st = await ctx.client.stat(key);
    assert.equal(st.resp.statusCode, 200, explain(st));
    assert.equal(st.data.fsize, content.length);
    assert.equal(st.data.hash, expected);
    await downloadAndCompare(key, content);
});

test('ResumeUploader v2 without a key stores the object under its hash (4.10 "~")', async () => {
    const content = randomBytes(MiB + 5);
    const file = writeFile(ctx.workDir, 'nokey.bin', content);
    const put = await ctx.client.resumePutFile(null, file, { version: 'v2', token: ctx.client.uploadToken(null) });
    assert.equal(put.resp.statusCode, 200, explain(put));
    assert.equal(put.data.hash, qetag(content));
    assert.equal(put.data.key, qetag(content), 'no key and no saveKey: key = hash');
    const st = await ctx.client.stat(put.data.key);
    assert.equal(st.resp.statusCode, 200, explain(st));
    assert.equal(st.data.fsize, content.length);
});
