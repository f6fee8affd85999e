'use strict';

// Objects written with --data survive a restart of the emulator on the same folder.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');

const emulator = require('../lib/emulator');
const { KodoClient, makeMac, staticConfig, explain } = require('../lib/sdk');
const { randomBytes, writeFile } = require('../lib/fixture');
const { qetag } = require('../lib/hash');
const { httpGet, bodyText } = require('../lib/http');

const MiB = 1024 * 1024;

const run = {};
const stored = [];

function clientFor (emu) {
    return new KodoClient({
        mac: makeMac(run.accessKey, run.secretKey),
        config: staticConfig(emu.host),
        bucket: run.bucket,
        host: emu.host
    });
}

function start () {
    return emulator.startEmulator({
        accessKey: run.accessKey,
        secretKey: run.secretKey,
        bucket: run.bucket,
        dataDir: run.dataDir
    });
}

before(async () => {
    Object.assign(run, emulator.randomCredentials());
    run.bucket = emulator.randomBucketName();
    run.dataDir = emulator.makeTempDir('data');
    run.workDir = emulator.makeTempDir('files');
    run.emu = await start();
});

after(async () => {
    try {
        if (run.emu) {
            await run.emu.stop();
        }
    } finally {
        emulator.removeDir(run.dataDir);
        emulator.removeDir(run.workDir);
    }
});

test('objects uploaded before a restart', async () => {
    const client = clientFor(run.emu);
    const small = randomBytes(2048);
    const put = await client.formPut('persist/small.txt', small, { mimeType: 'text/plain' });
    assert.equal(put.resp.statusCode, 200, explain(put));
    const big = randomBytes(5 * MiB + 3);
    const file = writeFile(run.workDir, 'big.bin', big);
    const resumed = await client.resumePutFile('persist/big.bin', file, { version: 'v1' });
    assert.equal(resumed.resp.statusCode, 200, explain(resumed));
    for (const [key, content] of [['persist/small.txt', small], ['persist/big.bin', big]]) {
        const st = await client.stat(key);
        assert.equal(st.resp.statusCode, 200, explain(st));
        assert.equal(st.data.hash, qetag(content));
        stored.push({ key, content, stat: st.data });
    }
});

test('are still there, unchanged, after SIGTERM and a start on the same --data folder', async () => {
    assert.equal(stored.length, 2, 'the previous test must have stored two objects');
    const exit = await run.emu.stop();
    run.emu = null;
    assert.equal(exit.code, 0, 'clean exit on SIGTERM');
    run.emu = await start();
    const client = clientFor(run.emu);

    for (const { key, content, stat } of stored) {
        const st = await client.stat(key);
        assert.equal(st.resp.statusCode, 200, key + ': ' + explain(st));
        assert.equal(st.data.fsize, stat.fsize);
        assert.equal(st.data.hash, stat.hash);
        assert.equal(st.data.mimeType, stat.mimeType);
        assert.equal(st.data.putTime, stat.putTime, 'putTime must survive the restart');
        const url = client.privateDownloadUrl(key, Math.floor(Date.now() / 1000) + 3600);
        const res = await httpGet(url);
        assert.equal(res.status, 200, 'GET ' + url + ' -> ' + bodyText(res));
        assert.ok(res.body.equals(content), key + ': downloaded bytes differ after the restart');
    }
    const list = await client.list({ prefix: 'persist/' });
    assert.equal(list.resp.statusCode, 200, explain(list));
    assert.deepEqual(list.data.items.map(i => i.key), ['persist/big.bin', 'persist/small.txt']);
});
