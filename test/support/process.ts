import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

// The real server process, as `npm start` runs it, for tests and benchmarks that need a process
// of its own: startup and shutdown behaviour, kill -9, and load that must not share an event loop.

export const ROOT = join(__dirname, '..', '..');
/** The Node flags every way of starting the server uses (package.json `config.serverNodeFlags`). */
export const SERVER_NODE_FLAGS: string[] = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { config: { serverNodeFlags: string } }
).config.serverNodeFlags
  .split(' ')
  .filter(Boolean);
export const STARTUP_TIMEOUT_MS = 30_000;
export const EXIT_TIMEOUT_MS = 15_000;
/** Variables of the caller's environment that would change what the server does; each caller sets its own. */
const SERVER_VARIABLES = [
  'DATABASE_URL',
  'REDIS_URL',
  'DATA_DIR',
  'HOST',
  'PORT',
  'NODE_ENV',
  'LOG_LEVEL',
  'DEMO_DATA',
  'BOOTSTRAP_ADMIN_TOKEN',
  'SHUTDOWN_GRACE_MS',
  'NODE_OPTIONS',
  'LIFECYCLE_SWEEP_MS',
  'LIVE_COALESCE_MS',
  'DRIVER_RANKING_INTERVAL_MS',
  'JOB_POLL_MS',
  'JOB_CONCURRENCY',
];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const running = new Set<ChildProcess>();

/** Kills every server process still running: for afterAll, so a failed test leaves none behind. */
export function killAllServerProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class ServerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  stdout = '';
  stderr = '';

  constructor(
    readonly port: number,
    env: Record<string, string>,
    /** Extra node flags, e.g. --cpu-prof (which NODE_OPTIONS does not accept). */
    nodeArgs: string[] = [],
    /** The script to run: the server, or a helper process of a test. */
    entry = 'src/main.ts',
  ) {
    const inherited = { ...process.env };
    for (const name of SERVER_VARIABLES) delete inherited[name];
    this.child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, '--import', 'tsx', entry], {
      cwd: ROOT,
      env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(this.child);
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        running.delete(this.child);
        resolve({ code, signal });
      });
    });
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Resolves once /readyz answers 200 (after migrations and demo data), rejects if the process exits first. */
  async ready(): Promise<void> {
    let exited = false;
    void this.exited.then(() => {
      exited = true;
    });
    const poll = async (): Promise<void> => {
      for (;;) {
        if (exited) throw new Error(`the server exited before it was ready:\n${this.stderr}`);
        const status = await fetch(`${this.origin}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await withTimeout(poll(), STARTUP_TIMEOUT_MS, 'waiting for the server to be ready');
  }

  /** Resolves once `text` appears on stdout, rejects if the process exits first. */
  async output(text: string): Promise<void> {
    const seen = new Promise<void>((resolve) => {
      const check = (): void => {
        if (!this.stdout.includes(text)) return;
        this.child.stdout?.off('data', check);
        resolve();
      };
      this.child.stdout?.on('data', check);
      check();
    });
    const failed = this.exited.then((exit) => {
      throw new Error(`the server exited (${JSON.stringify(exit)}) before printing ${JSON.stringify(text)}:\n${this.stderr}`);
    });
    await withTimeout(Promise.race([seen, failed]), STARTUP_TIMEOUT_MS, `waiting for ${JSON.stringify(text)}`);
  }

  exit(): Promise<Exit> {
    return withTimeout(this.exited, EXIT_TIMEOUT_MS, 'server exit');
  }

  stop(): Promise<Exit> {
    this.child.kill('SIGTERM');
    return this.exit();
  }

  /** Ends the process at once, as a crash or an OOM kill would. */
  crash(): Promise<Exit> {
    this.child.kill('SIGKILL');
    return this.exit();
  }
}

/** Starts the server on a free port and waits until it is ready. */
export async function startServerProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const server = new ServerProcess(await freePort(), env, nodeArgs);
  await server.ready();
  return server;
}
