'use strict';

// listPrefix (list v1, spec 4.6): paging until the marker is empty, delimiter and prefix.

const { test } = require('node:test');
const assert = require('node:assert/strict');

const { useEmulator } = require('../lib/fixture');
const { qetag } = require('../lib/hash');
const { explain, mapLimit } = require('../lib/sdk');

const ctx = useEmulator({ setup });

const pad = (n, w) => String(n).padStart(w, '0');

// 500 keys at the top level and 20 "directories" of 100 keys each: 2,500 keys.
const TOP_KEYS = Array.from({ length: 500 }, (_, i) => 'top-' + pad(i, 4));
const DIRS = Array.from({ length: 20 }, (_, d) => 'dir-' + pad(d, 2) + '/');
const DIR_KEYS = DIRS.flatMap(dir => Array.from({ length: 100 }, (_, i) => dir + 'file-' + pad(i, 3)));
const ALL_KEYS = TOP_KEYS.concat(DIR_KEYS);

/** Byte-order comparison of UTF-8 keys, as Kodo sorts them. */
function byteCompare (a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Lists until the marker is empty. Returns the items, the common prefixes and the page count.
 * A page may hold fewer than `limit` entries, or none, with a non-empty marker (4.6).
 */
async function listAll (options) {
    const items = [];
    const prefixes = [];
    let marker = '';
    let pages = 0;
    for (;;) {
        pages += 1;
        assert.ok(pages <= 2000, 'listing did not end after 2000 pages');
        const r = await ctx.client.list(Object.assign({}, options, { marker }));
        assert.equal(r.resp.statusCode, 200, 'list page ' + pages + ': ' + explain(r));
        assert.ok(Array.isArray(r.data.items), '"items" must always be an array (4.6): ' + explain(r));
        items.push(...r.data.items);
        if (r.data.commonPrefixes !== undefined && r.data.commonPrefixes !== null) {
            assert.ok(Array.isArray(r.data.commonPrefixes), 'commonPrefixes must be an array');
            prefixes.push(...r.data.commonPrefixes);
        }
        const next = r.data.marker;
        if (next === undefined || next === null || next === '') {
            break;
        }
        assert.equal(typeof next, 'string');
        assert.notEqual(next, marker, 'the marker must move on');
        marker = next;
    }
    return { items, prefixes, pages };
}

function assertEachOnce (keys, expected, label) {
    const seen = new Map();
    for (const k of keys) {
        seen.set(k, (seen.get(k) || 0) + 1);
    }
    const dupes = [...seen].filter(([, n]) => n > 1).map(([k, n]) => k + ' x' + n);
    assert.deepEqual(dupes, [], label + ': keys seen more than once');
    const missing = expected.filter(k => !seen.has(k));
    assert.deepEqual(missing.slice(0, 20), [], label + ': ' + missing.length + ' keys never listed');
    const expectedSet = new Set(expected);
    const extra = keys.filter(k => !expectedSet.has(k));
    assert.deepEqual(extra.slice(0, 20), [], label + ': unexpected keys listed');
}

async function setup () {
    const token = ctx.client.uploadToken(null);
    const results = await mapLimit(ALL_KEYS, 16, key =>
        ctx.client.formPut(key, Buffer.from('content of ' + key), { token }));
    const failed = results
        .map((r, i) => [ALL_KEYS[i], r])
        .filter(([, r]) => r.resp.statusCode !== 200);
    assert.deepEqual(failed.slice(0, 5).map(([k, r]) => k + ': ' + explain(r)), [], failed.length + ' uploads failed');
}

test('listing everything without a delimiter pages through all 2,500 keys exactly once, in byte order', async () => {
    const { items, prefixes, pages } = await listAll({ limit: 1000 });
    assert.ok(pages >= 3, 'limit 1000 over 2,500 keys needs at least 3 pages, got ' + pages);
    const keys = items.map(i => i.key);
    assertEachOnce(keys, ALL_KEYS, 'full listing');
    assert.deepEqual(keys, keys.slice().sort(byteCompare), 'keys must come in byte order');
    assert.deepEqual(prefixes, [], 'no commonPrefixes without a delimiter');

    const sample = items.find(i => i.key === 'dir-07/file-042');
    assert.equal(sample.fsize, Buffer.byteLength('content of dir-07/file-042'));
    assert.equal(sample.hash, qetag(Buffer.from('content of dir-07/file-042')));
    assert.equal(typeof sample.putTime, 'number');
    assert.equal(typeof sample.mimeType, 'string');
});

test('listing with delimiter "/" and small pages: top-level keys once, the 20 directories as commonPrefixes', async () => {
    const { items, prefixes, pages } = await listAll({ limit: 250, delimiter: '/' });
    assert.ok(pages >= 3, 'expected several pages, got ' + pages);
    assertEachOnce(items.map(i => i.key), TOP_KEYS, 'delimited listing');
    assert.deepEqual([...new Set(prefixes)].sort(byteCompare), DIRS, 'commonPrefixes');
});

test('listing with a prefix returns exactly that directory', async () => {
    const dir = 'dir-07/';
    const expected = DIR_KEYS.filter(k => k.startsWith(dir));
    const plain = await listAll({ prefix: dir, limit: 30 });
    assertEachOnce(plain.items.map(i => i.key), expected, 'prefix listing');
    assert.deepEqual(plain.prefixes, []);

    const delimited = await listAll({ prefix: dir, delimiter: '/' });
    assertEachOnce(delimited.items.map(i => i.key), expected, 'prefix + delimiter listing');
    assert.deepEqual(delimited.prefixes, [], 'no deeper directories under ' + dir);

    const top = await listAll({ prefix: 'top-01', delimiter: '/' });
    assertEachOnce(top.items.map(i => i.key), TOP_KEYS.filter(k => k.startsWith('top-01')), 'prefix top-01');
});

test('listing a prefix that matches nothing gives an empty items array and no marker', async () => {
    const r = await ctx.client.list({ prefix: 'nothing-here/' });
    assert.equal(r.resp.statusCode, 200, explain(r));
    assert.deepEqual(r.data.items, [], '"items" must be present and empty: ' + explain(r));
    assert.ok(!r.data.marker, 'no marker at the end: ' + explain(r));
});
