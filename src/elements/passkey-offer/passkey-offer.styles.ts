import { css } from 'lit';

export const passkeyOfferStyles = css`
  :host {
    --_offer-max-width: var(--pep-passkey-offer-max-width, var(--_max-width));
  }
  .card {
    max-width: var(--_offer-max-width);
  }
  .actions {
    flex-wrap: wrap;
  }
  .waiting {
    color: var(--_muted);
  }
`;
