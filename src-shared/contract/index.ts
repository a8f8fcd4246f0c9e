// Public face of the contract: import from here.
export * from './result';
export * from './schemas';
export * from './commands';
export * from './ws-protocol';
