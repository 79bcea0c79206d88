import type { Output, ParsedInput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

/**
 * Reports as Word and PowerPoint files (shared/report.ts says who does what). The renderer builds
 * the model and draws the charts; this service holds the one running report, its pictures, and
 * writes each file atomically.
 */

function notReady(): never {
  throw new ApiError('CONFLICT', 'Rapporten maken kan in deze versie nog niet.');
}

export function beginReport(_ctx: ServiceContext, _input: ParsedInput<'beginReport'>): Promise<Output<'beginReport'>> {
  return notReady();
}
export function addReportImages(_ctx: ServiceContext, _input: ParsedInput<'addReportImages'>): Output<'addReportImages'> {
  return notReady();
}
export function writeReport(_ctx: ServiceContext, _input: ParsedInput<'writeReport'>): Promise<Output<'writeReport'>> {
  return notReady();
}
export function endReport(_ctx: ServiceContext, _input: ParsedInput<'endReport'>): Output<'endReport'> {
  return notReady();
}
