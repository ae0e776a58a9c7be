-- YouTube sources' API keys sealed at rest (AES-256-GCM, the keyring tribu.credentials.*): "<key id>:<base64 nonce,
-- ciphertext and tag>", the source's id as associated data. Expand only: api_key stays for the release before this
-- one; shortly after startup listening seals every clear api_key into api_key_sealed and nulls it (ApiKeys).
alter table source add column api_key_sealed text;
