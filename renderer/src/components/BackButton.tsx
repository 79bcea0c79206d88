/** "Terug": a button that looks like a link, because navigation here is app state, not a URL. */
export function BackButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="back-link" onClick={onClick} data-testid="back">
      <span aria-hidden="true">← </span>
      {label}
    </button>
  );
}
