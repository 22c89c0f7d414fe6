import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False during the server render and hydration, true once React runs in the browser (no effect, no extra render pass). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
