/**
 * The built-in instruments a new wave preselects (their latest versions). Kept free of zod and of
 * the definitions so the renderer can import it without pulling the schema into its bundle.
 * The other built-ins (Interprofessioneel samenwerken, Netwerkfase, Achtergrond) are offered but
 * left unticked: a researcher adds them on purpose.
 */
export const DEFAULT_WAVE_INSTRUMENTS: readonly string[] = ['kansrijke-samenwerking'];
