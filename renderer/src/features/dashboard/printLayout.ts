import { createContext, useContext } from 'react';

/**
 * True inside the print view (`DashboardView` without tabs): paper has no select to change and no
 * fold to open, so a section that shows one choice at a time on screen draws every choice in a row,
 * and a folded part is drawn open.
 */
export const PrintLayout = createContext(false);

export function useInPrint(): boolean {
  return useContext(PrintLayout);
}
