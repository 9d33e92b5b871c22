/** Words that join the items of a list: a comparison word before the list governs each of them. */
export const LIST_JOINERS = ['、', '以及', '和', '及', '与', '或'];

/** The joiners as a regex alternation (longest first). */
export const LIST_JOINER = '(?:以及|[、和及与或])';
