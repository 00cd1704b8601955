// Stands in for the outbox's enqueue in the compiled-build test.
export function enqueueMessage(db, message) {
  db.exec('CREATE TABLE IF NOT EXISTS compiled_outbox (business_id TEXT PRIMARY KEY)');
  const result = db.prepare('INSERT OR IGNORE INTO compiled_outbox (business_id) VALUES (?)').run(message.businessId);
  return { id: String(result.lastInsertRowid), created: result.changes === 1 };
}
