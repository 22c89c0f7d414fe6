import type { Page } from "@playwright/test";

/** The grid builder in the studio's Explore mode ("Grid on the server"), by its accessible names. */
export class GridBuilder {
  constructor(readonly page: Page) {}
  get section() {
    return this.page.getByRole("region", { name: "Grid on the server" });
  }
  get start() {
    return this.section.getByRole("button", { name: /^Start grid/ });
  }
  get progress() {
    return this.page.getByTestId("grid-progress");
  }
  get table() {
    return this.section.getByRole("table");
  }
  async axis(axis: "X" | "Y" | "Z", kind: string, value?: string) {
    await this.section.getByLabel(`${axis} axis${axis === "Z" ? " (one grid each)" : ""}: what varies`).selectOption({ label: kind });
    if (value === undefined) return;
    const name = axis === "Z" ? "Z axis (one grid each)" : `${axis} axis`;
    const input = kind.startsWith("LoRA") && kind.endsWith("(a list)") ? `${name} LoRA links` : `${name} values`;
    await this.section.getByLabel(input, { exact: true }).fill(value);
  }
}
