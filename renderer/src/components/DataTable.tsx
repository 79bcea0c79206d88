import type { ReactNode } from 'react';

/** A header cell of a table. A plain string is a left-aligned text column. */
export interface Column {
  label: ReactNode;
  className?: string;
  /** For columns that come from data (one per wave, group, answer option). */
  key?: string;
  testId?: string;
  /** A longer text shown on hover (the paper grid's item ids carry their question). */
  title?: string;
  /** In a table sorted by its columns: whether this column orders the rows (`aria-sort`). */
  sort?: 'ascending' | 'descending' | 'none';
}

/** A column of numbers: right-aligned, like its cells. */
export const numeric = (label: ReactNode, more: Omit<Column, 'label' | 'className'> = {}): Column => ({ label, className: 'numeric', ...more });

/** The header row of a table: one `th scope="col"` per column. */
export function TableHead({ columns }: { columns: readonly (Column | string)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => {
          const c = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={c.key ?? i} scope="col" className={c.className} data-testid={c.testId} title={c.title} aria-sort={c.sort}>
              {c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * A table of records: header row from `columns`, `children` as the rows. The caption names the
 * table for assistive technology only (the heading above it says the same); `scroll` lets a wide
 * table scroll sideways inside the page.
 */
export function DataTable({
  columns,
  caption,
  testId,
  className,
  scroll = false,
  children,
}: {
  columns: readonly (Column | string)[];
  caption?: string;
  testId?: string;
  className?: string;
  scroll?: boolean;
  children: ReactNode;
}) {
  const table = (
    <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId}>
      {caption !== undefined && <caption className="visually-hidden">{caption}</caption>}
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}
