// The family id of the learned signal's findings, on its own so that a page which only names
// findings (the region's workspace) does not load the checker.

/** A finding of the learned signal carries this family id (and the nearest labelled example). */
export const LEARNED_FAMILY_ID = 'lijkt-op-afpoeier'
