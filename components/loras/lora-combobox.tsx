"use client";

import { CommandEmpty, CommandItem, CommandList, CommandRoot, useCommandState } from "cmdk";
import { useEffect, useState, type FocusEvent, type InputHTMLAttributes, type KeyboardEvent } from "react";
import type { LoraSearchResult } from "@/lib/loras/search/types";
import { looksLikeLink, useLoraSearch } from "./lora-search";

const SOURCE: Record<string, string> = { "huggingface-repo": "Hugging Face", "huggingface-file": "Hugging Face", civitai: "Civitai", "replicate-model": "Replicate", "replicate-version": "Replicate", "direct-file": "File" };

interface LoraComboboxProps {
  id: string;
  label: string;
  value: string;
  modelId: string;
  invalid: boolean;
  describedBy: string;
  /** The text changed: a link to resolve (or "" when it is a search). */
  onLink: (link: string) => void;
  onPick: (result: LoraSearchResult) => void;
}

/**
 * Search the catalog (and the hubs) or paste a link: one field, an ARIA combobox. cmdk moves
 * the active option (arrows, Home/End, the pointer) and scrolls it into view; this component
 * owns the input, opening and closing, and what Enter and a click pick.
 */
export function LoraCombobox({ id, label, value, modelId, invalid, describedBy, onLink, onPick }: LoraComboboxProps) {
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [listbox, setListbox] = useState<HTMLDivElement | null>(null);
  /** The active option's path (cmdk's value): "" after an edit, until the fresh rows make their first one active. */
  const [active, setActive] = useState("");
  // Follow outside changes (remove, swap, a picked file) without fighting the person's typing.
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== text && (value !== "" || looksLikeLink(text))) setText(value);
  }
  const search = useLoraSearch(text, modelId, open);
  const showList = open && !looksLikeLink(text);
  // Results answer the text now in the box only once its search is back: until then a pick
  // (Enter or a click on a row still showing) would choose from an older query's list.
  const current = search.forQuery === text.trim();
  // The query the rows on screen answer. Rows are keyed by it: a fresh answer replaces them, and
  // with no active row (cleared by the edit) cmdk makes the first new row active; a stale list
  // keeps its rows.
  const [shownFor, setShownFor] = useState<string | null>(null);
  if (search.forQuery !== null && search.forQuery !== shownFor) setShownFor(search.forQuery);
  /** A pick made while the list was stale: Enter (the top fresh result) or a click on a row (that LoRA, if still listed). */
  const [pendingPick, setPendingPick] = useState<{ enter: true } | { path: string } | null>(null);
  const pick = (r: LoraSearchResult) => {
    setPendingPick(null);
    setText(r.path);
    setOpen(false);
    onPick(r);
  };
  // Once the answer for this text is in, a waiting pick acts on it; a clicked LoRA that is no
  // longer listed is not picked (the person sees the fresh list instead).
  useEffect(() => {
    if (!pendingPick || !current) return;
    const r = "enter" in pendingPick ? search.results[0] : search.results.find((x) => x.path === pendingPick.path);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a waiting pick is carried out when its answer arrives (pick() tells the parent, so not during render)
    if (r) pick(r);
    else setPendingPick(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- acts when the fresh answer arrives
  }, [pendingPick, current, search.results]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, activePath: string | undefined) => {
    if (e.key === "Enter") {
      // Enter here picks or resolves, nothing else: it must never submit the studio (a paid
      // generation). Handled here, not by cmdk, because a stale list must wait for its answer.
      e.preventDefault();
      e.stopPropagation();
      if (!showList) return; // a link: it resolves as it is typed, its card shows below
      if (current) {
        const r = search.results.find((x) => x.path === activePath) ?? search.results[0];
        if (r) pick(r);
      } else setPendingPick({ enter: true });
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      setOpen(true); // cmdk moves the active option
    } else if ((e.key === "Home" || e.key === "End") && (e.shiftKey || !showList || search.results.length === 0)) {
      // With options listed Home/End go to the first/last one (cmdk); otherwise they move the caret.
      e.stopPropagation();
    }
  };
  // Closes when focus leaves the field and its list: no timer, since the list keeps focus in
  // the input (mouse down on it is prevented) and a click is handled before any blur.
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
  };

  return (
    <CommandRoot value={active} onValueChange={setActive} shouldFilter={false} vimBindings={false} onBlur={onBlur} className="relative">
      <ComboboxInput
        id={id}
        aria-label={label}
        listOpen={showList}
        listboxId={showList ? listbox?.id : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        inputMode="url"
        placeholder="Search LoRAs, or paste a Hugging Face, Civitai, Replicate or .safetensors link"
        value={text}
        onFocus={() => setOpen(true)}
        onComboboxKeyDown={onKeyDown}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          setOpen(true);
          setActive("");
          setPendingPick(null);
          onLink(looksLikeLink(next) ? next : "");
        }}
        className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950"
      />
      {showList && (
        // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- a press on the list keeps focus in the box (the list is not a focus stop)
        <div onMouseDown={(e) => e.preventDefault()} className="absolute inset-x-0 top-full z-30 mt-1 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          <CommandList ref={setListbox} label={`${label} suggestions`} aria-busy={!current || undefined} className={`max-h-80 overflow-auto py-1 transition-opacity ${current ? "" : "opacity-60"}`}>
            {search.results.map((r) => (
              <CommandItem
                key={`${shownFor}\n${r.path}`}
                value={r.path}
                onSelect={() => (current ? pick(r) : setPendingPick({ path: r.path }))}
                className="flex cursor-pointer items-center gap-3 px-3 py-2 aria-selected:bg-accent-50 dark:aria-selected:bg-accent-500/10"
              >
                <span aria-hidden className="relative size-9 shrink-0 overflow-hidden rounded-md bg-gradient-to-br from-accent-100 to-fuchsia-100 dark:from-accent-500/20 dark:to-fuchsia-500/10">
                  {r.previewUrl && (
                    // eslint-disable-next-line @next/next/no-img-element -- remote previews; the gradient shows if they fail
                    <img src={r.previewUrl} alt="" loading="lazy" referrerPolicy="no-referrer" className="absolute inset-0 size-full object-cover" onError={(e) => (e.currentTarget.style.display = "none")} />
                  )}
                </span>
                <span className="flex min-w-0 flex-col">
                  <span className="truncate text-sm font-medium">
                    {r.favorite && <span aria-label="Favorite">★ </span>}
                    {r.title}
                  </span>
                  <span className="truncate text-xs text-zinc-500">
                    {[SOURCE[r.source] ?? r.source, r.triggers[0] ? `“${r.triggers[0]}”` : null, r.usageCount > 0 ? `used ${r.usageCount}×` : r.starter ? "starter" : null, r.remote ? "from the hub" : null].filter(Boolean).join(" · ")}
                  </span>
                </span>
              </CommandItem>
            ))}
            <CommandEmpty className="px-3 py-2 text-sm text-zinc-500">{text.trim() ? "No LoRA matches yet…" : "Type to search, or paste a link"}</CommandEmpty>
          </CommandList>
          {(search.loadingRemote || search.notice) && (
            <p className="border-t border-zinc-200 px-3 py-1.5 text-[11px] text-zinc-500 dark:border-zinc-800" aria-live="polite">
              {search.loadingRemote ? "Searching Hugging Face and Civitai…" : search.notice}
            </p>
          )}
        </div>
      )}
    </CommandRoot>
  );
}

/**
 * The combobox's own input inside cmdk's root (whose key handling it shares). cmdk's Input is
 * not used: it always says aria-expanded="true" and replaces the input's id, which the slot's
 * label and descriptions rely on. The active option comes from cmdk's state.
 */
function ComboboxInput({
  listOpen,
  listboxId,
  onComboboxKeyDown,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { listOpen: boolean; listboxId: string | undefined; onComboboxKeyDown: (e: KeyboardEvent<HTMLInputElement>, activePath: string | undefined) => void }) {
  const activeId = useCommandState((s) => s.selectedItemId);
  const activePath = useCommandState((s) => s.value);
  return (
    <input
      {...props}
      type="text"
      role="combobox"
      aria-expanded={listOpen}
      aria-controls={listboxId}
      aria-autocomplete="list"
      aria-activedescendant={listOpen && activePath ? activeId : undefined}
      autoComplete="off"
      spellCheck={false}
      onKeyDown={(e) => onComboboxKeyDown(e, activePath || undefined)}
    />
  );
}
