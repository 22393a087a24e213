// "Map columns" in the Roll-ups view: for each kind of record sheet, the sheet, its header row and a
// column per role, starting from what recognition (or the saved map) found. Open by itself when a kind
// was not found or a column is missing; saved with the workbook as the engine's RollupMap.
import * as React from 'react';
import { Badge, Button, Caption1, Checkbox, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { WorkbookGrid } from '../../core/grid';
import { columnIndex } from '../../core/grid';
import { t } from '../../core/i18n';
import type { KindMap, RollupMap } from '../../core/rollup/map';
import { MAP_KEY } from '../../core/rollup/recognise';
import type { RecordKind, RollupResult, RollupRole } from '../../core/rollup/types';
import { RECORD_KINDS } from '../../core/rollup/types';
import { columnOptions, headerRowOptions } from '../mapping';
import {
  AREA_ROLES,
  draftForSheet,
  draftToMap,
  draftUsable,
  EMPTY_DRAFT,
  initialDraft,
  KIND_ROLES,
  needsMapping,
  setColumn,
  toggleYesNo,
  type KindDraft,
} from '../rollup-mapping';
import { kindMapped } from '../../core/workbook-state';
import { sourceOf } from '../rollups';
import { useStrings, type PaneKey } from '../strings';
import { Section } from './Section';

const KIND_LABEL: Readonly<Record<RecordKind, PaneKey>> = {
  coverage: 'rollupKindCoverage',
  systems: 'rollupKindSystems',
  providers: 'rollupKindProviders',
};

const REQUIRED_KEY = { coverage: 'required_coverage', systems: 'required_systems', providers: 'required_providers' } as const;

const useStyles = makeStyles({
  // Read by screen readers, not shown: the toggle's name says what it does ("Indicar columnas: Cobertura").
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  intro: { color: tokens.colorNeutralForeground3, display: 'block', marginBottom: tokens.spacingVerticalS },
  kinds: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  kind: { borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}` },
  toggle: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', minHeight: '40px', fontWeight: tokens.fontWeightSemibold },
  toggleText: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}` },
  group: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS },
  roles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: tokens.spacingHorizontalS },
  // A native select is as wide as its longest option unless told otherwise: keep it in its cell.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  selectInner: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  yesNo: { display: 'flex', flexDirection: 'column' },
  need: { color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

export interface RollupsMapperProps {
  readonly grid: WorkbookGrid;
  readonly rollup: RollupResult;
  readonly map: RollupMap | undefined;
  readonly onApply: (kind: RecordKind, m: KindMap) => void;
  readonly onReset: (kind: RecordKind) => void;
  readonly busy: boolean;
}

export function RollupsMapper(props: RollupsMapperProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  // Undefined: follow what the roll-up says (open when unsure); a click makes it the user's choice.
  const [open, setOpen] = React.useState<Partial<Record<RecordKind, boolean>>>({});
  const { rollup, map } = props;

  return (
    <Section title={s('rollupMapTitle')} id="rollup-map">
      <Caption1 className={styles.intro}>{s('rollupMapIntro')}</Caption1>
      <div className={styles.kinds}>
        {RECORD_KINDS.map((kind) => {
          const mapped = kindMapped(map, kind);
          const found = sourceOf(rollup, kind) !== null;
          const expanded = open[kind] ?? needsMapping(kind, rollup, mapped);
          const label = s(KIND_LABEL[kind]);
          const formId = `rollup-map-${kind}`;
          // A new roll-up (map saved, sheet re-read) starts the form again from what it used.
          const formKey = JSON.stringify([sourceOf(rollup, kind), map?.[MAP_KEY[kind]] ?? null]);
          return (
            <div key={kind} className={styles.kind}>
              <Button
                appearance="subtle"
                className={styles.toggle}
                icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
                aria-expanded={expanded}
                aria-controls={expanded ? formId : undefined}
                onClick={() => setOpen((o) => ({ ...o, [kind]: !expanded }))}
                data-testid="rollup-map-toggle"
                data-kind={kind}
              >
                <span className={styles.toggleText}>
                  <span className={styles.hidden}>{s('rollupMapTitle')}: </span>
                  {label}
                </span>
                <Badge appearance="tint" color={!found ? 'warning' : mapped ? 'brand' : 'informative'}>
                  {!found ? s('rollupMissing') : mapped ? s('rollupMapManual') : s('rollupMapAuto')}
                </Badge>
              </Button>
              {expanded ? (
                <KindForm
                  key={formKey}
                  id={formId}
                  kind={kind}
                  grid={props.grid}
                  initial={initialDraft(kind, rollup, props.grid, map)}
                  mapped={mapped}
                  busy={props.busy}
                  onApply={(m) => {
                    // Back to "follow the roll-up": it closes once the kind is read without gaps.
                    setOpen((o) => ({ ...o, [kind]: undefined }));
                    props.onApply(kind, m);
                  }}
                  onReset={() => {
                    setOpen((o) => ({ ...o, [kind]: undefined }));
                    props.onReset(kind);
                  }}
                />
              ) : null}
            </div>
          );
        })}
      </div>
    </Section>
  );
}

function KindForm({
  id,
  kind,
  grid,
  initial,
  mapped,
  busy,
  onApply,
  onReset,
}: {
  id: string;
  kind: RecordKind;
  grid: WorkbookGrid;
  initial: KindDraft;
  mapped: boolean;
  busy: boolean;
  onApply: (m: KindMap) => void;
  onReset: () => void;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const L = s.lang;
  const [draft, setDraft] = React.useState<KindDraft>(initial);
  // Our own roll-up sheets are never records.
  const sheets = grid.sheets.filter((x) => !x.createdByTablero);
  const sheet = sheets.find((x) => x.name === draft.sheet);
  const rows = React.useMemo(() => {
    const opts = sheet ? headerRowOptions(sheet) : [];
    // The row in use stays choosable even when it does not look like a header row.
    if (draft.headerRow && !opts.some((o) => o.row === draft.headerRow)) opts.unshift({ row: draft.headerRow, preview: '' });
    return opts.sort((a, b) => a.row - b.row);
  }, [sheet, draft.headerRow]);
  const cols = React.useMemo(() => (sheet && draft.headerRow ? columnOptions(sheet, draft.headerRow) : []), [sheet, draft.headerRow]);
  const usable = draftUsable(kind, draft);
  const taken = new Set(Object.values(draft.columns));

  const apply = (): void => {
    const m = usable ? draftToMap(kind, draft, grid) : null;
    if (m) onApply(m);
  };

  const roleSelect = (role: RollupRole): React.JSX.Element => (
    <Field key={role} label={t(L, 'rollup', `role_${role}`)} className={styles.field}>
      <Select
        className={styles.select}
        select={{ className: styles.selectInner }}
        value={draft.columns[role] ?? ''}
        disabled={!draft.headerRow}
        onChange={(_, d) => setDraft((x) => setColumn(x, role, d.value || null))}
        data-testid={`rollup-map-${role}`}
      >
        <option value="">{s('mapNone')}</option>
        {cols.map((c) => (
          <option key={c.col} value={c.col}>
            {s('mapColumnOption', { col: c.col, header: c.header || '—' })}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <form
      id={id}
      className={styles.form}
      data-testid="rollup-mapper"
      data-kind={kind}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <Field label={s('mapSheet')} className={styles.field}>
        <Select
          className={styles.select}
          select={{ className: styles.selectInner }}
          value={draft.sheet}
          onChange={(_, d) => {
            const next = sheets.find((x) => x.name === d.value);
            setDraft(next ? draftForSheet(kind, next) : EMPTY_DRAFT);
          }}
          data-testid="rollup-map-sheet"
        >
          {draft.sheet ? null : <option value="">{s('rollupMapChooseSheet')}</option>}
          {sheets.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name}
            </option>
          ))}
        </Select>
      </Field>
      {sheet ? (
        <>
          <Field label={s('mapHeaderRow')} className={styles.field}>
            <Select
              className={styles.select}
              select={{ className: styles.selectInner }}
              value={draft.headerRow ? String(draft.headerRow) : ''}
              onChange={(_, d) => setDraft(d.value ? draftForSheet(kind, sheet, Number(d.value)) : { ...draft, headerRow: null, columns: {}, yesNo: [] })}
              data-testid="rollup-map-header-row"
            >
              <option value="">{s('mapNone')}</option>
              {rows.map((r) => (
                <option key={r.row} value={String(r.row)}>
                  {s('mapRowOption', { row: r.row, preview: r.preview })}
                </option>
              ))}
            </Select>
          </Field>
          <Text size={200} className={styles.group}>
            {s('rollupMapData')}
          </Text>
          <div className={styles.roles}>{KIND_ROLES[kind].map(roleSelect)}</div>
          <Text size={200} className={styles.group}>
            {s('rollupMapAreas')}
          </Text>
          <div className={styles.roles}>{AREA_ROLES.map(roleSelect)}</div>
          {kind === 'providers' && draft.headerRow ? (
            <fieldset className={styles.yesNo} style={{ border: 'none', margin: 0, padding: 0 }} data-testid="rollup-map-yesno">
              <legend>
                <Text size={200} className={styles.group}>
                  {s('rollupMapYesNo')}
                </Text>
              </legend>
              {cols
                .filter((c) => c.header && (!taken.has(c.col) || draft.yesNo.includes(c.col)))
                .sort((a, b) => columnIndex(a.col) - columnIndex(b.col))
                .map((c) => (
                  <Checkbox
                    key={c.col}
                    label={s('mapColumnOption', { col: c.col, header: c.header })}
                    checked={draft.yesNo.includes(c.col)}
                    onChange={(_, d) => setDraft((x) => toggleYesNo(x, c.col, d.checked === true))}
                  />
                ))}
            </fieldset>
          ) : null}
        </>
      ) : null}
      {!usable && sheet ? (
        <Text size={200} className={styles.need} data-testid="rollup-map-need">
          {s('rollupMapNeed', { required: t(L, 'rollup', REQUIRED_KEY[kind]) })}
        </Text>
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={!usable || busy} data-testid="rollup-map-apply">
          {s('mapApply')}
        </Button>
        {mapped ? (
          <Button onClick={onReset} disabled={busy} data-testid="rollup-map-reset">
            {s('rollupMapReset')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
