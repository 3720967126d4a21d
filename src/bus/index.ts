export * from './basket';
export * from './cross-tab';
export * from './react';
