import type { Db } from '../open.js';

/**
 * A numbered schema change. Numbers are grouped by capability so that work on different folders
 * never collides: 1–99 core, 100–199 triggers and runs, 200–299 outbox and channels,
 * 300–399 campaigns and sources, 400–499 monitors, 500–599 shadow, 600–699 v1 import.
 */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Db) => void);
}
