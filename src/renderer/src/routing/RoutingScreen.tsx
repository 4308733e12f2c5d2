/** Routing settings: rules, teams, SLA policies and the outbound log (being built). */
export function RoutingScreen() {
  return null;
}
