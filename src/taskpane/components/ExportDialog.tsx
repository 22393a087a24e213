// "Export for donors": the button opens a small dialog — the export's language, the sheets it writes
// (those the workbook's content has), a preview of the Summary sheet's total row in that language —
// then Export or Cancel. Focus goes back to the button when the dialog closes.
import * as React from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowExportLtrRegular } from '@fluentui/react-icons';
import { catalogue, LANGS, type Lang } from '../../core/i18n';
import type { CheckResult } from '../../core/model';
import type { RollupResult } from '../../core/rollup/types';
import type { ExportSheetKey } from '../../core/export';
import { exportPreview, type ExportChoice } from '../export';
import { useStrings } from '../strings';
import { useOpenerDialog } from './use-opener-dialog';

const useStyles = makeStyles({
  sheets: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS, padding: 0 },
  figures: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dd': { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  },
  preview: { marginTop: tokens.spacingVerticalM },
  hint: { color: tokens.colorPaletteRedForeground1 },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function locale(lang: Lang): string {
  return lang === 'es' ? 'es-ES' : 'en-GB';
}

export function ExportDialog({
  check,
  rollup,
  defaultLang,
  busy,
  onExport,
}: {
  /** The pane's check: the sheets offered and the figures previewed come from it. */
  check: CheckResult | null;
  rollup: RollupResult | null;
  defaultLang: Lang;
  busy: boolean;
  /** null: the pane's language and every sheet (there was nothing to pick). */
  onExport: (choice: ExportChoice | null) => void;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const dialog = useOpenerDialog();
  const [lang, setLang] = React.useState<Lang>(defaultLang);
  const [unchecked, setUnchecked] = React.useState<ReadonlySet<ExportSheetKey>>(new Set());
  const preview = React.useMemo(() => (check ? exportPreview(check, rollup, lang) : null), [check, rollup, lang]);
  const picked = preview ? preview.sheets.filter((x) => !unchecked.has(x.key)).map((x) => x.key) : [];

  const start = (): void => {
    if (!preview?.hasContent) {
      // Nothing to pick: the export itself says there is nothing to export.
      onExport(null);
      return;
    }
    setLang(defaultLang);
    setUnchecked(new Set());
    dialog.show();
  };

  const x = catalogue(lang).export;
  const nf = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 });
  const pf = new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 });
  const share = (v: number | null): string => (v === null ? '—' : pf.format(v));
  const f = preview?.figures;
  const figures: [string, string, string][] = f
    ? [
        ['actions', x.colActions, nf.format(f.actions)],
        ['completed', x.statusCompleted, nf.format(f.byStatus.completed)],
        ['in_progress', x.statusInitiated, nf.format(f.byStatus.in_progress)],
        ['not_started', x.statusNotInitiated, nf.format(f.byStatus.not_started)],
        ['overdue', x.colOverdueCount, nf.format(f.overdue)],
        ['completed_share', x.colCompletedShare, share(f.completedShare)],
        ['not_overdue_share', x.colNotOverdueShare, share(f.notOverdueShare)],
      ]
    : [];

  return (
    <>
      <Tooltip content={s('exportHint')} relationship="description">
        <Button
          ref={dialog.opener}
          icon={<ArrowExportLtrRegular />}
          onClick={start}
          disabled={!check}
          disabledFocusable={!!check && busy}
          aria-haspopup="dialog"
          data-testid="export-donors"
        >
          {s('exportDonors')}
        </Button>
      </Tooltip>
      <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
        <DialogSurface aria-describedby="export-intro" data-testid="export-dialog">
          <DialogBody>
            <DialogTitle>{s('exportDonors')}</DialogTitle>
            <DialogContent className={styles.content}>
              <p id="export-intro">{s('exportDialogIntro')}</p>
              <Field label={s('exportLanguage')}>
                <RadioGroup layout="horizontal" value={lang} onChange={(_, d) => setLang(d.value === 'en' ? 'en' : 'es')} data-testid="export-lang">
                  {LANGS.map((l) => (
                    <Radio key={l} value={l} label={l === 'es' ? s('langEs') : s('langEn')} data-testid={`export-lang-${l}`} />
                  ))}
                </RadioGroup>
              </Field>
              <fieldset className={styles.sheets} data-testid="export-sheets">
                <legend className={styles.legend}>{s('exportSheets')}</legend>
                {preview?.sheets.map((sh) => (
                  <Checkbox
                    key={sh.key}
                    label={sh.name}
                    checked={!unchecked.has(sh.key)}
                    onChange={(_, d) => {
                      const next = new Set(unchecked);
                      if (d.checked) next.delete(sh.key);
                      else next.add(sh.key);
                      setUnchecked(next);
                    }}
                    data-testid={`export-sheet-${sh.key}`}
                  />
                ))}
                {picked.length === 0 ? <span className={styles.hint} role="alert">{s('exportSheetsNone')}</span> : null}
              </fieldset>
              <section className={styles.preview} aria-labelledby="export-preview-title" data-testid="export-preview">
                <strong id="export-preview-title">{s('exportPreview')}</strong>
                <dl className={styles.figures} lang={lang}>
                  {figures.map(([key, label, value]) => (
                    <React.Fragment key={key}>
                      <dt>{label}</dt>
                      <dd data-testid={`export-figure-${key}`}>{value}</dd>
                    </React.Fragment>
                  ))}
                </dl>
              </section>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={picked.length === 0}
                onClick={() => {
                  dialog.close();
                  onExport({ lang, sheets: picked });
                }}
                data-testid="export-confirm"
              >
                {s('exportConfirm')}
              </Button>
              <Button onClick={dialog.close} data-testid="export-cancel">
                {s('cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
