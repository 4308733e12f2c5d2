/** Internal-note templates that agents leave on threads (by reply category, praise and VIP). */
import type { ReplyCat } from './types';

/** Internal notes are written in the team's working language, English. */
export const NOTES: Record<ReplyCat, string[]> = {
  billing: ['Payment history checked in the billing dashboard.', 'Billing ticket FIN-{n4} opened.', 'Customer has {n} devices on Cloud Plus.'],
  cancel: ['Checked the account: one active Cloud subscription.', 'No retention offer — customer was clear.'],
  device: ['Matches known issue ENG-{n4} (firmware {fw}).', 'Device logs show frequent Wi-Fi reconnects.', 'Customer has {n} devices on the account.'],
  app: ['Linked to APP-{n4}, fix planned for {appvnext}.', "Can't reproduce on test devices, waiting for diagnostics."],
  login: ['Identity verified via device serial.', 'SMS provider had delays today, see status page.'],
  delivery: ['Courier trace opened with ParcelNet, ref PN-{n4}.', 'Warehouse confirms late dispatch (stock shortage).'],
  order: ['Order {order} packed, dispatch tomorrow.', 'Checked order {order}: address fine.'],
  info: ['Sent help article {article}.', 'Good candidate for the FAQ.'],
  feedback: ['Added to feature board (PROD-{n4}).', 'Shared in #product-feedback.'],
  support: ['Ticket was stuck in the unassigned queue for {days} days.', 'Second contact about this — please keep an eye on it.'],
};
export const POSITIVE_NOTES = ['Shared in #team-wins 🎉', 'Forwarded to the product team as positive feedback.', 'Added to the monthly CSAT highlights.'];
export const VIP_NOTES = ['VIP account — prioritise.', 'VIP: {n} properties on this account, handle personally.'];
