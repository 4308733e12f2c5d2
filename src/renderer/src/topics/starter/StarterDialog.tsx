/** Choosing a starter taxonomy (placeholder until the picker lands). */
export interface StarterDialogProps {
  opened: boolean;
  onClose(): void;
}

export function StarterDialog(_props: StarterDialogProps): null {
  return null;
}
