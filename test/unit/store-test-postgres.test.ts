import { describe, expect, it } from 'vitest';
import { POSTGRES_INSTALL_HINT, postgresBinDir } from '../support/postgres.ts';

describe('the PostgreSQL test server helper', () => {
  it('fails with the exact install command when PostgreSQL is not installed', () => {
    expect(POSTGRES_INSTALL_HINT).toBe('Install it as root with: npm run test:setup (apt-get install -y postgresql).');
    expect(() => postgresBinDir('/nonexistent/postgresql')).toThrow(
      'The store tests start their own PostgreSQL server, but none is installed. Install it as root with: npm run test:setup (apt-get install -y postgresql).',
    );
  });
});
