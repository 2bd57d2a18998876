import type { SavedNote, Store } from './types.ts';

export interface NoteFollower {
  /** Reads the revision now and reloads if it changed; true when it did. */
  check(): Promise<boolean>;
  /** Stops polling; a check still under way reports nothing when it ends. */
  stop(): void;
}

/**
 * Keeps a replica's notes current: polls the notes revision (one small read) every `everyMs`, and
 * when it differs from the last one seen, reads the saved notes and hands them to `onChange`. The
 * first check, at once, always loads. A failing store is reported once per run of failures.
 */
export function followNoteChanges(
  store: Pick<Store, 'notes'>,
  options: {
    onChange: (notes: SavedNote[], revision: number) => void;
    everyMs?: number;
    onError?: (err: unknown) => void;
  },
): NoteFollower {
  let seen: number | undefined;
  let failing = false;
  let checking: Promise<boolean> | undefined;
  let stopped = false;

  const check = (): Promise<boolean> => {
    checking ??= (async () => {
      try {
        const revision = await store.notes.revision();
        failing = false;
        if (revision === seen) return false;
        const notes = await store.notes.list();
        if (stopped) return false;
        seen = revision;
        options.onChange(notes, revision);
        return true;
      } catch (err) {
        if (!failing && !stopped) options.onError?.(err);
        failing = true;
        return false;
      } finally {
        checking = undefined;
      }
    })();
    return checking;
  };

  void check();
  const timer = setInterval(() => void check(), options.everyMs ?? 2000);
  timer.unref();
  return {
    check,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
