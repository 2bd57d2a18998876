import fs from 'node:fs';
import { promisify } from 'node:util';

/**
 * The file-system calls the loader makes. The loader is written once, as a generator that yields
 * each call; a driver performs it. Start-up runs it synchronously (nothing is served yet); a reload
 * runs it asynchronously, each call on libuv's thread pool, so no file ever holds up the event
 * loop and requests are answered between two calls.
 */
export interface FileSystem {
  readdir(dir: string): fs.Dirent[];
  /** Follows links. */
  stat(file: string): fs.Stats;
  /** The path with every link resolved (realpath(3)). */
  realpath(file: string): string;
  open(file: string, flags: number): number;
  fstat(fd: number): fs.Stats;
  /** Reads into buffer[offset…] from the file's `position`; returns how many bytes came. */
  read(fd: number, buffer: Buffer, offset: number, length: number, position: number): number;
  close(fd: number): void;
}

type Name = keyof FileSystem;
/** One call the loader asks its driver to make, or several step sequences to run side by side. */
export type FsCall =
  | { [K in Name]: { name: K; args: Parameters<FileSystem[K]> } }[Name]
  | { name: 'parallel'; args: [Array<Steps<unknown>>] };
/** A loader step: yields calls, gets each one's result back, returns T. */
export type Steps<T> = Generator<FsCall, T, unknown>;

/** `const st = yield* call('stat', file)`: one file-system call, typed. */
export function* call<K extends Name>(name: K, ...args: Parameters<FileSystem[K]>): Steps<ReturnType<FileSystem[K]>> {
  return (yield { name, args } as FsCall) as ReturnType<FileSystem[K]>;
}

/** Runs several step sequences, results in order; asynchronously, up to PARALLEL_FILES of them wait on the disk at once. */
export function* inParallel<T>(tasks: Array<Steps<T>>): Steps<T[]> {
  return (yield { name: 'parallel', args: [tasks] }) as T[];
}

/** Enough to keep a disk busy, few enough to leave the thread pool (4 threads) room for DNS and other files. */
const PARALLEL_FILES = 8;

/** The blocking calls, as runSync makes them. */
export const blockingFs: FileSystem = {
  readdir: (dir) => fs.readdirSync(dir, { withFileTypes: true }),
  stat: (file) => fs.statSync(file),
  realpath: (file) => fs.realpathSync.native(file),
  open: (file, flags) => fs.openSync(file, flags),
  fstat: (fd) => fs.fstatSync(fd),
  read: (fd, buffer, offset, length, position) => fs.readSync(fd, buffer, offset, length, position),
  close: (fd) => fs.closeSync(fd),
};

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
const readAsync = promisify(fs.read);
const asyncFs: { [K in Name]: Async<FileSystem[K]> } = {
  readdir: (dir) => fs.promises.readdir(dir, { withFileTypes: true }),
  stat: (file) => fs.promises.stat(file),
  realpath: promisify(fs.realpath.native),
  open: (file, flags) => promisify(fs.open)(file, flags),
  fstat: promisify(fs.fstat),
  read: async (fd, buffer, offset, length, position) =>
    (await readAsync(fd, buffer, offset, length, position)).bytesRead,
  close: promisify(fs.close),
};

/** Runs the steps with blocking calls: for start-up and the CLI, before anything is served. */
export function runSync<T>(steps: Steps<T>, fileSystem: FileSystem = blockingFs): T {
  return drive(steps, (request) =>
    request.name === 'parallel'
      ? request.args[0].map((task) => runSync(task, fileSystem))
      : (fileSystem[request.name] as (...a: unknown[]) => unknown)(...request.args),
  ) as T;
}

/** Runs the steps with non-blocking calls: for reloads while questions are being answered. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  return drive(steps, (request) =>
    request.name === 'parallel'
      ? runAllAsync(request.args[0])
      : (asyncFs[request.name] as (...a: unknown[]) => Promise<unknown>)(...request.args),
  );
}

/**
 * Feeds each call's result (or error) back into the steps. A call that returns a promise is awaited
 * and the steps resumed when it settles, so one driver serves both the blocking and the async calls.
 */
function drive<T>(
  steps: Steps<T>,
  perform: (request: FsCall) => unknown,
  input?: { error: unknown },
  value?: unknown,
): T | Promise<T> {
  for (;;) {
    const next = input ? steps.throw(input.error) : steps.next(value);
    if (next.done) return next.value;
    input = undefined;
    try {
      value = perform(next.value);
    } catch (error) {
      input = { error };
      continue;
    }
    if (value instanceof Promise) {
      return value.then(
        (result) => drive(steps, perform, undefined, result),
        (error) => drive(steps, perform, { error }),
      );
    }
  }
}

async function runAllAsync(tasks: Array<Steps<unknown>>): Promise<unknown[]> {
  const results: unknown[] = new Array(tasks.length);
  let taken = 0;
  const worker = async () => {
    while (taken < tasks.length) {
      const i = taken++;
      results[i] = await runAsync(tasks[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FILES, tasks.length) }, worker));
  return results;
}
