/** Which tab of Rules & SLA is showing; kept across visits so a lead returns where they were. */
import { create } from 'zustand';

export type RoutingTab = 'rules' | 'teams' | 'sla' | 'outbound';

interface RoutingState {
  tab: RoutingTab;
  tabOpened(tab: RoutingTab): void;
}

export const useRouting = create<RoutingState>((set) => ({
  tab: 'rules',
  tabOpened: (tab) => set({ tab }),
}));
