export * from './types';
export * from './names';
export * from './validation';
export * from './catalog';
export * from './upcast';
export * from './categories';
