export * from './types';
export * from './names';
export * from './validation';
