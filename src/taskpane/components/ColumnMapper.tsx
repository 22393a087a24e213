// When no table is recognised: the user picks the sheet, the header row and the columns.
import * as React from 'react';
import { Button, Field, Select, makeStyles, tokens, Text } from '@fluentui/react-components';
import type { WorkbookGrid } from '../../core/grid';
import { mappingUsable, MAPPED_ROLES, type ColumnMapping, type MappedRole } from '../../core/workbook-state';
import { columnOptions, guessHeaderRow, headerRowOptions } from '../mapping';
import { useStrings, type PaneKey } from '../strings';

export const ROLE_KEYS: Record<MappedRole, PaneKey> = {
  action: 'mapRoleAction',
  deadline: 'mapRoleDeadline',
  responsible: 'mapRoleResponsible',
  status: 'mapRoleStatus',
  comments: 'mapRoleComments',
  id: 'mapRoleId',
  recommendation: 'mapRoleRecommendation',
};

// Fits a 320 px pane: one column of fields when two do not fit, and selects that never grow past their
// field (a native select is as wide as its longest option unless told otherwise).
const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, maxWidth: '100%' },
  roles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(130px, 100%), 1fr))', gap: tokens.spacingHorizontalS },
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%', maxWidth: '100%' },
  selectEl: { minWidth: 0, width: '100%', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

export function ColumnMapper({
  grid,
  initial,
  onApply,
  onCancel,
  disabled,
}: {
  grid: WorkbookGrid;
  initial?: { sheet: string; mapping: ColumnMapping };
  onApply: (sheet: string, mapping: ColumnMapping) => void;
  onCancel?: () => void;
  disabled?: boolean;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const sheets = grid.sheets.filter((x) => !x.createdByTablero);
  const [sheetName, setSheetName] = React.useState(initial?.sheet ?? sheets[0]?.name ?? '');
  const sheet = sheets.find((x) => x.name === sheetName);
  const [headerRow, setHeaderRow] = React.useState<number | null>(initial?.mapping.headerRow ?? (sheet ? guessHeaderRow(sheet) : null));
  const [columns, setColumns] = React.useState<Partial<Record<MappedRole, string>>>(initial?.mapping.columns ?? {});
  const rows = sheet ? headerRowOptions(sheet) : [];
  const cols = sheet && headerRow ? columnOptions(sheet, headerRow) : [];
  const usable = !!headerRow && mappingUsable(columns);

  const changeSheet = (name: string): void => {
    setSheetName(name);
    const next = sheets.find((x) => x.name === name);
    setHeaderRow(next ? guessHeaderRow(next) : null);
    setColumns({});
  };

  const apply = (): void => {
    if (!headerRow || !columns.action) return;
    const picked: ColumnMapping['columns'] = { action: columns.action };
    for (const role of MAPPED_ROLES) if (role !== 'action' && columns[role]) picked[role] = columns[role];
    onApply(sheetName, { headerRow, columns: picked });
  };

  return (
    <form
      className={styles.form}
      data-testid="column-mapper"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      {initial ? (
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }} data-testid="mapper-prefilled">
          {s('mapPrefilled')}
        </Text>
      ) : null}
      <Field label={s('mapSheet')} className={styles.field}>
        <Select value={sheetName} onChange={(_, d) => changeSheet(d.value)} className={styles.select} select={{ className: styles.selectEl }}>
          {sheets.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s('mapHeaderRow')} className={styles.field}>
        <Select
          value={headerRow ? String(headerRow) : ''}
          onChange={(_, d) => setHeaderRow(d.value ? Number(d.value) : null)}
          className={styles.select}
          select={{ className: styles.selectEl }}
        >
          <option value="">{s('mapNone')}</option>
          {rows.map((r) => (
            <option key={r.row} value={String(r.row)}>
              {s('mapRowOption', { row: r.row, preview: r.preview })}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.roles}>
        {MAPPED_ROLES.map((role) => (
          <Field key={role} label={s(ROLE_KEYS[role])} required={role === 'action'} className={styles.field} data-role={role}>
            <Select
              value={columns[role] ?? ''}
              disabled={!headerRow}
              className={styles.select}
              select={{ className: styles.selectEl }}
              onChange={(_, d) => setColumns((c) => ({ ...c, [role]: d.value || undefined }))}
            >
              <option value="">{s('mapNone')}</option>
              {cols.map((c) => (
                <option key={c.col} value={c.col}>
                  {s('mapColumnOption', { col: c.col, header: c.header || '—' })}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {!usable ? (
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          {s('mapNeedAction')}
        </Text>
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={!usable || disabled}>
          {s('mapApply')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{s('mapCancel')}</Button> : null}
      </div>
    </form>
  );
}
