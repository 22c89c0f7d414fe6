/**
 * Stands in for @radix-ui/react-dialog in the browser build only (next.config.js). cmdk imports
 * it for `Command.Dialog`, which Lorascope never renders (the LoRA combobox uses Command's list
 * parts); without this the dialog, its focus trap and scroll lock ship with every page that has
 * the combobox (≈12 KB gz). Using Command.Dialog fails loudly instead of rendering nothing.
 */
function unused(): never {
  throw new Error("cmdk's Command.Dialog is not bundled (lib/shims/radix-dialog-unused.ts); use components/ui/dialog.tsx");
}

export const Root = unused;
export const Portal = unused;
export const Overlay = unused;
export const Content = unused;
