/**
 * The most listings one newspaper edition prints (about 40 A3 or 60 A4 pages). The list is read
 * in print order up to this many, so the work and memory of one PDF stay bounded whatever the
 * catalogue's size; the first page states how many were printed out of how many published.
 */
export const MAX_NEWSPAPER_LISTINGS = 1000;
