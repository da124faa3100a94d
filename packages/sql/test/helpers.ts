import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The qtest corpus directory shared beside the repo. */
export const QTESTS: string = fileURLToPath(new URL('../../../../shared/hive-qtests/', import.meta.url));

/** Every script of the corpus (queries/ and init/), sorted by name. */
export function corpusScripts(): { name: string; text: string }[] {
  const list: { name: string; text: string }[] = [];
  for (const dir of ['queries', 'init']) {
    for (const f of readdirSync(QTESTS + dir).sort()) {
      list.push({ name: `${dir}/${f}`, text: readFileSync(`${QTESTS}${dir}/${f}`, 'utf8') });
    }
  }
  return list;
}

/** A deep copy without `pos` fields, to compare ASTs ignoring where they came from. */
export function stripPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPositions);
  if (value != null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'pos') out[k] = stripPositions(v);
    return out;
  }
  return value;
}
