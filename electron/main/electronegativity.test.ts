// `npm run security`: Electronegativity over what ships (sources and build); every finding must be
// explained in docs/security.md, and every explanation there must still match a finding.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const DOC = resolve(ROOT, 'docs/security.md');
/** The heading of the table the check reads; keep the doc and this in step. */
const SECTION = '## Electronegativity findings';
/**
 * What ships: the app's sources, its build and its manifest. Tests (anywhere), e2e and packaging
 * output are not part of the app's attack surface. Global findings carry the file "N/A".
 */
const SHIPPED_ROOTS = /^(electron\/|renderer\/|shared\/|out\/|package\.json$|N\/A$)/;
const isShipped = (file: string) => SHIPPED_ROOTS.test(file) && !/\.test\.tsx?$/.test(file);
/**
 * The scanner fetches its list of Electron releases from the network on every run, so its answer
 * would change with the day and the connection; the pinned Electron version is reviewed on upgrade.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const SCAN_TIMEOUT_MS = 120_000;

interface Level {
  name: string;
}
interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: Level;
  confidence: Level;
  manualReview: boolean;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}
type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

/** One row of the doc's table: `CHECK_ID` in `file`, with the verdict in the third column. */
interface Explanation {
  id: string;
  file: string;
  verdict: string;
}

function explanations(markdown: string): Explanation[] {
  const start = markdown.indexOf(`\n${SECTION}\n`);
  if (start < 0) return [];
  const rest = markdown.slice(start + SECTION.length + 2);
  const end = rest.search(/^## /m);
  const rows: Explanation[] = [];
  for (const line of (end < 0 ? rest : rest.slice(0, end)).split('\n')) {
    const match = /^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|(.+)\|\s*$/.exec(line);
    if (match?.[1] && match[2] && match[3]) {
      rows.push({ id: match[1], file: match[2], verdict: match[3].trim() });
    }
  }
  return rows;
}

/**
 * The scanner parses TypeScript through typescript-estree, which loads the first `typescript` it
 * finds: the project's TypeScript 7, which has no JavaScript API. Hand it the scanner's own
 * TypeScript 4 through the module cache (this worker runs nothing else that loads TypeScript).
 */
function loadScanner(): Run {
  const scannerRequire = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity'));
  const estreeRequire = createRequire(scannerRequire.resolve('@typescript-eslint/typescript-estree'));
  const seen = estreeRequire.resolve('typescript');
  const own = scannerRequire.resolve('typescript');
  if (seen !== own) {
    const entry = new Module(seen);
    entry.filename = seen;
    entry.exports = scannerRequire('typescript');
    entry.loaded = true;
    scannerRequire.cache[seen] = entry;
  }
  return scannerRequire('@doyensec/electronegativity') as Run;
}

const key = (id: string, file: string) => `${id} in ${file}`;
const slash = (path: string) => path.replaceAll('\\', '/');
/** `npm run security` sets this; plain `vitest run` and `npm run test:unit` skip the scan. */
const inSecurityRun = process.env.npm_lifecycle_event === 'security';

describe('the explained-findings table', () => {
  it('is present in docs/security.md, one verdict per check and file', () => {
    const rows = explanations(readFileSync(DOC, 'utf8'));
    expect(rows.length).toBeGreaterThan(0);
    const keys = rows.map((row) => key(row.id, row.file));
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of rows) expect(row.verdict.length, key(row.id, row.file)).toBeGreaterThan(20);
  });
});

describe.skipIf(!inSecurityRun)('Electronegativity (runs in npm run security)', () => {
  it(
    'reports nothing that docs/security.md does not explain, and nothing it explains is gone',
    async () => {
      const run = loadScanner();
      const result = await run(
        {
          input: ROOT,
          isRelative: true,
          isVerbose: false,
          customScan: [],
          excludeFromScan: EXCLUDED_CHECKS,
          parserPlugins: [],
        },
        false,
      );
      expect(result.globalChecks).toBeGreaterThan(0);
      expect(result.atomicChecks).toBeGreaterThan(0);

      // A file the scanner could not parse is a file nobody checked.
      const unreadable = result.errors
        .filter((error) => !error.tolerable && isShipped(slash(error.file)))
        .map((error) => `${slash(error.file)}: ${error.message}`);
      expect(unreadable).toEqual([]);

      const findings = result.issues
        .map((issue) => ({ ...issue, file: slash(issue.file) }))
        .filter((issue) => isShipped(issue.file));
      const explained = explanations(readFileSync(DOC, 'utf8'));
      const explainedKeys = new Set(explained.map((row) => key(row.id, row.file)));
      // One verdict explains one finding: a second finding of the same check in the same file is new.
      const seen = new Map<string, number>();
      const unexplained = findings
        .filter((issue) => {
          const k = key(issue.id, issue.file);
          seen.set(k, (seen.get(k) ?? 0) + 1);
          return !explainedKeys.has(k) || (seen.get(k) ?? 0) > 1;
        })
        .map(
          (issue) =>
            `${key(issue.id, issue.file)}:${issue.location.line}:${issue.location.column} ` +
            `(${issue.severity.name}, ${issue.confidence.name}) ${issue.description}`,
        );
      expect(unexplained, `add a fix or a verdict to "${SECTION}" in docs/security.md`).toEqual([]);

      // A stale verdict would hide the next real finding in that file; build output may be absent.
      const found = new Set(findings.map((issue) => key(issue.id, issue.file)));
      const stale = explained
        .filter((row) => row.file === 'N/A' || existsSync(resolve(ROOT, row.file)))
        .filter((row) => !found.has(key(row.id, row.file)))
        .map((row) => key(row.id, row.file));
      expect(stale, 'remove verdicts for findings that are gone').toEqual([]);
    },
    SCAN_TIMEOUT_MS,
  );
});
