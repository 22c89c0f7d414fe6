#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the CLI downloads from a host
// this project cannot reach. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here.
//
// The CLI runs the engine in three ways (see node_modules/prisma/build/cli.js):
//   schema-engine --version                                   -> print a version line
//   schema-engine --datasource '{"url":…}' cli <command>      -> can-connect-to-database | create-database
//   schema-engine [--datamodels <file>]… [--datasource '{"url":…}']
//                                                             -> JSON-RPC 2.0, one JSON per line,
//                                                                requests on stdin, replies on stdout,
//                                                                JSON log lines on stderr.
// We answer those with the WebAssembly build of the same engine (@prisma/schema-engine-wasm,
// the exact build of this Prisma version), which reaches the database through a driver adapter:
// better-sqlite3 for `file:` URLs, pg for postgres URLs.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// Anything a library prints must not corrupt the JSON-RPC channel on stdout.
console.log = console.info = console.debug = console.error;

// ---------- arguments ----------
const argv = process.argv.slice(2);
const datamodelPaths = [];
let datasource = null;
let cliCommand = null;
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === "--version" || arg === "-V") {
    process.stdout.write(`schema-engine-cli ${(await loadWasm()).version()} (wasm)\n`);
    process.exit(0);
  } else if (arg === "--datamodels") datamodelPaths.push(argv[++i]);
  else if (arg === "--datasource") datasource = JSON.parse(argv[++i]);
  else if (arg === "cli") cliCommand = argv[++i];
  else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++; // not used by the wasm engine
}

// ---------- database helpers ----------
function urlKind(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(`Unsupported datasource URL (expected file: or postgres://): ${url.split(":")[0]}:…`);
}

// `file:./x.db?opts` -> absolute path. Relative paths resolve against the cwd the CLI gives us
// (the project root), like the native engine does.
function sqlitePath(url) {
  return path.resolve(url.slice("file:".length).split("?")[0]);
}

// Prisma's `?schema=` is not a libpq parameter: hand it to the adapter instead.
function pgConfig(url) {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? undefined;
  u.searchParams.delete("schema");
  return { connectionString: u.toString(), schema };
}

// Adjustments to the adapters the engine opens (`utils` is the adapter's own
// @prisma/driver-adapter-utils, so its error classes match what the binding layer checks):
// - on SQLite the wasm engine fails (P1014) when it reads the history of a database that has
//   no _prisma_migrations table yet (`migrate status`/`dev` on a new database); such a read
//   returns no rows instead (applying migrations checks the table list and creates the table);
// - the engine replays migrations on the shadow database with executeRaw(whole script), which
//   better-sqlite3 refuses ("more than one statement"): such a call goes to executeScript;
// - adapter-better-sqlite3 reports SQLITE_BUSY as kind "SocketTimeout", which this engine build
//   cannot decode ("unknown variant"): it gets the plain SQLite error instead;
// - they are closed on exit: the CLI kills the engine (SIGTERM) as soon as it is done, and
//   SQLite would otherwise leave its -journal file behind (and pg pools keep us alive).
const openAdapters = [];
function adjusted(factory, utils) {
  const readable = (e) =>
    e?.cause?.kind === "SocketTimeout" && e.cause.originalCode?.startsWith("SQLITE_BUSY")
      ? new utils.DriverAdapterError({ kind: "sqlite", extendedCode: 5, message: e.cause.originalMessage })
      : e;
  for (const method of ["connect", "connectToShadowDb"]) {
    const open = factory[method].bind(factory);
    factory[method] = async () => {
      const adapter = await open();
      const { queryRaw, executeRaw, executeScript } = adapter;
      adapter.queryRaw = async (query) => {
        try {
          return await queryRaw.call(adapter, query);
        } catch (e) {
          if (e?.cause?.kind !== "TableDoesNotExist" || e.cause.table !== "_prisma_migrations") throw readable(e);
          // Reading the history of a database that has none yet: an empty history.
          const columns = /SELECT([\s\S]*?)FROM/i.exec(query.sql)?.[1].split(",").map((c) => c.trim()) ?? [];
          return { columnNames: columns, columnTypes: columns.map(() => utils.ColumnTypeEnum.Text), rows: [] };
        }
      };
      adapter.executeRaw = async (query) => {
        try {
          return await executeRaw.call(adapter, query);
        } catch (e) {
          if (query.args.length > 0 || !/more than one statement/.test(e?.message)) throw readable(e);
          await adapter.executeScript(query.sql);
          return 0;
        }
      };
      adapter.executeScript = (script) => executeScript.call(adapter, script).catch((e) => Promise.reject(readable(e)));
      openAdapters.push(adapter);
      return adapter;
    };
  }
  // Binding wraps every call so that JS errors reach the wasm engine as results, not throws.
  return utils.bindMigrationAwareSqlAdapterFactory(factory);
}

// The adapters ship @prisma/driver-adapter-utils as their own dependency; load it from there.
const adapterUtilsFor = (adapterPkg) => createRequire(require.resolve(adapterPkg))("@prisma/driver-adapter-utils");

async function adapterFactory(ds) {
  const url = ds?.url;
  if (!url) throw new Error("No datasource URL: set DATABASE_URL (prisma.config.ts reads it).");
  if (urlKind(url) === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const shadow = ds.shadowDatabaseUrl ? sqlitePath(ds.shadowDatabaseUrl) : undefined;
    // better-sqlite3 would create a missing file (or fail on a missing folder) on open. The CLI
    // checks/creates the database (`cli` mode below) before every command that needs it, so a
    // missing file here means a command like `migrate diff --from-empty`: use a scratch db.
    const file = fs.existsSync(sqlitePath(url)) ? sqlitePath(url) : ":memory:";
    return adjusted(
      new PrismaBetterSqlite3({ url: file }, { shadowDatabaseUrl: shadow }),
      adapterUtilsFor("@prisma/adapter-better-sqlite3"),
    );
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  // The engine's catalog queries (`migrate dev`, `db push`) return PostgreSQL's internal
  // one-byte `char` type, which adapter-pg refuses ("could not be deserialized"). In pg's text
  // format it is just a string: label it as `text` (OID 25) for the adapter.
  const { Result } = createRequire(require.resolve("@prisma/adapter-pg"))("pg");
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function (fields) {
    for (const field of fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return addFields.call(this, fields);
  };
  const { connectionString, schema } = pgConfig(url);
  const factory = new PrismaPg({ connectionString }, { schema });
  // Our own shadow database for `migrate dev`. adapter-pg's opens new Pool({ ...config,
  // database: shadow }), but pg lets a connectionString override `database`, so its "shadow"
  // (which the engine resets!) is the real database; it also drops the shadow database before
  // closing its pool, which PostgreSQL refuses.
  factory.connectToShadowDb = async () => {
    if (ds.shadowDatabaseUrl) {
      return new PrismaPg({ connectionString: pgConfig(ds.shadowDatabaseUrl).connectionString }, { schema }).connect();
    }
    const main = await factory.connect();
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(connectionString);
    shadowUrl.pathname = `/${name}`;
    const shadow = await new PrismaPg({ connectionString: shadowUrl.toString() }, { schema }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await main.dispose();
    };
    return shadow;
  };
  return adjusted(factory, adapterUtilsFor("@prisma/adapter-pg"));
}

// ---------- the wasm engine ----------
// Instantiated by hand: the package's entry imports the .wasm as an ES module, which Node 20
// only allows behind --experimental-wasm-modules.
async function loadWasm() {
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}

// ---------- `cli <command>` mode ----------
// The CLI reads failures from stderr as JSON log lines, skipping the first line (the native
// engine's start-up log), and looks for an ERROR carrying a Prisma error code.
// P1003 ("database does not exist") makes it call create-database next.
function fail(code, message) {
  const log = (level, fields) => JSON.stringify({ level, target: "schema_engine::logger", fields });
  process.stderr.write(log("INFO", { message: "schema-engine (wasm stand-in)" }) + "\n");
  process.stderr.write(log("ERROR", { error_code: code, message }) + "\n");
  process.exit(1);
}

async function withPg(connectionString, fn) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function runCliCommand(command) {
  const url = datasource?.url;
  if (!url) fail("P1012", "No datasource URL given.");
  const kind = urlKind(url);
  if (command === "can-connect-to-database") {
    if (kind === "sqlite") {
      const file = sqlitePath(url);
      if (!fs.existsSync(file)) fail("P1003", `Database ${path.basename(file)} does not exist at ${file}`);
      return;
    }
    try {
      await withPg(pgConfig(url).connectionString, (c) => c.query("SELECT 1"));
    } catch (e) {
      if (e.code === "3D000") fail("P1003", e.message); // invalid_catalog_name
      if (e.code === "28P01" || e.code === "28000") fail("P1000", e.message);
      fail("P1001", `Can't reach database server: ${e.message}`);
    }
    return;
  }
  if (command === "create-database") {
    if (kind === "sqlite") {
      const file = sqlitePath(url);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.closeSync(fs.openSync(file, "a"));
      return;
    }
    // CREATE DATABASE has to run while connected to another database.
    const target = new URL(pgConfig(url).connectionString);
    const name = decodeURIComponent(target.pathname.slice(1)) || "postgres";
    target.pathname = "/postgres";
    await withPg(target.toString(), (c) => c.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`)).catch((e) =>
      fail("P1001", e.message),
    );
    return;
  }
  fail("P1012", `Unsupported schema-engine cli command: ${command}`);
}

if (cliCommand) {
  await runCliCommand(cliCommand);
  process.exit(0);
}

// ---------- JSON-RPC mode ----------
const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...msg }) + "\n");

const bg = await loadWasm();
const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, "utf8")]);
let factory = null;
let enginePromise = null;
// Created lazily so that a bad URL surfaces as an RPC error on the first request, not a crash.
const getEngine = () =>
  (enginePromise ??= adapterFactory(datasource).then((f) => {
    factory = f;
    return bg.SchemaEngine.new(
      { datamodels: datamodels.length ? datamodels : undefined },
      (log) => process.stderr.write(log.endsWith("\n") ? log : log + "\n"), // engine log lines, as JSON
      f,
    );
  }));

// Reply in the native engine's error format, which the CLI turns into its messages:
// { code, message, data: { is_panic, message, error_code? } }. The wasm engine throws
// Errors whose `code` is the Prisma error code (e.g. P3005), when there is one.
function toRpcError(err) {
  let message = String(err?.message ?? err);
  // A JS error thrown inside the adapter reaches us as "External error id#N"; the original
  // sits in the adapter's error registry.
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const original = id !== undefined ? factory?.errorRegistry?.consumeError(Number(id))?.error : undefined;
  if (original) message = original.message ?? String(original);
  const data = { is_panic: false, message };
  if (/^P\d{4}$/.test(err?.code ?? "")) data.error_code = err.code;
  // SQLITE_BUSY surfaces as P1008 "Socket timeout"; say what it means on SQLite.
  if (err?.code === "P1008" && datasource?.url?.startsWith("file:")) {
    data.message += "\nThe SQLite database is locked: migrations need it to themselves, so stop processes that have it open (the app) and retry.";
  }
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

let printId = 1e9; // ids for our own requests to the CLI, far from the CLI's ids
const handlers = {
  // The native engine sends diff output to the CLI through a "print" request; the wasm engine
  // returns it instead, so forward it the native way before answering.
  async diff(engine, params) {
    const result = await engine.diff(params);
    if (result.stdout) send({ id: printId++, method: "print", params: { content: result.stdout.replace(/\n$/, "") } });
    return { exitCode: result.exitCode };
  },
  getDatabaseVersion: (engine, params) => engine.version(params ?? null),
  // `migrate reset`: on SQLite the wasm engine only empties the tables, and re-applying the
  // migrations then fails (P3005, schema not empty). Drop them instead, as the native one does.
  async reset(engine, params) {
    if (!datasource?.url?.startsWith("file:")) return engine.reset(params);
    const [main] = openAdapters; // the engine's own connection, opened by SchemaEngine.new
    const { rows } = await main.queryRaw({
      sql: "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'",
      args: [],
      argTypes: [],
    });
    const drops = rows.map(([type, name]) => `DROP ${type.toUpperCase()} IF EXISTS "${name.replaceAll('"', '""')}";`);
    await main.executeScript(`PRAGMA foreign_keys = OFF; ${drops.join(" ")} PRAGMA foreign_keys = ON;`);
    return {};
  },
  // `migrate dev`: the wasm engine computes the schema of the migrations folder only in
  // devDiagnostic (the one step handed the shadow-database factory) and caches it for the steps
  // that follow. When dev has just applied pending migrations that cache misses and the engine
  // fails ("shadow DB must be provided through an external factory"): fill it, then retry.
  async evaluateDataLoss(engine, params) {
    try {
      return await engine.evaluateDataLoss(params);
    } catch (e) {
      if (!/shadow DB must be provided/.test(e?.message)) throw e;
      await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
      return engine.evaluateDataLoss(params);
    }
  },
};

async function handle(req) {
  const engine = await getEngine();
  const handler = handlers[req.method];
  if (handler) return handler(engine, req.params);
  if (typeof engine[req.method] !== "function" || req.method === "constructor") {
    throw new Error(`The wasm schema engine does not support \`${req.method}\`.`);
  }
  const result = await engine[req.method](req.params ?? {});
  return result ?? {};
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const pending = new Set();
rl.on("line", (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line);
  if (!msg.method) return; // the CLI's reply to one of our "print" requests
  const p = handle(msg).then(
    (result) => send({ id: msg.id, result }),
    (err) => send({ id: msg.id, error: toRpcError(err) }),
  );
  pending.add(p);
  p.finally(() => pending.delete(p));
});
// The CLI ends stdin and kills us when it is done; let running requests finish, close the
// connections (open pg pools would also keep the process alive), then exit.
let exiting = false;
async function shutdown() {
  if (exiting) return;
  exiting = true;
  await Promise.allSettled([...pending]);
  await Promise.allSettled(openAdapters.map((a) => a.dispose()));
  process.exit(0);
}
rl.on("close", shutdown);
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
