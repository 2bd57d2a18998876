import fs from 'node:fs';
import path from 'node:path';

/**
 * What the integration, end-to-end and image suites need from the machine, and the Debian package of each.
 * `npm run test:setup` installs what is missing (scripts/test-setup.ts); a suite started without it
 * fails, never skips, with that exact command.
 */
export const TOOLS = {
  dockerd: { package: 'docker.io', present: () => onPath('dockerd') },
  docker: { package: 'docker.io', present: () => onPath('docker') },
  busybox: { package: 'busybox-static', present: () => fs.existsSync('/bin/busybox') },
  openssl: { package: 'openssl', present: () => onPath('openssl') },
  sshd: { package: 'openssh-server', present: () => fs.existsSync('/usr/sbin/sshd') },
  'ssh-keygen': { package: 'openssh-client', present: () => onPath('ssh-keygen') },
  'ssh-keyscan': { package: 'openssh-client', present: () => onPath('ssh-keyscan') },
  'ssh-agent': { package: 'openssh-client', present: () => onPath('ssh-agent') },
  'ssh-add': { package: 'openssh-client', present: () => onPath('ssh-add') },
  'docker-compose': { package: 'docker-compose', present: () => onPath('docker-compose') },
  postgres: { package: 'postgresql', present: () => postgresInstalled() },
  chattr: { package: 'e2fsprogs', present: () => onPath('chattr') },
  // A dockerd in a network namespace of its own (the Swarm test): unshare --net, then ip link set lo up.
  unshare: { package: 'util-linux', present: () => onPath('unshare') },
  ip: { package: 'iproute2', present: () => onPath('ip') },
  // A pseudo-terminal for the shell's terminal test (script -c).
  script: { package: 'bsdutils', present: () => onPath('script') },
} as const;

export type Tool = keyof typeof TOOLS;

/** The Debian packages that provide the missing ones of `tools`, each once. */
export function missingPackages(tools: readonly Tool[] = Object.keys(TOOLS) as Tool[]): string[] {
  return [...new Set(tools.filter((tool) => !TOOLS[tool].present()).map((tool) => TOOLS[tool].package))];
}

/**
 * Throws, naming what is missing and the command that installs it, unless every tool is there (and
 * the process is root when `root` is set: a private dockerd needs it).
 */
export function requireTools(suite: string, tools: readonly Tool[], { root = false } = {}): void {
  const missing = tools.filter((tool) => !TOOLS[tool].present());
  if (missing.length > 0) {
    const packages = missingPackages(missing);
    throw new Error(
      `${suite} need ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} missing. Install as root with: npm run test:setup (apt-get install -y ${packages.join(' ')}).`,
    );
  }
  if (root && process.getuid?.() !== 0) {
    throw new Error(
      `${suite} start a private dockerd, which needs root. Run them as root (e.g. in a Debian container).`,
    );
  }
}

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, binary), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Debian's postgresql puts the server under /usr/lib/postgresql/<major>/bin, never on PATH. */
function postgresInstalled(root = '/usr/lib/postgresql'): boolean {
  try {
    return fs.readdirSync(root).some((major) => fs.existsSync(path.join(root, major, 'bin', 'postgres')));
  } catch {
    return false;
  }
}
