export * from './basket';
export * from './cross-tab';
export * from './open-basket';
export * from './react';
