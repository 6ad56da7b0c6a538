import type { DigestView, SectionView } from './digest-view';

function sectionText(section: SectionView): string[] {
  const out = ['', section.heading, '-'.repeat(Math.min(section.heading.length, 60))];
  const size = (section.items?.length ?? 0) + (section.counts?.length ?? 0) + (section.lines?.length ?? 0);
  if (size === 0) return [...out, section.empty];
  for (const item of section.items ?? []) out.push(`* ${item.title}`, `  ${item.meta}`, `  ${item.when}`, `  ${item.link}`);
  for (const [label, n] of section.counts ?? []) out.push(`  ${label}: ${n}`);
  for (const line of section.lines ?? []) out.push(`* ${line}`);
  if (section.more) out.push(`...and ${section.more} more in the tracker.`);
  return out;
}

/** The plain-text alternative of the digest: same words and links as the HTML, for clients that prefer text. */
export function renderDigestText(view: DigestView): string {
  const lines = [`${view.schoolName}: SEND Tracker weekly digest`, view.weekLabel, '', view.greeting, view.preheader];
  if (view.ownSections.length) lines.push('', '== Your items ==', ...view.ownSections.flatMap(sectionText));
  if (view.schoolSections.length) lines.push('', '== Whole-school picture ==', ...view.schoolSections.flatMap(sectionText));
  lines.push(
    '',
    `Open the SEND Tracker: ${view.trackerLink}`,
    '',
    'This email contains information about pupils with special educational needs. Do not forward it outside school.',
  );
  return `${lines.join('\n')}\n`;
}
