-- Who acted through an agent ("MCP, client Claude"): kept beside the actor on each line it wrote; null for the rest.
alter table post_history add column via text;
