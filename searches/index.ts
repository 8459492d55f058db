import findContact from './findContact';

export const searches = [findContact];
