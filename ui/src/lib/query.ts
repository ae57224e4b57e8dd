// Reading what a view needs from the backend outside the plan state (a comparison, the goal
// cascade, a target split over the year): loading, the result or a refusal, and a retry. The
// last result stays while a new key loads, so a view that refreshes after every edit does not
// flicker.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { BackendError } from "./backend";
import type { ErrorKind } from "../generated/ErrorKind";

export interface QueryError {
  kind: ErrorKind;
  message: string;
}

export interface Query<T> {
  /** The latest result, possibly for an earlier key (see `dataKey`). */
  data: T | undefined;
  /** The key `data` was loaded for. */
  dataKey: string | null;
  /** Loading the current key. */
  loading: boolean;
  /** The refusal for the current key. */
  error: QueryError | undefined;
  retry(): void;
}

export function toQueryError(e: unknown): QueryError {
  if (e instanceof BackendError) return { kind: e.kind, message: e.message };
  return { kind: "io", message: e instanceof Error ? e.message : String(e) };
}

/** Runs `load` whenever `key` changes (not when `key` is null). */
export function useQuery<T>(key: string | null, load: () => Promise<T>): Query<T> {
  const [result, setResult] = useState<{ key: string; data?: T; error?: QueryError } | null>(null);
  const [last, setLast] = useState<{ key: string; data: T } | null>(null);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  useLayoutEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    loader.current().then(
      (data) => {
        if (!live) return;
        setResult({ key, data });
        setLast({ key, data });
      },
      (e: unknown) => {
        if (live) setResult({ key, error: toQueryError(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const retry = useCallback(() => {
    setResult(null);
    setTick((n) => n + 1);
  }, []);
  const mine = result && result.key === key ? result : null;
  return {
    data: last?.data,
    dataKey: last?.key ?? null,
    loading: key !== null && !mine,
    error: mine?.error,
    retry,
  };
}
