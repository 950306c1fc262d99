// Bundles the dashboard (web/) into dist/dashboard: index.html and content-hashed assets the server
// serves at /dashboard. `npm start`, `npm run dev` and `npm run build` run it; the browser tests too.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..');

export interface DashboardBuild {
  outDir: string;
  script: string;
  stylesheet: string;
  bytes: number;
}

export async function buildDashboard(outDir = join(ROOT, 'dist', 'dashboard')): Promise<DashboardBuild> {
  const assetsDir = join(outDir, 'assets');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(assetsDir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { dashboard: 'web/src/main.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'linked',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const script = outputs.find(([file, output]) => output.entryPoint && file.endsWith('.js'))?.[0];
  const stylesheet = outputs.find(([file]) => file.endsWith('.css'))?.[0];
  if (!script || !stylesheet) throw new Error(`the dashboard build wrote no script or no stylesheet: ${outputs.map(([file]) => file).join(', ')}`);
  const template = await readFile(join(ROOT, 'web', 'index.html'), 'utf8');
  const page = template.replace('%SCRIPT%', `/dashboard/assets/${basename(script)}`).replace('%STYLESHEET%', `/dashboard/assets/${basename(stylesheet)}`);
  await writeFile(join(outDir, 'index.html'), page);
  const bytes = outputs.reduce((sum, [file, output]) => sum + (file.endsWith('.map') ? 0 : output.bytes), 0);
  return { outDir, script: basename(script), stylesheet: basename(stylesheet), bytes };
}

if (require.main === module) {
  buildDashboard().then(
    (built) => process.stdout.write(`dashboard built into ${built.outDir} (${(built.bytes / 1024).toFixed(0)} KiB: ${built.script}, ${built.stylesheet})\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
