import type { InputHTMLAttributes } from 'react';

/**
 * A respondent code as it is typed: plain text without autofill or spelling check, capitals on a
 * touch keyboard. Whether the code is right is decided elsewhere (the main process, the kiosk's
 * check character).
 */
export function CodeInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} {...props} />;
}
