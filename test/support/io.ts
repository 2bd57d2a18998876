import { PassThrough, Readable } from 'node:stream';

/** Standard streams for a face run in-process: `input` on stdin, and what it wrote to stdout and stderr. */
export function captureIo(input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const written = { stdout: '', stderr: '' };
  stdout.on('data', (d) => {
    written.stdout += String(d);
  });
  stderr.on('data', (d) => {
    written.stderr += String(d);
  });
  return { io: { stdin: Readable.from([input]), stdout, stderr }, written };
}
