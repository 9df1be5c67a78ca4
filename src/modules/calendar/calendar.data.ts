/**
 * The bundled national arrangements (domain-rules §12.2), one JSON file per year in ./data. Static imports, so the
 * engine also bundles into the web app and the public portal's 期限计算器 without a file system.
 */
import y2022 from './data/2022.json';
import y2023 from './data/2023.json';
import y2024 from './data/2024.json';
import y2025 from './data/2025.json';
import y2026 from './data/2026.json';
import { Calendar, createCalendar } from './calendar.days';
import { parseYearArrangement, type OverrideLayer, type YearArrangement } from './calendar.schema';

/** The State Council arrangements shipped with Fazhi, validated at load time. */
export const BUNDLED_YEARS: readonly YearArrangement[] = [y2022, y2023, y2024, y2025, y2026].map((y) =>
  parseYearArrangement(y),
);

let bundled: Calendar | undefined;

/**
 * The national calendar built from the bundled years (no unit overrides), built once. Pass `overrides` to get a
 * unit's calendar on the bundled data (built anew each call).
 */
export function bundledCalendar(overrides?: readonly OverrideLayer[]): Calendar {
  if (overrides && overrides.length) return createCalendar({ years: BUNDLED_YEARS, overrides });
  bundled ??= createCalendar({ years: BUNDLED_YEARS });
  return bundled;
}
