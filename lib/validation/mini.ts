import { z } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * zod for modules the browser also loads (schemas the studio, the collection forms and the
 * gallery filters run client-side). `zod/mini` is the same zod 4 core as classic `zod` without
 * the method-chaining classes (≈30 KB gz less in the studio's first load). Mini loads no locale,
 * so its default messages would read "Invalid input"; the English locale keeps them the same as
 * classic's ("Too big: expected number to be <=20") on either side. Server-only modules keep
 * classic `zod`; the two mix freely (classic objects take mini fields).
 */
z.config(en());

export { z };
