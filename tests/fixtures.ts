// The one place that names the workbooks the tests read. Every path is inside the repository, so a clone
// alone passes `npm test`; tests/fixtures/README.md says where each file came from.
import * as path from 'path';

export const FIXTURES_DIR = path.join(__dirname, 'fixtures');

/** The Ecuador water-governance improvement plan (merged bands, two-row headers, misnumbered blocks). */
export const ECUADOR_PLAN = path.join(FIXTURES_DIR, 'plan-de-mejora-agua-ecuador-2011.xlsx');
/** Synthetic monitoring records for 26 Honduran municipalities (Comunidades, Sistemas, Prestadores). */
export const HONDURAS_MONITORING = path.join(FIXTURES_DIR, 'monitoreo-ptps-honduras-2017.xlsx');
/** The PTPS results framework followed by the three record sheets, and its answer key. */
export const HONDURAS_FRAMEWORK = path.join(FIXTURES_DIR, 'marco-resultados-ptps-honduras-2017.xlsx');
export const HONDURAS_FRAMEWORK_KEY = path.join(FIXTURES_DIR, 'marco-resultados-ptps-honduras-2017.expected.json');

/** A fixture by its file name (for tests that loop over several). */
export const fixture = (name: string): string => path.join(FIXTURES_DIR, name);
/** The Guatemala 2011 "Calendario de metas" (four partner × quarter grids), built by scripts/make-calendar-fixtures.js. */
export const GUATEMALA_CALENDAR = path.join(FIXTURES_DIR, 'calendario-metas-guatemala-2011.xlsx');
/** An English milestone calendar ("Q1 2024", "Q1 FY25", "H1 2025" headers), built by the same script. */
export const WATER_CALENDAR = path.join(FIXTURES_DIR, 'milestone-calendar-water-2024.xlsx');
