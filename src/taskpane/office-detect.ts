// Are we inside Office? office.js comes from Microsoft's CDN; outside Office (or offline) it is
// missing, or Office.onReady reports no host: then the pane runs in browser mode.

export interface OfficeInfo {
  readonly host: string;
  readonly displayLanguage: string;
}

interface OfficeGlobal {
  onReady?: () => Promise<{ host: unknown; platform: unknown }>;
  context?: { displayLanguage?: string };
}

export async function detectOffice(timeoutMs = 1500, g: { Office?: OfficeGlobal } = globalThis as { Office?: OfficeGlobal }): Promise<OfficeInfo | null> {
  const office = g.Office;
  if (!office || typeof office.onReady !== 'function') return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady().catch(() => null), timeout]);
    if (!info || !info.host || !office.context) return null;
    return { host: String(info.host), displayLanguage: office.context.displayLanguage ?? '' };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
