'use strict';

// Starts the Kodo emulator as a child process and talks to its admin endpoints.
//
// Contract of the emulator (see README.md):
//   <repo>/bin/kodo-emulator --listen 127.0.0.1:0 --access-key AK --secret-key SK --bucket NAME
//                            [--data DIR] [extra args]
//   stdout: "Kodo emulator listening on http://127.0.0.1:<PORT>"
//           then, per bucket, "bucket <name> domain <domain> endpoint 127.0.0.1:<PORT>"
//   SIGTERM: clean exit.

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const LAUNCHER = process.env.KODO_EMULATOR_BIN || path.join(REPO_ROOT, 'bin', 'kodo-emulator');

// The first start may build the emulator, which can take a while on a small machine.
const START_TIMEOUT_MS = 5 * 60 * 1000;
const STOP_TIMEOUT_MS = 20 * 1000;

const LISTENING_RE = /^Kodo emulator listening on http:\/\/127\.0\.0\.1:(\d+)\s*$/;
const BUCKET_RE = /^bucket (\S+) domain (\S+) endpoint (\S+)\s*$/;

/** Random credentials that look like real ones (40 URL-safe characters). */
function randomCredentials () {
    return {
        accessKey: crypto.randomBytes(30).toString('base64url'),
        secretKey: crypto.randomBytes(30).toString('base64url')
    };
}

/** A valid bucket name: 3-63 characters of [a-z0-9-]. */
function randomBucketName (prefix) {
    return (prefix || 'sdkconf') + '-' + crypto.randomBytes(4).toString('hex');
}

function makeTempDir (label) {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'kodo-sdk-conformance-' + (label || 'run') + '-'));
}

function removeDir (dir) {
    if (dir) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

// Process groups of running emulators, so that a crashing test process still ends them.
const liveGroups = new Set();
process.on('exit', () => {
    for (const pid of liveGroups) {
        try {
            process.kill(-pid, 'SIGKILL');
        } catch (_err) {
            // already gone
        }
    }
});

/**
 * Starts an emulator.
 * @param {Object} options
 * @param {string} options.accessKey
 * @param {string} options.secretKey
 * @param {string} options.bucket
 * @param {string} [options.dataDir]
 * @param {string[]} [options.extraArgs]
 * @returns {Promise<{host: string, port: number, bucketLines: Map<string, {domain: string, endpoint: string}>,
 *   waitForBucketLine: function(string, number=): Promise<{domain: string, endpoint: string}>,
 *   output: function(): string, stop: function(): Promise<{code: number|null, signal: string|null}>}>}
 */
function startEmulator (options) {
    const args = [
        '--listen', '127.0.0.1:0',
        '--access-key', options.accessKey,
        '--secret-key', options.secretKey,
        '--bucket', options.bucket
    ];
    if (options.dataDir) {
        args.push('--data', options.dataDir);
    }
    if (options.extraArgs) {
        args.push(...options.extraArgs);
    }

    // detached: the child leads its own process group, so that stop() also reaches a process the
    // launcher script may have started (the launcher might not exec).
    // Diagnostics off: a .NET process otherwise leaves debugger and diagnostic pipes in /tmp when killed.
    const child = spawn(LAUNCHER, args, {
        cwd: REPO_ROOT,
        env: Object.assign({}, process.env, { DOTNET_EnableDiagnostics: '0' }),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe']
    });
    liveGroups.add(child.pid);

    const outputLines = [];
    const remember = (stream, line) => {
        outputLines.push(stream + ': ' + line);
        if (outputLines.length > 400) {
            outputLines.splice(0, outputLines.length - 400);
        }
    };

    let exitInfo = null;
    const exited = new Promise(resolve => {
        child.on('exit', (code, signal) => {
            exitInfo = { code, signal };
            liveGroups.delete(child.pid);
            resolve(exitInfo);
        });
    });

    const bucketLines = new Map();
    const bucketWaiters = [];
    const notifyBucketWaiters = () => {
        for (const w of bucketWaiters.slice()) {
            if (bucketLines.has(w.name)) {
                bucketWaiters.splice(bucketWaiters.indexOf(w), 1);
                clearTimeout(w.timer);
                w.resolve(bucketLines.get(w.name));
            }
        }
    };

    readline.createInterface({ input: child.stderr }).on('line', line => remember('stderr', line));

    return new Promise((resolve, reject) => {
        let settled = false;
        const timer = setTimeout(() => {
            if (settled) {
                return;
            }
            settled = true;
            killGroup(child.pid, 'SIGKILL');
            reject(new Error('the emulator printed no listening line within ' + START_TIMEOUT_MS / 1000 +
                ' s. Last output:\n' + outputLines.slice(-40).join('\n')));
        }, START_TIMEOUT_MS);

        child.on('error', err => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(timer);
            liveGroups.delete(child.pid);
            reject(new Error('cannot start ' + LAUNCHER + ': ' + err.message));
        });

        exited.then(info => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(timer);
            reject(new Error('the emulator exited before listening (code ' + info.code + ', signal ' +
                info.signal + '). Last output:\n' + outputLines.slice(-40).join('\n')));
        });

        readline.createInterface({ input: child.stdout }).on('line', line => {
            remember('stdout', line);
            const b = BUCKET_RE.exec(line);
            if (b) {
                bucketLines.set(b[1], { domain: b[2], endpoint: b[3] });
                notifyBucketWaiters();
                return;
            }
            const m = LISTENING_RE.exec(line);
            if (!m || settled) {
                return;
            }
            settled = true;
            clearTimeout(timer);
            const port = Number(m[1]);
            resolve({
                host: '127.0.0.1:' + port,
                port,
                bucketLines,
                output: () => outputLines.join('\n'),
                waitForBucketLine: (name, timeoutMs) => new Promise((resolveLine, rejectLine) => {
                    if (bucketLines.has(name)) {
                        resolveLine(bucketLines.get(name));
                        return;
                    }
                    const waiter = { name, resolve: resolveLine };
                    waiter.timer = setTimeout(() => {
                        bucketWaiters.splice(bucketWaiters.indexOf(waiter), 1);
                        rejectLine(new Error('no "bucket ' + name + ' domain ... endpoint ..." line on stdout. ' +
                            'Output so far:\n' + outputLines.join('\n')));
                    }, timeoutMs || 10000);
                    bucketWaiters.push(waiter);
                }),
                stop: () => stop(child, exited, () => exitInfo)
            });
        });
    });
}

function killGroup (pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    } catch (_err) {
        return false;
    }
}

async function stop (child, exited, getExitInfo) {
    if (getExitInfo()) {
        return getExitInfo();
    }
    killGroup(child.pid, 'SIGTERM');
    let timer;
    const timedOut = new Promise(resolve => {
        timer = setTimeout(() => resolve(null), STOP_TIMEOUT_MS);
    });
    const info = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (info) {
        // The launcher may have exited while a grandchild still runs: end the rest of the group.
        killGroup(child.pid, 'SIGKILL');
        liveGroups.delete(child.pid);
        return info;
    }
    killGroup(child.pid, 'SIGKILL');
    await exited;
    throw new Error('the emulator did not exit within ' + STOP_TIMEOUT_MS / 1000 + ' s of SIGTERM and was killed');
}

// ---- admin endpoints (no auth) ----

function adminRequest (host, method, urlPath, body) {
    const [hostname, port] = host.split(':');
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
        const req = http.request({
            hostname,
            port: Number(port),
            method,
            path: urlPath,
            agent: false,
            headers: payload
                ? { 'Content-Type': 'application/json', 'Content-Length': payload.length }
                : { 'Content-Length': 0 }
        }, res => {
            const chunks = [];
            res.on('data', c => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                if (res.statusCode < 200 || res.statusCode > 299) {
                    reject(new Error(method + ' ' + urlPath + ' answered ' + res.statusCode + ': ' + text));
                    return;
                }
                let json = null;
                if (text.length) {
                    try {
                        json = JSON.parse(text);
                    } catch (err) {
                        reject(new Error(method + ' ' + urlPath + ' answered non-JSON: ' + text));
                        return;
                    }
                }
                resolve(json);
            });
            res.on('error', reject);
        });
        req.on('error', reject);
        req.end(payload || undefined);
    });
}

/** @returns {Promise<Object.<string, number>>} */
async function getCounters (host) {
    const body = await adminRequest(host, 'GET', '/__emulator/counters');
    return (body && body.counters) || {};
}

function resetCounters (host) {
    return adminRequest(host, 'POST', '/__emulator/counters/reset');
}

function setFaults (host, faults) {
    return adminRequest(host, 'POST', '/__emulator/faults', Object.assign({
        faultRate: 0,
        faultStatuses: [503],
        latencyMs: 0,
        bandwidth: 0
    }, faults));
}

function getFaults (host) {
    return adminRequest(host, 'GET', '/__emulator/faults');
}

/** Turns fault injection off: rate 0, no latency, no bandwidth cap (the status list is kept non-empty). */
function clearFaults (host) {
    return setFaults(host, { faultRate: 0, faultStatuses: [503], latencyMs: 0, bandwidth: 0 });
}

module.exports = {
    LAUNCHER,
    REPO_ROOT,
    startEmulator,
    randomCredentials,
    randomBucketName,
    makeTempDir,
    removeDir,
    getCounters,
    resetCounters,
    setFaults,
    getFaults,
    clearFaults
};
