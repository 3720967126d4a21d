export * from './product';
export * from './evolve';
export * from './state';
export * from './selectors';
export * from './commands';
export * from './decide';
export * from './describe';
export * from './undo';
