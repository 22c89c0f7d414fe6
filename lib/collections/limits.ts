import { z } from "zod/mini";
import "@/lib/validation/mini";
import { COLLECTION_NAME_MAX, tidyCollectionName } from "@/lib/db/collection-name";

/** Collection names: the row's rule (lib/db/collection-name.ts), shared by the forms, the actions and the sweep's name. */
export { COLLECTION_NAME_MAX, normalizeCollectionName } from "@/lib/db/collection-name";

/** The same rule as a schema, with messages a person reads next to the field. */
export const collectionNameSchema = z.pipe(
  z.pipe(z.string(), z.transform(tidyCollectionName)),
  z.string().check(z.minLength(1, "Give the collection a name"), z.maxLength(COLLECTION_NAME_MAX, `A name has at most ${COLLECTION_NAME_MAX} characters`)),
);
