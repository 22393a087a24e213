// The milestone calendar in the pane, in real headless Chromium (browser mode, production build): the
// list by period, "Refresh status" writing the tracking sheet, statuses typed in the downloaded
// workbook read back when it is opened again.
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS } from './harness';
import { downloadWorkbook, openFile, usePane } from './pane-page';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { cellText } from '../../src/core/grid';
import { GUATEMALA_CALENDAR } from '../fixtures';
import { typeIntoCells } from '../helpers/edit-xlsx';

const pane = usePane();

it('lists the Guatemala milestones, writes the tracking sheet, and reads back the statuses typed in it', async () => {
  await pane.withPage({ locale: 'es-EC', viewport: { width: 1440, height: 960 } }, async ({ page, errors }) => {
    await openFile(page, { name: 'calendario-metas-guatemala-2011.xlsx', buffer: fs.readFileSync(GUATEMALA_CALENDAR) });
    await page.getByTestId('as-of').fill('2011-05-15');
    await page.getByTestId('milestones-summary').filter({ hasText: 'Hitos: 61; vencidos: 40' }).waitFor();
    expect(await page.getByTestId('milestone-group').count()).toBe(4);
    expect(await page.locator('[data-testid="milestone-item"][data-overdue="true"]').count()).toBe(40);

    // "Actualizar estado" writes the tracking sheet; the workbook is downloaded and edited as in Excel.
    await page.getByTestId('refresh').click();
    await page.getByTestId('notice').first().waitFor();
    const saved = await downloadWorkbook(page, 'calendario-seguimiento.xlsx');
    const wb = readXlsx(saved);
    const tracking = wb.sheets.find((s) => s.name === 'Seguimiento de hitos');
    expect(tracking?.createdByTablero).toBe(true);
    const header = tracking?.rows.findIndex((row) => cellText(row[5] ?? null) === 'Hito') ?? -1;
    expect(tracking?.rows.length).toBe(header + 1 + 61);
    const edited = path.join(ARTIFACTS, 'calendario-seguimiento-editado.xlsx');
    fs.writeFileSync(edited, typeIntoCells(saved, 'Seguimiento de hitos', {
      [`G${header + 2}`]: 'Completada',
      [`G${header + 3}`]: 'Ya no aplica',
      [`G${header + 4}`]: 'Completada',
    }));

    await openFile(page, { name: 'calendario-seguimiento-editado.xlsx', buffer: fs.readFileSync(edited) });
    await page.getByTestId('as-of').fill('2011-05-15');
    await page.getByTestId('milestones-summary').filter({ hasText: 'Hitos: 61; vencidos: 37' }).waitFor();
    expect(await page.locator('[data-testid="milestone-item"][data-overdue="true"]').count()).toBe(37);
    expect(errors).toEqual([]);
  });
});
