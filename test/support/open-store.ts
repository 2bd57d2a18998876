/**
 * Opens the store at DATABASE_URL (argv[2]) and prints how that ended as JSON: for tests of a store
 * that could block the process for good (a mkdir that never returns), which only a child can bound.
 */
import { StoreError } from '../../src/store/errors.ts';
import { createStore } from '../../src/store/index.ts';

const store = createStore(process.argv[2] ?? '');
try {
  await store.open();
  console.log(JSON.stringify({ opened: true }));
} catch (err) {
  console.log(
    JSON.stringify(err instanceof StoreError ? { failure: err.failure, message: err.message } : { error: String(err) }),
  );
} finally {
  await store.close();
}
