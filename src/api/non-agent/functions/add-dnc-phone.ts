/** add_dnc_phone (spec §7.27): a number onto the system or a campaign DNC list. */
import { dncFunction } from './dnc-phone.js';

export const addDncPhone = dncFunction('add');
