// A dialog opened by a button: its open state, the button's ref, and a close that gives focus back to
// the button however the dialog closes (Escape, Cancel, the action). The button should stay focusable
// while the action runs (Fluent's disabledFocusable), so focus has somewhere to go.
import * as React from 'react';

export interface OpenerDialog {
  readonly open: boolean;
  readonly opener: React.RefObject<HTMLButtonElement | null>;
  show(): void;
  close(): void;
  /** For Dialog's onOpenChange. */
  onOpenChange(_: unknown, d: { open: boolean }): void;
}

export function useOpenerDialog(): OpenerDialog {
  const [open, setOpen] = React.useState(false);
  const opener = React.useRef<HTMLButtonElement>(null);
  const close = (): void => {
    setOpen(false);
    // After the dialog has gone: Fluent moves focus while it unmounts.
    setTimeout(() => opener.current?.focus(), 0);
  };
  return { open, opener, show: () => setOpen(true), close, onOpenChange: (_, d) => (d.open ? setOpen(true) : close()) };
}
