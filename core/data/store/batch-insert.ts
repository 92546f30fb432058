import type Database from 'better-sqlite3';
import type { Db } from './open.js';

type Value = string | number | null;

/**
 * Inserts rows into one table through a prepared multi-row INSERT: one statement call per
 * `rowsPerStatement` rows. Measured here: 4.4M twelve-column rows in 3.1 s with 50 rows per
 * statement against 5.4 s one row at a time (the per-call overhead dominates).
 * Table and column names come from our own code, never from user input.
 */
export class BatchInserter {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly args: Value[];
  private readonly width: number;
  private filled = 0;
  inserted = 0;

  constructor(db: Db, table: string, columns: readonly string[], private readonly rowsPerStatement = 50) {
    this.width = columns.length;
    const row = `(${columns.map(() => '?').join(',')})`;
    const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
    this.many = db.prepare(head + Array(rowsPerStatement).fill(row).join(','));
    this.one = db.prepare(head + row);
    this.args = new Array<Value>(this.width * rowsPerStatement);
  }

  /** Adds one row; `values` must have exactly one value per column, in column order. */
  push(...values: Value[]): void {
    const at = this.slot();
    for (let i = 0; i < this.width; i++) this.args[at + i] = values[i];
    this.done();
  }

  /**
   * Allocation-free form of push for hot loops: write the row's values into `buffer` at the
   * returned offset, then call done().
   */
  slot(): number {
    return this.filled * this.width;
  }

  get buffer(): Value[] {
    return this.args;
  }

  done(): void {
    if (++this.filled === this.rowsPerStatement) {
      this.many.run(this.args);
      this.filled = 0;
    }
    this.inserted++;
  }

  /** Writes the rows still buffered; call before reading the table back or committing. */
  flush(): void {
    for (let r = 0; r < this.filled; r++) this.one.run(this.args.slice(r * this.width, (r + 1) * this.width));
    this.filled = 0;
  }
}
