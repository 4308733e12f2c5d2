/** How a person shows in the window: one label for a customer nobody has named. */

export const unknownCustomerLabel = 'Unknown customer';

/** The customer's name, or the one label every screen uses when there is none. */
export function customerLabel(customer: { name: string } | null | undefined): string {
  const name = customer?.name.trim();
  return name ? name : unknownCustomerLabel;
}
