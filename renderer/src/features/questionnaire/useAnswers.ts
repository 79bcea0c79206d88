import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../../shared/domain';
import { api } from '../../api';
import { messageOf } from '../../lib/errors';

export interface StoredAnswer {
  value: number | null;
  text: string | null;
}

export interface ItemAnswerState {
  /** What the main process has confirmed is stored; null when nothing is stored. */
  saved: StoredAnswer | null;
  /** A change on its way to the main process; shown meanwhile, dropped on failure. */
  pending: StoredAnswer | null;
  status: 'idle' | 'saving' | 'saved' | 'error';
  error: string | null;
}

export const answerKey = (instrumentId: string, itemId: string) => `${instrumentId}/${itemId}`;
const isEmpty = (a: StoredAnswer) => a.value === null && (a.text === null || a.text.trim() === '');
const initialItem: ItemAnswerState = { saved: null, pending: null, status: 'idle', error: null };

/**
 * Answer state for one response. Each answer is sent the moment it is given; an item shows as
 * saved only after the main process has confirmed the write. A refused save brings back what
 * was stored before and shows the main process's message.
 */
export function useAnswers(responseId: string, existing: Answer[]) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Record<string, ItemAnswerState>>(() =>
    Object.fromEntries(
      existing.map((a) => [answerKey(a.instrumentId, a.itemId), { ...initialItem, saved: { value: a.value, text: a.text }, status: 'saved' as const }]),
    ),
  );
  // Per item: the latest save's number (only it may update the screen) and the tail of its queue.
  const latest = useRef(new Map<string, number>());
  const queues = useRef(new Map<string, Promise<unknown>>());
  // Items whose typed text is on screen but not in the database (a refused open answer).
  const unsavedDrafts = useRef(new Set<string>());

  const update = useCallback((key: string, change: (prev: ItemAnswerState) => ItemAnswerState) => {
    setItems((prev) => ({ ...prev, [key]: change(prev[key] ?? initialItem) }));
  }, []);

  /**
   * Saves one answer. Saves of the same item go out one at a time, in the order given: over a
   * transport that does not keep order (the HTTP test harness) a quick "3 then 4" must not be
   * stored as 3. `keepsDraft` says the screen keeps showing the answer if it is refused (typed
   * text), so it still has to be saved before the response can be submitted.
   */
  const save = useCallback(
    (instrumentId: string, itemId: string, answer: StoredAnswer, keepsDraft = false) => {
      const key = answerKey(instrumentId, itemId);
      const seq = (latest.current.get(key) ?? 0) + 1;
      latest.current.set(key, seq);
      update(key, (prev) => ({ ...prev, pending: answer, status: 'saving', error: null }));
      const previous = queues.current.get(key) ?? Promise.resolve();
      const request = previous
        .then(() => api.saveAnswer({ responseId, instrumentId, itemId, value: answer.value, text: answer.text }))
        .then(
          () => {
            const confirmed = isEmpty(answer) ? null : answer;
            // An earlier save that succeeded is what the database holds, even while a later one is
            // on its way: if that later one is refused, the screen must fall back to this value.
            if (latest.current.get(key) !== seq) {
              update(key, (prev) => ({ ...prev, saved: confirmed }));
              return;
            }
            unsavedDrafts.current.delete(key);
            update(key, () => ({ saved: confirmed, pending: null, status: 'saved', error: null }));
          },
          (err: unknown) => {
            if (latest.current.get(key) !== seq) return;
            if (keepsDraft) unsavedDrafts.current.add(key);
            update(key, (prev) => ({ ...prev, pending: null, status: 'error', error: messageOf(err, t('errors.unexpected')) }));
          },
        );
      queues.current.set(key, request);
      void request.finally(() => {
        if (queues.current.get(key) === request) queues.current.delete(key);
      });
      return request;
    },
    [responseId, t, update],
  );

  /**
   * Waits until every save sent so far has been answered. True when what the screen shows is
   * also what the database holds (no typed answer was refused).
   */
  const settle = useCallback(async (): Promise<boolean> => {
    while (queues.current.size > 0) await Promise.allSettled([...queues.current.values()]);
    return unsavedDrafts.current.size === 0;
  }, []);

  return { items, save, settle };
}
