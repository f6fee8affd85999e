'use strict';

// Plain HTTP GET with Node's http module, used for downloads so that the SDK is not involved.

const http = require('node:http');

/**
 * @param {string} url
 * @param {Object.<string, string>} [headers]
 * @returns {Promise<{status: number, headers: Object.<string, string>, body: Buffer}>}
 */
function httpGet (url, headers) {
    return new Promise((resolve, reject) => {
        const req = http.get(url, { headers: headers || {}, agent: false }, res => {
            const chunks = [];
            res.on('data', c => chunks.push(c));
            res.on('end', () => resolve({
                status: res.statusCode,
                headers: res.headers,
                body: Buffer.concat(chunks)
            }));
            res.on('error', reject);
        });
        req.on('error', reject);
    });
}

/** Parses a JSON error body if there is one, for messages. */
function bodyText (res) {
    const text = res.body.toString('utf8');
    return text.length > 300 ? text.slice(0, 300) + '...' : text;
}

module.exports = { httpGet, bodyText };
