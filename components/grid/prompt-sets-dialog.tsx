"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { parsePromptLines, promptLines, type PromptSetView } from "@/lib/grid/prompt-sets";
import { deletePromptSetAction, savePromptSetAction } from "./actions";

const field =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-500 dark:border-zinc-700 dark:bg-zinc-900";

/** Create, edit and delete prompt sets; the starter set is copied rather than changed. */
export function PromptSetsDialog({ open, onClose, sets }: { open: boolean; onClose: () => void; sets: PromptSetView[] }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState<{ id?: string; name: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["prompt-sets"] });
  const save = useMutation({
    mutationFn: (draft: { id?: string; name: string; text: string }) => savePromptSetAction({ id: draft.id, name: draft.name, prompts: parsePromptLines(draft.text) }),
    onSuccess: (result) => {
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setEditing(null);
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => deletePromptSetAction(id), onSuccess: () => void refresh() });
  return (
    <Dialog open={open} onClose={onClose} title="Prompt sets">
      <div className="flex flex-col gap-4 text-sm">
        {editing ? (
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(editing);
            }}
          >
            <label className="flex flex-col gap-1 font-medium">
              Name
              <input value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} className={field} maxLength={80} />
            </label>
            <label className="flex flex-col gap-1 font-medium">
              Prompts (one per line, “label: prompt”; up to 6)
              <textarea value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} rows={7} className={field} />
            </label>
            {error && <p role="alert" className="text-red-700 dark:text-red-300">{error}</p>}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setEditing(null)}>Back</Button>
              <Button type="submit" variant="primary" disabled={save.isPending}>
                Save prompt set
              </Button>
            </div>
          </form>
        ) : (
          <>
            <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
              {sets.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0 break-words">
                    <span className="font-medium">{s.name}</span> <span className="text-zinc-600 dark:text-zinc-400">· {s.prompts.map((p) => p.label).join(", ")}</span>
                  </span>
                  <span className="flex gap-1">
                    {s.starter ? (
                      <Button size="sm" onClick={() => setEditing({ name: "My test prompts", text: promptLines(s.prompts) })} aria-label={`Copy ${s.name} to edit`}>
                        Copy to edit
                      </Button>
                    ) : (
                      <>
                        <Button size="sm" onClick={() => setEditing({ id: s.id, name: s.name, text: promptLines(s.prompts) })} aria-label={`Edit ${s.name}`}>
                          Edit
                        </Button>
                        <Button size="sm" variant="danger" onClick={() => remove.mutate(s.id)} aria-label={`Delete ${s.name}`}>
                          Delete
                        </Button>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
            <div className="flex justify-between gap-2">
              <Button onClick={() => setEditing({ name: "", text: "" })}>New prompt set</Button>
              <Button variant="primary" onClick={onClose}>
                Done
              </Button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
