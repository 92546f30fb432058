/**
 * Schema migrations, applied in order; `PRAGMA user_version` holds the number applied.
 * A migration is never edited once released: add the next one instead.
 *
 * Dates are stored as `day` = days since 1970-01-01 (UTC calendar date, no time zone), hours as
 * 0–23, so recency, intervals and per-day sums are integer arithmetic.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: the project file: import bookkeeping, canonical model, runs. */ `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('lpoint', 'generic')),
    table_name TEXT NOT NULL,
    encoding TEXT NOT NULL,
    delimiter TEXT NOT NULL,
    mapping TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    rows_read INTEGER NOT NULL,
    rows_imported INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    rows_flagged INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    first_line_id INTEGER,
    last_line_id INTEGER,
    run_id INTEGER
  );
  CREATE INDEX imports_fingerprint ON imports (fingerprint);

  CREATE TABLE import_issues (
    import_id INTEGER NOT NULL REFERENCES imports (id),
    severity TEXT NOT NULL CHECK (severity IN ('rejected', 'flagged')),
    line INTEGER NOT NULL,
    column_name TEXT NOT NULL,
    value TEXT NOT NULL,
    reason TEXT NOT NULL
  );
  CREATE INDEX import_issues_import ON import_issues (import_id, severity, line);

  CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    gender TEXT,
    age_band TEXT,
    age INTEGER,
    region TEXT
  );

  -- category = top level (L.point clac_hlv_nm, 대분류), category2 = second level (clac_mcls_nm, 중분류).
  CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT,
    category TEXT,
    category2 TEXT
  );

  CREATE TABLE stores (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    retailer TEXT,
    region TEXT,
    region2 TEXT
  );

  -- channel: 1 offline, 2 online, NULL unknown. retailer: L.point cop_c (A01…A06) or NULL.
  CREATE TABLE receipts (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    customer_id INTEGER,
    day INTEGER NOT NULL,
    hour INTEGER,
    channel INTEGER,
    retailer TEXT,
    store_id INTEGER,
    amount REAL NOT NULL,
    quantity REAL NOT NULL,
    lines INTEGER NOT NULL,
    flags INTEGER NOT NULL
  );

  -- One row per purchase line, as narrow as the analyses allow (4.4M rows at real scale): hour,
  -- channel, retailer and store are the receipt's. customer_id and day repeat the receipt's so
  -- per-customer and per-day aggregations read one table. Lines of one import are the contiguous
  -- id range imports.first_line_id..last_line_id, in file order.
  CREATE TABLE lines (
    id INTEGER PRIMARY KEY,
    receipt_id INTEGER NOT NULL,
    customer_id INTEGER,
    product_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    quantity REAL,
    amount REAL NOT NULL,
    flags INTEGER NOT NULL
  );

  -- L.point COP_U: use of a partner service (lodging, entertainment, F&B, rental).
  CREATE TABLE partner_uses (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    customer_id INTEGER,
    partner TEXT NOT NULL,
    store_id INTEGER,
    channel INTEGER,
    day INTEGER NOT NULL,
    visit_day INTEGER,
    hour INTEGER,
    amount REAL NOT NULL,
    line INTEGER NOT NULL
  );

  -- L.point LPAY: payments made with the own mobile payment; merchant = cop_c (A01…, B01…, L00, L01).
  CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    customer_id INTEGER,
    merchant TEXT NOT NULL,
    channel INTEGER,
    day INTEGER NOT NULL,
    hour INTEGER,
    amount REAL NOT NULL,
    line INTEGER NOT NULL
  );

  -- Columns of a generic import that no mapping field took, kept as JSON so nothing is lost.
  CREATE TABLE raw_extra (
    import_id INTEGER NOT NULL,
    line INTEGER NOT NULL,
    data TEXT NOT NULL
  );

  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    analysis TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
    params TEXT NOT NULL,
    data_fingerprint TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    duration_ms INTEGER,
    summary TEXT,
    error TEXT
  );

  -- Raw tables as imported, reconstructed from the lossless canonical model (L.point columns).
  CREATE VIEW raw_lpoint_pdde AS
    SELECT c.code AS cust, r.code AS rct_no, r.channel AS chnl_dv, r.retailer AS cop_c,
           s.code AS br_c, p.code AS pd_c, strftime('%Y%m%d', l.day * 86400, 'unixepoch') AS de_dt,
           r.hour AS de_hr, l.amount AS buy_am, l.quantity AS buy_ct, r.import_id, l.id AS line_id
    FROM lines l JOIN receipts r ON r.id = l.receipt_id
    LEFT JOIN customers c ON c.id = l.customer_id LEFT JOIN products p ON p.id = l.product_id
    LEFT JOIN stores s ON s.id = r.store_id
    WHERE r.import_id IN (SELECT id FROM imports WHERE table_name = 'PDDE');
  CREATE VIEW raw_lpoint_cop_u AS
    SELECT c.code AS cust, u.code AS rct_no, u.partner AS cop_c, s.code AS br_c, u.channel AS chnl_dv,
           strftime('%Y%m%d', u.day * 86400, 'unixepoch') AS de_dt,
           strftime('%Y%m%d', u.visit_day * 86400, 'unixepoch') AS vst_dt, u.hour AS de_hr, u.amount AS buy_am,
           u.import_id, u.line
    FROM partner_uses u LEFT JOIN customers c ON c.id = u.customer_id LEFT JOIN stores s ON s.id = u.store_id;
  CREATE VIEW raw_lpoint_lpay AS
    SELECT c.code AS cust, y.code AS rct_no, y.merchant AS cop_c, y.channel AS chnl_dv,
           strftime('%Y%m%d', y.day * 86400, 'unixepoch') AS de_dt, y.hour AS de_hr, y.amount AS buy_am,
           y.import_id, y.line
    FROM payments y LEFT JOIN customers c ON c.id = y.customer_id;
  `,
  /* 2: segmentations — who is in which segment, editable segment names, a run's stored arrays. */ `
  -- segment −1 = set aside (DBSCAN noise or a cluster too small); outlier 1 for those.
  CREATE TABLE segment_members (
    run_id INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    segment INTEGER NOT NULL,
    outlier INTEGER NOT NULL,
    PRIMARY KEY (run_id, customer_id)
  ) WITHOUT ROWID;

  CREATE TABLE segment_names (
    run_id INTEGER NOT NULL,
    segment INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (run_id, segment)
  ) WITHOUT ROWID;

  -- Arrays and documents a run keeps beside its summary (feature matrices, PCA points, profiles).
  CREATE TABLE run_artifacts (
    run_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (run_id, name)
  ) WITHOUT ROWID;
  `,
  /* 3: a recommend run's lists — top-N products per customer with the model's score and reason. */ `
  CREATE TABLE recommendations (
    run_id INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    rank INTEGER NOT NULL,
    product_id INTEGER NOT NULL,
    score REAL,
    reason TEXT NOT NULL,
    PRIMARY KEY (run_id, customer_id, rank)
  ) WITHOUT ROWID;
  `,
  /* 4: files without amounts, products or dates (issue #10), the basket format, customer attributes.
   * SQLite cannot relax NOT NULL or a CHECK in place: lines, receipts and imports are rebuilt
   * (create new, copy, drop, rename) keeping every row and id. The views are dropped first (a
   * rename re-checks every view) and recreated unchanged; import_issues, whose foreign key names
   * imports, is copied aside and recreated so dropping the old imports table breaks no reference.
   * Secondary indexes are rebuilt by openProject after the migrations. */ `
  DROP VIEW raw_lpoint_pdde;
  DROP VIEW raw_lpoint_cop_u;
  DROP VIEW raw_lpoint_lpay;

  CREATE TABLE lines_v4 (
    id INTEGER PRIMARY KEY,
    receipt_id INTEGER NOT NULL,
    customer_id INTEGER,
    product_id INTEGER,
    day INTEGER,
    quantity REAL,
    amount REAL,
    flags INTEGER NOT NULL
  );
  INSERT INTO lines_v4 (id, receipt_id, customer_id, product_id, day, quantity, amount, flags)
    SELECT id, receipt_id, customer_id, product_id, day, quantity, amount, flags FROM lines;
  DROP TABLE lines;
  ALTER TABLE lines_v4 RENAME TO lines;

  CREATE TABLE receipts_v4 (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    customer_id INTEGER,
    day INTEGER,
    hour INTEGER,
    channel INTEGER,
    retailer TEXT,
    store_id INTEGER,
    amount REAL,
    quantity REAL NOT NULL,
    lines INTEGER NOT NULL,
    flags INTEGER NOT NULL
  );
  INSERT INTO receipts_v4 (id, import_id, code, customer_id, day, hour, channel, retailer, store_id, amount, quantity, lines, flags)
    SELECT id, import_id, code, customer_id, day, hour, channel, retailer, store_id, amount, quantity, lines, flags FROM receipts;
  DROP TABLE receipts;
  ALTER TABLE receipts_v4 RENAME TO receipts;

  CREATE TABLE import_issues_v3 AS SELECT * FROM import_issues;
  DROP TABLE import_issues;
  CREATE TABLE imports_v4 (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('lpoint', 'generic', 'baskets')),
    table_name TEXT NOT NULL,
    encoding TEXT NOT NULL,
    delimiter TEXT NOT NULL,
    mapping TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    rows_read INTEGER NOT NULL,
    rows_imported INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    rows_flagged INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    first_line_id INTEGER,
    last_line_id INTEGER,
    run_id INTEGER
  );
  INSERT INTO imports_v4 SELECT id, file, format, table_name, encoding, delimiter, mapping, fingerprint, bytes,
    rows_read, rows_imported, rows_rejected, rows_flagged, imported_at, first_line_id, last_line_id, run_id FROM imports;
  DROP TABLE imports;
  ALTER TABLE imports_v4 RENAME TO imports;
  CREATE INDEX imports_fingerprint ON imports (fingerprint);
  CREATE TABLE import_issues (
    import_id INTEGER NOT NULL REFERENCES imports (id),
    severity TEXT NOT NULL CHECK (severity IN ('rejected', 'flagged')),
    line INTEGER NOT NULL,
    column_name TEXT NOT NULL,
    value TEXT NOT NULL,
    reason TEXT NOT NULL
  );
  INSERT INTO import_issues (import_id, severity, line, column_name, value, reason)
    SELECT import_id, severity, line, column_name, value, reason FROM import_issues_v3 ORDER BY rowid;
  DROP TABLE import_issues_v3;
  CREATE INDEX import_issues_import ON import_issues (import_id, severity, line);

  -- Customer attributes beyond the fixed fields (a customers file's extra columns: tenure, tier…).
  -- kind numeric: every non-empty value parsed as a number (stored in num); else categorical (text).
  CREATE TABLE attributes (name TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('numeric', 'categorical')), import_id INTEGER);
  CREATE TABLE customer_attributes (customer_id INTEGER NOT NULL, name TEXT NOT NULL, num REAL, text TEXT, PRIMARY KEY (customer_id, name)) WITHOUT ROWID;

  CREATE VIEW raw_lpoint_pdde AS
    SELECT c.code AS cust, r.code AS rct_no, r.channel AS chnl_dv, r.retailer AS cop_c,
           s.code AS br_c, p.code AS pd_c, strftime('%Y%m%d', l.day * 86400, 'unixepoch') AS de_dt,
           r.hour AS de_hr, l.amount AS buy_am, l.quantity AS buy_ct, r.import_id, l.id AS line_id
    FROM lines l JOIN receipts r ON r.id = l.receipt_id
    LEFT JOIN customers c ON c.id = l.customer_id LEFT JOIN products p ON p.id = l.product_id
    LEFT JOIN stores s ON s.id = r.store_id
    WHERE r.import_id IN (SELECT id FROM imports WHERE table_name = 'PDDE');
  CREATE VIEW raw_lpoint_cop_u AS
    SELECT c.code AS cust, u.code AS rct_no, u.partner AS cop_c, s.code AS br_c, u.channel AS chnl_dv,
           strftime('%Y%m%d', u.day * 86400, 'unixepoch') AS de_dt,
           strftime('%Y%m%d', u.visit_day * 86400, 'unixepoch') AS vst_dt, u.hour AS de_hr, u.amount AS buy_am,
           u.import_id, u.line
    FROM partner_uses u LEFT JOIN customers c ON c.id = u.customer_id LEFT JOIN stores s ON s.id = u.store_id;
  CREATE VIEW raw_lpoint_lpay AS
    SELECT c.code AS cust, y.code AS rct_no, y.merchant AS cop_c, y.channel AS chnl_dv,
           strftime('%Y%m%d', y.day * 86400, 'unixepoch') AS de_dt, y.hour AS de_hr, y.amount AS buy_am,
           y.import_id, y.line
    FROM payments y LEFT JOIN customers c ON c.id = y.customer_id;
  `,
  /* 5: marketing spend and coupon offers (issue #11), and each line's coupon status. Only new
   * tables and a new nullable column: every existing row and id stays as it was. */ `
  -- One row per (day, channel): a marketing file's date column gives the day, every other column
  -- is a channel named by its header as written (Offline_Spend, Online_Spend, …).
  CREATE TABLE marketing_spend (day INTEGER NOT NULL, channel TEXT NOT NULL, spend REAL NOT NULL, import_id INTEGER NOT NULL, PRIMARY KEY (day, channel)) WITHOUT ROWID;
  -- a coupon offer: either a date range (from_day..to_day inclusive) or a month (year NULL = that month of every year)
  CREATE TABLE coupons (id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL, from_day INTEGER, to_day INTEGER, year INTEGER, month INTEGER, category TEXT NOT NULL, code TEXT, discount REAL NOT NULL);
  ALTER TABLE lines ADD COLUMN coupon INTEGER;  -- NULL unknown, 0 not used, 1 clicked, 2 used
  `,
  /* 6: a run's title and note, the analyst's own words (issue #14): nullable, so every existing run
   * keeps its row and id and reads as untitled, without a note. Runs can now be deleted, so ids
   * become AUTOINCREMENT: a deleted run's id is never given to a later run (other runs name runs by
   * id — segmentRun — and so do the app's remembered choices). SQLite cannot add AUTOINCREMENT in
   * place: the table is rebuilt (create, copy, drop, rename) keeping every row and id; no view,
   * index or foreign key names it. */ `
  CREATE TABLE runs_v6 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    analysis TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
    params TEXT NOT NULL,
    data_fingerprint TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    duration_ms INTEGER,
    summary TEXT,
    error TEXT,
    title TEXT,
    note TEXT
  );
  INSERT INTO runs_v6 (id, analysis, status, params, data_fingerprint, started_at, finished_at, duration_ms, summary, error)
    SELECT id, analysis, status, params, data_fingerprint, started_at, finished_at, duration_ms, summary, error FROM runs ORDER BY id;
  DROP TABLE runs;
  ALTER TABLE runs_v6 RENAME TO runs;
  `,
  /* 7: net sums per customer × category × sub-category (issue #16, docs/decisions/0020): customerBase
   * and the category pivots read these ~1.3M rows (full demo) instead of grouping 4.3M lines. The
   * import rebuilds the table in its transaction (core/data/import/aggregates.ts, the same SELECT);
   * here it is built once from the lines of an existing project. Only product lines of known
   * customers (NON_PRODUCT = 16 left out); a missing category or sub-category is stored as ''.
   * meta 'customer_category_sums' says whether the table may be read (see below). */ `
  CREATE TABLE customer_category_sums (
    customer_id INTEGER NOT NULL,
    category TEXT NOT NULL,
    category2 TEXT NOT NULL,
    amount REAL NOT NULL,
    quantity REAL NOT NULL,
    PRIMARY KEY (customer_id, category, category2)
  ) WITHOUT ROWID;
  INSERT INTO customer_category_sums (customer_id, category, category2, amount, quantity)
    SELECT l.customer_id, coalesce(p.category, ''), coalesce(p.category2, ''), total(l.amount), total(l.quantity)
    FROM lines l NOT INDEXED LEFT JOIN products p ON p.id = l.product_id
    WHERE l.customer_id IS NOT NULL AND l.flags & 16 = 0
    GROUP BY 1, 2, 3;
  -- The readers use the table only when summing its cells gives bit for bit what summing the
  -- lines gives: every amount and quantity a whole number and the sum of their magnitudes under
  -- 2^53, so every partial sum is exact (decimal prices, e.g. UCI, read the lines as before).
  INSERT OR REPLACE INTO meta (key, value)
    SELECT 'customer_category_sums', CASE WHEN coalesce(max(amount <> CAST(amount AS INTEGER) OR quantity <> CAST(quantity AS INTEGER)), 0) = 0
      AND total(abs(amount)) < 9007199254740992 AND total(abs(quantity)) < 9007199254740992 THEN 'exact' ELSE 'inexact' END
    FROM lines NOT INDEXED WHERE customer_id IS NOT NULL AND flags & 16 = 0;
  DELETE FROM customer_category_sums WHERE (SELECT value FROM meta WHERE key = 'customer_category_sums') <> 'exact';
  `,
  /* 8: a per-customer feature table computed elsewhere (issue #16, docs/decisions/0021-scale-out.md),
   * for kmeans features=imported. One set per project, replaced by the next import: its provenance
   * (one row), its numeric columns in file order, and per customer the values as a little-endian
   * Float64 blob in that order (NaN = missing) — one row per customer, not per cell. */ `
  CREATE TABLE customer_feature_set (id INTEGER PRIMARY KEY CHECK (id = 1), file TEXT NOT NULL, sha256 TEXT NOT NULL, imported_at TEXT NOT NULL, format TEXT NOT NULL, rows_read INTEGER NOT NULL, matched INTEGER NOT NULL, unknown INTEGER NOT NULL, dropped_columns TEXT NOT NULL);
  CREATE TABLE customer_feature_columns (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  CREATE TABLE customer_features (customer_id INTEGER PRIMARY KEY, vals BLOB NOT NULL);
  `,
  /* 9: one row per customer for customerBase and the category pivots (issue #16,
   * docs/decisions/0020): the receipt facts (receipts, distinct days, first/last day, channels,
   * partners, L.pay) and the net line sums with the customer's category cells packed in a blob,
   * cell ids named by category_cells. Only new tables. Every import rebuilds them in its
   * transaction, and for an existing project open.ts builds them from its tables right after this
   * migration (core/data/store/customer-aggregates.ts: the blobs are packed in JS). */ `
  CREATE TABLE category_cells (id INTEGER PRIMARY KEY, category TEXT NOT NULL, category2 TEXT NOT NULL);
  CREATE TABLE customer_cells (customer_id INTEGER PRIMARY KEY, amount REAL NOT NULL, quantity REAL NOT NULL, cells BLOB NOT NULL);
  CREATE TABLE customer_receipt_facts (
    customer_id INTEGER PRIMARY KEY,
    receipts INTEGER NOT NULL,
    days INTEGER NOT NULL,
    first_day INTEGER NOT NULL,
    last_day INTEGER NOT NULL,
    offline INTEGER,  -- sum(channel = 1): NULL when every purchase receipt's channel is unknown, as grouped before
    online INTEGER,
    partners INTEGER NOT NULL,
    lpay INTEGER NOT NULL
  );
  `,
];

/**
 * Secondary indexes, kept apart from the tables so a large import can drop them, bulk-insert in
 * row order and rebuild them once (all inside the import's transaction).
 * - lines (customer_id, day): per-customer features (RFM, LRFMV, category pivots) in one ordered scan.
 * - lines (receipt_id): baskets for association rules.
 * - receipts (customer_id, day): receipt counts per customer and purchase days.
 * Daily series read the receipts table (one row per basket, with its total), not the lines.
 */
export const INDEXES: readonly { name: string; sql: string }[] = [
  { name: 'lines_customer_day', sql: 'CREATE INDEX IF NOT EXISTS lines_customer_day ON lines (customer_id, day)' },
  { name: 'lines_receipt', sql: 'CREATE INDEX IF NOT EXISTS lines_receipt ON lines (receipt_id)' },
  { name: 'receipts_customer_day', sql: 'CREATE INDEX IF NOT EXISTS receipts_customer_day ON receipts (customer_id, day)' },
  { name: 'partner_uses_customer', sql: 'CREATE INDEX IF NOT EXISTS partner_uses_customer ON partner_uses (customer_id, day)' },
  { name: 'payments_customer', sql: 'CREATE INDEX IF NOT EXISTS payments_customer ON payments (customer_id, day)' },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
