// Settings kept in the workbook: language, extra status words, column mappings.
import * as React from 'react';
import { Button, Field, Select, Textarea, makeStyles, tokens, Caption1 } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { catalogue, type Lang } from '../../core/i18n';
import type { BandScheme } from '../../core/framework/model';
import { CANONICAL_STATUSES, type CanonicalStatus } from '../../core/vocab/status';
import { cleanWords, type Settings } from '../../core/workbook-state';
import { useStrings } from '../strings';
import { Section } from './Section';
import { ROLE_KEYS } from './ColumnMapper';
import type { MappedRole } from '../../core/workbook-state';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  words: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: tokens.spacingHorizontalM },
  mappings: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  mapping: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3 },
});

export function SettingsPanel({
  settings,
  autoLang,
  onSave,
  busy,
}: {
  settings: Settings;
  autoLang: Lang;
  onSave: (next: Settings) => void;
  busy: boolean;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const [language, setLanguage] = React.useState<Lang | null>(settings.language);
  const [words, setWords] = React.useState<Record<CanonicalStatus, string>>(() => {
    const out = {} as Record<CanonicalStatus, string>;
    for (const st of CANONICAL_STATUSES) out[st] = (settings.extraStatusWords[st] ?? []).join('\n');
    return out;
  });
  const [mappings, setMappings] = React.useState(settings.columnMappings);
  const [scheme, setScheme] = React.useState<BandScheme>(settings.bandScheme ?? 'toladata');
  React.useEffect(() => {
    setLanguage(settings.language);
    setMappings(settings.columnMappings);
    setScheme(settings.bandScheme ?? 'toladata');
  }, [settings]);

  const save = (): void => {
    const extra: Settings['extraStatusWords'] = {};
    for (const st of CANONICAL_STATUSES) extra[st] = words[st].split('\n');
    // TolaData's bands are the default: saved only when the user chose the semáforo.
    const { bandScheme: _old, ...rest } = settings;
    onSave({ ...rest, language, extraStatusWords: cleanWords(extra), columnMappings: mappings, ...(scheme === 'semaforo' ? { bandScheme: scheme } : {}) });
  };

  const langName = (l: Lang): string => (l === 'es' ? s('langEs') : s('langEn'));
  const fx = catalogue(s.lang).framework;
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      data-testid="settings-form"
    >
      <Section title={s('language')} id="settings-language">
        <Field label={s('settingsLanguage')}>
          <Select value={language ?? ''} onChange={(_, d) => setLanguage(d.value === 'es' || d.value === 'en' ? d.value : null)}>
            <option value="">{s('settingsLanguageAuto', { lang: langName(autoLang) })}</option>
            <option value="es">{s('langEs')}</option>
            <option value="en">{s('langEn')}</option>
          </Select>
        </Field>
      </Section>
      <Section title={fx.settingsScheme} id="settings-bands">
        <Field label={fx.settingsScheme}>
          <Select value={scheme} onChange={(_, d) => setScheme(d.value === 'semaforo' ? 'semaforo' : 'toladata')} data-testid="settings-band-scheme">
            <option value="toladata">{fx.scheme_toladata}</option>
            <option value="semaforo">{fx.scheme_semaforo}</option>
          </Select>
        </Field>
      </Section>
      <Section title={s('settingsStatusWords')} id="settings-words">
        <Caption1 className={styles.note}>{s('settingsStatusWordsHint')}</Caption1>
        <div className={styles.words}>
          {CANONICAL_STATUSES.map((st) => (
            <Field key={st} label={s.status(st)}>
              <Textarea resize="vertical" rows={3} value={words[st]} onChange={(_, d) => setWords((w) => ({ ...w, [st]: d.value }))} />
            </Field>
          ))}
        </div>
      </Section>
      <Section title={s('settingsMappings')} id="settings-mappings">
        {Object.keys(mappings).length === 0 ? (
          <Caption1 className={styles.note}>{s('settingsNoMappings')}</Caption1>
        ) : (
          <ul className={styles.mappings}>
            {Object.entries(mappings).map(([sheet, m]) => (
              <li key={sheet} className={styles.mapping}>
                <span>
                  {s('settingsMappingLine', { sheet, row: m.headerRow })}:{' '}
                  {Object.entries(m.columns)
                    .map(([role, col]) => `${s(ROLE_KEYS[role as MappedRole])} ${col}`)
                    .join(', ')}
                </span>
                <Button
                  size="small"
                  icon={<DeleteRegular />}
                  onClick={() =>
                    setMappings((all) => {
                      const next = { ...all };
                      delete next[sheet];
                      return next;
                    })
                  }
                >
                  {s('settingsRemoveMapping')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <div>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="settings-save">
          {s('settingsSave')}
        </Button>
        <Caption1 block className={styles.note} style={{ marginTop: tokens.spacingVerticalXS }}>
          {s('settingsWhere')}
        </Caption1>
      </div>
    </form>
  );
}
