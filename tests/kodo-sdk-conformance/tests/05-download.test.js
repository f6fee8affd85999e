'use strict';

// Private download URLs (spec 2.5) fetched with Node's http module; io behaviour (4.11).

const { test } = require('node:test');
const assert = require('node:assert/strict');

const { useEmulator, randomBytes } = require('../lib/fixture');
const { qetag } = require('../lib/hash');
const { explain } = require('../lib/sdk');
const { httpGet, bodyText } = require('../lib/http');
const { getCounters } = require('../lib/emulator');

const ctx = useEmulator({ setup });

const KEY = 'download/object.bin';
let content;

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

async function setup () {
    content = randomBytes(300 * 1024 + 11);
    const put = await ctx.client.formPut(KEY, content, { mimeType: 'application/x-download-test' });
    assert.equal(put.resp.statusCode, 200, explain(put));
}

test('a signed URL downloads the whole object with the documented headers', async () => {
    const url = ctx.client.privateDownloadUrl(KEY, inAnHour());
    const res = await httpGet(url);
    assert.equal(res.status, 200, 'GET ' + url + ' -> ' + bodyText(res));
    assert.ok(res.body.equals(content), 'body differs from the uploaded bytes');
    assert.equal(res.headers['content-length'], String(content.length));
    assert.equal(res.headers['content-type'], 'application/x-download-test');
    assert.equal(res.headers.etag, '"' + qetag(content) + '"', 'ETag is the quoted qetag');
    assert.equal(res.headers['accept-ranges'], 'bytes');
    assert.ok(res.headers['x-reqid'], 'X-Reqid on downloads');
    assert.ok(!Number.isNaN(Date.parse(res.headers['last-modified'])), 'Last-Modified must be an HTTP date');
});

test('a Range request gives 206 with Content-Range and the exact bytes', async () => {
    const url = ctx.client.privateDownloadUrl(KEY, inAnHour());
    const start = 100000;
    const end = 165535;
    const res = await httpGet(url, { Range: 'bytes=' + start + '-' + end });
    assert.equal(res.status, 206, 'GET ' + url + ' Range -> ' + res.status + ' ' + bodyText(res));
    assert.equal(res.headers['content-range'], 'bytes ' + start + '-' + end + '/' + content.length);
    assert.equal(res.headers['content-length'], String(end - start + 1));
    assert.ok(res.body.equals(content.subarray(start, end + 1)), 'range body differs');

    const tail = await httpGet(url, { Range: 'bytes=' + (content.length - 10) + '-' });
    assert.equal(tail.status, 206);
    assert.equal(tail.headers['content-range'],
        'bytes ' + (content.length - 10) + '-' + (content.length - 1) + '/' + content.length);
    assert.ok(tail.body.equals(content.subarray(content.length - 10)));
});

test('an expired deadline gives 401', async () => {
    const url = ctx.client.privateDownloadUrl(KEY, Math.floor(Date.now() / 1000) - 60);
    const res = await httpGet(url);
    assert.equal(res.status, 401, 'GET ' + url + ' -> ' + res.status + ' ' + bodyText(res));
    assert.ok(res.body.equals(content) === false);
});

test('an unsigned URL gives 401', async () => {
    const url = 'http://' + ctx.host + '/' + KEY;
    const res = await httpGet(url);
    assert.equal(res.status, 401, 'GET ' + url + ' -> ' + res.status + ' ' + bodyText(res));
});

test('a URL signed with another secret key gives 401', async () => {
    const url = ctx.client.privateDownloadUrl(KEY, inAnHour());
    const forged = url.replace(/token=([^:]+):[^&]*$/, 'token=$1:AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    assert.notEqual(forged, url);
    const res = await httpGet(forged);
    assert.equal(res.status, 401, 'GET ' + forged + ' -> ' + res.status + ' ' + bodyText(res));
});

test('a signed URL for a missing key gives 404', async () => {
    const url = ctx.client.privateDownloadUrl('download/missing.bin', inAnHour());
    const res = await httpGet(url);
    assert.equal(res.status, 404, 'GET ' + url + ' -> ' + res.status + ' ' + bodyText(res));
});

test('a key with spaces and non-ASCII characters downloads through the SDK-encoded URL', async () => {
    const key = 'download/a dir/名字 + more.txt';
    const body = Buffer.from('hello, encoded key');
    const put = await ctx.client.formPut(key, body);
    assert.equal(put.resp.statusCode, 200, explain(put));
    // The SDK percent-encodes the key (encodeurl) and signs the encoded URL (2.5).
    const url = ctx.client.privateDownloadUrl(key, inAnHour());
    const res = await httpGet(url);
    assert.equal(res.status, 200, 'GET ' + url + ' -> ' + res.status + ' ' + bodyText(res));
    assert.ok(res.body.equals(body));
});

test('downloads are counted as io.get', async () => {
    const counters = await getCounters(ctx.host);
    assert.ok((counters['io.get'] || 0) >= 8, 'io.get: ' + JSON.stringify(counters));
});
