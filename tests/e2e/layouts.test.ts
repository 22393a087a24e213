// Issue 10 in real headless Chromium (browser mode, production build): a milestone tracker that states its
// own cut-off date; the pane uses that date, says where it came from, and its column mapper fits 320 px.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openFile, usePane } from './pane-page';
import { makeXlsx } from '../helpers/make-xlsx';

const pane = usePane();
let dir: string;
let tracker: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablero-e2e-layouts-'));
  tracker = path.join(dir, 'hitos-gobierno-abierto.xlsx');
  fs.writeFileSync(
    tracker,
    makeXlsx([
      {
        name: 'Seguimiento',
        rows: [
          ['Plan de Acción de Gobierno Abierto — Corte: 31 de mayo de 2021'],
          [],
          ['Compromiso', 'Institución responsable', 'N° hito', 'Hito', 'Periodo', 'Nivel de cumplimiento', 'Medio de verificación con un nombre largo'],
          ['1. Política de datos abiertos', 'Ministerio de Telecomunicaciones y de la Sociedad de la Información', 1, 'Diagnóstico', 'jun 2020', 'Completo', 'Informe'],
          [null, null, 2, 'Política aprobada', 'dic 2020', 'Sustancial', 'Acuerdo ministerial'],
          ['2. Portal de datos abiertos', 'Planifica Ecuador', 1, 'Rediseño del portal', 'abr 2021', 'Limitado', 'Portal'],
        ],
      },
    ]),
  );
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a tracker laid out its own way, in a 320 px pane', () => {
  it('uses the cut-off it states, groups by commitment, and the mapper opens pre-filled without spilling', async () => {
    await pane.withPage({ locale: 'en-US', viewport: { width: 320, height: 1400 } }, async ({ page, errors }) => {
      await openFile(page, tracker);
      await page.getByText(/As-of date taken from Seguimiento!A1/).first().waitFor();
      expect(await page.getByTestId('finding-item').filter({ hasText: 'As-of date taken from' }).first().textContent()).toContain('As-of date taken from Seguimiento!A1 (“Plan de Acción de Gobierno Abierto — Corte: 31 de mayo de 2021”): 31 May 2021.');
      expect(await page.getByTestId('as-of').inputValue()).toBe('2021-05-31');
      // As of 31 May 2021: milestone 2 of commitment 1 (Dec 2020) and milestone 1 of commitment 2 (Apr 2021), one per group.
      expect(await page.getByTestId('overdue-item').count()).toBe(2);
      expect(await page.getByTestId('overdue-group').locator('h3').allTextContents()).toEqual(['Recommendation 11', 'Recommendation 21']);
      await page.getByText('Point at columns manually').click();
      const mapper = page.getByTestId('column-mapper');
      await mapper.waitFor();
      const role = (r: string) => mapper.locator(`[data-role="${r}"] select`);
      expect(await role('action').inputValue()).toBe('D');
      expect(await role('id').inputValue()).toBe('C');
      expect(await role('recommendation').inputValue()).toBe('A');
      expect(await role('responsible').inputValue()).toBe('B');
      // Nothing spills sideways: the mapper and every select stay inside the pane.
      expect(await page.getByTestId('pane').evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      const widest = await mapper.locator('select').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
      expect(widest).toBeLessThanOrEqual(320);
      expect(errors).toEqual([]);
    });
  });
});
