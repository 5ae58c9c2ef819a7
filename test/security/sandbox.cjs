// A recording sandbox, preloaded into the language server or treaty-check with `node --require` (NODE_OPTIONS):
// wraps every Node API that opens a connection, resolves a name, starts a process, evaluates code, writes to the
// file system or reads a file, and appends one JSON line per call to SANDBOX_LOG. Network, process, evaluation and
// write calls also throw, so a test can never leak anything. Reads are only recorded: the test judges which paths
// may be read (the workspace folders, and the program's own files).
'use strict';
const fs = require('node:fs');
const Module = require('node:module');

// The log is opened and written with the original functions, before anything is wrapped.
const logFile = process.env.SANDBOX_LOG;
const logDescriptor = logFile ? fs.openSync(logFile, 'a') : -1;
const writeLog = fs.writeSync;
const record = (kind, name, target) => {
  if (logDescriptor >= 0) writeLog(logDescriptor, `${JSON.stringify({ kind, name, target: target === undefined ? null : String(target) })}\n`);
};

/** Replaces `object[name]` by a wrapper that records the call (and throws unless `allow`). */
function wrap(object, name, kind, { allow = false, target = (args) => args[0], passes = () => false } = {}) {
  const original = object[name];
  if (typeof original !== 'function') return;
  object[name] = function wrapped(...args) {
    if (passes(args)) return original.apply(this, args);
    let described;
    try {
      described = target(args);
    } catch {
      described = '?';
    }
    record(kind, name, described && typeof described === 'object' ? JSON.stringify(described) : described);
    if (!allow) throw new Error(`sandbox: ${kind} ${name} refused`);
    return original.apply(this, args);
  };
}

// The network: sockets, HTTP(S), HTTP/2, TLS, UDP and name resolution.
const net = require('node:net');
wrap(net.Socket.prototype, 'connect', 'network', { target: (args) => args[0] });
for (const name of ['connect', 'createConnection']) wrap(net, name, 'network');
for (const moduleName of ['node:http', 'node:https']) for (const name of ['request', 'get']) wrap(require(moduleName), name, 'network');
wrap(require('node:http2'), 'connect', 'network');
wrap(require('node:tls'), 'connect', 'network');
wrap(require('node:dgram'), 'createSocket', 'network');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'reverse']) {
  wrap(dns, name, 'network');
  wrap(dns.promises, name, 'network');
}

// Other programs and other threads.
const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap(childProcess, name, 'process');
wrap(require('node:worker_threads'), 'Worker', 'process');

// Code from strings.
const vm = require('node:vm');
for (const name of ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']) wrap(vm, name, 'eval', { target: (args) => String(args[0]).slice(0, 80) });
wrap(globalThis, 'eval', 'eval', { target: (args) => String(args[0]).slice(0, 80) });

// Writes, in every API family.
const writes = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync',
  'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
  'symlink', 'symlinkSync', 'link', 'linkSync', 'chmod', 'chmodSync', 'chown', 'chownSync', 'utimes', 'utimesSync', 'truncate', 'truncateSync',
  'write', 'writeSync', 'writev', 'writevSync', 'ftruncate', 'ftruncateSync',
];
// Standard output and error (descriptors 1 and 2, which treaty-check writes its report to in chunks) are not the file system.
const standardStream = (args) => args[0] === 1 || args[0] === 2;
for (const name of writes) wrap(fs, name, 'write', { passes: ['write', 'writeSync', 'writev', 'writevSync'].includes(name) ? standardStream : undefined });
for (const name of ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link', 'chmod', 'chown', 'utimes', 'truncate']) {
  wrap(fs.promises, name, 'write');
}
const writeFlags = (flags) => typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0;
for (const [object, name] of [[fs, 'open'], [fs, 'openSync'], [fs.promises, 'open']]) {
  const original = object[name];
  object[name] = function open(path, flags, ...rest) {
    if (writeFlags(flags)) {
      record('write', name, path);
      throw new Error(`sandbox: write ${name} refused`);
    }
    record('read', name, path);
    return original.call(this, path, flags, ...rest);
  };
}

// Reads: recorded with their path.
for (const name of ['readFile', 'readFileSync', 'createReadStream', 'readdir', 'readdirSync', 'opendir', 'opendirSync']) wrap(fs, name, 'read', { allow: true });
for (const name of ['readFile', 'readdir', 'opendir']) wrap(fs.promises, name, 'read', { allow: true });

// Modules loaded after start-up (a server that requires a workspace file runs its code).
const load = Module._load;
Module._load = function loadModule(request, parent, isMain) {
  if (!isMain && !Module.isBuiltin(request)) record('require', '_load', request);
  return load.call(this, request, parent, isMain);
};
