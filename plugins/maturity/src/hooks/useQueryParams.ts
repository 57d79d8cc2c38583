import { useSearchParams } from 'react-router-dom';

/**
 * The page's query parameters, and a function that changes some of them in place (an empty value
 * removes one), so filters live in the URL and a link shares the view.
 */
export function useQueryParams(): [
  URLSearchParams,
  (changes: Record<string, string>) => void,
] {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return [params, update];
}
