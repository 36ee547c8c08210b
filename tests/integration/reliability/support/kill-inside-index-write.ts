/**
 * Preloaded (`--import`) into an `eventwire run` child: SIGKILLs the process at the worst moment of one item
 * update in dynalite, after the item's old secondary-index entries were deleted and before the new entries and
 * the item itself were written (dynalite does these as separate LevelDB writes). A random kill lands there only
 * rarely; this lands there every time.
 *
 * KILL_INSIDE_INDEX_WRITE=`<table name suffix>:<n>` picks the n-th update of an existing item in that table.
 */
import { createRequire } from 'node:module';

type Callback = (error?: unknown) => void;
interface IndexAction {
  index: string;
  key: string;
}
interface IndexDb {
  del(key: string, cb: Callback): void;
}
interface Store {
  getIndexDb(type: string, table: string, index: string): IndexDb;
}
interface Table {
  TableName: string;
  GlobalSecondaryIndexes?: unknown[];
}
interface DynaliteDb {
  updateIndexes(store: Store, table: Table, existing: unknown, item: unknown, cb: Callback): void;
  getIndexActions(indexes: unknown[], existing: unknown, item: unknown, table: Table): { deletes: IndexAction[] };
}

const [suffix, nth] = (process.env.KILL_INSIDE_INDEX_WRITE ?? '').split(':');
if (suffix && nth) {
  // dynalite's updateItem calls `db.updateIndexes` through the module object, so replacing it here takes effect.
  const db = createRequire(import.meta.url)('dynalite/db/index.js') as DynaliteDb;
  const updateIndexes = db.updateIndexes.bind(db);
  let updates = 0;
  db.updateIndexes = (store, table, existing, item, cb) => {
    const watched = Boolean(existing && item && table.TableName.endsWith(suffix));
    if (watched) updates += 1;
    if (!watched || updates !== Number(nth)) {
      updateIndexes(store, table, existing, item, cb);
      return;
    }
    const { deletes } = db.getIndexActions(table.GlobalSecondaryIndexes ?? [], existing, item, table);
    let left = deletes.length;
    const die = (): void => {
      process.kill(process.pid, 'SIGKILL');
    };
    if (left === 0) die();
    for (const { index, key } of deletes)
      store.getIndexDb('Global', table.TableName, index).del(key, () => {
        left -= 1;
        if (left === 0) die();
      });
  };
}
