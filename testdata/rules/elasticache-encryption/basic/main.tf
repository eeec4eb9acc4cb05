# Neither setting: two findings, both at the header.
resource "aws_elasticache_replication_group" "sessions" { # expect: elasticache-encryption
  replication_group_id = "sessions"
  description          = "user sessions"
  engine               = "redis"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
}

resource "aws_elasticache_replication_group" "jobs" {
  replication_group_id       = "jobs"
  description                = "job queue"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false # expect: elasticache-encryption
}

resource "aws_elasticache_replication_group" "pages" {
  replication_group_id       = "pages"
  description                = "rendered pages"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

# Being migrated to TLS: still accepts clear-text clients.
resource "aws_elasticache_replication_group" "rates" {
  replication_group_id       = "rates"
  description                = "rate limits"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  transit_encryption_mode    = "preferred" # expect: elasticache-encryption
}

# Valkey encrypts at rest unless told otherwise.
resource "aws_elasticache_replication_group" "feeds" {
  replication_group_id       = "feeds"
  description                = "feeds"
  engine                     = "valkey"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
}

resource "aws_elasticache_replication_group" "search" {
  replication_group_id       = "search"
  description                = "search cache"
  engine                     = "valkey"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = false # expect: elasticache-encryption
  transit_encryption_enabled = true
}

# A member of a global datastore takes its settings from the primary group.
resource "aws_elasticache_global_replication_group" "sessions" {
  global_replication_group_id_suffix = "sessions"
  primary_replication_group_id       = aws_elasticache_replication_group.pages.id
}

resource "aws_elasticache_replication_group" "pages_secondary" {
  replication_group_id        = "pages-eu"
  description                 = "rendered pages, eu"
  global_replication_group_id = aws_elasticache_global_replication_group.sessions.global_replication_group_id
  num_cache_clusters          = 2
}
