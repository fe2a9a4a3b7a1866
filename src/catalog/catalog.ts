import { PlanError } from '../types/errors.js';
import type { Span } from '../types/span.js';
import type { CatalogFunction, CatalogObject, ObjectIdentifier } from './catalog-table.js';
import { identifierString } from './catalog-table.js';

interface Database {
  readonly objects: Map<string, CatalogObject>;
  readonly functions: Map<string, CatalogFunction>;
  readonly comment?: string;
  readonly options: ReadonlyMap<string, string>;
}

interface CatalogEntry {
  readonly databases: Map<string, Database>;
  readonly options: ReadonlyMap<string, string>;
}

const newDatabase = (comment?: string, options: ReadonlyMap<string, string> = new Map()): Database => ({
  objects: new Map(),
  functions: new Map(),
  comment,
  options,
});

/**
 * The session's catalogs: in-memory catalogs holding databases, tables, views and functions,
 * with temporary objects shadowing permanent ones as in Flink's CatalogManager.
 */
export class CatalogManager {
  private readonly catalogs = new Map<string, CatalogEntry>();
  private readonly temporaryObjects = new Map<string, CatalogObject>();
  private readonly temporaryFunctions = new Map<string, CatalogFunction>();
  readonly temporarySystemFunctions = new Map<string, CatalogFunction>();
  currentCatalog = 'default_catalog';
  currentDatabase = 'default_database';

  constructor() {
    this.catalogs.set('default_catalog', {
      databases: new Map([['default_database', newDatabase()]]),
      options: new Map(),
    });
  }

  /** Qualifies `t`, `db.t` or `cat.db.t` with the current catalog and database. */
  qualify(name: readonly string[], span?: Span): ObjectIdentifier {
    if (name.length === 1) return { catalog: this.currentCatalog, database: this.currentDatabase, name: name[0]! };
    if (name.length === 2) return { catalog: this.currentCatalog, database: name[0]!, name: name[1]! };
    if (name.length === 3) return { catalog: name[0]!, database: name[1]!, name: name[2]! };
    throw new PlanError(`Invalid object name '${name.join('.')}': use [catalog.][database.]name.`, span);
  }

  private database(id: ObjectIdentifier, span?: Span): Database {
    const cat = this.catalogs.get(id.catalog);
    if (!cat) throw new PlanError(`Catalog ${id.catalog} does not exist.`, span);
    const db = cat.databases.get(id.database);
    if (!db) throw new PlanError(`Database ${id.database} does not exist in Catalog ${id.catalog}.`, span);
    return db;
  }

  getObject(id: ObjectIdentifier): CatalogObject | undefined {
    const key = identifierString(id);
    return this.temporaryObjects.get(key) ?? this.catalogs.get(id.catalog)?.databases.get(id.database)?.objects.get(id.name);
  }

  createObject(obj: CatalogObject, ifNotExists: boolean, span?: Span): void {
    const key = identifierString(obj.id);
    const kind = obj.kind === 'table' ? 'Table' : 'View';
    if (obj.temporary) {
      if (this.temporaryObjects.has(key)) {
        if (ifNotExists) return;
        throw new PlanError(`Temporary ${kind.toLowerCase()} with identifier '\`${obj.id.catalog}\`.\`${obj.id.database}\`.\`${obj.id.name}\`' already exists.`, span);
      }
      this.database(obj.id, span);
      this.temporaryObjects.set(key, obj);
      return;
    }
    const db = this.database(obj.id, span);
    if (db.objects.has(obj.id.name)) {
      if (ifNotExists) return;
      throw new PlanError(`Could not execute CreateTable in path \`${obj.id.catalog}\`.\`${obj.id.database}\`.\`${obj.id.name}\``, span,
        `${kind} ${key} already exists; use CREATE ${kind.toUpperCase()} IF NOT EXISTS or drop it first.`);
    }
    db.objects.set(obj.id.name, obj);
  }

  /** Replaces an existing object (ALTER). */
  replaceObject(obj: CatalogObject): void {
    const key = identifierString(obj.id);
    if (this.temporaryObjects.has(key)) this.temporaryObjects.set(key, obj);
    else this.database(obj.id).objects.set(obj.id.name, obj);
  }

  dropObject(id: ObjectIdentifier, kind: 'table' | 'view', temporary: boolean, ifExists: boolean, span?: Span): void {
    const key = identifierString(id);
    const obj = temporary ? this.temporaryObjects.get(key) : this.catalogs.get(id.catalog)?.databases.get(id.database)?.objects.get(id.name);
    if (!obj || obj.kind !== kind) {
      if (ifExists) return;
      const what = `${temporary ? 'Temporary ' : ''}${kind === 'table' ? 'Table' : 'View'}`;
      throw new PlanError(`${what} with identifier '${key}' does not exist.`, span);
    }
    if (temporary) this.temporaryObjects.delete(key);
    else this.database(id).objects.delete(id.name);
  }

  listObjects(kind: 'table' | 'view' | 'any', catalog = this.currentCatalog, database = this.currentDatabase): string[] {
    const names = new Set<string>();
    const db = this.catalogs.get(catalog)?.databases.get(database);
    for (const [name, o] of db?.objects ?? []) if (kind === 'any' || o.kind === kind) names.add(name);
    for (const o of this.temporaryObjects.values()) {
      if (o.id.catalog === catalog && o.id.database === database && (kind === 'any' || o.kind === kind)) names.add(o.id.name);
    }
    return [...names].sort();
  }

  createCatalog(name: string, options: ReadonlyMap<string, string>, ifNotExists: boolean, span?: Span): void {
    if (this.catalogs.has(name)) {
      if (ifNotExists) return;
      throw new PlanError(`Catalog ${name} already exists.`, span);
    }
    const type = options.get('type');
    if (type !== undefined && type !== 'generic_in_memory') {
      throw new PlanError(`Could not find any factory for identifier '${type}' that implements 'org.apache.flink.table.factories.CatalogFactory' in the classpath.`, span,
        "weir supports in-memory catalogs: 'type' = 'generic_in_memory'.");
    }
    const defaultDb = options.get('default-database') ?? 'default';
    this.catalogs.set(name, { databases: new Map([[defaultDb, newDatabase()]]), options });
  }

  dropCatalog(name: string, ifExists: boolean, span?: Span): void {
    if (!this.catalogs.has(name)) {
      if (ifExists) return;
      throw new PlanError(`Catalog ${name} does not exist.`, span);
    }
    if (name === this.currentCatalog) throw new PlanError(`Cannot drop a catalog which is currently in use.`, span);
    this.catalogs.delete(name);
  }

  useCatalog(name: string, span?: Span): void {
    const cat = this.catalogs.get(name);
    if (!cat) throw new PlanError(`Catalog ${name} does not exist.`, span);
    this.currentCatalog = name;
    this.currentDatabase = cat.databases.keys().next().value ?? 'default';
  }

  createDatabase(catalog: string, name: string, ifNotExists: boolean, comment: string | undefined, options: ReadonlyMap<string, string>, span?: Span): void {
    const cat = this.catalogs.get(catalog);
    if (!cat) throw new PlanError(`Catalog ${catalog} does not exist.`, span);
    if (cat.databases.has(name)) {
      if (ifNotExists) return;
      throw new PlanError(`Database ${name} already exists in Catalog ${catalog}.`, span);
    }
    cat.databases.set(name, newDatabase(comment, options));
  }

  dropDatabase(catalog: string, name: string, ifExists: boolean, cascade: boolean, span?: Span): void {
    const db = this.catalogs.get(catalog)?.databases.get(name);
    if (!db) {
      if (ifExists) return;
      throw new PlanError(`Database ${name} does not exist in Catalog ${catalog}.`, span);
    }
    if (!cascade && (db.objects.size > 0 || db.functions.size > 0)) {
      throw new PlanError(`Database ${name} in catalog ${catalog} is not empty.`, span, 'Use DROP DATABASE … CASCADE to drop it with its tables.');
    }
    if (catalog === this.currentCatalog && name === this.currentDatabase) {
      throw new PlanError(`Cannot drop a database which is currently in use.`, span);
    }
    this.catalogs.get(catalog)!.databases.delete(name);
  }

  useDatabase(catalog: string, name: string, span?: Span): void {
    if (!this.catalogs.get(catalog)?.databases.has(name)) {
      throw new PlanError(`A database with name [${name}] does not exist in the catalog: [${catalog}].`, span);
    }
    this.currentCatalog = catalog;
    this.currentDatabase = name;
  }

  listCatalogs(): string[] {
    return [...this.catalogs.keys()].sort();
  }

  listDatabases(catalog = this.currentCatalog): string[] {
    return [...(this.catalogs.get(catalog)?.databases.keys() ?? [])].sort();
  }

  // Functions: temporary system > temporary catalog > catalog (Flink's resolution order after built-ins).
  getFunction(name: readonly string[]): CatalogFunction | undefined {
    if (name.length === 1) {
      const sys = this.temporarySystemFunctions.get(name[0]!.toLowerCase());
      if (sys) return sys;
    }
    const id = this.qualify(name);
    return (
      this.temporaryFunctions.get(identifierString(id).toLowerCase()) ??
      this.catalogs.get(id.catalog)?.databases.get(id.database)?.functions.get(id.name.toLowerCase())
    );
  }

  createFunction(fn: CatalogFunction, ifNotExists: boolean, span?: Span): void {
    const key = fn.system ? fn.id.name.toLowerCase() : identifierString(fn.id).toLowerCase();
    const map = fn.system ? this.temporarySystemFunctions : fn.temporary ? this.temporaryFunctions : this.database(fn.id, span).functions;
    const mapKey = fn.system || fn.temporary ? key : fn.id.name.toLowerCase();
    if (map.has(mapKey)) {
      if (ifNotExists) return;
      throw new PlanError(`Function ${fn.system ? fn.id.name : identifierString(fn.id)} already exists.`, span);
    }
    map.set(mapKey, fn);
  }

  dropFunction(name: readonly string[], temporary: boolean, system: boolean, ifExists: boolean, span?: Span): void {
    let deleted: boolean;
    if (system) deleted = this.temporarySystemFunctions.delete(name[name.length - 1]!.toLowerCase());
    else {
      const id = this.qualify(name, span);
      deleted = temporary
        ? this.temporaryFunctions.delete(identifierString(id).toLowerCase())
        : (this.catalogs.get(id.catalog)?.databases.get(id.database)?.functions.delete(id.name.toLowerCase()) ?? false);
    }
    if (!deleted && !ifExists) throw new PlanError(`Function ${name.join('.')} does not exist.`, span);
  }

  listUserFunctions(): string[] {
    const names = new Set<string>([...this.temporarySystemFunctions.keys()]);
    for (const f of this.temporaryFunctions.values()) if (f.id.catalog === this.currentCatalog && f.id.database === this.currentDatabase) names.add(f.id.name.toLowerCase());
    for (const k of this.catalogs.get(this.currentCatalog)?.databases.get(this.currentDatabase)?.functions.keys() ?? []) names.add(k);
    return [...names].sort();
  }
}
