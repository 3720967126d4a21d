export * from './types';
export * from './names';
export * from './validation';
export * from './entry';
export * from './catalog';
export * from './upcast';
export * from './categories';
export * from './limits';
export { DEVICE_NAME_MAX, deviceNameSchema, TIME_MAX, TIME_MIN } from './fields';
