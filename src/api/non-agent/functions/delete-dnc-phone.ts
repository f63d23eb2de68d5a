/** delete_dnc_phone (spec §7.27): a number off the system or a campaign DNC list; needs delete_from_dnc. */
import { dncFunction } from './dnc-phone.js';

export const deleteDncPhone = dncFunction('delete');
