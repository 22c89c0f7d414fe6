import { toFalCurl, toFalPython, toFalTypeScript } from "@/lib/fal/code-export";
import { falInput, type FalInput } from "@/lib/fal/request";
import type { RequestRecipe } from "@/lib/generation/build-request";
import { toProviderRequest, imageRequestBody } from "@/lib/generation/build-request";
import { toCurl, toPython, toTypeScript } from "@/lib/generation/code-export";
import type { ImageRequest } from "@/lib/together/types";
import { providerOf } from "./names";
import type { ProviderId } from "./types";

/**
 * The exact body a provider receives for a recipe (pure), for the studio's "Copy as code" and
 * the detail page's "Sent to …, exactly". The providers build their requests with the same
 * functions, so what is shown is what is sent.
 */
export type ProviderBody = { provider: "together"; body: ImageRequest } | { provider: "fal"; endpoint: string; body: FalInput };

/** Null when the recipe cannot be sent to that provider (a LoRA link fal cannot load). */
export function providerBody(provider: ProviderId | string, recipe: RequestRecipe): ProviderBody | null {
  if (providerOf(provider) === "fal") {
    try {
      return { provider: "fal", endpoint: recipe.model, body: falInput(toProviderRequest(recipe)) };
    } catch {
      return null;
    }
  }
  return { provider: "together", body: imageRequestBody(recipe) };
}

export const CODE_LANGUAGES = [
  { id: "curl", label: "cURL" },
  { id: "ts", label: "TypeScript" },
  { id: "python", label: "Python" },
] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number]["id"];

export function codeFor(request: ProviderBody, language: CodeLanguage): string {
  if (request.provider === "fal") {
    const render = { curl: toFalCurl, ts: toFalTypeScript, python: toFalPython }[language];
    return render(request.endpoint, request.body);
  }
  return { curl: toCurl, ts: toTypeScript, python: toPython }[language](request.body);
}
