'use strict';

// Builds the official Qiniu Node SDK (npm "qiniu" 7.15.2) against an emulator and wraps its
// callback/promise APIs into async functions that return {data, resp} and assert nothing.
//
// Two ways to point the SDK at the emulator (protocol spec section 7):
//  (A) staticConfig(host): a static Region whose every service lists the emulator, over http.
//      No uc traffic at all.
//  (B) queryConfig(host): qiniu.conf.UC_HOST = host, so the SDK asks the emulator's /v4/query
//      for the bucket's region. regionsQueryResultCachePath: null turns the on-disk region cache
//      off: in 7.15.2 CachedRegionsProvider keeps persistPath === null as "no file" and only
//      falls back to os.tmpdir()/qn-regions-cache.jsonl when the option is undefined or empty.
//
// The Mac keeps the SDK defaults: management calls are signed "Qiniu" (v2) with X-Qiniu-Date, and
// the SDK signs "Host: 127.0.0.1:PORT:PORT" (spec section 2.3). That is on purpose.

const qiniu = require('qiniu');

const { Region, Endpoint, SERVICE_NAME } = qiniu.httpc;

/**
 * @param {string} accessKey
 * @param {string} secretKey
 * @returns {qiniu.auth.digest.Mac}
 */
function makeMac (accessKey, secretKey) {
    return new qiniu.auth.digest.Mac(accessKey, secretKey);
}

/**
 * A static region that sends every service to the emulator.
 * @param {string} host "127.0.0.1:PORT"
 * @param {Object} [options]
 * @param {number} [options.copies] how many times each service lists the emulator. The SDK
 *   tries the next listed endpoint after a retryable failure (5xx other than its exclusions,
 *   or a network error) and never retries the same endpoint, so copies = attempts per call.
 * @returns {Region}
 */
function staticRegion (host, options) {
    const copies = (options && options.copies) || 1;
    const endpoints = () => Array.from({ length: copies }, () => new Endpoint(host, { defaultScheme: 'http' }));
    return new Region({
        regionId: 'z0',
        ttl: -1, // ttl < 0: always live
        services: {
            [SERVICE_NAME.UC]: endpoints(),
            [SERVICE_NAME.UP]: endpoints(),
            [SERVICE_NAME.IO]: endpoints(),
            [SERVICE_NAME.RS]: endpoints(),
            [SERVICE_NAME.RSF]: endpoints(),
            [SERVICE_NAME.API]: endpoints()
        }
    });
}

/** Way (A). */
function staticConfig (host, options) {
    return new qiniu.conf.Config({
        useHttpsDomain: false,
        regionsProvider: staticRegion(host, options)
    });
}

/** Way (B). Changes the process-wide qiniu.conf.UC_HOST. */
function queryConfig (host) {
    qiniu.conf.UC_HOST = host; // also clears the backup uc and query hosts
    return new qiniu.conf.Config({
        useHttpsDomain: false,
        regionsQueryResultCachePath: null
    });
}

/**
 * Turns an SDK promise into {data, resp}. A rejection that still carries an HTTP response
 * (for instance a body that is not JSON) becomes {data: null, resp, error}; a rejection without
 * one (connection refused, ...) is rethrown.
 */
async function settle (promise) {
    try {
        const r = await promise;
        return { data: r.data, resp: r.resp };
    } catch (err) {
        if (err && err.resp && err.resp.statusCode > 0) {
            return { data: null, resp: err.resp, error: err };
        }
        throw err;
    }
}

/** Per-bucket client wrapping BucketManager, FormUploader and ResumeUploader. */
class KodoClient {
    /**
     * @param {Object} options
     * @param {qiniu.auth.digest.Mac} options.mac
     * @param {qiniu.conf.Config} options.config
     * @param {string} options.bucket
     * @param {string} options.host emulator host, used as the download domain
     */
    constructor (options) {
        this.mac = options.mac;
        this.config = options.config;
        this.bucket = options.bucket;
        this.host = options.host;
        this.bucketManager = new qiniu.rs.BucketManager(this.mac, this.config);
        this.formUploader = new qiniu.form_up.FormUploader(this.config);
        this.resumeUploader = new qiniu.resume_up.ResumeUploader(this.config);
    }

    /**
     * Upload token. Scope "bucket:key" (overwrite allowed) when a key is given, else "bucket".
     * @param {string|null} [key]
     * @param {Object} [policy] extra put-policy fields
     */
    uploadToken (key, policy) {
        const scope = key === undefined || key === null ? this.bucket : this.bucket + ':' + key;
        return new qiniu.rs.PutPolicy(Object.assign({ scope }, policy || {})).uploadToken(this.mac);
    }

    /**
     * FormUploader.put with a Buffer.
     * @param {string} key
     * @param {Buffer} body
     * @param {Object} [options] {token, mimeType, fname, params, metadata}
     */
    formPut (key, body, options) {
        const o = options || {};
        const token = o.token || this.uploadToken(key);
        const extra = new qiniu.form_up.PutExtra(o.fname, o.params, o.mimeType, null, true, o.metadata);
        return settle(this.formUploader.put(token, key, body, extra));
    }

    /**
     * FormUploader.putFile.
     * @param {string} key
     * @param {string} localFile
     * @param {Object} [options] {token, mimeType, fname, params, metadata}
     */
    formPutFile (key, localFile, options) {
        const o = options || {};
        const token = o.token || this.uploadToken(key);
        const extra = new qiniu.form_up.PutExtra(o.fname, o.params, o.mimeType, null, true, o.metadata);
        return settle(this.formUploader.putFile(token, key, localFile, extra));
    }

    /**
     * ResumeUploader.putFileV2.
     * @param {string} key
     * @param {string} localFile
     * @param {Object} options {version: 'v1'|'v2', partSize, token, mimeType, fname, params, metadata}
     */
    resumePutFile (key, localFile, options) {
        const o = options || {};
        const token = o.token || this.uploadToken(key);
        const extra = qiniu.resume_up.PutExtra.create(
            o.fname, o.params, o.mimeType, null, null, o.partSize, o.version || 'v2', o.metadata);
        return settle(this.resumeUploader.putFileV2(token, key, localFile, extra));
    }

    stat (key) {
        return settle(this.bucketManager.stat(this.bucket, key));
    }

    delete (key) {
        return settle(this.bucketManager.delete(this.bucket, key));
    }

    copy (srcKey, destKey, options) {
        return settle(this.bucketManager.copy(this.bucket, srcKey, this.bucket, destKey, options || {}));
    }

    move (srcKey, destKey, options) {
        return settle(this.bucketManager.move(this.bucket, srcKey, this.bucket, destKey, options || {}));
    }

    /** @param {string[]} operations built with qiniu.rs.statOp / copyOp / deleteOp / ... */
    batch (operations) {
        return settle(this.bucketManager.batch(operations));
    }

    /** One listPrefix call: options {prefix, marker, limit, delimiter}. */
    list (options) {
        return settle(this.bucketManager.listPrefix(this.bucket, options || {}));
    }

    /** Signed download URL on the emulator host. */
    privateDownloadUrl (key, deadline) {
        return this.bucketManager.privateDownloadUrl('http://' + this.host, key, deadline);
    }

    statOp (key) {
        return qiniu.rs.statOp(this.bucket, key);
    }

    copyOp (srcKey, destKey, options) {
        return qiniu.rs.copyOp(this.bucket, srcKey, this.bucket, destKey, options);
    }

    moveOp (srcKey, destKey, options) {
        return qiniu.rs.moveOp(this.bucket, srcKey, this.bucket, destKey, options);
    }

    deleteOp (key) {
        return qiniu.rs.deleteOp(this.bucket, key);
    }
}

/** Runs fn over items with at most `limit` in flight; resolves to results in order. */
async function mapLimit (items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    });
    await Promise.all(workers);
    return results;
}

/** Describes a {data, resp} result for assertion messages. */
function explain (result) {
    if (!result || !result.resp) {
        return String(result);
    }
    const resp = result.resp;
    return 'HTTP ' + resp.statusCode + ' reqid=' + (resp.headers && resp.headers['x-reqid']) +
        ' body=' + JSON.stringify(result.data) + (result.error ? ' error=' + result.error.message : '');
}

module.exports = {
    qiniu,
    makeMac,
    staticRegion,
    staticConfig,
    queryConfig,
    settle,
    KodoClient,
    mapLimit,
    explain
};
