export * from './alpha';
export * from './descriptives';
export * from './distributions';
export * from './exact';
export * from './ranks';
export * from './tests';
