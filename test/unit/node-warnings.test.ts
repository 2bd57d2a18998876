import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

it('drops only the known-noise warning code, in a real process', () => {
  const script = `
    import { quietKnownNodeWarnings } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'node-warnings.ts'))};
    quietKnownNodeWarnings();
    process.emitWarning('dropped-one', { type: 'DeprecationWarning', code: 'DEP0170' });
    process.emitWarning('dropped-two', 'DeprecationWarning', 'DEP0170');
    process.emitWarning('kept-one', { type: 'DeprecationWarning', code: 'DEP0005' });
    process.emitWarning('kept-two');
  `;
  const r = spawnSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toContain('kept-one');
  expect(r.stderr).toContain('kept-two');
  expect(r.stderr).not.toContain('dropped');
});
