"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { COLLECTION_NAME_MAX } from "@/lib/collections/limits";
import { createCollectionAction } from "./actions";

/** Name + "New collection": creates an empty collection and opens it. */
export function CreateCollectionForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const id = useId();
  return (
    <form
      className="flex w-full flex-col gap-1.5 sm:w-auto"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await createCollectionAction(name);
          if (!result.ok) return setError(result.error.message);
          setError(null);
          setName("");
          router.push(`/collections/${result.collection.id}`);
        });
      }}
    >
      <label htmlFor={id} className="sr-only">
        Collection name
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={name}
          maxLength={COLLECTION_NAME_MAX}
          onChange={(e) => setName(e.target.value)}
          placeholder="Name a new collection"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm sm:w-64 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit" variant="primary" disabled={pending || !name.trim()}>
          New collection
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
