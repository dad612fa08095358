/** A review state as a DSFR badge: À traiter (new), Retenue (success), Écartée (neutral). */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { REVIEW_STATE_LABELS, type ReviewState } from '../../../src-main/contract/domain.ts';

const SEVERITY = { a_traiter: 'new', retenue: 'success', ecartee: undefined } as const;

export function ReviewBadge({ review }: { review: ReviewState }) {
  return <Badge as="span" small noIcon severity={SEVERITY[review]}>{REVIEW_STATE_LABELS[review]}</Badge>;
}
