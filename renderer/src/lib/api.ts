// One place for the renderer to name the contract's types; values never cross this line.
export type * from '../../../electron/api';
