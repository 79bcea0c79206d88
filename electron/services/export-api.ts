/** The export methods of the API (issue 5), for handlers.ts. */
export { exportStudy, getExportProgress } from './export-study';
export { saveChartImage, saveResultsPdf } from './export-charts';
