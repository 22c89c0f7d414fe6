/** Collection names: 1–80 characters after trimming (shared by the form, the action and the query). */
export const COLLECTION_NAME_MAX = 80;
