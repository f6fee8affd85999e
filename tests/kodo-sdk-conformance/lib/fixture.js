'use strict';

// Per-file fixture: starts an emulator in `before` with random credentials, a random bucket and a
// temporary data directory, and stops it and removes the directories in `after`.

const { before, after } = require('node:test');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const emulator = require('./emulator');
const sdk = require('./sdk');

/**
 * Registers before/after hooks in the calling test file and returns an object that they fill in:
 * {accessKey, secretKey, bucket, dataDir, workDir, emu, host, mac, config, client}.
 * @param {Object} [options]
 * @param {string[]} [options.extraArgs]
 * @param {function(Object): Promise<void>} [options.setup] the file's own set-up, run once the emulator is up
 */
function useEmulator (options) {
    const ctx = {};
    before(async () => {
        const creds = emulator.randomCredentials();
        ctx.accessKey = creds.accessKey;
        ctx.secretKey = creds.secretKey;
        ctx.bucket = emulator.randomBucketName();
        ctx.dataDir = emulator.makeTempDir('data');
        ctx.workDir = emulator.makeTempDir('files');
        ctx.emu = await emulator.startEmulator({
            accessKey: ctx.accessKey,
            secretKey: ctx.secretKey,
            bucket: ctx.bucket,
            dataDir: ctx.dataDir,
            extraArgs: (options && options.extraArgs) || []
        });
        ctx.host = ctx.emu.host;
        ctx.mac = sdk.makeMac(ctx.accessKey, ctx.secretKey);
        ctx.config = sdk.staticConfig(ctx.host);
        ctx.client = new sdk.KodoClient({ mac: ctx.mac, config: ctx.config, bucket: ctx.bucket, host: ctx.host });
        // Node 20 runs several top-level before hooks of one file concurrently, so a file's own
        // set-up runs here, after the emulator is up, instead of in a second before hook.
        if (options && options.setup) {
            await options.setup(ctx);
        }
    });
    after(async () => {
        try {
            if (ctx.emu) {
                const exit = await ctx.emu.stop();
                if (exit.code !== 0) {
                    throw new Error('the emulator did not exit cleanly on SIGTERM: code ' + exit.code +
                        ', signal ' + exit.signal + '. Last output:\n' + ctx.emu.output().split('\n').slice(-20).join('\n'));
                }
            }
        } finally {
            emulator.removeDir(ctx.dataDir);
            emulator.removeDir(ctx.workDir);
        }
    });
    return ctx;
}

/** Random content of n bytes. */
function randomBytes (n) {
    return crypto.randomBytes(n);
}

/** Writes content to a new file in dir and returns its path. */
function writeFile (dir, name, content) {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
}

/** Unique key with a readable prefix. */
function uniqueKey (prefix) {
    return prefix + '-' + crypto.randomBytes(5).toString('hex');
}

module.exports = { useEmulator, randomBytes, writeFile, uniqueKey };
