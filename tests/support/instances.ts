import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// Starts tests/support/generation-instance.ts as a child process (one "app instance") and
// talks to it over loopback HTTP.

const root = path.resolve(import.meta.dirname, "../..");

export interface Instance {
  url: string;
  child: ChildProcess;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the instance's JSON as it knows it
  post<T = any>(route: string, body: unknown): Promise<T>;
  /** kill -9: no cleanup, no goodbye. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/generation-instance.ts"], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (c) => (stderr += c));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`instance exited (${code}): ${stderr}`)));
    setTimeout(() => reject(new Error(`instance did not start: ${stderr}`)), 60_000);
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // An instance that dies on its own takes its reason with it: say it, so a failing test explains itself.
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`instance ${url} exited by itself (${code ?? signal}):\n${stderr.slice(-4000)}`);
  });
  return {
    url,
    child,
    async post(route, body) {
      const res = await fetch(url + route, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
      return res.json();
    },
    async kill() {
      stopping = true;
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      stopping = true;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
