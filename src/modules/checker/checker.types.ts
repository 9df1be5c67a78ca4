/**
 * Types of the report checker (报告审查). The checker reads a 法治政府建设年度报告 (`fzzf`), a 政府信息公开工作年度报告
 * (`gi`) or any other report, finds its figures, checks the relations the text states between them and its
 * structure, and explains each finding. Offsets are JavaScript string indices into the extracted plain text.
 */

/** What kind of report: 法治政府建设年度报告, 政府信息公开工作年度报告, or anything else. */
export type ReportKind = 'fzzf' | 'gi' | 'other';

/** The five parts required by the 督察工作规定 (domain-rules 1.7). */
export type PartId = 'measures' | 'shortcomings' | 'first-responsible' | 'next-year' | 'other';

/** The six sections of the 2021 GI report format (domain-rules 2.4.6), numbered 1–6. */
export type GiSectionId = 1 | 2 | 3 | 4 | 5 | 6;

export type Severity = 'error' | 'warning' | 'info';

/**
 * What a figure measures: a count (件, 人次 …), money (元), a rate in percent, percentage points, a duration
 * or another physical measure (亩, 平方米 …).
 */
export type FigureKind = 'count' | 'money' | 'rate' | 'points' | 'duration' | 'measure';

/** A number found in the text with its unit and what it counts. */
export interface Figure {
  /** The figure as written, hedges included (e.g. `两万余人次`, `11.34万件`, `98%`). */
  text: string;
  /** The value in the base unit: `11.34万件` → 113400, `194.98亿元` → 19498000000, `98%` → 98. */
  value: number;
  /** The base unit: `件`, `元`, `%`, `个百分点`, `亩` … (scale words 万/亿 are folded into `value`). */
  unit: string;
  /** True when the number is hedged (余, 多, 近, 逾, 约, 以上, 超 …) and so not exact. */
  approx: boolean;
  start: number;
  end: number;
  kind: FigureKind;
  /** One unit of the last written digit, in the base unit (`145.60亿元` → 1000000; `98%` → 1). */
  precision: number;
  /** Number of decimals as written (`63.41%` → 2). */
  decimals: number;
  /** The hedge word when `approx` (`余`, `近`, `以上` …). */
  hedge?: string;
  /** What it counts: the words before (and, for `N个X`, after) the number within its clause. */
  label: string;
  /** A rate written without its percent sign (`胜诉率达到66.6`). */
  implicitPercent?: boolean;
}

/** One side of a relation: a figure or a table cell. */
export interface Operand {
  text: string;
  value: number;
  start: number;
  end: number;
  role: 'numerator' | 'denominator' | 'total' | 'part' | 'stated' | 'other';
}

export type RelationType =
  | 'rate' // a rate against its numerator and denominator
  | 'share' // 59件、占45.3%: a part's share of a total
  | 'shared-rate' // 均达100%: one rate for several metrics
  | 'total' // a total against its listed parts
  | 'repeat' // the same quantity stated twice
  | 'table' // a 合计/总计 row or column of a table
  | 'gi-table'; // an identity of the GI report tables 3 and 4

export type Verdict = 'holds' | 'error' | 'warning' | 'unverifiable';

/** A relation the text states between figures, with the verdict of the check. */
export interface Relation {
  type: RelationType;
  verdict: Verdict;
  /** The figure or cell whose value is claimed (the rate, the total …). */
  stated: Operand;
  /** The figures it is checked against (numerator/denominator, parts …); empty when unverifiable. */
  operands: Operand[];
  /** The value computed from the operands, when there is one. */
  computed?: number;
  /** Chinese explanation. */
  message: string;
  /** Rule id of the finding this relation produces (also set for `holds`). */
  rule: string;
  start: number;
  end: number;
}

/** One problem found in a report. */
export interface Finding {
  /** Stable rule id, e.g. `rate.mismatch`, `structure.part-missing`. */
  rule: string;
  severity: Severity;
  /** Chinese message with the computed value. */
  message: string;
  start: number;
  end: number;
  /** Further spans the finding concerns (the operands of a relation, the repeated twin …). */
  spans?: Array<{ start: number; end: number }>;
  /** The text at [start, end) with a little context, on one line; empty for findings about the whole report. */
  excerpt?: string;
}

/** A part of a 法治政府建设年度报告 found by its heading. */
export interface PartFound {
  part: PartId;
  heading: string;
  start: number;
  /** Heading level: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）. */
  level: number;
  /** True when the part was inferred (thematic headings before the 不足 part stand for 主要举措和成效). */
  inferred?: boolean;
}

/** A section of a GI report found by its heading. */
export interface GiSectionFound {
  section: GiSectionId;
  heading: string;
  start: number;
}

/** A heading found in the text. */
export interface Heading {
  level: number;
  /** The marker as written: `一、`, `（一）`, `1.`, `（1）`. */
  marker: string;
  ordinal: number;
  /** The heading text without its marker. */
  text: string;
  start: number;
  end: number;
}

/** Where the publication date came from. */
export type DateSource = 'option' | 'metadata' | 'signature';

export interface CheckResult {
  kind: ReportKind;
  title: string | null;
  issuer: string | null;
  /** The reporting year (the year the report is about). */
  year: number | null;
  /** Publication date `YYYY-MM-DD` and where it came from. */
  published: string | null;
  publishedSource: DateSource | null;
  parts: PartFound[];
  missingParts: PartId[];
  giSections: GiSectionFound[];
  missingGiSections: GiSectionId[];
  figures: Figure[];
  relations: Relation[];
  findings: Finding[];
  /** Findings counted by severity. */
  summary: { errors: number; warnings: number; infos: number; figures: number; relations: number };
  /** Length of the extracted text, in JavaScript string units. */
  textLength: number;
  /** The format the input was read as. */
  format: InputFormat;
  /** The character encoding the bytes were decoded from (`utf-8`, `gb18030`, `utf-16le` …). */
  encoding: string;
}

export type InputFormat = 'text' | 'markdown' | 'html' | 'docx';

/** A document to check: either text, or bytes with a file name to tell the format. */
export interface CheckDocument {
  text?: string;
  bytes?: Uint8Array;
  filename?: string;
}

export interface CheckInput extends CheckDocument {
  /** Publication date `YYYY-MM-DD`, overriding what the text says. */
  published?: string;
  /** The same unit's report of the previous year, to find text and figures repeated unchanged. */
  previous?: CheckDocument;
}
