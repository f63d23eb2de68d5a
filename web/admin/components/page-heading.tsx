/** A page's heading, which is also the browser tab's title (with the page's status, e.g. "Saved"). */
import { usePageTitle } from '../hooks.js';

export function PageHeading({ title, status }: { title: string; status?: string | undefined }) {
  usePageTitle(title, status);
  // Focusable from script only: a move to the page puts the focus here (app.tsx).
  return <h2 tabIndex={-1}>{title}</h2>;
}
