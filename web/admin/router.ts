/** A small router for /admin/<page>/<id>?query: the History API, no library. */
import { useEffect, useState } from 'react';

export interface Route {
  readonly page: string;
  readonly id: string | undefined;
  readonly query: URLSearchParams;
}

function current(): Route {
  const [, , page = '', id] = window.location.pathname.split('/');
  return { page: page || 'users', id: id ? decodeURIComponent(id) : undefined, query: new URLSearchParams(window.location.search) };
}

/** Go to /admin/<path>; `replace` changes the current history entry instead of adding one. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', `/admin/${path}`);
  else window.history.pushState(null, '', `/admin/${path}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
