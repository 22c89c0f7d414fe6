import { readFileSync } from "node:fs";
import { env } from "@/lib/env";
import { CatalogFileError, findIn, getIn, mergeCatalog, parseCatalogFile, shippedCatalog, type Catalog, type ImageModel } from "./catalog";

/**
 * The catalog this server runs with: the shipped one plus the operator's LORASCOPE_MODELS
 * file, read once per process. A bad file throws CatalogFileError, which stops the app at
 * start (instrumentation.ts) with a message naming the file, the model and the field.
 */
export function loadCatalog(file: string | null): Catalog {
  if (!file) return shippedCatalog;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new CatalogFileError(`LORASCOPE_MODELS=${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CatalogFileError(`LORASCOPE_MODELS=${file}: not valid JSON (${(err as Error).message})`);
  }
  return mergeCatalog(shippedCatalog, parseCatalogFile(json, `LORASCOPE_MODELS=${file}`), `LORASCOPE_MODELS=${file}`);
}

let cached: Catalog | undefined;

export function getCatalog(): Catalog {
  cached ??= loadCatalog(env().modelsFile);
  return cached;
}

export function findModel(id: string): ImageModel | undefined {
  return findIn(getCatalog(), id);
}

export function getModel(id: string): ImageModel {
  return getIn(getCatalog(), id);
}

/**
 * The model as money is computed for it on the server: the catalog entry with Together's
 * published price when discovery (for the deployment's key) found one. Budgets, sweeps and
 * each generation's estimate all price with this.
 */
export function pricedModel(id: string, discovered?: { models: { id: string; pricing: ImageModel["pricing"] | null }[] }): ImageModel {
  const model = getModel(id);
  const published = model.provider === "together" ? discovered?.models.find((m) => m.id === id)?.pricing : null;
  return published ? { ...model, pricing: published } : model;
}
