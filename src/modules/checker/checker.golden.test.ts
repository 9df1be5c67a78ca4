/**
 * Golden tests over the five seed reports. The golden files under golden/ were written by reading each report
 * and doing the arithmetic by hand (see their `review` and `note` fields); they say what a careful reviewer
 * would say, and the checker must agree with them relation by relation, in both directions.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReportWithText } from './checker.service';
import type { PartId, Relation } from './checker.types';

const here = dirname(fileURLToPath(import.meta.url));
const seeds = join(here, '../../../test/fixtures/seeds');

interface GoldenRelation {
  type: Relation['type'];
  stated: string;
  context: string;
  operands: string[];
  verdict: Relation['verdict'];
  note: string;
}

interface Golden {
  seed: string;
  kind: string;
  title: string | null;
  issuer: string | null;
  year: number | null;
  published: string | null;
  parts: PartId[];
  inferredParts: PartId[];
  missingParts: PartId[];
  figures: string[];
  notFigures: string[];
  relations: GoldenRelation[];
  findings: string[];
}

const goldens: Golden[] = readdirSync(join(here, 'golden'))
  .filter((f) => f.endsWith('.golden.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(here, 'golden', f), 'utf8')) as Golden);

function run(g: Golden) {
  const bytes = readFileSync(join(seeds, g.seed));
  return checkReportWithText({ bytes, filename: g.seed });
}

/** The relation as the golden files describe it. */
function describeRelation(text: string, r: Relation) {
  return {
    type: r.type,
    stated: r.stated.text,
    before: text.slice(Math.max(0, r.stated.start - 24), r.stated.start),
    operands: r.operands.filter((o) => o.role !== 'total').map((o) => o.text).sort(),
    verdict: r.verdict,
  };
}

describe(checkReportWithText.name, () => {
  it('should have a golden file for each of the five seed reports', () => {
    expect(goldens.map((g) => g.seed)).toEqual(readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort());
  });

  for (const g of goldens) {
    describe(g.seed, () => {
      const { result, text } = run(g);

      it('should read kind, title, issuer, year and publication date', () => {
        expect({
          kind: result.kind,
          title: result.title,
          issuer: result.issuer,
          year: result.year,
          published: result.published,
        }).toEqual({ kind: g.kind, title: g.title, issuer: g.issuer, year: g.year, published: g.published });
      });

      it('should find the parts the report has and name those it lacks', () => {
        expect(result.parts.map((p) => p.part).sort()).toEqual([...g.parts].sort());
        expect(result.parts.filter((p) => p.inferred).map((p) => p.part)).toEqual(g.inferredParts);
        expect(result.missingParts).toEqual(g.missingParts);
      });

      it('should find exactly the figures a reviewer counts', () => {
        expect(result.figures.map((f) => f.text)).toEqual(g.figures);
        for (const f of result.figures) expect(text.slice(f.start, f.end)).toBe(f.text);
      });

      it('should not take identifiers, dates, ordinals, slogans or titles for figures', () => {
        for (const s of g.notFigures) {
          let seen = false;
          for (let k = text.indexOf(s); k !== -1; k = text.indexOf(s, k + 1)) {
            seen = true;
            const inside = result.figures.filter((f) => f.start >= k && f.start < k + s.length);
            expect(inside.map((f) => f.text), `${s} at ${k}`).toEqual([]);
          }
          expect(seen, `${s} occurs in the seed`).toBe(true);
        }
      });

      it('should check every stated relation with the verdict of the hand arithmetic', () => {
        const actual = result.relations.map((r) => describeRelation(text, r));
        const unmatched = [...actual];
        for (const e of g.relations) {
          const k = unmatched.findIndex((a) => a.type === e.type && a.stated === e.stated && a.before.endsWith(e.context));
          expect(k, `relation ${e.type} ${e.stated} after “${e.context}” (${e.note})`).toBeGreaterThanOrEqual(0);
          const a = unmatched.splice(k, 1)[0]!;
          expect({ verdict: a.verdict, operands: a.operands }, e.note).toEqual({
            verdict: e.verdict,
            operands: [...e.operands].sort(),
          });
        }
        expect(unmatched, 'relations the golden file does not list').toEqual([]);
      });

      it('should report the findings of a careful reviewer', () => {
        const actual = result.findings.map((f) => `${f.severity} ${f.rule}`).sort();
        expect(actual).toEqual([...g.findings].sort());
        for (const f of result.findings) {
          expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
          expect(f.start).toBeLessThanOrEqual(f.end);
          expect(f.end).toBeLessThanOrEqual(text.length);
        }
      });
    });
  }
});
