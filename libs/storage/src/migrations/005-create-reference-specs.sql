-- Reference specs per service, one row per imported version (append-only; the highest version is
-- the reference). `operations` is the normalised JSON the matcher reads; `document` keeps the
-- original text for download and audit.
CREATE TABLE IF NOT EXISTS {{db}}.reference_specs
(
    service          String,
    version          UInt32,
    imported_at      DateTime64(3, 'UTC') DEFAULT now64(3),
    title            String,
    openapi_version  String,
    base_path        String,
    operations       String CODEC(ZSTD(3)),
    document         String CODEC(ZSTD(3)),
    document_sha256  String
)
ENGINE = MergeTree
ORDER BY (service, version);
