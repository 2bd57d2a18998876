import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Temp folders for one test file: `make` fills one with files (subfolders made as needed), by its
 * real path so that paths in warnings compare as written; `removeAll` goes in afterEach.
 */
export function tempFolders(prefix: string) {
  const made: string[] = [];
  return {
    make(files: Record<string, string> = {}): string {
      const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
      made.push(dir);
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
      return dir;
    },
    removeAll(): void {
      for (const dir of made.splice(0)) {
        openUp(dir);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Gives back every folder a test closed (chmod 000): only root could remove them otherwise. */
function openUp(dir: string): void {
  try {
    fs.chmodSync(dir, 0o755);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) openUp(path.join(dir, entry.name));
    }
  } catch {
    // Gone already, or not ours: rmSync says what is left.
  }
}
