// Actions on the user's sheet: highlight overdue, status dropdowns, convert text dates (and undo).
import * as React from 'react';
import {
  Button,
  makeStyles,
  tokens,
  Dialog,
  DialogSurface,
  DialogBody,
  DialogTitle,
  DialogContent,
  DialogActions,
  Table,
  TableHeader,
  TableRow,
  TableHeaderCell,
  TableBody,
  TableCell,
  Caption1,
} from '@fluentui/react-components';
import { HighlightRegular, HighlightFilled, TextBulletListSquareRegular, CalendarArrowRightRegular, ArrowUndoRegular } from '@fluentui/react-icons';
import type { DateConversion } from '../../hosts/pane-host';
import { useStrings } from '../strings';
import { Section } from './Section';
import { useOpenerDialog } from './use-opener-dialog';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  button: { justifyContent: 'flex-start', width: '100%' },
  note: { color: tokens.colorNeutralForeground3, display: 'block', marginTop: tokens.spacingVerticalXS },
  tableWrap: { maxHeight: '320px', overflowY: 'auto', marginTop: tokens.spacingVerticalS },
});

export function Tools({
  highlighted,
  highlightNote,
  onHighlight,
  onRemoveHighlights,
  onDropdowns,
  canRemoveDropdowns,
  onRemoveDropdowns,
  conversions,
  onConvert,
  canUndo,
  onUndo,
  busy,
  canHighlight,
  canDropdowns,
  convertSheetName,
}: {
  highlighted: boolean;
  highlightNote: string | null;
  onHighlight: () => void;
  onRemoveHighlights: () => void;
  onDropdowns: () => void;
  /** The workbook records dropdowns of ours: offer to remove exactly those. */
  canRemoveDropdowns?: boolean;
  onRemoveDropdowns?: () => void;
  conversions: readonly DateConversion[];
  onConvert: () => void;
  canUndo: boolean;
  onUndo: () => void;
  busy: boolean;
  /** False where the host cannot (its capability notes say why). */
  canHighlight: boolean;
  canDropdowns: boolean;
  convertSheetName: string;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  // Focus goes back to the convert button however the dialog closes; it stays focusable while the conversion runs.
  const dialog = useOpenerDialog();
  return (
    <Section title={s('toolsTitle')} id="tools">
      <div className={styles.buttons}>
        {highlighted ? (
          <Button className={styles.button} icon={<HighlightFilled />} onClick={onRemoveHighlights} disabled={busy} data-testid="remove-highlights">
            {s('highlightRemove')}
          </Button>
        ) : (
          <Button className={styles.button} icon={<HighlightRegular />} onClick={onHighlight} disabled={busy || !canHighlight} data-testid="highlight">
            {s('highlight')}
          </Button>
        )}
        {highlightNote ? <Caption1 className={styles.note}>{highlightNote}</Caption1> : null}
        <Button className={styles.button} icon={<TextBulletListSquareRegular />} onClick={onDropdowns} disabled={busy || !canDropdowns} data-testid="dropdowns">
          {s('dropdowns')}
        </Button>
        {canRemoveDropdowns && onRemoveDropdowns ? (
          <Button className={styles.button} icon={<ArrowUndoRegular />} onClick={onRemoveDropdowns} disabled={busy} data-testid="undo-dropdowns">
            {s('dropdownsUndo')}
          </Button>
        ) : null}
        <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
          <Button
            className={styles.button}
            icon={<CalendarArrowRightRegular />}
            ref={dialog.opener}
            onClick={dialog.show}
            disabledFocusable={busy || conversions.length === 0}
            aria-haspopup="dialog"
            title={conversions.length === 0 ? s('convertNone') : undefined}
            data-testid="convert"
          >
            {s('convert', { count: conversions.length })}
          </Button>
          <DialogSurface aria-describedby="convert-intro">
            <DialogBody>
              <DialogTitle>{s('convertTitle')}</DialogTitle>
              <DialogContent>
                <p id="convert-intro">{s('convertIntro', { sheet: convertSheetName })}</p>
                <div className={styles.tableWrap}>
                  <Table size="small" aria-label={s('convertTitle')} data-testid="convert-table">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{s('convertColCell')}</TableHeaderCell>
                        <TableHeaderCell>{s('convertColText')}</TableHeaderCell>
                        <TableHeaderCell>{s('convertColDate')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {conversions.map((c) => (
                        <TableRow key={`${c.sheet}!${c.cell}`}>
                          <TableCell>{c.cell}</TableCell>
                          <TableCell>{c.originalText}</TableCell>
                          <TableCell>{s.date(c.iso)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => {
                    dialog.close();
                    onConvert();
                  }}
                  data-testid="convert-confirm"
                >
                  {s('convertConfirm', { count: conversions.length })}
                </Button>
                <Button onClick={dialog.close} data-testid="convert-cancel">
                  {s('cancel')}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        {canUndo ? (
          <Button className={styles.button} icon={<ArrowUndoRegular />} onClick={onUndo} disabled={busy} data-testid="undo-convert">
            {s('undoConvert')}
          </Button>
        ) : null}
      </div>
    </Section>
  );
}
