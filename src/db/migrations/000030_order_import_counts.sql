-- An orders run's counts as numbers (fetched, new, updated, unchanged, failed, unknown_sku), so an
-- ERP or the console reads them without parsing the note. NULL for other resources' runs, whose
-- considered/sent/confirmed/failed columns already say it all.
ALTER TABLE sync_runs ADD COLUMN order_counts jsonb;
