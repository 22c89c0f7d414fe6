import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * Imported for its effect by modules the browser also loads, next to `import { z } from "zod/mini"`
 * (schemas the studio, the collection forms and the gallery filters run client-side).
 * `zod/mini` is the same zod 4 core as classic `zod` without the method-chaining classes (≈30 KB gz
 * less in the studio's first load). Mini loads no locale, so its default messages would read
 * "Invalid input"; the English locale keeps them the same as classic's ("Too big: expected number
 * to be <=20") on either side. Server-only modules keep classic `zod`; the two mix freely.
 *
 * Named imports only: re-exporting the `z` namespace from here would keep every export of
 * zod/mini alive, all 40-odd locales included (≈50 KB gz).
 */
config(en());
