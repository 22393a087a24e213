// The lead organisation named in a "Responsable/s" cell, for grouping and for donors.

/** "Lidera: MIDUVI (Ing. …) Equipo: …" → "MIDUVI"; else the first organisation named. */
export function leadOrganisation(responsible: string | null | undefined): string | null {
  if (!responsible) return null;
  const text = responsible.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  // The word must end where the name starts: "Lideran MIDUVI" is not "n MIDUVI".
  const lead = /(?:^|[\s(;,])(?:lideran|lidera|liderado por|liderada por|líder|lider|lead by|led by|leads|lead|coordina|coordinan|lidera)(?![\p{L}])\s*:?\s*(.+)$/iu.exec(text);
  const from = lead?.[1] ?? text;
  // Up to the first person in brackets, list separator, "y"/"and"/"e", or the team part.
  const first = from.split(/\s*(?:\(|,|;|\/|\s+y\s+|\s+and\s+|\s+e\s+|\bequipo\b|\bteam\b|\bequipe\b|:)\s*/i)[0]?.trim() ?? '';
  return first || null;
}
