/**
 * `npm run test:setup`: installs the Debian packages the integration and end-to-end suites need
 * (test/support/requirements.ts) when they are missing. Run as root; `.ci/run` runs it. It keeps
 * the packages from starting a system-wide dockerd or sshd (port 22): the tests start their own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { missingPackages } from '../test/support/requirements.ts';

const packages = missingPackages();
if (packages.length === 0) process.exit(0);

const command = `apt-get install -y ${packages.join(' ')}`;
if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error) {
  console.error(`The test suites need ${packages.join(', ')}. Install them as root with: ${command}`);
  process.exit(1);
}

console.error(`Installing ${packages.join(' ')} for the test suites (apt-get)...`);
// Debian's policy-rc.d convention: exit 101 means "do not start services", unless the machine has its own policy.
const policy = '/usr/sbin/policy-rc.d';
const ownPolicy = !fs.existsSync(policy);
if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
      process.exitCode = 1;
      break;
    }
  }
} finally {
  if (ownPolicy) fs.rmSync(policy, { force: true });
}
