import { useEffect, useState } from 'react';

/** The screen named in the URL's hash (`#/accounts`), so Back and bookmarks work without a router. */
export function useHashRoute(fallback: string): [string, (route: string) => void] {
  const read = () => window.location.hash.replace(/^#\/?/, '') || fallback;
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  });
  return [route, (next) => (window.location.hash = `#/${next}`)];
}
