import { checkWorkbook } from '../../src/core/check';
import { applyMappings } from '../../src/taskpane/mapping';
it('x', () => {
  const wb = { date1904: false, sheets: [{ name: 'Hoja1', merges: [], rows: [
    ['Seguimiento del comité'],
    [],
    ['Qué haremos', 'Para cuándo', 'Quién', 'Cómo va', 'Notas'],
    ['Capacitar a las juntas de agua', '2024-03-31', 'SENAGUA', 'En curso', ''],
    ['Actualizar el catastro', '30/06/2024', 'Municipio', 'Sin iniciar', 'x'],
    ['Publicar el informe', '2024-01-15', 'UCP', 'Concluido', ''],
  ] }] };
  const a = checkWorkbook(wb as any, { asOf: '2024-05-01' });
  console.log(a.tables.length, a.findings.map(f => f.code));
  const b = checkWorkbook(applyMappings(wb as any, { Hoja1: { headerRow: 3, columns: { action: 'A', deadline: 'B', responsible: 'C', status: 'D', comments: 'E' } } }), { asOf: '2024-05-01' });
  console.log(b.tables.length, JSON.stringify(b.tables[0]?.columns), b.summary, b.tables[0]?.range);
  const c = checkWorkbook(applyMappings(wb as any, { Hoja1: { headerRow: 3, columns: { action: 'A', status: 'D' } } }), { asOf: '2024-05-01' });
  console.log(c.tables.length, c.summary);
});
