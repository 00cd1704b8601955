/** A job id or campaign variant as a card key (`sla-daily-report`, `BJ-2025-10`, `BJ-2025-09@new`). */
export const SOURCE_CARD_KEY = /^[A-Za-z0-9][A-Za-z0-9@._-]{0,79}$/;
