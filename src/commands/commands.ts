// Entry of the ribbon commands (webpack bundle "commands" → dist/commands.html, the manifest's
// FunctionFile). Registers the ExecuteFunction handlers by the names manifest.xml gives them.
import { isoFromLocalDate } from '../core/dates';
import { createOfficeHost } from '../hosts/office';
import { REFRESH_ACTION, refreshStatus, type CompletableEvent } from './refresh';

/** The part of the Office global this file uses (tests pass a fake). */
export interface OfficeForCommands {
  readonly actions: { associate(name: string, handler: (event: CompletableEvent) => void): void };
  readonly context: { readonly displayLanguage?: string };
}

export function registerCommands(office: OfficeForCommands): void {
  office.actions.associate(REFRESH_ACTION, (event) => {
    void refreshStatus(
      {
        host: createOfficeHost(),
        today: () => isoFromLocalDate(new Date()),
        displayLanguage: office.context.displayLanguage,
        log: (e) => console.error('Tablero:', e),
      },
      event,
    );
  });
}

// Office.js comes from Microsoft's CDN in commands.html (loaded before this bundle); outside Office
// there is nothing to register. Microsoft's function-file pattern: initialise with Office.onReady and
// associate the handlers at load time, so they exist when the button is pressed.
if (typeof Office !== 'undefined') {
  void Office.onReady();
  registerCommands(Office as unknown as OfficeForCommands);
}
