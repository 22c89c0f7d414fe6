import { splitRows, type DiffRow } from "@/lib/compare/diff";
import { Card } from "@/components/ui/card";

/** Prompts are long and exact: wrapped anywhere, the sent one in monospace like the detail page. */
function valueClass(label: string): string {
  const base = "px-3 py-2 align-top whitespace-pre-wrap [overflow-wrap:anywhere]";
  return label === "Prompt sent" ? `${base} font-mono text-xs leading-relaxed` : base;
}

const headCell = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400";
const rowHead = "w-28 px-3 py-2 text-left align-top text-sm font-normal text-zinc-500 sm:w-36 dark:text-zinc-400";

/**
 * The two recipes as a table: what differs, highlighted, in one table captioned "Differences";
 * what is the same behind a disclosure (open by itself when nothing differs). Server-safe.
 */
export function ParamDiff({ rows }: { rows: DiffRow[] }) {
  const { different, same } = splitRows(rows);
  return (
    <Card as="section" aria-label="Parameters" className="flex flex-col gap-3 p-4">
      <table className="w-full table-fixed border-collapse text-sm">
        <caption className="mb-2 text-left text-sm font-semibold">Differences</caption>
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className={`${headCell} w-28 sm:w-36`}>Parameter</th>
            <th scope="col" className={headCell}>A</th>
            <th scope="col" className={headCell}>B</th>
          </tr>
        </thead>
        <tbody>
          {different.length === 0 ? (
            <tr>
              <td colSpan={3} className="px-3 py-3 text-zinc-600 dark:text-zinc-400">
                None: both were made with exactly the same parameters.
              </td>
            </tr>
          ) : (
            different.map((r) => (
              <tr key={r.label} className="border-b border-amber-200/70 bg-amber-50 last:border-0 dark:border-amber-500/20 dark:bg-amber-500/10">
                <th scope="row" className={`${rowHead} border-l-2 border-amber-400 font-medium text-zinc-700 dark:border-amber-400/70 dark:text-zinc-200`}>{r.label}</th>
                <td className={`${valueClass(r.label)} font-medium`}>{r.a}</td>
                <td className={`${valueClass(r.label)} font-medium`}>{r.b}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      {same.length > 0 && (
        <details open={different.length === 0} className="text-sm">
          <summary className="cursor-pointer select-none rounded-lg px-1 py-1 text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            {same.length} parameter{same.length === 1 ? " is" : "s are"} the same
          </summary>
          <table className="mt-2 w-full table-fixed border-collapse">
            <caption className="sr-only">The same in A and B</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">A and B</th>
              </tr>
            </thead>
            <tbody>
              {same.map((r) => (
                <tr key={r.label} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <th scope="row" className={rowHead}>{r.label}</th>
                  <td className={`${valueClass(r.label)} text-zinc-800 dark:text-zinc-200`}>{r.a}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </Card>
  );
}
