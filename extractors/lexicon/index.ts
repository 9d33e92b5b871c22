/** The lexicon of plan language: every rule, exclusion and scope builds its words from here. */
export * from './comparison-words';
export * from './unit-words';
export * from './report-words';
export * from './list-joiners';
export * from './achievement-words';
export * from './subject-words';
