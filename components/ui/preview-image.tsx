"use client";

import { useState } from "react";
import { useHydrated } from "./use-hydrated";

/** A remote preview that quietly disappears when it cannot load (offline, moved), leaving what is under it. */
export function PreviewImage({ src, className }: { src: string; className?: string }) {
  const [failed, setFailed] = useState(false);
  // Rendered after hydration only: an error that fires before React is listening would leave a broken icon.
  const mounted = useHydrated();
  if (failed || !mounted) return null;
  // eslint-disable-next-line @next/next/no-img-element -- remote previews from the LoRA's source
  return <img src={src} alt="" loading="lazy" referrerPolicy="no-referrer" className={className} onError={() => setFailed(true)} />;
}
