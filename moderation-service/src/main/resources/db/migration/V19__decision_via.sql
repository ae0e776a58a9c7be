-- The agent a user decided through ("MCP, client Claude"), named by the audit trail; null when they decided themselves.
alter table decision add column via text;
