// The Honduras monitoring workbook: every figure in tests/fixtures/README.md (from the shared fixtures' README).
import * as fs from 'node:fs';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { rollupWorkbook, rollupSheets } from '../../src/core/rollup';

import { HONDURAS_MONITORING as FILE } from '../fixtures';

describe('roll-up of monitoreo-ptps-honduras-2017.xlsx', () => {
  const wb = readXlsx(new Uint8Array(fs.readFileSync(FILE)));
  const result = rollupWorkbook(wb, { lang: 'es' });

  it('finds the three record sheets', () => {
    expect(result.coverage?.sheet).toBe('Comunidades');
    expect(result.serviceLevels?.sheet).toBe('Sistemas');
    expect(result.providerPerformance?.sheet).toBe('Prestadores');
  });

  it('reports coverage as sums, not averages', () => {
    const c = result.coverage!;
    expect(c.total.households).toBe(153228);
    expect(c.total.records).toBe(695);
    expect(c.total.water).toBeCloseTo(0.841002, 6);
    expect(c.total.sanitation).toBeCloseTo(0.807287, 6);
    expect(c.total.counts.water).toEqual({ numerator: 128865, denominator: 153228 });
    expect(c.areasAboveThreshold).toEqual({ level: 'municipality', levelHeader: 'Municipio', of: 26, water: 18, sanitation: 16, schools: 25, healthCentres: 17 });
    const munis = c.areas.filter((a) => a.level === 'municipality');
    expect(munis).toHaveLength(26);
    const mean = munis.reduce((s, a) => s + (a.water ?? 0), 0) / munis.length;
    expect(mean).toBeCloseTo(0.825039, 6);
    expect(c.areas.filter((a) => a.level === 'department')).toHaveLength(10);
  });

  it('counts systems and providers by SIASAR category', () => {
    const s = result.serviceLevels!;
    expect(s.systems).toBe(594);
    expect(s.byCategory).toEqual({ A: 410, B: 176, C: 8, D: 0 });
    expect(s.bacteriological).toEqual({ samples: 1772, passed: 453, rate: expect.any(Number) });
    expect(s.bacteriological!.rate).toBeCloseTo(0.255643, 6);
    const p = result.providerPerformance!;
    expect(p.byCategory).toEqual({ A: 54, B: 422, C: 109, D: 9 });
    expect(p.yesNoColumns.map((y) => y.header)).toEqual(['Cobra tarifa', 'Rinde cuentas']);
    // Cross-checked with pandas on the same file (value_counts of each column).
    expect(s.chlorination).toEqual({ answered: 594, yes: 303, share: 303 / 594 });
    expect(p.goodPerformanceShare).toBe(54 / 594);
    expect(p.yesNo).toEqual([
      { answered: 594, yes: 347, share: 347 / 594 },
      { answered: 594, yes: 250, share: 250 / 594 },
    ]);
    const olancho = result.coverage!.areas.find((a) => a.level === 'department' && a.name === 'Olancho')!;
    expect(olancho.water).toBeCloseTo(0.694667, 6);
  });

  it('has no warnings on the clean fixture', () => {
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('writes three sheets', () => {
    const sheets = rollupSheets(result, 'es');
    expect(sheets.map((s) => s.name)).toEqual(['Cobertura', 'Niveles de servicio', 'Desempeño de prestadores']);
  });
});
