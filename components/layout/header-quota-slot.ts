/** Where in the app header a view's quota figure appears (`HeaderQuota`). */
export const HEADER_QUOTA_SLOT_ID = "app-header-quota";
