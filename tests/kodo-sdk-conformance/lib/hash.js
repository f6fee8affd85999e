'use strict';

// Independent implementations of Kodo's content hashes (protocol spec section 5).

const crypto = require('node:crypto');

const BLOCK_SIZE = 4 * 1024 * 1024;

function sha1 (buf) {
    return crypto.createHash('sha1').update(buf).digest();
}

function urlSafeBase64 (buf) {
    return buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

function urlSafeBase64Decode (text) {
    return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/**
 * qetag (section 5.1): 4 MiB blocks; one block -> 0x16 || SHA1(block);
 * several -> 0x96 || SHA1(SHA1(b0) || SHA1(b1) || ...).
 * @param {Buffer} content
 * @returns {string}
 */
function qetag (content) {
    if (content.length <= BLOCK_SIZE) {
        return urlSafeBase64(Buffer.concat([Buffer.from([0x16]), sha1(content)]));
    }
    const digests = [];
    for (let off = 0; off < content.length; off += BLOCK_SIZE) {
        digests.push(sha1(content.subarray(off, Math.min(off + BLOCK_SIZE, content.length))));
    }
    return urlSafeBase64(Buffer.concat([Buffer.from([0x96]), sha1(Buffer.concat(digests))]));
}

/**
 * Splits a length into parts of partSize bytes (the last one shorter).
 * @param {number} length
 * @param {number} partSize
 * @returns {number[]}
 */
function partSizesOf (length, partSize) {
    const sizes = [];
    for (let off = 0; off < length; off += partSize) {
        sizes.push(Math.min(partSize, length - off));
    }
    return sizes;
}

/**
 * EtagV2 (section 5.2): the hash of an object completed from v2 multipart parts.
 * @param {Buffer} content
 * @param {number[]} partSizes in partNumber order
 * @returns {string}
 */
function etagV2 (content, partSizes) {
    const total = partSizes.reduce((a, b) => a + b, 0);
    if (total !== content.length) {
        throw new Error('part sizes add up to ' + total + ', content has ' + content.length + ' bytes');
    }
    const v1Shaped = partSizes.every((size, i) =>
        i === partSizes.length - 1 ? size <= BLOCK_SIZE : size === BLOCK_SIZE);
    if (v1Shaped) {
        return qetag(content);
    }
    const h = crypto.createHash('sha1');
    let off = 0;
    for (const size of partSizes) {
        const partTag = urlSafeBase64Decode(qetag(content.subarray(off, off + size)));
        h.update(partTag.subarray(1, 21));
        off += size;
    }
    return urlSafeBase64(Buffer.concat([Buffer.from([0x9e]), h.digest()]));
}

function md5Hex (buf) {
    return crypto.createHash('md5').update(buf).digest('hex');
}

module.exports = {
    BLOCK_SIZE,
    qetag,
    etagV2,
    partSizesOf,
    md5Hex,
    urlSafeBase64,
    urlSafeBase64Decode
};
