import type { Session } from './harness';

/** Opens the *Vragenlijsten* screen from the start screen and waits for its list of instruments. */
export async function openInstrumentsScreen(session: Session): Promise<void> {
  const { page } = session;
  await page.goto(session.harness.url);
  await page.getByRole('heading', { level: 1, name: 'Netwerken' }).waitFor();
  await page.getByRole('button', { name: 'Vragenlijsten bekijken, importeren en exporteren' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vragenlijsten' }).waitFor();
  await page.getByTestId('instrument-list').waitFor();
}
