'use strict';

// Looks an object up in a bucket of the emulator with the official Qiniu Node SDK, for tests of other programs
// (the Alluxio S3 proxy) that must leave their writes where Kodo's own clients see them.
//
//   KODO_HOST=127.0.0.1:PORT KODO_AK=... KODO_SK=... node tools/stat-object.js BUCKET KEY
//
// Prints one line of JSON: {"fsize": N, "hash": "...", "mimeType": "...", "sha256": "<hex of the downloaded bytes>"},
// or {"error": <HTTP status>} when the object is not there. Exits 0 either way; 2 on bad usage.

const crypto = require('node:crypto');
const http = require('node:http');
const { KodoClient, makeMac, staticConfig } = require('../lib/sdk');

async function download (url) {
    return new Promise((resolve, reject) => {
        http.get(url, (res) => {
            const hash = crypto.createHash('sha256');
            res.on('data', (chunk) => hash.update(chunk));
            res.on('end', () => resolve({ status: res.statusCode, sha256: hash.digest('hex') }));
            res.on('error', reject);
        }).on('error', reject);
    });
}

async function main () {
    const [bucket, key] = process.argv.slice(2);
    const { KODO_HOST: host, KODO_AK: accessKey, KODO_SK: secretKey } = process.env;
    if (!bucket || !key || !host || !accessKey || !secretKey) {
        console.error('Usage: KODO_HOST=host:port KODO_AK=ak KODO_SK=sk node tools/stat-object.js BUCKET KEY');
        process.exit(2);
    }

    const client = new KodoClient({ mac: makeMac(accessKey, secretKey), config: staticConfig(host), bucket, host });
    const stat = await client.stat(key);
    if (stat.resp.statusCode !== 200) {
        console.log(JSON.stringify({ error: stat.resp.statusCode }));
        return;
    }

    const body = await download(client.privateDownloadUrl(key, Math.floor(Date.now() / 1000) + 3600));
    console.log(JSON.stringify({ fsize: stat.data.fsize, hash: stat.data.hash, mimeType: stat.data.mimeType, sha256: body.sha256 }));
}

main().catch((err) => {
    console.error(err && err.message ? err.message : String(err));
    process.exit(1);
});
