export * from './types';
export * from './sentence';
export * from './languages';
export * from './react';
