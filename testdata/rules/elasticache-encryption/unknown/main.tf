# Known only at apply: undecided, never a finding.
variable "tls" {
  type = bool
}

variable "engine" {
  type = string
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "user sessions"
  engine                     = var.engine
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  transit_encryption_enabled = var.tls
}
