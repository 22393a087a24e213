import { parseDeadline } from '../../src/core/deadline';
const xs = ['4-May-11','24-Aug-11','4-ago-11','15/03/2024','31-12-2024','15.03.2024','2024-03-15','2019/09','4 de mayo de 2011','May 4, 2011',
'marzo 2024','Mar 2024','T2 2024','Q3-2024','Q3 2024','2T 2024','Trimestre 7 (Abr – Jun 2011)','Trimestre 7','FEB. - ABR. 2020','DIC.2020 - DIC. 2021',
'SEP. 2021 - JUNIO. 2022','Oct – Dic 2010','Abril - Junio 2011','S1 2024','Semestre 1 2024','2024','primer trimestre 2024','(FEB. - ABR. 2020)',
'Continuo hasta el final del Programa','Continuo','Permanente','Contínuo','Em curso permanente','Durante todo el programa','No due date','Sin fecha','Sem prazo','N/A','-','--','Por definir','TBD',
'31/02/2024','32-Ene-24','2024-13-01','cuando haya fondos','abc 2024','13/13/13','03/15/2024','del 1 al 15 de marzo de 2024','nov - feb 2021','2023-2024','2024-03-15T10:00:00','<p>19-Sep-11</p>','hasta junio 2024','1er semestre de 2024','II trimestre 2024','Mar-24','Jul-Sep 2011', '15/01/2024 - 30/06/2024','fin de marzo 2024','finales de 2024','lunes, 4 de mayo de 2011', 'T1 - T2 2024', '30/06/2024 (tentativa)'];
test('x', () => { console.log(xs.map(x => JSON.stringify([x, parseDeadline(x, {date1904:false})])).join('\n')); });
